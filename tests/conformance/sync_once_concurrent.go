package main

import (
	"fmt"
	"sync"
	"time"
)

type Config struct {
	once sync.Once
	val  string
}

func (c *Config) Get() string {
	c.once.Do(func() {
		time.Sleep(10 * time.Millisecond) // slow init: others must wait
		c.val = "loaded"
		fmt.Println("init ran")
	})
	return c.val
}

func main() {
	c := &Config{}
	var wg sync.WaitGroup
	got := make([]string, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i] = c.Get()
		}(i)
	}
	wg.Wait()
	fmt.Println(got)
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("first call only", i) })
	}
}
