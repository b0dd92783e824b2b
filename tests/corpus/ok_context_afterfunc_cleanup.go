// Correct pattern: context.AfterFunc runs cleanup when the request context
// ends; stop() prevents it for requests that finished first.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Conn struct {
	mu     sync.Mutex
	id     int
	closed bool
}

func (c *Conn) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
}

func (c *Conn) Closed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

func main() {
	ctx1, cancel1 := context.WithCancel(context.Background())
	c1 := &Conn{id: 1}
	stop1 := context.AfterFunc(ctx1, c1.Close)
	_ = stop1
	cancel1()
	time.Sleep(50 * time.Millisecond)

	ctx2, cancel2 := context.WithCancel(context.Background())
	c2 := &Conn{id: 2}
	stop2 := context.AfterFunc(ctx2, c2.Close)
	fmt.Println("stopped before cancel:", stop2())
	cancel2()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("conn1 closed:", c1.Closed(), "conn2 closed:", c2.Closed())
}
