//! The lock-order checker (`chanscope run --lockorder`,
//! core/src/analysis/lockorder.rs): inversions are reported even when the
//! run did not deadlock; consistent orders, gate locks and single-goroutine
//! orders are not. (Go has no such checker; the report follows the shape of
//! ThreadSanitizer's lock-order-inversion report with Go-style frames.)

use std::sync::Arc;

use chanscope_core::analysis::Finding;
use chanscope_core::runtime::machine::{Config, Machine};

fn run(src: &str, procs: usize, seed: u64) -> (i32, String, Vec<Finding>) {
    let prog =
        chanscope_core::compile_source(src.as_bytes(), "prog.go").unwrap_or_else(|d| panic!("{}", d.render("prog.go")));
    let cfg = Config {
        procs,
        seed,
        lockorder: true,
        ..Config::default()
    };
    let mut m = Machine::new(Arc::new(prog), cfg);
    m.run(0);
    let code = m.exit.as_ref().map(|e| e.code).unwrap_or(-1);
    (
        code,
        String::from_utf8_lossy(&m.stderr).into_owned(),
        m.findings.clone(),
    )
}

const SCHEDULES: [(usize, u64); 5] = [(1, 1), (1, 9), (2, 2), (4, 3), (8, 4)];

/// Every schedule finds exactly these lock-order findings (by the lines
/// of their acquisitions), and the program's own exit status is kept.
fn assert_findings(src: &str, want: &[&str]) {
    for (procs, seed) in SCHEDULES {
        let (code, err, fs) = run(src, procs, seed);
        assert_eq!(code, 0, "procs {} seed {}: {}", procs, seed, err);
        let mut got: Vec<String> = fs
            .iter()
            .filter(|f| f.kind == "lock-order")
            .map(|f| f.message.clone())
            .collect();
        got.sort();
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "procs {} seed {}:\n{}", procs, seed, err);
    }
}

const ABBA: &str = r#"package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu  sync.Mutex
	bal int
}

type Ledger struct {
	mu      sync.Mutex
	entries []string
}

func deposit(a *Account, l *Ledger, n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	l.mu.Lock()
	a.bal += n
	l.entries = append(l.entries, "deposit")
	l.mu.Unlock()
}

func audit(a *Account, l *Ledger) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.bal + len(l.entries)
}

func main() {
	a, l := &Account{}, &Ledger{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		deposit(a, l, 10)
	}()
	wg.Wait()
	fmt.Println(audit(a, l))
}
"#;

#[test]
fn ab_ba_across_two_types_is_reported_without_a_deadlock() {
    assert_findings(
        ABBA,
        &["potential deadlock: lock order inversion at prog.go:21, prog.go:30"],
    );
    let (_, err, fs) = run(ABBA, 1, 1);
    assert!(
        err.contains("WARNING: LOCK ORDER INVERSION (potential deadlock)\nCycle in lock order graph: "),
        "{}",
        err
    );
    // Both acquisition sites of both edges, with the call chains.
    for want in [
        "locked while holding",
        "previously locked by the same goroutine here:",
        "  main.deposit()\n      prog.go:21 ",
        "  main.deposit()\n      prog.go:19 ",
        "  main.audit()\n      prog.go:30 ",
        "  main.audit()\n      prog.go:28 ",
    ] {
        assert!(err.contains(want), "missing {:?} in\n{}", want, err);
    }
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].goroutines.len(), 2);
}

#[test]
fn three_lock_cycle() {
    let src = r#"package main

import (
	"fmt"
	"sync"
)

var a, b, c sync.Mutex

func step(x, y *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	x.Lock()
	y.Lock()
	y.Unlock()
	x.Unlock()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go step(&a, &b, &wg)
	wg.Wait()
	wg.Add(1)
	go step(&b, &c, &wg)
	wg.Wait()
	wg.Add(1)
	go step(&c, &a, &wg)
	wg.Wait()
	fmt.Println("ok")
}
"#;
    assert_findings(
        src,
        &["potential deadlock: lock order inversion at prog.go:13, prog.go:13, prog.go:13"],
    );
    let (_, err, _) = run(src, 1, 1);
    assert_eq!(err.matches(" => ").count(), 3, "{}", err);
}

#[test]
fn recursive_rlock_is_reported() {
    let src = r#"package main

import (
	"fmt"
	"sync"
)

type Store struct {
	mu   sync.RWMutex
	data map[string]int
}

func (s *Store) Get(k string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.data[k]
}

func (s *Store) Sum(keys []string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t := 0
	for _, k := range keys {
		t += s.Get(k)
	}
	return t
}

func main() {
	s := &Store{data: map[string]int{"a": 1, "b": 2}}
	fmt.Println(s.Sum([]string{"a", "b"}))
}
"#;
    assert_findings(
        src,
        &["potential deadlock: recursive RLock at prog.go:14 while holding the read lock taken at prog.go:20"],
    );
    let (_, err, _) = run(src, 1, 1);
    assert!(
        err.contains("WARNING: RECURSIVE READ LOCK (potential deadlock)"),
        "{}",
        err
    );
}

#[test]
fn rwmutex_read_lock_inversion() {
    // RLock(A) then Lock(B) in one goroutine, Lock(B) then RLock(A) in
    // another: with a writer waiting on A, both block.
    let src = r#"package main

import "sync"

var a sync.RWMutex
var b sync.Mutex

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		a.RLock()
		b.Lock()
		b.Unlock()
		a.RUnlock()
	}()
	wg.Wait()
	b.Lock()
	a.RLock()
	a.RUnlock()
	b.Unlock()
}
"#;
    assert_findings(
        src,
        &["potential deadlock: lock order inversion at prog.go:14, prog.go:20"],
    );
}

#[test]
fn consistent_orders_are_not_reported() {
    let src = r#"package main

import (
	"fmt"
	"sync"
)

type Account struct {
	id  int
	mu  sync.Mutex
	bal int
}

// Locks in id order, whichever way the money goes.
func transfer(from, to *Account, n int) {
	first, second := from, to
	if to.id < from.id {
		first, second = to, from
	}
	first.mu.Lock()
	second.mu.Lock()
	from.bal -= n
	to.bal += n
	second.mu.Unlock()
	first.mu.Unlock()
}

func main() {
	accs := []*Account{{id: 0, bal: 100}, {id: 1, bal: 100}, {id: 2, bal: 100}}
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			transfer(accs[i%3], accs[(i+1)%3], 1)
		}()
	}
	wg.Wait()
	var rw sync.RWMutex
	var mu sync.Mutex
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			mu.Lock()
			mu.Unlock()
			rw.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println(accs[0].bal + accs[1].bal + accs[2].bal)
}
"#;
    assert_findings(src, &[]);
}

#[test]
fn gate_lock_orders_are_not_reported() {
    let src = r#"package main

import "sync"

var gate, a, b sync.Mutex

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			gate.Lock()
			if i == 0 {
				a.Lock()
				b.Lock()
				b.Unlock()
				a.Unlock()
			} else {
				b.Lock()
				a.Lock()
				a.Unlock()
				b.Unlock()
			}
			gate.Unlock()
		}()
	}
	wg.Wait()
}
"#;
    assert_findings(src, &[]);
}

#[test]
fn one_goroutine_taking_both_orders_is_not_reported() {
    // It cannot wait for itself (lockdep would report it; it only becomes
    // a deadlock when a second goroutine runs the same code).
    let src = r#"package main

import "sync"

var a, b sync.Mutex

func main() {
	a.Lock()
	b.Lock()
	b.Unlock()
	a.Unlock()
	b.Lock()
	a.Lock()
	a.Unlock()
	b.Unlock()
}
"#;
    assert_findings(src, &[]);
}

#[test]
fn off_by_default() {
    let prog = chanscope_core::compile_source(ABBA.as_bytes(), "prog.go").unwrap();
    let mut m = Machine::new(Arc::new(prog), Config::default());
    m.run(0);
    assert!(m.findings.is_empty());
    assert!(!String::from_utf8_lossy(&m.stderr).contains("WARNING"));
}

#[test]
fn an_order_repeated_without_the_gate_is_reported() {
    // Both orders first happen under a gate lock; later a third goroutine
    // takes b then a without it: that one can deadlock against the first.
    let src = r#"package main

import "sync"

var gate, a, b sync.Mutex

func ab() {
	a.Lock()
	b.Lock()
	b.Unlock()
	a.Unlock()
}

func ba() {
	b.Lock()
	a.Lock()
	a.Unlock()
	b.Unlock()
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			gate.Lock()
			if i == 0 {
				ab()
			} else {
				ba()
			}
			gate.Unlock()
		}()
	}
	wg.Wait()
	wg.Add(1)
	go func() {
		defer wg.Done()
		ba()
	}()
	wg.Wait()
}
"#;
    assert_findings(
        src,
        &["potential deadlock: lock order inversion at prog.go:16, prog.go:9"],
    );
}
