package main

import (
	"fmt"
	"sync"
)

func deposit(balance *int, amount int, mu *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	defer mu.Unlock()
	*balance += amount
}

func main() {
	balance := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go deposit(&balance, i*10, &mu, &wg)
	}
	wg.Wait()
	fmt.Println("balance:", balance)
}
