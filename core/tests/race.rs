//! The race detector (`chanscope run --race`, core/src/analysis/race.rs).
//!
//! Racy programs are reported with the right lines whatever the schedule;
//! correct programs that synchronise through channels, mutexes, WaitGroup,
//! Once, atomics, Cond and contexts get no report under any of the seeds
//! and processor counts tried. The expected report texts were obtained by
//! running the same programs with `GOTOOLCHAIN=local go run -race` (Go
//! 1.27.3) and keeping Go's shape: the paths, addresses, goroutine ids and
//! `+0x..` offsets differ (normalised below), everything else is Go's.

use std::sync::Arc;

use chanscope_core::runtime::machine::{Config, Machine};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    findings: Vec<chanscope_core::analysis::Finding>,
}

fn run(src: &str, procs: usize, seed: u64) -> Run {
    let prog =
        chanscope_core::compile_source(src.as_bytes(), "prog.go").unwrap_or_else(|d| panic!("{}", d.render("prog.go")));
    let cfg = Config {
        procs,
        seed,
        race: true,
        ..Config::default()
    };
    let mut m = Machine::new(Arc::new(prog), cfg);
    m.run(0);
    Run {
        code: m.exit.as_ref().map(|e| e.code).unwrap_or(-1),
        stdout: String::from_utf8_lossy(&m.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&m.stderr).into_owned(),
        findings: m.findings.clone(),
    }
}

const SCHEDULES: [(usize, u64); 6] = [(1, 1), (1, 7), (2, 3), (4, 1), (4, 2), (8, 5)];

/// Replaces what legitimately differs from Go's output: addresses, pcs,
/// goroutine ids and file paths.
fn normalise(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        let mut l = line.to_string();
        if let Some(i) = l.find(" at 0x") {
            let j = l[i + 6..].find(' ').map(|k| i + 6 + k).unwrap_or(l.len());
            l.replace_range(i + 4..j, "ADDR");
        }
        if let Some(i) = l.find(" +0x") {
            l.truncate(i);
        }
        if let Some(i) = l.find("goroutine ") {
            let rest = &l[i + 10..];
            let n = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            if n > 0 {
                l.replace_range(i + 10..i + 10 + n, "N");
            }
        }
        if l.starts_with("Goroutine ") {
            let n = l[10..].chars().take_while(|c| c.is_ascii_digit()).count();
            l.replace_range(10..10 + n, "N");
        }
        if let Some(i) = l.find("/prog.go") {
            l.replace_range(..i + 1, "      ");
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

fn assert_race_free(src: &str) {
    for (procs, seed) in SCHEDULES {
        let r = run(src, procs, seed);
        assert!(
            !r.stderr.contains("DATA RACE"),
            "procs {} seed {}: false report:\n{}",
            procs,
            seed,
            r.stderr
        );
        assert_eq!(r.code, 0, "procs {} seed {}: {}", procs, seed, r.stderr);
        assert!(r.findings.is_empty());
    }
}

/// Every schedule reports a race between (exactly) these line pairs.
fn assert_races(src: &str, pairs: &[(u32, u32)]) {
    for (procs, seed) in SCHEDULES {
        let r = run(src, procs, seed);
        assert_eq!(r.code, 66, "procs {} seed {}: {}", procs, seed, r.stderr);
        let mut got: Vec<(u32, u32)> = r
            .findings
            .iter()
            .map(|f| {
                let lines: Vec<u32> = f
                    .goroutines
                    .iter()
                    .map(|g| g.rsplit(':').next().unwrap().parse().unwrap())
                    .collect();
                (lines[0].min(lines[1]), lines[0].max(lines[1]))
            })
            .collect();
        got.sort();
        got.dedup();
        let mut want = pairs.to_vec();
        want.sort();
        assert_eq!(got, want, "procs {} seed {}:\n{}", procs, seed, r.stderr);
        let n = r.stderr.matches("WARNING: DATA RACE").count();
        assert!(
            r.stderr.ends_with(&format!("Found {} data race(s)\n", n)),
            "{}",
            r.stderr
        );
    }
}

// ---- racy programs

const COUNTER: &str = r#"package main

import (
	"fmt"
	"time"
)

var counter int

func main() {
	for i := 0; i < 2; i++ {
		go func() {
			counter++
		}()
	}
	time.Sleep(10 * time.Millisecond)
	fmt.Println(counter)
}
"#;

#[test]
fn racy_global_counter() {
    assert_races(COUNTER, &[(13, 13), (13, 17)]);
}

/// `go run -race` on COUNTER printed (Go 1.27.3; the first of its two
/// reports, whose goroutines chanscope numbers differently):
const COUNTER_GO: &str = "==================
WARNING: DATA RACE
Read at ADDR by main goroutine:
  main.main()
      prog.go:17

Previous write at ADDR by goroutine N:
  main.main.func1()
      prog.go:13

Goroutine N (finished) created at:
  main.main()
      prog.go:12
==================
Found 2 data race(s)
";

#[test]
fn counter_report_has_gos_shape() {
    let r = run(COUNTER, 1, 1);
    let text = normalise(&r.stderr);
    // The second report (main's read against a goroutine's write) and the
    // summary are Go's, line for line.
    let second = text.rfind("==================\nWARNING").unwrap();
    assert_eq!(&text[second..], COUNTER_GO, "{}", r.stderr);
    // The first: two goroutines of the same `go` statement.
    assert!(text.starts_with(
        "==================\nWARNING: DATA RACE\nRead at ADDR by goroutine N:\n  main.main.func1()\n      prog.go:13\n\nPrevious write at ADDR by goroutine N:\n  main.main.func1()\n      prog.go:13\n\nGoroutine N (running) created at:\n  main.main()\n      prog.go:12\n\nGoroutine N (finished) created at:\n  main.main()\n      prog.go:12\n==================\n"
    ), "{}", text);
}

const MAP: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		m["a"] = 1
	}()
	go func() {
		defer wg.Done()
		m["b"] = 2
	}()
	wg.Wait()
	fmt.Println(len(m))
}
"#;

#[test]
fn racy_map_writes_to_different_keys() {
    assert_races(MAP, &[(14, 18)]);
    // Go 1.27.3 names the runtime function first
    // (`runtime.mapassign_faststr()` in internal/runtime/maps).
    let r = run(MAP, 1, 1);
    let t = normalise(&r.stderr);
    assert!(
        t.contains("Write at ADDR by goroutine N:\n  runtime.mapassign()\n"),
        "{}",
        t
    );
    assert!(
        t.contains("Previous write at ADDR by goroutine N:\n  runtime.mapassign()\n"),
        "{}",
        t
    );
}

#[test]
fn racy_map_read_against_write() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tm := map[int]int{}\n\tgo func() {\n\t\tm[1] = 1\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(m[2])\n}\n";
    assert_races(src, &[(11, 14)]);
}

#[test]
fn racy_slice_element() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\ts := make([]int, 4)\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\ts[1] += i\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(s)\n}\n";
    assert_races(src, &[(15, 15)]);
}

#[test]
fn distinct_slice_elements_do_not_race() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\ts := make([]int, 4)\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\ts[i] = i * i\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(s)\n}\n";
    assert_race_free(src);
}

const FIELDS: &str = r#"package main

import (
	"fmt"
	"time"
)

type Stats struct {
	hits   int
	misses int
}

func record(s *Stats, hit bool) {
	if hit {
		s.hits++
	} else {
		s.misses++
	}
}

func main() {
	st := &Stats{}
	go record(st, true)
	go record(st, false)
	record(st, true)
	time.Sleep(time.Millisecond)
	fmt.Println(st.hits, st.misses)
}
"#;

#[test]
fn racy_struct_fields_through_pointers() {
    // Go reports the same three pairs: hits (15/15, 15/27), misses (17/27);
    // hits and misses are different words, so 15 and 17 never race.
    assert_races(FIELDS, &[(15, 15), (15, 27), (17, 27)]);
}

const CAPTURED: &str = r#"package main

import "fmt"

func main() {
	done := make(chan bool)
	msg := "before"
	go func() {
		msg = "after"
		done <- true
	}()
	fmt.Println(msg)
	<-done
}
"#;

/// `GOTOOLCHAIN=local go run -race` on CAPTURED, normalised.
const CAPTURED_GO: &str = "==================
WARNING: DATA RACE
Write at ADDR by goroutine N:
  main.main.func1()
      prog.go:9

Previous read at ADDR by main goroutine:
  main.main()
      prog.go:12

Goroutine N (running) created at:
  main.main()
      prog.go:8
==================
Found 1 data race(s)
";

#[test]
fn racy_captured_variable_matches_go() {
    let r = run(CAPTURED, 1, 1);
    assert_eq!(r.stdout, "before\n");
    assert_eq!(normalise(&r.stderr), CAPTURED_GO);
    assert_eq!(r.code, 66);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].kind, "race");
    assert_races(CAPTURED, &[(9, 12)]);
}

#[test]
fn send_racing_close_is_a_race() {
    // chansend reads the channel, closechan writes it (runtime/chan.go).
    let src = "package main\n\nimport \"time\"\n\nfunc main() {\n\tc := make(chan int, 10)\n\tgo func() {\n\t\tc <- 1\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tclose(c)\n}\n";
    assert_races(src, &[(8, 11)]);
    let t = normalise(&run(src, 1, 1).stderr);
    assert!(
        t.contains("Write at ADDR by main goroutine:\n  runtime.closechan()\n"),
        "{}",
        t
    );
    assert!(
        t.contains("Previous read at ADDR by goroutine N:\n  runtime.chansend()\n"),
        "{}",
        t
    );
}

#[test]
fn sleep_is_not_synchronisation() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tx := 0\n\tgo func() {\n\t\tx = 1\n\t}()\n\ttime.Sleep(time.Second)\n\tfmt.Println(x)\n}\n";
    assert_races(src, &[(11, 14)]);
}

#[test]
fn unsynchronised_append_races() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar s []int\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\ts = append(s, i)\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(len(s) > 0)\n}\n";
    assert_races(src, &[(15, 15)]);
}

#[test]
fn panic_exit_keeps_status_2_and_no_summary() {
    // Go prints the report, then the panic, and exits 2 without "Found".
    let src = "package main\n\nimport \"time\"\n\nvar n int\n\nfunc main() {\n\tgo func() {\n\t\tn++\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tn++\n\tpanic(\"boom\")\n}\n";
    let r = run(src, 1, 1);
    assert_eq!(r.code, 2);
    let race = r.stderr.find("WARNING: DATA RACE").unwrap();
    let panic = r.stderr.find("panic: boom").unwrap();
    assert!(race < panic, "{}", r.stderr);
    assert!(!r.stderr.contains("Found"), "{}", r.stderr);
}

// ---- correct programs: no report

#[test]
fn unbuffered_channels_synchronise() {
    assert_race_free(
        r#"package main

import "fmt"

type T struct{ a, b int }

func main() {
	data := 0
	t := &T{}
	done := make(chan bool)
	go func() {
		data = 42
		t.a = 1
		done <- true
	}()
	<-done
	fmt.Println(data, t.a)
	x := 0
	c := make(chan int)
	go func() {
		x = 1
		<-c
	}()
	c <- 1
	fmt.Println(x)
}
"#,
    );
}

#[test]
fn buffered_channel_as_semaphore_and_close() {
    assert_race_free(
        r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan int, 1)
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				sem <- 1
				counter++
				<-sem
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
	ch := make(chan []int, 3)
	go func() {
		s := make([]int, 3)
		s[0] = 1
		ch <- s
	}()
	s := <-ch
	s[0]++
	v := 0
	q := make(chan struct{})
	go func() {
		v = 5
		close(q)
	}()
	<-q
	fmt.Println(s, v)
}
"#,
    );
}

#[test]
fn buffered_semaphore_of_capacity_two() {
    // Two slots, but each slot's holder hands the data to the next user of
    // that slot; the counter is guarded by a mutex, the per-slot values by
    // the capacity rule.
    assert_race_free(
        r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	tokens := make(chan int, 2)
	tokens <- 0
	tokens <- 1
	slots := make([]int, 2)
	var mu sync.Mutex
	total := 0
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := <-tokens
			slots[t]++
			mu.Lock()
			total++
			mu.Unlock()
			tokens <- t
		}()
	}
	wg.Wait()
	fmt.Println(slots[0]+slots[1], total)
}
"#,
    );
}

#[test]
fn mutexes_and_rwmutexes_synchronise() {
    assert_race_free(
        r#"package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu  sync.Mutex
	bal int
}

type Cache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *Cache) Get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[k]
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

func main() {
	a := &Account{}
	c := &Cache{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			a.mu.Lock()
			a.bal += i
			a.mu.Unlock()
			c.Set(fmt.Sprint(i), i)
			_ = c.Get("1")
		}(i)
	}
	wg.Wait()
	fmt.Println(a.bal, len(c.m))
}
"#,
    );
}

#[test]
fn once_atomics_and_cond_synchronise() {
    assert_race_free(
        r#"package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var (
	once   sync.Once
	config map[string]string
)

func get() string {
	once.Do(func() {
		config = map[string]string{"k": "v"}
	})
	return config["k"]
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = get()
		}()
	}
	wg.Wait()
	var ready atomic.Bool
	var n int64
	msg := ""
	go func() {
		msg = "hello"
		ready.Store(true)
	}()
	for !ready.Load() {
	}
	fmt.Println(msg)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&n, 1)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n))
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	queue := []int{}
	go func() {
		mu.Lock()
		queue = append(queue, 1)
		cond.Signal()
		mu.Unlock()
	}()
	mu.Lock()
	for len(queue) == 0 {
		cond.Wait()
	}
	fmt.Println(queue[0])
	mu.Unlock()
}
"#,
    );
}

#[test]
fn contexts_select_and_afterfunc_synchronise() {
    assert_race_free(
        r#"package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type result struct {
	id  int
	val []int
}

func worker(ctx context.Context, id int, out chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ; i++ {
		r := result{id: id, val: make([]int, 2)}
		r.val[0] = i
		select {
		case out <- r:
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	out := make(chan result, 4)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, i, out, &wg)
	}
	sum := 0
	for k := 0; k < 20; k++ {
		r := <-out
		r.val[1] = r.val[0]
		sum += r.val[1]
	}
	cancel()
	wg.Wait()
	fmt.Println(sum >= 0, ctx.Err())
	done := make(chan struct{})
	var x int
	time.AfterFunc(time.Millisecond, func() {
		x = 7
		close(done)
	})
	<-done
	fmt.Println(x)
}
"#,
    );
}

#[test]
fn waitgroup_results_and_pipeline() {
    assert_race_free(
        r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make([]int, 8)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * 2
		}()
	}
	wg.Wait()
	in := make(chan int)
	out := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			in <- i
		}
		close(in)
	}()
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	s := 0
	for v := range out {
		s += v
	}
	fmt.Println(results, s)
}
"#,
    );
}

#[test]
fn afterfunc_sees_what_its_creator_did() {
    // runtime/time.go: creating (or resetting) a timer releases, running
    // its function acquires.
    assert_race_free(
        r#"package main

import (
	"fmt"
	"time"
)

func main() {
	x := 1
	done := make(chan int)
	t := time.AfterFunc(time.Hour, func() {
		done <- x
	})
	x = 2
	t.Reset(time.Millisecond)
	fmt.Println(<-done)
}
"#,
    );
}

#[test]
fn afterfunc_racing_its_creator_is_reported() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tx := 1\n\ttime.AfterFunc(time.Millisecond, func() {\n\t\tx = 3\n\t})\n\ttime.Sleep(time.Second)\n\tfmt.Println(x)\n}\n";
    assert_races(src, &[(11, 14)]);
}

#[test]
fn plain_read_racing_atomic_add() {
    // Go 1.27.3 reports it with `sync/atomic.AddInt64()` on top of the
    // previous write's stack; atomic against atomic never races.
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync/atomic\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar n int64\n\tfor i := 0; i < 2; i++ {\n\t\tgo func() {\n\t\t\tatomic.AddInt64(&n, 1)\n\t\t}()\n\t}\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(n > 0)\n}\n";
    assert_races(src, &[(13, 17)]);
    let t = normalise(&run(src, 1, 1).stderr);
    assert!(
        t.contains("Previous write at ADDR by goroutine N:\n  sync/atomic.Add()\n"),
        "{}",
        t
    );
}

const SEMAPHORE: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan struct{}, CAP)
	balance := 0
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			balance += 10
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println(balance)
}
"#;

#[test]
fn semaphore_capacity_rule() {
    // Capacity 1: a mutex (the k-th receive happens before the (k+1)-th
    // send completes). Capacity 2: two holders at once, a race, which the
    // memory model allows and chanscope reports for every element type
    // (Go's -race misses it for zero-size elements, see hooks.rs).
    assert_race_free(&SEMAPHORE.replace("CAP", "1"));
    assert_races(&SEMAPHORE.replace("CAP", "2"), &[(17, 17)]);
}
