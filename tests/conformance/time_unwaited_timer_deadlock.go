package main

import (
	"fmt"
	"time"
)

// Go 1.23+: a timer whose channel nobody waits on does not keep the
// program alive, so this deadlocks at once instead of after an hour.
func main() {
	t := time.NewTimer(time.Hour)
	_ = t
	_ = time.After(time.Hour)
	fmt.Println("waiting")
	ch := make(chan int)
	<-ch
}
