// Bug (etcd-style): a struct's channel field is never made. Receiving from
// (and sending to) a nil channel blocks forever.
package main

import (
	"fmt"
	"time"
)

type Lease struct {
	ID        int
	keepAlive chan int // never initialised by the constructor
}

func newLease(id int) *Lease { return &Lease{ID: id} }

func (l *Lease) renew() {
	time.Sleep(5 * time.Millisecond)
	fmt.Println("renewing lease", l.ID)
	l.keepAlive <- l.ID
}

func main() {
	l := newLease(7)
	go l.renew()
	ttl := <-l.keepAlive
	fmt.Println("renewed", ttl)
}
