// Bug (Docker-style): every producer closes the shared channel when it is
// done. The first to finish ends the consumer's range early, and the slow
// producer's next send panics. (A WaitGroup plus a single closer is the
// fix.)
package main

import (
	"fmt"
	"time"
)

type Collector struct {
	lines chan string
}

func (c *Collector) produce(name string, n int, d time.Duration) {
	for i := 0; i < n; i++ {
		time.Sleep(d)
		c.lines <- fmt.Sprintf("%s-%d", name, i)
	}
	close(c.lines)
}

func main() {
	c := &Collector{lines: make(chan string, 10)}
	go c.produce("fast", 1, 50*time.Millisecond)
	go c.produce("slow", 2, 150*time.Millisecond)
	for l := range c.lines {
		fmt.Println(l)
	}
	fmt.Println("range ended early")
	time.Sleep(500 * time.Millisecond)
	fmt.Println("unreachable")
}
