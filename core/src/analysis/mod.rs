//! Finding concurrency bugs: the race detector (`race`), the lock-order
//! checker (`lockorder`) and, next to them, schedule exploration.
//!
//! Detectors report into a run by pushing onto `Machine::findings` (leave
//! `replay` empty: the explorer fills it).

pub mod lockhooks;
pub mod lockorder;
pub mod race;
pub mod stack;

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
