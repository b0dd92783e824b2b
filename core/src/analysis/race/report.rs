//! Race reports in Go's `-race` format, checked against `go run -race`:
//!
//! ```text
//! ==================
//! WARNING: DATA RACE
//! Read at 0x00000060a098 by goroutine 9:
//!   main.main.func1()
//!       /tmp/rc/r1.go:13 +0x24
//!
//! Previous write at 0x00000060a098 by goroutine 8:
//!   main.main.func1()
//!       /tmp/rc/r1.go:13 +0x3c
//!
//! Goroutine 9 (running) created at:
//!   main.main()
//!       /tmp/rc/r1.go:12 +0x32
//!
//! Goroutine 8 (finished) created at:
//!   main.main()
//!       /tmp/rc/r1.go:12 +0x32
//! ==================
//! ```
//!
//! Addresses are synthetic; `+0x..` is the bytecode pc.

use super::clock::Tid;
use super::loc::{address, Loc};
use super::{AccessOp, Prev, RaceDetector};
use crate::analysis::stack::{StackId, NO_STACK};
use crate::analysis::Finding;
use crate::vm::program::Program;

/// The current access being reported.
pub struct Cur {
    pub tid: Tid,
    pub write: bool,
    pub op: AccessOp,
    pub st: StackId,
}

fn kind(write: bool) -> &'static str {
    if write {
        "write"
    } else {
        "read"
    }
}

fn capital(write: bool) -> &'static str {
    if write {
        "Write"
    } else {
        "Read"
    }
}

fn who(goid: u64) -> String {
    if goid == 1 {
        "main goroutine".to_string()
    } else {
        format!("goroutine {}", goid)
    }
}

impl RaceDetector {
    /// Prints (once per pair of source locations) and records a race.
    pub fn report(&mut self, prog: &Program, alive: &dyn Fn(u64) -> bool, cur: Cur, prev: Prev, l: &Loc) {
        if !self.first_report(cur.st, prev.st) {
            return;
        }
        self.races += 1;
        let addr = address(l);
        let (g1, g2) = (self.goid(cur.tid), self.goid(prev.tid));
        let mut s = String::from("==================\nWARNING: DATA RACE\n");
        s.push_str(&format!("{} at 0x{:012x} by {}:\n", capital(cur.write), addr, who(g1)));
        self.stacks.render(prog, cur.st, cur.op.runtime_frame(), &mut s);
        s.push_str(&format!(
            "\nPrevious {} at 0x{:012x} by {}:\n",
            kind(prev.write),
            addr,
            who(g2)
        ));
        self.stacks.render(prog, prev.st, prev.op.runtime_frame(), &mut s);
        let status2 = if alive(g2) { "running" } else { "finished" };
        for (t, goid, status) in [(cur.tid, g1, "running"), (prev.tid, g2, status2)] {
            if goid == 1 {
                continue;
            }
            s.push_str(&format!("\nGoroutine {} ({}) created at:\n", goid, status));
            match self.created(t) {
                // Started by the runtime: an AfterFunc timer's goroutine.
                NO_STACK => s.push_str("  time.goFunc()\n      GOROOT/src/time/sleep.go:0 +0x0\n"),
                st => self.stacks.render(prog, st, None, &mut s),
            }
        }
        s.push_str("==================\n");
        self.out.push_str(&s);
        let f = self.finding(prog, &cur, &prev, g1, g2);
        self.findings.push(f);
    }

    fn site(&self, prog: &Program, st: StackId) -> (String, String) {
        let fr = self.stacks.get(st).last().copied();
        let func = fr
            .and_then(|f| prog.funcs.get(f.func as usize))
            .map(|f| f.name.clone())
            .unwrap_or_default();
        let line = fr.map(|f| f.line).unwrap_or(0);
        (func, format!("{}:{}", prog.file, line))
    }

    fn finding(&self, prog: &Program, cur: &Cur, prev: &Prev, g1: u64, g2: u64) -> Finding {
        let (f1, at1) = self.site(prog, cur.st);
        let (f2, at2) = self.site(prog, prev.st);
        let a = format!("{} at {}", kind(cur.write), at1);
        let b = format!("{} at {}", kind(prev.write), at2);
        // The same bug may show either access first: order them.
        let (x, y) = if a <= b { (a, b) } else { (b, a) };
        Finding::new(
            "race",
            format!("data race between {} and {}", x, y),
            vec![
                format!("goroutine {} [{}]: {} at {}", g1, kind(cur.write), f1, at1),
                format!("goroutine {} [{}]: {} at {}", g2, kind(prev.write), f2, at2),
            ],
        )
    }
}
