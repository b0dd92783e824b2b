package main

import (
	"errors"
	"fmt"
	"sync"
)

func fetch(id int) (string, error) {
	if id == 3 {
		return "", errors.New("fetch 3: not found")
	}
	return fmt.Sprintf("page-%d", id), nil
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	pages := make([]string, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := fetch(i)
			if err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
				return
			}
			pages[i] = p
		}()
	}
	wg.Wait()
	fmt.Println("error:", firstErr)
	fmt.Printf("%q\n", pages)
}
