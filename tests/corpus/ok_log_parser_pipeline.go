// Correct pattern: a parsing pipeline (lines -> parsed records -> per-status
// aggregation) with strings/strconv, a fixed number of parsers and a
// deterministic, sorted report.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

type Record struct {
	Path   string
	Status int
	Millis int
}

func parse(line string) (Record, error) {
	f := strings.Fields(line)
	if len(f) != 3 {
		return Record{}, fmt.Errorf("bad line %q", line)
	}
	st, err := strconv.Atoi(f[1])
	if err != nil {
		return Record{}, err
	}
	ms, err := strconv.Atoi(strings.TrimSuffix(f[2], "ms"))
	if err != nil {
		return Record{}, err
	}
	return Record{f[0], st, ms}, nil
}

func main() {
	logs := []string{
		"/api 200 12ms", "/api 500 40ms", "/health 200 1ms",
		"garbage", "/api 200 8ms", "/login 401 5ms", "/api 20x 3ms",
	}
	lines := make(chan string)
	recs := make(chan Record)
	errs := make(chan error, len(logs))
	go func() {
		defer close(lines)
		for _, l := range logs {
			lines <- l
		}
	}()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range lines {
				r, err := parse(l)
				if err != nil {
					errs <- err
					continue
				}
				recs <- r
			}
		}()
	}
	go func() {
		wg.Wait()
		close(recs)
		close(errs)
	}()
	byStatus := map[int][]int{}
	for r := range recs {
		byStatus[r.Status] = append(byStatus[r.Status], r.Millis)
	}
	var statuses []int
	for s := range byStatus {
		statuses = append(statuses, s)
	}
	sort.Ints(statuses)
	for _, s := range statuses {
		ms := byStatus[s]
		sort.Ints(ms)
		total := 0
		for _, m := range ms {
			total += m
		}
		fmt.Printf("%d: n=%d total=%dms %v\n", s, len(ms), total, ms)
	}
	var msgs []string
	for err := range errs {
		msgs = append(msgs, err.Error())
	}
	sort.Strings(msgs)
	fmt.Println(strings.Join(msgs, "\n"))
}
