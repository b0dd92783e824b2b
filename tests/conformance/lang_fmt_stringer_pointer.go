package main

import "fmt"

// A String method with a pointer receiver is only used when printing a
// pointer; printing the value shows the fields.
type Conn struct {
	ID   int
	Addr string
}

func (c *Conn) String() string { return fmt.Sprintf("conn#%d(%s)", c.ID, c.Addr) }

type Wrapper struct {
	C  *Conn
	V  Conn
}

func main() {
	c := Conn{1, "10.0.0.1"}
	fmt.Println(c)
	fmt.Println(&c)
	fmt.Printf("%v %+v\n", c, c)
	fmt.Printf("%v %s\n", &c, &c)
	fmt.Println([]*Conn{&c}, []Conn{c})
	w := Wrapper{C: &c, V: c}
	fmt.Printf("%v\n", w.C)
	var nilConn *Conn
	fmt.Println(nilConn == nil)
}
