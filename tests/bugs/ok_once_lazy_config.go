// Correct: lazy initialisation with sync.Once. The first caller builds the
// config; Do returns in every caller only after the build, so all reads are
// ordered after the writes.
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	endpoints []string
}

var (
	configOnce sync.Once
	config     *Config
)

func getConfig() *Config {
	configOnce.Do(func() {
		config = &Config{endpoints: []string{"a:80", "b:80"}}
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	sizes := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sizes[i] = len(getConfig().endpoints)
		}()
	}
	wg.Wait()
	fmt.Println(sizes)
}
