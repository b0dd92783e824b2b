// Correct pattern: lazy initialisation with sync.Once; many goroutines race
// to Get but the loader runs exactly once and everyone sees its result.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Config struct {
	Endpoint string
	Retries  int
}

type ConfigCache struct {
	once  sync.Once
	cfg   *Config
	loads int
}

func (c *ConfigCache) load() {
	time.Sleep(20 * time.Millisecond) // slow read
	c.loads++
	c.cfg = &Config{Endpoint: "https://api.internal", Retries: 3}
}

func (c *ConfigCache) Get() *Config {
	c.once.Do(c.load)
	return c.cfg
}

func main() {
	cache := &ConfigCache{}
	var wg sync.WaitGroup
	endpoints := make([]string, 8)
	for i := range endpoints {
		wg.Add(1)
		go func() {
			defer wg.Done()
			endpoints[i] = cache.Get().Endpoint
		}()
	}
	wg.Wait()
	fmt.Println(endpoints[0], endpoints[7], "loads:", cache.loads)
	fmt.Printf("%+v\n", *cache.Get())
}
