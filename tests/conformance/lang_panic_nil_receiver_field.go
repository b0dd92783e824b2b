package main

import "fmt"

type Cache struct {
	items map[string]int
}

// Methods on nil pointers are fine until they touch a field.
func (c *Cache) Name() string {
	if c == nil {
		return "nil cache"
	}
	return "cache"
}

func (c *Cache) Len() int { return len(c.items) }

func main() {
	var c *Cache
	fmt.Println(c.Name())
	fmt.Println(c.Len())
}
