//! Timers on the virtual clock.
//!
//! As in the Go playground's faketime, when no P has anything to run the
//! clock jumps to the earliest timer, so `time.Sleep(time.Hour)` returns at
//! once in real time and the order of output driven by sleeps is
//! deterministic. Unlike faketime, time also passes while goroutines
//! compute (a nanosecond per instruction, see `Machine::advance_clock`), so
//! a busy goroutine cannot stop a sleeping one from waking up.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::runtime::chan::HChan;
use crate::runtime::machine::Machine;
use crate::runtime::sched::{GIdx, WaitReason, G};
use crate::trace::EventKind;
use crate::types::consts;
use crate::vm::value::{Shared, Value};

#[derive(Debug)]
pub enum TimerKind {
    /// `time.Sleep`: ready the goroutine.
    Wake(GIdx),
    /// `time.After`: send the time on the channel (buffered, capacity 1).
    Send(Shared<HChan>),
}

#[derive(Debug)]
struct Timer {
    when: i64,
    seq: u64,
    kind: TimerKind,
}

impl PartialEq for Timer {
    fn eq(&self, o: &Timer) -> bool {
        (self.when, self.seq) == (o.when, o.seq)
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, o: &Timer) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Timer {
    fn cmp(&self, o: &Timer) -> std::cmp::Ordering {
        (self.when, self.seq).cmp(&(o.when, o.seq))
    }
}

/// The timer heap, ordered by (when, creation order).
#[derive(Debug, Default)]
pub struct Timers {
    heap: BinaryHeap<Reverse<Timer>>,
    seq: u64,
}

impl Timers {
    pub fn add(&mut self, when: i64, kind: TimerKind) {
        self.seq += 1;
        self.heap.push(Reverse(Timer { when, seq: self.seq, kind }));
    }

    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }

    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// A timer is due at `now`.
    pub fn due(&self, now: i64) -> bool {
        self.next_when().is_some_and(|w| w <= now)
    }

    pub fn next_when(&self) -> Option<i64> {
        self.heap.peek().map(|t| t.0.when)
    }

    fn pop_due(&mut self, now: i64) -> Option<TimerKind> {
        if self.next_when()? <= now {
            self.heap.pop().map(|t| t.0.kind)
        } else {
            None
        }
    }
}

impl Machine {
    /// `time.Sleep(d)` for `d > 0`.
    pub fn sleep(&mut self, p: usize, gi: GIdx, g: &mut G, d: i64, line: u32) {
        let when = self.now.saturating_add(d);
        self.timers.add(when, TimerKind::Wake(gi));
        self.park(p, g, WaitReason::Sleep, None, line);
    }

    /// `time.After(d)`: a channel that receives the time after `d`.
    pub fn after(&mut self, p: usize, d: i64, line: u32) -> Value {
        let ch = self.makechan(p, consts::INT64, 1, line);
        if let Value::Chan(c) = &ch {
            let when = self.now.saturating_add(d.max(0));
            self.timers.add(when, TimerKind::Send(c.clone()));
        }
        ch
    }

    /// Everything is blocked: jump the clock to the next timer and fire all
    /// timers due then. False when there is no timer.
    pub fn fire_next_timers(&mut self) -> bool {
        let Some(when) = self.timers.next_when() else {
            return false;
        };
        if when > self.now {
            self.now = when;
            self.trace.emit(self.now, None, 0, EventKind::ClockAdvance { to: when });
        }
        self.fire_due_timers();
        true
    }

    /// Fires every timer whose time has come, in (when, creation) order.
    pub fn fire_due_timers(&mut self) {
        // The timers run on some P, as on whichever P checks them in Go.
        let nprocs = self.sched.ps.len();
        let p = if nprocs > 1 { rand::Rng::random_range(&mut self.sched.rng, 0..nprocs) } else { 0 };
        while let Some(kind) = self.timers.pop_due(self.now) {
            match kind {
                TimerKind::Wake(gi) => {
                    let id = self.sched.g(gi).map(|g| g.id);
                    self.trace.emit(self.now, Some(p as u32), 0, EventKind::TimerFire { g: id, ch: None });
                    self.goready(p, gi, 0);
                }
                TimerKind::Send(c) => {
                    let id = c.borrow().id;
                    self.trace.emit(self.now, Some(p as u32), 0, EventKind::TimerFire { g: None, ch: Some(id) });
                    self.timer_send(p, &c);
                }
            }
        }
    }

    /// A timer's non-blocking send of the current time.
    fn timer_send(&mut self, p: usize, c: &Shared<HChan>) {
        let v = Value::Int(self.now);
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
}
