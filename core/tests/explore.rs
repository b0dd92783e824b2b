//! The explorer: exhaustive mode is exhaustive (counts of schedules
//! against a brute-force enumerator of an abstract model of the same
//! programs), PCT's probability bound, a rare deadlock found by `check`
//! and not by a plain run, and no findings on correct programs.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use chanscope_core::analysis::check::{run_once, CheckConfig, Checker};
use chanscope_core::analysis::choosers::{Ctl, Pct, Policy};
use chanscope_core::runtime::machine::{Config, ExitKind, Machine};
use chanscope_core::vm::program::Program;

fn compile(src: &str) -> Arc<Program> {
    Arc::new(chanscope_core::compile_source(src.as_bytes(), "t.go").unwrap_or_else(|d| panic!("{}", d.render("t.go"))))
}

// ---- the abstract model and its brute-force enumerator ----

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Op {
    /// main: `wg.Add(n)`.
    Add(i32),
    /// main: `go worker(i)` (worker i is goroutine i+1).
    Go(usize),
    /// main: `wg.Wait()`.
    Wait,
    /// main: returning ends the program.
    Exit,
    /// worker: `atomic.AddInt64(&v[i], 1)`.
    Atomic(usize),
    /// worker: `wg.Done()`.
    Done,
}

impl Op {
    /// The object an op touches (usize::MAX: everything; None: nothing).
    fn obj(self) -> Option<usize> {
        match self {
            Op::Add(_) | Op::Wait | Op::Done => Some(1000),
            Op::Go(_) => None,
            Op::Exit => Some(usize::MAX),
            Op::Atomic(v) => Some(v),
        }
    }
}

fn dependent(a: (usize, Op), b: (usize, Op)) -> bool {
    if a.0 == b.0 {
        return true;
    }
    // A goroutine's ops come after the `go` that created it.
    if matches!(a.1, Op::Go(i) if i + 1 == b.0) || matches!(b.1, Op::Go(i) if i + 1 == a.0) {
        return true;
    }
    match (a.1.obj(), b.1.obj()) {
        (Some(usize::MAX), _) | (_, Some(usize::MAX)) => true,
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

#[derive(Clone)]
struct State {
    pc: Vec<usize>,
    started: Vec<bool>,
    counter: i32,
    main_parked: bool,
    /// Events so far: (goroutine, index of its op).
    seq: Vec<(usize, usize)>,
}

/// Every maximal interleaving of the model: the number of them and the
/// number of their Mazurkiewicz classes.
fn enumerate(progs: &[Vec<Op>]) -> (usize, usize) {
    let mut count = 0;
    let mut classes = HashSet::new();
    let mut st = State { pc: vec![0; progs.len()], started: vec![false; progs.len()], counter: 0, main_parked: false, seq: vec![] };
    st.started[0] = true;
    walk(progs, st, &mut count, &mut classes);
    (count, classes.len())
}

fn walk(progs: &[Vec<Op>], st: State, count: &mut usize, classes: &mut HashSet<BTreeSet<((usize, usize), (usize, usize))>>) {
    let mut moved = false;
    for g in 0..progs.len() {
        let enabled = st.started[g] && st.pc[g] < progs[g].len() && !(g == 0 && st.main_parked);
        if !enabled {
            continue;
        }
        moved = true;
        let mut s = st.clone();
        let op = progs[g][s.pc[g]];
        s.seq.push((g, s.pc[g]));
        s.pc[g] += 1;
        match op {
            Op::Add(n) => s.counter += n,
            Op::Go(i) => s.started[i + 1] = true,
            Op::Wait => s.main_parked = s.counter > 0,
            Op::Done => {
                s.counter -= 1;
                if s.counter == 0 {
                    s.main_parked = false;
                }
            }
            Op::Atomic(_) => {}
            Op::Exit => {
                finish(progs, &s, count, classes);
                continue;
            }
        }
        walk(progs, s, count, classes);
    }
    assert!(moved, "the model deadlocked");
}

fn finish(progs: &[Vec<Op>], s: &State, count: &mut usize, classes: &mut HashSet<BTreeSet<((usize, usize), (usize, usize))>>) {
    *count += 1;
    // A trace is its events plus the order of every dependent pair.
    let mut key = BTreeSet::new();
    for (i, &a) in s.seq.iter().enumerate() {
        for &b in &s.seq[i + 1..] {
            if dependent((a.0, progs[a.0][a.1]), (b.0, progs[b.0][b.1])) {
                key.insert((a, b));
            }
        }
    }
    classes.insert(key);
}

/// The Go program of a model: main adds, starts the workers, waits.
fn program(workers: &[Vec<usize>]) -> (String, Vec<Vec<Op>>) {
    let nvars = workers.iter().flatten().max().map(|m| m + 1).unwrap_or(1);
    let mut src = format!("package main\n\nimport (\n\t\"sync\"\n\t\"sync/atomic\"\n)\n\nvar wg sync.WaitGroup\nvar v [{}]int64\n\n", nvars);
    let mut main = vec![Op::Add(workers.len() as i32)];
    let mut models = vec![];
    for (i, w) in workers.iter().enumerate() {
        src.push_str(&format!("func w{}() {{\n", i));
        let mut ops = vec![];
        for &x in w {
            src.push_str(&format!("\tatomic.AddInt64(&v[{}], 1)\n", x));
            ops.push(Op::Atomic(x));
        }
        src.push_str("\twg.Done()\n}\n\n");
        ops.push(Op::Done);
        models.push(ops);
        main.push(Op::Go(i));
    }
    main.push(Op::Wait);
    main.push(Op::Exit);
    src.push_str(&format!("func main() {{\n\twg.Add({})\n", workers.len()));
    for i in 0..workers.len() {
        src.push_str(&format!("\tgo w{}()\n", i));
    }
    src.push_str("\twg.Wait()\n}\n");
    let mut progs = vec![main];
    progs.extend(models);
    (src, progs)
}

/// (complete schedules, abandoned, exhaustive, findings) of the search alone.
fn search(src: &str, por: bool) -> (u64, u64, bool, usize) {
    let mut c = Checker::new(compile(src), CheckConfig { schedules: 1_000_000, por, ..CheckConfig::default() });
    c.step_search(200_000);
    let (complete, blocked) = c.search_stats();
    (complete, blocked, c.exhaustive, c.findings().len())
}

#[test]
fn exhaustive_search_counts_every_interleaving() {
    let cases: &[&[&[usize]]] = &[
        &[&[0], &[0]],
        &[&[0], &[1]],
        &[&[0, 0], &[0]],
        &[&[0, 1], &[1, 0]],
        &[&[0, 1], &[2, 3]],
        &[&[0], &[0], &[0]],
        &[&[0], &[1], &[2]],
        &[&[0, 1, 2], &[2, 1]],
        &[&[0, 0, 0], &[1, 1, 1]],
    ];
    for w in cases {
        let workers: Vec<Vec<usize>> = w.iter().map(|x| x.to_vec()).collect();
        let (src, model) = program(&workers);
        let (all, classes) = enumerate(&model);
        let (complete, blocked, exhaustive, nf) = search(&src, false);
        assert!(exhaustive && nf == 0, "{:?}: not exhaustive or findings", workers);
        assert_eq!((complete, blocked), (all as u64, 0), "{:?}: plain DFS should run every interleaving", workers);
        let (complete, _, exhaustive, nf) = search(&src, true);
        assert!(exhaustive && nf == 0, "{:?}", workers);
        assert_eq!(complete, classes as u64, "{:?}: sleep sets should complete one schedule per trace ({} interleavings)", workers, all);
        eprintln!("{:?}: {} interleavings, {} traces", workers, all, classes);
        assert!(classes < all || all == 1, "{:?}: the model has nothing to reduce", workers);
    }
}

#[test]
fn exhaustive_search_sees_every_outcome() {
    // Each goroutine records the order in which it got the shared counter.
    let src = r#"package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var wg sync.WaitGroup
	got := make([]int64, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = atomic.AddInt64(&n, 1)
		}()
	}
	wg.Wait()
	fmt.Println(got)
}
"#;
    let prog = compile(src);
    let mut dfs = chanscope_core::analysis::explore::Dfs::new(true);
    let mut outs = BTreeSet::new();
    while let Some(run) = dfs.next_run() {
        let (out, ctl) = run_once(&prog, 4, 1, Ctl::new(Policy::Dfs(run)));
        let Policy::Dfs(run) = ctl.policy else { unreachable!() };
        dfs.finish(run, out.abandoned);
        if !out.abandoned {
            outs.insert(String::from_utf8(out.stdout).unwrap());
        }
    }
    // The 3! orders in which the goroutines reach the counter.
    assert_eq!(outs.len(), 6, "{:?}", outs);
}

/// A depth-2 ordering bug: it needs x.Add(1) before x.Add(10) and
/// y.Add(10) before y.Add(1) (each goroutine also works on private words).
const DEPTH2: &str = r#"package main

import (
	"sync"
	"sync/atomic"
)

var x, y, p, q int32
var r1, r2 int32

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		atomic.AddInt32(&p, 1)
		atomic.AddInt32(&x, 1)
		atomic.AddInt32(&p, 1)
		r1 = atomic.AddInt32(&y, 1)
		atomic.AddInt32(&p, 1)
	}()
	go func() {
		defer wg.Done()
		atomic.AddInt32(&q, 1)
		atomic.AddInt32(&y, 10)
		atomic.AddInt32(&q, 1)
		r2 = atomic.AddInt32(&x, 10)
		atomic.AddInt32(&q, 1)
	}()
	wg.Wait()
	if r1 == 11 && r2 == 11 {
		panic("depth-2 ordering bug")
	}
}
"#;

#[test]
fn pct_finds_a_depth_2_bug_within_its_bound() {
    let prog = compile(DEPTH2);
    let (first, _) = run_once(&prog, 4, 1, Ctl::replay(vec![]));
    assert_eq!(first.exit, Some(ExitKind::Normal), "the non-preemptive schedule has no bug");
    let k = first.steps;
    let n = 3.0; // main and two workers
    let runs = 3000;
    let mut hits = 0;
    for seed in 0..runs {
        let (out, _) = run_once(&prog, 4, 1, Ctl::new(Policy::Pct(Pct::new(seed, 2, k))));
        hits += out.findings.iter().any(|f| f.kind == "panic") as u32;
    }
    let bound = 1.0 / (n * k as f64);
    let rate = hits as f64 / runs as f64;
    eprintln!("PCT d=2: k={} hit rate {:.4}, bound {:.4}", k, rate, bound);
    assert!(rate >= bound, "PCT hit rate {} below its guarantee 1/(n k) = {}", rate, bound);
}

const RARE_DEADLOCK: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		mu.Lock()
		ch <- 1
		mu.Unlock()
	}()
	go func() {
		defer wg.Done()
		mu.Lock()
		mu.Unlock()
		<-ch
	}()
	wg.Wait()
	fmt.Println("ok")
}
"#;

#[test]
fn check_finds_a_rare_deadlock_a_plain_run_misses() {
    let prog = compile(RARE_DEADLOCK);
    let mut m = Machine::new(prog.clone(), Config { seed: 1, ..Config::default() });
    m.run(0);
    assert_eq!(m.exit.as_ref().map(|e| e.kind), Some(ExitKind::Normal));
    let mut c = Checker::new(prog, CheckConfig::default());
    while !c.done() {
        c.step(10);
    }
    let r = c.report();
    assert!(r.exhaustive);
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    assert_eq!(r.findings[0].kind, "deadlock");
    assert!(r.findings[0].goroutines.iter().any(|g| g.contains("[chan send]") && g.ends_with("t.go:16")), "{:?}", r.findings);
}

fn check(src: &str) -> chanscope_core::analysis::check::Report {
    let mut c = Checker::new(compile(src), CheckConfig { schedules: 300, ..CheckConfig::default() });
    while !c.done() {
        c.step(10);
    }
    c.report()
}

const CORRECT: &[(&str, &str)] = &[
    (
        "pipeline",
        r#"package main

import "fmt"

func main() {
	nums := make(chan int)
	sq := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			nums <- i
		}
		close(nums)
	}()
	go func() {
		for n := range nums {
			sq <- n * n
		}
		close(sq)
	}()
	sum := 0
	for s := range sq {
		sum += s
	}
	fmt.Println(sum)
}
"#,
    ),
    (
        "mutex counter",
        r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			n++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
"#,
    ),
    (
        "context cancel",
        r#"package main

import (
	"context"
	"fmt"
	"sync"
)

func worker(ctx context.Context, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ; i++ {
		select {
		case out <- i:
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(ctx, out, &wg)
	go worker(ctx, out, &wg)
	fmt.Println(<-out >= 0, <-out >= 0)
	cancel()
	wg.Wait()
}
"#,
    ),
    (
        "select with done and buffered results",
        r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int, 3)
	var once sync.Once
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- i
			once.Do(func() { close(done) })
		}()
	}
	<-done
	wg.Wait()
	close(results)
	n := 0
	for range results {
		n++
	}
	fmt.Println(n)
}
"#,
    ),
];

#[test]
fn correct_programs_have_no_findings() {
    for (name, src) in CORRECT {
        let r = check(src);
        assert!(r.findings.is_empty(), "{}: {:?}", name, r.findings);
    }
}

#[test]
fn leaks_after_main_returns_are_found() {
    // The worker is still asleep when main gives up waiting; it then blocks
    // on its send forever.
    let src = r#"package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(2 * time.Second)
		ch <- 42
	}()
	select {
	case v := <-ch:
		fmt.Println(v)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
}
"#;
    let r = check(src);
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    let f = &r.findings[0];
    assert_eq!(f.kind, "leak");
    assert!(f.message.contains("[chan send]") && f.message.contains("line 12"), "{}", f.message);
}
