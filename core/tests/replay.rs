//! Replay tokens: they reproduce the run exactly (output, exit, finding),
//! through the library and through `chanscope run --replay`, and shrinking
//! leaves a short schedule.

use std::process::Command;
use std::sync::Arc;

use chanscope_core::analysis::check::{run_once, CheckConfig, Checker};
use chanscope_core::analysis::choosers::Ctl;
use chanscope_core::analysis::replay::{decode, encode, Schedule};
use chanscope_core::vm::program::Program;

fn compile(src: &str) -> Arc<Program> {
    Arc::new(chanscope_core::compile_source(src.as_bytes(), "t.go").unwrap_or_else(|d| panic!("{}", d.render("t.go"))))
}

/// A send on a channel closed in a rare schedule: the closer must run
/// between the producer's check and its send.
const RARE_CLOSE: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int, 4)
	var mu sync.Mutex
	closed := false
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			mu.Lock()
			c := closed
			mu.Unlock()
			if !c {
				ch <- i
			}
		}
	}()
	go func() {
		defer wg.Done()
		mu.Lock()
		closed = true
		mu.Unlock()
		close(ch)
	}()
	wg.Wait()
	n := 0
	for range ch {
		n++
	}
	fmt.Println("received", n)
}
"#;

fn first_finding(src: &str, kind: &str) -> chanscope_core::analysis::Finding {
    let mut c = Checker::new(compile(src), CheckConfig { schedules: 500, ..CheckConfig::default() });
    while !c.done() {
        c.step(10);
    }
    c.findings().iter().find(|f| f.kind == kind).cloned().unwrap_or_else(|| panic!("no {} finding in {:?}", kind, c.findings()))
}

#[test]
fn tokens_reproduce_the_finding_and_the_output() {
    let prog = compile(RARE_CLOSE);
    let f = first_finding(RARE_CLOSE, "panic");
    assert_eq!(f.message, "send on closed channel");
    assert!(f.replay.len() <= 24, "token {} is long", f.replay);
    let s = decode(&f.replay).unwrap();
    let nonzero = s.decisions.iter().filter(|&&d| d != 0).count();
    assert!(nonzero <= 2, "shrunk schedule still has {} preemptions: {:?}", nonzero, s.decisions);
    // Same run twice: byte-identical output and the same finding.
    let (a, _) = run_once(&prog, s.procs, s.seed, Ctl::replay(s.decisions.clone()));
    let (b, _) = run_once(&prog, s.procs, s.seed, Ctl::replay(s.decisions.clone()));
    assert_eq!((&a.stdout, &a.stderr, a.exit), (&b.stdout, &b.stderr, b.exit));
    assert!(a.findings.iter().any(|x| x.key() == f.key()), "{:?}", a.findings);
    assert!(String::from_utf8_lossy(&a.stderr).contains("panic: send on closed channel"));
    // The token is what the run recorded.
    assert_eq!(encode(&Schedule { procs: s.procs, seed: s.seed, decisions: a.decisions }), f.replay);
}

#[test]
fn cli_check_then_replay() {
    let dir = std::env::temp_dir().join(format!("chanscope-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("rare.go");
    std::fs::write(&file, RARE_CLOSE).unwrap();
    let bin = env!("CARGO_BIN_EXE_chanscope");
    let out = Command::new(bin).args(["check", "--json", "--schedules", "300"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(keys, ["exhaustive", "findings", "schedules"]);
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "panic").expect("a panic finding");
    let tok = f["replay"].as_str().unwrap();
    let run = |args: &[&str]| Command::new(bin).arg("run").args(args).arg(&file).output().unwrap();
    let r1 = run(&["--replay", tok]);
    let r2 = run(&["--replay", tok]);
    assert_eq!(r1.status.code(), Some(2));
    let err = String::from_utf8_lossy(&r1.stderr);
    // The race detector reports the close racing with the send first, as Go's -race does.
    assert!(err.contains("\npanic: send on closed channel"), "{}", err);
    assert!(err.contains("chanscope: panic: send on closed channel"), "{}", err);
    assert_eq!((r1.stdout, r1.stderr), (r2.stdout, r2.stderr));
    // A plain run with the default seed does not show it.
    let plain = run(&[]);
    assert_eq!(plain.status.code(), Some(0));
    // Bad tokens are refused.
    let bad = run(&["--replay", "9xyz"]);
    assert_eq!(bad.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn replaying_a_leak_gives_the_same_output_as_go_would() {
    // After main returns, the driver runs the rest to find the leak, but
    // the output and exit are those of the moment main returned.
    let src = r#"package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		ch <- 1
		fmt.Println("never printed by go run")
	}()
	fmt.Println("main done")
}
"#;
    let f = first_finding(src, "leak");
    let prog = compile(src);
    let s = decode(&f.replay).unwrap();
    let (out, _) = run_once(&prog, s.procs, s.seed, Ctl::replay(s.decisions));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "main done\n");
    assert!(out.findings.iter().any(|x| x.key() == f.key()));
}
