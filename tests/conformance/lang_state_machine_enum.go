package main

import "fmt"

// An iota enum with String, a transition table keyed by the enum, and a
// method that validates transitions: the shape of a connection state
// machine.
type State int

const (
	Idle State = iota
	Connecting
	Ready
	TransientFailure
	Shutdown
)

var names = map[State]string{
	Idle: "IDLE", Connecting: "CONNECTING", Ready: "READY",
	TransientFailure: "TRANSIENT_FAILURE", Shutdown: "SHUTDOWN",
}

func (s State) String() string {
	if n, ok := names[s]; ok {
		return n
	}
	return fmt.Sprintf("State(%d)", int(s))
}

var allowed = map[State][]State{
	Idle:             {Connecting, Shutdown},
	Connecting:       {Ready, TransientFailure, Shutdown},
	Ready:            {Idle, Shutdown},
	TransientFailure: {Connecting, Shutdown},
}

type Conn struct {
	state   State
	history []State
}

func (c *Conn) To(s State) error {
	for _, ok := range allowed[c.state] {
		if ok == s {
			c.history = append(c.history, c.state)
			c.state = s
			return nil
		}
	}
	return fmt.Errorf("invalid transition %v -> %v", c.state, s)
}

func main() {
	c := &Conn{}
	for _, s := range []State{Connecting, TransientFailure, Connecting, Ready, Connecting, Shutdown, Idle} {
		if err := c.To(s); err != nil {
			fmt.Println("error:", err)
		}
	}
	fmt.Println(c.state, c.history)
	fmt.Printf("%v %d %s %v\n", Ready, Ready, State(9), []State{Idle})
}
