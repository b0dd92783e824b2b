// Correct: the missing-close fix. Producers are counted by a WaitGroup and a
// separate goroutine closes the channel once they are all done, so the
// consumer's range ends.
package main

import (
	"fmt"
	"sync"
)

type Order struct {
	shop   int
	amount int
}

func main() {
	orders := make(chan Order, 2)
	var producers sync.WaitGroup
	for shop := 1; shop <= 3; shop++ {
		producers.Add(1)
		go func() {
			defer producers.Done()
			for k := 1; k <= 2; k++ {
				orders <- Order{shop: shop, amount: shop * k}
			}
		}()
	}
	go func() {
		producers.Wait()
		close(orders)
	}()
	total := 0
	for o := range orders {
		total += o.amount
	}
	fmt.Println("total", total)
}
