// Correct pattern: a pub/sub broker; Publish takes the read lock and
// subscribers' buffered channels never block it; Unsubscribe takes the
// write lock and closes the channel.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Broker struct {
	mu   sync.RWMutex
	subs map[string]map[int]chan string
	next int
}

func NewBroker() *Broker { return &Broker{subs: map[string]map[int]chan string{}} }

func (b *Broker) Subscribe(topic string) (int, <-chan string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.subs[topic] == nil {
		b.subs[topic] = map[int]chan string{}
	}
	b.next++
	ch := make(chan string, 8)
	b.subs[topic][b.next] = ch
	return b.next, ch
}

func (b *Broker) Unsubscribe(topic string, id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ch, ok := b.subs[topic][id]; ok {
		close(ch)
		delete(b.subs[topic], id)
	}
}

func (b *Broker) Publish(topic, msg string) int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	n := 0
	for _, ch := range b.subs[topic] {
		ch <- msg
		n++
	}
	return n
}

func main() {
	b := NewBroker()
	id1, c1 := b.Subscribe("news")
	id2, c2 := b.Subscribe("news")
	_, c3 := b.Subscribe("sports")
	var wg sync.WaitGroup
	var mu sync.Mutex
	var lines []string
	for i, c := range []<-chan string{c1, c2, c3} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range c {
				mu.Lock()
				lines = append(lines, fmt.Sprintf("sub%d got %s", i+1, m))
				mu.Unlock()
			}
		}()
	}
	fmt.Println(b.Publish("news", "hello"), b.Publish("sports", "goal"), b.Publish("tv", "x"))
	b.Unsubscribe("news", id1)
	fmt.Println(b.Publish("news", "second"))
	b.Unsubscribe("news", id2)
	b.Unsubscribe("sports", 3)
	wg.Wait()
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
