package main

import (
	"fmt"
	"sync"
)

// An embedded sync.RWMutex promotes RLock/RUnlock/Lock/Unlock; a struct
// embedding that struct promotes them one level further.
type Table struct {
	sync.RWMutex
	rows map[int]string
}

func (t *Table) Get(k int) string {
	t.RLock()
	defer t.RUnlock()
	return t.rows[k]
}

func (t *Table) Put(k int, v string) {
	t.Lock()
	defer t.Unlock()
	t.rows[k] = v
}

type DB struct {
	Table
	name string
}

func main() {
	db := &DB{Table: Table{rows: map[int]string{}}, name: "db"}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db.Put(i%5, fmt.Sprint("v", i%5))
			_ = db.Get(i % 5)
		}()
	}
	wg.Wait()
	db.RLock()
	n := len(db.rows)
	db.RUnlock()
	fmt.Println(db.name, n, db.Get(3))
	fmt.Println(db.TryLock(), db.TryRLock())
	db.Unlock()
	fmt.Println(db.TryRLock())
	db.RUnlock()
}
