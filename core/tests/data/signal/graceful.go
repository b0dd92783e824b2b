package main

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				fmt.Println("worker: stopping")
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()
	fmt.Println("running")
	s := <-sigs
	fmt.Println("received", s)
	close(stop)
	wg.Wait()
	fmt.Println("clean exit")
}
