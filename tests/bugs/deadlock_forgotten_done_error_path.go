// Bug: wg.Done forgotten on an error path. The fetcher returns early when a
// URL is invalid without calling wg.Done, so wg.Wait never returns.
// Shows in: every schedule, the default one included.
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

func fetch(url string) (int, error) {
	if !strings.HasPrefix(url, "https://") {
		return 0, errors.New("bad scheme: " + url)
	}
	return len(url), nil
}

func main() {
	urls := []string{"https://a.example", "ftp://b.example", "https://c.example"}
	var mu sync.Mutex
	sizes := map[string]int{}
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			n, err := fetch(u)
			if err != nil {
				fmt.Println("skip:", err)
				return // bug: no wg.Done()
			}
			mu.Lock()
			sizes[u] = n
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(len(sizes), "fetched")
}
