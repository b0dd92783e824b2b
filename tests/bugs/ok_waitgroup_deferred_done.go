// Correct: wg.Add before the go statement and wg.Done deferred, so the early
// return on the error path still counts down; errors are collected under a
// mutex.
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

func fetch(url string) (int, error) {
	if !strings.HasPrefix(url, "https://") {
		return 0, errors.New("bad scheme")
	}
	return len(url), nil
}

func main() {
	urls := []string{"https://a.example", "ftp://b.example", "https://c.example"}
	var mu sync.Mutex
	var errs []error
	sizes := map[string]int{}
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := fetch(u)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			sizes[u] = n
		}()
	}
	wg.Wait()
	fmt.Println(len(sizes), "fetched,", len(errs), "failed")
}
