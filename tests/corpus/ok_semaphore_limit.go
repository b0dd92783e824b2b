// Correct pattern: a buffered channel as a semaphore limits concurrent
// downloads; the observed maximum in-flight count equals the limit.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Downloader struct {
	sem      chan struct{}
	mu       sync.Mutex
	inFlight int
	maxSeen  int
	done     int
}

func (d *Downloader) fetch(url string) {
	d.sem <- struct{}{}
	defer func() { <-d.sem }()
	d.mu.Lock()
	d.inFlight++
	if d.inFlight > d.maxSeen {
		d.maxSeen = d.inFlight
	}
	d.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	d.mu.Lock()
	d.inFlight--
	d.done++
	d.mu.Unlock()
}

func main() {
	d := &Downloader{sem: make(chan struct{}, 3)}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.fetch(fmt.Sprintf("https://example.com/%d", i))
		}()
	}
	wg.Wait()
	fmt.Println("done", d.done, "max in flight", d.maxSeen)
}
