//! Finding concurrency bugs across schedules.
//!
//! A run under exploration does not use the GMP driver's random quanta:
//! goroutines interleave only at *visible operations* (channel and sync
//! operations, `go`, atomics, timers, `main`'s return; see `visible.rs`),
//! and every choice (which goroutine performs its next visible operation,
//! `select`'s poll order) comes from a [`Chooser`]: a replay script, a
//! random or PCT scheduler, or the systematic search (`explore.rs`).
//! Each run yields [`Finding`]s (`findings.rs`); `check.rs` runs many
//! schedules within a budget, deduplicates and shrinks them, and gives
//! each a replay token (`replay.rs`) that `chanscope run --replay`
//! reproduces exactly.
//!
//! Other detectors (race, lock order) report into a run by pushing onto
//! `Machine::findings` (leave `replay` empty: the explorer fills it).

pub mod check;
pub mod choosers;
pub mod driver;
pub mod explore;
pub mod findings;
pub mod lockhooks;
pub mod lockorder;
pub mod race;
pub mod reach;
pub mod replay;
pub mod stack;
pub mod visible;

use serde::{Deserialize, Serialize};

/// One bug found in a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// `deadlock`, `leak`, `race`, `lock-order` or `panic`.
    pub kind: String,
    /// One line: what went wrong.
    pub message: String,
    /// The goroutines involved, one line each:
    /// `goroutine 7 [chan send]: main.worker at prog.go:12`.
    pub goroutines: Vec<String>,
    /// The replay token of a (shrunk) schedule that shows it.
    pub replay: String,
}

impl Finding {
    pub fn new(kind: &str, message: impl Into<String>, goroutines: Vec<String>) -> Finding {
        Finding { kind: kind.to_string(), message: message.into(), goroutines, replay: String::new() }
    }

    /// Two findings are the same bug when kind, message and the goroutines'
    /// code locations agree (goroutine ids differ between schedules).
    pub fn key(&self) -> String {
        let mut locs: Vec<String> = self.goroutines.iter().map(|g| strip_goid(g)).collect();
        locs.sort();
        locs.dedup();
        format!("{}|{}|{}", self.kind, strip_digits_after_goroutine(&self.message), locs.join(";"))
    }
}

/// `goroutine 7 [chan send]: f at x.go:3` -> `[chan send]: f at x.go:3`.
fn strip_goid(s: &str) -> String {
    match s.strip_prefix("goroutine ") {
        Some(rest) => rest.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start().to_string(),
        None => s.to_string(),
    }
}

/// Messages may name goroutine ids ("goroutine 9 leaked"); ids are not
/// part of a bug's identity.
fn strip_digits_after_goroutine(m: &str) -> String {
    let mut out = String::with_capacity(m.len());
    let mut rest = m;
    while let Some(i) = rest.find("goroutine ") {
        out.push_str(&rest[..i + 10]);
        rest = rest[i + 10..].trim_start_matches(|c: char| c.is_ascii_digit());
        out.push('N');
    }
    out.push_str(rest);
    out
}

/// The kinds of scheduling choice (`Sched::choose`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// GMP driver: the P where idle Ps start looking for work.
    StartP,
    /// GMP driver: which running P executes the next quantum.
    RunP,
    /// GMP driver: the quantum length.
    Quantum,
    /// `stealWork`: the first victim and the stride.
    StealStart,
    StealStride,
    /// `selectgo`'s poll order (one insertion of the shuffle).
    SelectOrder,
    /// The P that runs due timers / delivers a signal.
    TimerP,
    SignalP,
    /// Explore driver: which enabled goroutine moves next.
    Pick,
}

/// A goroutine's next transition, as the explore driver offers it.
#[derive(Clone, Debug)]
pub struct Trans {
    pub goid: u64,
    /// What the visible operation touches (for partial-order reduction).
    pub obj: visible::Obj,
    /// For a `select`: how many cases are ready (the poll order matters
    /// only with two or more).
    pub nready: u16,
}

/// Makes scheduling choices. `choose` answers a choice among `n` options
/// (`0..n`); `pick` picks one of the enabled goroutines (explore mode),
/// `None` abandons the run (the systematic search's sleep set blocks it).
pub trait Chooser: std::fmt::Debug + Send {
    fn choose(&mut self, kind: Choice, n: usize) -> usize;
    fn pick(&mut self, en: &[Trans]) -> Option<usize> {
        Some(self.choose(Choice::Pick, en.len()))
    }
    /// While muted, choices are 0 and not recorded (a step whose poll order
    /// cannot matter, the drain after `main` returned).
    fn mute(&mut self, _on: bool) {}
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any>;
}
