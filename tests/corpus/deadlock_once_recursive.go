// Bug: the function given to sync.Once.Do calls back into the same Once
// (through an accessor); Do waits for the first call to finish: deadlock.
package main

import (
	"fmt"
	"sync"
)

type Client struct {
	once sync.Once
	conn string
}

func (c *Client) Conn() string {
	c.once.Do(c.dial)
	return c.conn
}

func (c *Client) dial() {
	fmt.Println("dialing")
	c.conn = "tcp://db:5432"
	fmt.Println("connected to", c.Conn()) // re-enters once.Do
}

func main() {
	c := &Client{}
	fmt.Println(c.Conn())
}
