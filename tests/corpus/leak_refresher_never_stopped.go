// Bug: a token refresher goroutine loops on a ticker with no way to stop
// it; after Close the client is gone but the goroutine keeps running
// (Go reports nothing; NumGoroutine shows it).
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

type Client struct {
	mu    sync.Mutex
	token int
}

func NewClient() *Client {
	c := &Client{}
	go c.refresh()
	return c
}

func (c *Client) refresh() {
	t := time.NewTicker(50 * time.Millisecond)
	for range t.C { // no stop channel, no t.Stop()
		c.mu.Lock()
		c.token++
		c.mu.Unlock()
	}
}

func (c *Client) Close() { fmt.Println("client closed") }

func main() {
	c := NewClient()
	time.Sleep(175 * time.Millisecond)
	c.mu.Lock()
	fmt.Println("token refreshed:", c.token >= 1)
	c.mu.Unlock()
	c.Close()
	time.Sleep(25 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
