// Bug: Done is deferred and also called explicitly to "signal early", so the
// counter reaches zero too soon (Wait returns while part 2 still runs) and
// the last Done drives it negative: Go panics with "sync: negative
// WaitGroup counter".
package main

import (
	"fmt"
	"sync"
	"time"
)

type Uploader struct {
	wg sync.WaitGroup
}

func (u *Uploader) upload(part int) {
	defer u.wg.Done()
	time.Sleep(time.Duration(part) * 50 * time.Millisecond)
	fmt.Println("uploaded part", part)
	if part == 1 {
		u.wg.Done() // double Done
	}
}

func main() {
	u := &Uploader{}
	for i := 1; i <= 2; i++ {
		u.wg.Add(1)
		go u.upload(i)
	}
	u.wg.Wait()
	fmt.Println("all parts uploaded?")
	time.Sleep(500 * time.Millisecond)
	fmt.Println("unreachable")
}
