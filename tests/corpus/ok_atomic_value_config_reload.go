// Correct pattern: hot config reload through atomic.Value; readers never
// lock and always see a complete config.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Config struct {
	Version  int
	Backends []string
}

type Proxy struct {
	cfg atomic.Value // *Config
}

func (p *Proxy) Load() *Config     { return p.cfg.Load().(*Config) }
func (p *Proxy) Reload(c *Config)  { p.cfg.Store(c) }

func main() {
	p := &Proxy{}
	p.Reload(&Config{1, []string{"a"}})
	var wg sync.WaitGroup
	seen := make([]int, 4)
	for i := range seen {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 100 * time.Millisecond)
			c := p.Load()
			seen[i] = c.Version*10 + len(c.Backends)
		}()
	}
	time.Sleep(150 * time.Millisecond)
	p.Reload(&Config{2, []string{"a", "b"}})
	wg.Wait()
	fmt.Println(seen)
	old := p.cfg.Swap(&Config{3, nil}).(*Config)
	fmt.Println(old.Version, p.Load().Version)
}
