// Bug: lazy initialisation without sync.Once. Two request goroutines call
// getConfig, which checks a package variable for nil and fills it; both the
// check and the fill are unsynchronised, so they race (and the config may
// be built twice).
// Shows in: every schedule as a data race on `config`.
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	endpoints []string
}

var config *Config

func getConfig() *Config {
	if config == nil {
		config = &Config{endpoints: []string{"a:80", "b:80"}}
	}
	return config
}

func main() {
	var wg sync.WaitGroup
	sizes := make([]int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sizes[i] = len(getConfig().endpoints)
		}()
	}
	wg.Wait()
	fmt.Println(sizes)
}
