//! Host signals: `chanscope run --signal 2s` (or the page's Interrupt
//! button) delivers SIGINT at a virtual time, and os/signal hands it to
//! the channels registered with `signal.Notify`.
//!
//! Delivery follows os/signal's `process`: a non-blocking send to every
//! channel registered for the signal (a full channel misses it). With no
//! channel registered and the signal not ignored, the program dies as a Go
//! binary does when killed by it; chanscope reports that the way a shell
//! or `go run` does: exit status 128+signo (130 for SIGINT) and
//! `signal: interrupt` on stderr.

use std::collections::VecDeque;

use crate::runtime::chan::ChanRef;
use crate::runtime::machine::{ExitKind, Machine};
use crate::types::{Type, TypeId, TypeTable};
use crate::vm::ops_sync::SyncOp;
use crate::vm::panic::Throw;
use crate::vm::value::Value;

pub const SIGINT: i32 = 2;
pub const SIGTERM: i32 = 15;

#[derive(Debug, Default)]
pub struct Signals {
    /// Deliveries to come: (virtual time, signal number), earliest first.
    pending: VecDeque<(i64, i32)>,
    /// `signal.Notify` registrations; an empty set means every signal.
    handlers: Vec<(ChanRef, Vec<i32>)>,
    /// `signal.Ignore`d signals (`ignore_all` for `Ignore()`).
    ignored: Vec<i32>,
    ignore_all: bool,
    /// Every goroutine waits and only a host signal could wake one
    /// (`Config::interactive_signals`): the machine idles until one comes.
    pub awaiting: bool,
}

impl Signals {
    pub fn new(at: &[(i64, i32)]) -> Signals {
        let mut pending: Vec<(i64, i32)> = at.to_vec();
        pending.sort_by_key(|x| x.0);
        Signals {
            pending: pending.into(),
            ..Default::default()
        }
    }

    pub fn next_when(&self) -> Option<i64> {
        self.pending.front().map(|x| x.0)
    }

    /// Queues a delivery (the page's Interrupt button).
    pub fn push(&mut self, when: i64, sig: i32) {
        self.awaiting = false;
        let i = self
            .pending
            .iter()
            .position(|x| x.0 > when)
            .unwrap_or(self.pending.len());
        self.pending.insert(i, (when, sig));
    }

    pub fn has_handlers(&self) -> bool {
        !self.handlers.is_empty()
    }
}

/// Go's names for signals on linux/amd64 (`syscall.Signal.String`).
pub fn signal_name(n: i64) -> String {
    let s = match n {
        1 => "hangup",
        2 => "interrupt",
        3 => "quit",
        4 => "illegal instruction",
        5 => "trace/breakpoint trap",
        6 => "aborted",
        7 => "bus error",
        8 => "floating point exception",
        9 => "killed",
        10 => "user defined signal 1",
        11 => "segmentation fault",
        12 => "user defined signal 2",
        13 => "broken pipe",
        14 => "alarm clock",
        15 => "terminated",
        _ => return format!("signal {}", n),
    };
    s.to_string()
}

/// The `syscall.Signal` type of the program, when it mentions one.
pub fn signal_type(types: &TypeTable) -> Option<TypeId> {
    (0..types.len() as TypeId).find(|&t| is_signal_type(types, t))
}

pub fn is_signal_type(types: &TypeTable, t: TypeId) -> bool {
    matches!(types.get(t), Type::Named { pkg, name, .. } if pkg == "syscall" && name == "Signal")
}

/// `fmt`'s text for a `syscall.Signal` (its `String` method).
pub fn signal_text(types: &TypeTable, ty: TypeId, v: &Value) -> Option<String> {
    if is_signal_type(types, ty) {
        return Some(signal_name(v.as_int()));
    }
    None
}

fn signo(v: &Value) -> i32 {
    match v {
        Value::Iface(i) => signo(&i.val),
        other => other.as_int() as i32,
    }
}

fn signos(slice: &Value) -> Vec<i32> {
    match slice {
        Value::Slice { arr, off, len, .. } => {
            let a = arr.borrow();
            a.iter()
                .skip(*off as usize)
                .take(*len as usize)
                .map(signo)
                .collect()
        }
        _ => Vec::new(),
    }
}

fn str_panic(msg: &str) -> Throw {
    Throw::Panic(Value::iface(crate::types::consts::STRING, Value::str(msg)))
}

/// The os/signal operations of `Op::Sync`; `Some` is a result for `a`.
pub fn op(m: &mut Machine, k: SyncOp, x: &Value, y: &Value) -> Result<Option<Value>, Throw> {
    let s = &mut m.signals;
    match k {
        SyncOp::SigNotify => {
            let Value::Chan(c) = x else {
                return Err(str_panic("os/signal: Notify using nil channel"));
            };
            let sigs = signos(y);
            match s.handlers.iter_mut().find(|h| std::sync::Arc::ptr_eq(&h.0, c)) {
                Some(h) if sigs.is_empty() => h.1.clear(),
                Some(h) if !h.1.is_empty() => h.1.extend(sigs.iter().copied()),
                Some(_) => {}
                None => s.handlers.push((c.clone(), sigs.clone())),
            }
            if sigs.is_empty() {
                s.ignored.clear();
                s.ignore_all = false;
            } else {
                s.ignored.retain(|n| !sigs.contains(n));
            }
            Ok(None)
        }
        SyncOp::SigStop => {
            if let Value::Chan(c) = x {
                s.handlers.retain(|h| !std::sync::Arc::ptr_eq(&h.0, c));
            }
            Ok(None)
        }
        SyncOp::SigIgnore | SyncOp::SigReset => {
            let sigs = signos(x);
            if sigs.is_empty() {
                s.handlers.clear();
                s.ignored.clear();
                s.ignore_all = k == SyncOp::SigIgnore;
            } else {
                for h in s.handlers.iter_mut() {
                    if h.1.is_empty() {
                        // "All signals" minus these: list the common ones.
                        h.1 = (1..=31).filter(|n| !sigs.contains(n)).collect();
                    } else {
                        h.1.retain(|n| !sigs.contains(n));
                    }
                }
                s.handlers.retain(|h| !h.1.is_empty());
                s.ignored.retain(|n| !sigs.contains(n));
                if k == SyncOp::SigIgnore {
                    s.ignored.extend(sigs);
                }
            }
            Ok(None)
        }
        _ => Ok(Some(Value::str(&signal_name(signo(x) as i64)))),
    }
}

impl Machine {
    /// Delivers every signal whose time has come.
    pub fn deliver_due_signals(&mut self) {
        while let Some(&(when, sig)) = self.signals.pending.front() {
            if when > self.now || self.exit.is_some() {
                return;
            }
            self.signals.pending.pop_front();
            self.deliver_signal(sig);
        }
    }

    fn deliver_signal(&mut self, sig: i32) {
        let chans: Vec<ChanRef> = self
            .signals
            .handlers
            .iter()
            .filter(|h| h.1.is_empty() || h.1.contains(&sig))
            .map(|h| h.0.clone())
            .collect();
        if chans.is_empty() {
            if self.signals.ignore_all || self.signals.ignored.contains(&sig) {
                return;
            }
            let msg = format!("signal: {}\n", signal_name(sig as i64));
            self.write_stderr(msg.as_bytes());
            self.finish(128 + sig, ExitKind::Fatal);
            return;
        }
        let ty = signal_type(&self.prog.types).unwrap_or(crate::types::consts::INT);
        let v = Value::iface(ty, Value::Int(sig as i64));
        let nprocs = self.sched.ps.len();
        let p = if nprocs > 1 {
            self.sched.choose(crate::analysis::Choice::SignalP, nprocs)
        } else {
            0
        };
        for c in chans {
            self.send_nonblocking(p, &c, v.clone());
        }
    }

    /// `select { case c <- v: default: }` from the runtime.
    fn send_nonblocking(&mut self, p: usize, c: &ChanRef, v: Value) {
        self.lock_chan(c);
        let sg = {
            let mut hc = c.borrow_mut();
            if hc.closed {
                return;
            }
            match hc.recvq.pop_front() {
                Some(sg) => sg,
                None => {
                    if hc.buf.len() < hc.cap {
                        hc.buf.push_back(v);
                    }
                    return;
                }
            }
        };
        self.complete_recv(p, &sg, v, true, 0);
    }

    /// Nothing can run: move the clock to the next timer or signal,
    /// whichever comes first. False when there is neither.
    pub fn fire_next_event(&mut self) -> bool {
        let sig = self.signals.next_when();
        let timer = self.timers.next_when(&mut self.chan_locks);
        match (sig, timer) {
            (Some(s), t) if t.is_none_or(|t| s < t) => {
                if s > self.now {
                    self.now = s;
                }
                self.deliver_due_signals();
                true
            }
            (_, Some(_)) => self.fire_next_timers(),
            _ => {
                if self.signals.has_handlers()
                    && !self.sched.any_runnable()
                    && self.cfg.interactive_signals
                {
                    self.signals.awaiting = true;
                    return true;
                }
                if self.signals.has_handlers() && !self.sched.any_runnable() {
                    // A Go program waiting for a signal waits forever (its
                    // signal-receiving thread keeps checkdead quiet).
                    self.limit("every goroutine is blocked and only a signal could wake one: Go would wait forever (send one with --signal or the Interrupt button)");
                    return true;
                }
                false
            }
        }
    }
}

/// Go's `time.ParseDuration`: `300ms`, `-1.5h`, `2h45m`, `1µs`; a plain
/// `0` is allowed. Returns nanoseconds.
pub fn parse_go_duration(s: &str) -> Result<i64, String> {
    let bad = || format!("time: invalid duration {:?}", s);
    let (neg, mut rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(bad());
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let num = &rest[..num_end];
        if num.is_empty() || num == "." {
            return Err(bad());
        }
        let v: f64 = num.parse().map_err(|_| bad())?;
        rest = &rest[num_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = match &rest[..unit_end] {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            "" => return Err(format!("time: missing unit in duration {:?}", s)),
            u => return Err(format!("time: unknown unit {:?} in duration {:?}", u, s)),
        };
        rest = &rest[unit_end..];
        total += v * unit;
    }
    if total > i64::MAX as f64 {
        return Err(bad());
    }
    let ns = total.round() as i64;
    Ok(if neg { -ns } else { ns })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        assert_eq!(parse_go_duration("2s"), Ok(2_000_000_000));
        assert_eq!(parse_go_duration("1.5s"), Ok(1_500_000_000));
        assert_eq!(parse_go_duration("300ms"), Ok(300_000_000));
        assert_eq!(parse_go_duration("1m30s"), Ok(90_000_000_000));
        assert_eq!(parse_go_duration("10µs"), Ok(10_000));
        assert_eq!(parse_go_duration("0"), Ok(0));
        assert!(parse_go_duration("2").is_err());
        assert!(parse_go_duration("s").is_err());
        assert!(parse_go_duration("2x").is_err());
    }

    #[test]
    fn names() {
        assert_eq!(signal_name(2), "interrupt");
        assert_eq!(signal_name(15), "terminated");
        assert_eq!(signal_name(40), "signal 40");
    }
}
