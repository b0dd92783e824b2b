//! Schedule-dependent behaviour, tested statistically: `select` chooses
//! uniformly among ready cases, seeds change interleavings, and a seed
//! reproduces a run exactly (output and event trace).

use std::sync::Arc;

use chanscope_core::runtime::machine::{Config, Machine};

fn run(src: &str, procs: usize, seed: u64, trace: bool) -> (String, String, i32, String) {
    let prog = chanscope_core::compile_source(src.as_bytes(), "prog.go").expect("compiles");
    let cfg = Config { procs, seed, trace, ..Config::default() };
    let mut m = Machine::new(Arc::new(prog), cfg);
    let code = m.run(0).map(|e| e.code).unwrap_or(-1);
    let events = serde_json::to_string(&m.trace.events).unwrap();
    (String::from_utf8_lossy(&m.stdout).into_owned(), String::from_utf8_lossy(&m.stderr).into_owned(), code, events)
}

const SELECT_COUNTS: &str = r#"package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	c := make(chan int, 1)
	counts := [3]int{}
	for i := 0; i < 30000; i++ {
		a <- 1
		b <- 1
		c <- 1
		select {
		case <-a:
			counts[0]++
			<-b
			<-c
		case <-b:
			counts[1]++
			<-a
			<-c
		case <-c:
			counts[2]++
			<-a
			<-b
		}
	}
	fmt.Println(counts[0], counts[1], counts[2])
}
"#;

#[test]
fn select_chooses_uniformly_among_ready_cases() {
    for seed in [1, 2, 3] {
        let (out, err, code, _) = run(SELECT_COUNTS, 1, seed, false);
        assert_eq!(code, 0, "stderr: {}", err);
        let counts: Vec<f64> = out.split_whitespace().map(|s| s.parse().unwrap()).collect();
        assert_eq!(counts.len(), 3);
        let expected = 10000.0;
        let chi2: f64 = counts.iter().map(|c| (c - expected) * (c - expected) / expected).sum();
        // 2 degrees of freedom: P(chi2 > 13.82) = 0.001.
        assert!(chi2 < 13.82, "seed {}: counts {:?} give chi-square {:.2}", seed, counts, chi2);
    }
}

const INTERLEAVE: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	order := []int{}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				mu.Lock()
				order = append(order, g)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(order)
}
"#;

#[test]
fn different_seeds_give_different_interleavings() {
    let outs: std::collections::HashSet<String> = (1..=8).map(|s| run(INTERLEAVE, 4, s, false).0).collect();
    assert!(outs.len() >= 4, "only {} distinct interleavings over 8 seeds", outs.len());
}

#[test]
fn same_seed_gives_identical_output_and_trace() {
    for procs in [1, 2, 4, 8] {
        let a = run(INTERLEAVE, procs, 7, true);
        let b = run(INTERLEAVE, procs, 7, true);
        assert_eq!(a.0, b.0, "stdout differs at procs {}", procs);
        assert!(a.3.len() > 100, "trace is empty");
        assert_eq!(a.3, b.3, "event trace differs at procs {}", procs);
    }
}

#[test]
fn gomaxprocs_resizes_the_ps() {
    // runtime.GOMAXPROCS(1) then three `go` statements: with one P, Go runs
    // the last one first (runnext), then the others in order.
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/gomaxprocs.go")).unwrap();
    let (out, err, code, _) = run(&src, 4, 1, false);
    assert_eq!(code, 0, "{}", err);
    assert_eq!(out, "4\n4\n1\ng 2\ng 0\ng 1\n1\n8\n");
}

#[test]
fn slicing_the_run_does_not_change_the_schedule() {
    // A host (the page's worker) runs the machine in slices; the schedule
    // must not depend on where the slices end.
    let prog = || chanscope_core::compile_source(INTERLEAVE.as_bytes(), "prog.go").unwrap();
    let whole = {
        let mut m = Machine::new(Arc::new(prog()), Config { procs: 4, seed: 3, trace: true, ..Config::default() });
        m.run(0);
        (m.stdout.clone(), serde_json::to_string(&m.trace.events).unwrap())
    };
    for slice in [1u64, 7, 100, 1000] {
        let mut m = Machine::new(Arc::new(prog()), Config { procs: 4, seed: 3, trace: true, ..Config::default() });
        while m.run(slice).is_none() {}
        assert_eq!(m.stdout, whole.0, "stdout differs with slices of {}", slice);
        assert_eq!(serde_json::to_string(&m.trace.events).unwrap(), whole.1, "trace differs with slices of {}", slice);
    }
}
