// Bug (Docker-style): Shutdown closes the log channel while a slow producer
// is still running; its next send panics. The sleeps make the losing order
// the only one.
package main

import (
	"fmt"
	"sync"
	"time"
)

type LogCopier struct {
	mu    sync.Mutex
	lines chan string
	done  chan struct{}
	count int
}

func NewLogCopier() *LogCopier {
	lc := &LogCopier{lines: make(chan string, 8), done: make(chan struct{})}
	go lc.drain()
	return lc
}

func (lc *LogCopier) drain() {
	for l := range lc.lines {
		lc.mu.Lock()
		lc.count++
		lc.mu.Unlock()
		fmt.Println("log:", l)
	}
	close(lc.done)
}

func (lc *LogCopier) Shutdown() {
	close(lc.lines)
	<-lc.done
}

func (lc *LogCopier) produce(name string, n int, every time.Duration) {
	for i := 0; i < n; i++ {
		lc.lines <- fmt.Sprintf("%s line %d", name, i)
		time.Sleep(every)
	}
}

func main() {
	lc := NewLogCopier()
	go lc.produce("stderr", 3, 200*time.Millisecond)
	time.Sleep(300 * time.Millisecond)
	lc.Shutdown()
	fmt.Println("shut down")
	time.Sleep(500 * time.Millisecond)
	fmt.Println("unreachable")
}
