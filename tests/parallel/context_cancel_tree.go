// A tree of contexts (WithCancel, WithTimeout, WithValue) with a goroutine
// blocked on every node's Done. Cancelling one subtree wakes exactly its
// goroutines; cancelling the root wakes the rest; errors are checked.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type key string

func main() {
	root, cancelRoot := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	woke := make(chan string, 256)
	var subCancels []context.CancelFunc
	for i := 0; i < 4; i++ {
		sub, cancel := context.WithCancel(context.WithValue(root, key("branch"), i))
		subCancels = append(subCancels, cancel)
		for j := 0; j < 6; j++ {
			leaf, leafCancel := context.WithTimeout(sub, time.Hour)
			defer leafCancel()
			for k := 0; k < 3; k++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-leaf.Done()
					b := leaf.Value(key("branch")).(int)
					if errors.Is(leaf.Err(), context.Canceled) {
						woke <- fmt.Sprint("canceled branch ", b)
					} else {
						woke <- fmt.Sprint("other ", leaf.Err())
					}
				}()
			}
		}
	}
	subCancels[2]()
	counts := map[string]int{}
	for n := 0; n < 6*3; n++ {
		counts[<-woke]++
	}
	fmt.Println("after branch 2:", counts)
	cancelRoot()
	wg.Wait()
	close(woke)
	for s := range woke {
		counts[s]++
	}
	fmt.Println("after root:", counts)
	for _, c := range subCancels {
		c()
	}

	// Deadlines on the virtual/real clock: each worker's own timeout fires.
	var mu sync.Mutex
	expired := 0
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), time.Duration(1+i%4)*time.Millisecond)
			defer cancel()
			select {
			case <-ctx.Done():
				if ctx.Err() == context.DeadlineExceeded {
					mu.Lock()
					expired++
					mu.Unlock()
				}
			case <-time.After(time.Minute):
			}
		}()
	}
	wg.Wait()
	fmt.Println("deadlines expired", expired)
}
