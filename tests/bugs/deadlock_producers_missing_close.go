// Bug: producer/consumer with a missing close. Three producers send orders and
// signal a WaitGroup; the consumer ranges over the channel and reports the
// total on `summary`. Nobody closes `orders` after the producers are done,
// so the consumer's range never ends and main waits on `summary` forever.
// Shows in: every schedule, the default one included.
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
	summary := make(chan int)
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
		total := 0
		for o := range orders {
			total += o.amount
		}
		summary <- total
	}()
	producers.Wait()
	// bug: missing close(orders)
	fmt.Println("total", <-summary)
}
