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

use crate::runtime::chan::ChanRef;
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
    Send(ChanRef),
    /// A `*time.Timer`/`*time.Ticker` (see `timer_fields`); stale when the
    /// timer's generation moved on (stopped or reset since).
    Obj { t: Shared<Value>, gen: i64 },
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

    /// The values pending timers hold (channels, timer cells) and the
    /// goroutines they will wake: roots for the leak analysis.
    pub fn roots(&self) -> (Vec<Value>, Vec<GIdx>) {
        let (mut vs, mut gs) = (Vec::new(), Vec::new());
        for t in self.heap.iter() {
            match &t.0.kind {
                TimerKind::Wake(g) => gs.push(*g),
                TimerKind::Send(c) => vs.push(Value::Chan(c.clone())),
                TimerKind::Obj { t, .. } => vs.push(Value::Cell(t.clone())),
            }
        }
        (vs, gs)
    }

    /// A timer is due at `now`.
    pub fn due(&self, now: i64) -> bool {
        self.peek_when().is_some_and(|w| w <= now)
    }

    fn peek_when(&self) -> Option<i64> {
        self.heap.peek().map(|t| t.0.when)
    }

    fn pop_due(&mut self, now: i64) -> Option<(i64, TimerKind)> {
        if self.peek_when()? <= now {
            self.heap.pop().map(|t| (t.0.when, t.0.kind))
        } else {
            None
        }
    }

    /// The earliest timer that keeps the program alive. Go 1.23+ keeps a
    /// channel timer in the heap only while a goroutine is blocked on its
    /// channel, so a pending `time.After` nobody waits for does not stop
    /// deadlock detection; sleeps and `AfterFunc` always count.
    /// `locks`: the parallel driver's channel locks (`Machine::chan_locks`).
    pub fn next_when(&self, locks: &mut Option<crate::runtime::chanlock::ChanLocks>) -> Option<i64> {
        self.heap.iter().filter(|t| t.0.kind.live(locks)).map(|t| t.0.when).min()
    }
}

impl TimerKind {
    fn live(&self, locks: &mut Option<crate::runtime::chanlock::ChanLocks>) -> bool {
        let mut recv_waits = |c: &ChanRef| {
            if let Some(l) = locks.as_mut() {
                l.acquire(c);
            }
            c.try_borrow().map(|c| !c.recvq.is_empty()).unwrap_or(true)
        };
        match self {
            TimerKind::Wake(_) => true,
            TimerKind::Send(c) => recv_waits(c),
            TimerKind::Obj { t, gen } => {
                let Some(f) = timer_fields(t) else { return false };
                if f.gen != *gen || f.when < 0 {
                    return false;
                }
                match &f.c {
                    Value::Chan(c) => recv_waits(c),
                    _ => true,
                }
            }
        }
    }
}

/// The state of a `time.Timer`/`time.Ticker`, whose pointer is a cell
/// holding `struct { C; gen; when; period; f }`: `gen` 0 means never
/// initialised, `when` -1 means not running, `f` is `AfterFunc`'s func.
pub struct TimerFields {
    pub c: Value,
    pub gen: i64,
    pub when: i64,
    pub period: i64,
    pub f: Value,
}

pub fn timer_fields(t: &Shared<Value>) -> Option<TimerFields> {
    let v = t.try_borrow().ok()?;
    let Value::Struct(f) = &*v else { return None };
    Some(TimerFields {
        c: f.first().cloned().unwrap_or(Value::Nil),
        gen: f.get(1).map(|x| x.as_int()).unwrap_or(0),
        when: f.get(2).map(|x| x.as_int()).unwrap_or(-1),
        period: f.get(3).map(|x| x.as_int()).unwrap_or(0),
        f: f.get(4).cloned().unwrap_or(Value::Nil),
    })
}

pub fn set_timer_fields(t: &Shared<Value>, f: TimerFields) {
    *t.borrow_mut() = timer_value(f);
}

pub fn timer_value(f: TimerFields) -> Value {
    Value::Struct(std::sync::Arc::new(vec![f.c, Value::Int(f.gen), Value::Int(f.when), Value::Int(f.period), f.f]))
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
        let Some(when) = self.timers.next_when(&mut self.chan_locks) else {
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
        let p = if nprocs > 1 { self.sched.choose(crate::analysis::Choice::TimerP, nprocs) } else { 0 };
        while let Some((when, kind)) = self.timers.pop_due(self.now) {
            match kind {
                TimerKind::Obj { t, gen } => self.fire_timer_obj(p, when, t, gen),
                TimerKind::Wake(gi) => {
                    let id = self.sched.g(gi).map(|g| g.id);
                    self.trace.emit(self.now, Some(p as u32), 0, EventKind::TimerFire { g: id, ch: None });
                    self.goready(p, gi, 0);
                }
                TimerKind::Send(c) => {
                    let id = c.id;
                    self.trace.emit(self.now, Some(p as u32), 0, EventKind::TimerFire { g: None, ch: Some(id) });
                    self.timer_send(p, &c, when);
                }
            }
        }
    }

    /// A timer's non-blocking send of the current time.
    fn timer_send(&mut self, p: usize, c: &ChanRef, when: i64) {
        // Go sends the time the timer was due (`Now().Add(-delta)`).
        let v = crate::stdlib::time::T::now(when).value();
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
}

// ---- time.Timer, time.Ticker, time.AfterFunc (time/sleep.go, time/tick.go
// with Go 1.23+ semantics: Stop and Reset leave no stale value behind).

impl Machine {
    /// `NewTimer(d)` (`period` 0), `NewTicker(d)` (`period` d) or
    /// `AfterFunc(d, f)` (`f` non-nil, no channel): the new timer's cell.
    pub fn new_timer(&mut self, p: usize, d: i64, period: i64, f: Value, line: u32) -> Value {
        let c = if f.is_nil() { self.makechan(p, consts::INT64, 1, line) } else { Value::Nil };
        let when = self.now.saturating_add(d.max(0));
        let cell = crate::vm::value::new_shared(timer_value(TimerFields { c, gen: 1, when, period, f }));
        self.timers.add(when, TimerKind::Obj { t: cell.clone(), gen: 1 });
        Value::Cell(cell)
    }

    /// `t.Stop()`: true when the call stopped the timer before its value
    /// was delivered (a value sitting unreceived in the channel counts as
    /// undelivered, and is discarded).
    pub fn timer_stop(&mut self, t: &Shared<Value>) -> bool {
        let Some(mut f) = timer_fields(t) else { return false };
        let mut pending = f.when >= 0;
        f.when = -1;
        f.gen += 1;
        self.lock_chan_value(&f.c);
        pending |= drain(&f.c);
        set_timer_fields(t, f);
        pending
    }

    /// `t.Reset(d)` for a timer, `period` = d for a ticker.
    pub fn timer_reset(&mut self, t: &Shared<Value>, d: i64, ticker: bool) -> bool {
        let Some(mut f) = timer_fields(t) else { return false };
        let mut pending = f.when >= 0;
        self.lock_chan_value(&f.c);
        pending |= drain(&f.c);
        f.gen += 1;
        f.when = self.now.saturating_add(d.max(0));
        if ticker {
            f.period = d;
        }
        let (when, gen) = (f.when, f.gen);
        set_timer_fields(t, f);
        self.timers.add(when, TimerKind::Obj { t: t.clone(), gen });
        pending
    }

    fn fire_timer_obj(&mut self, p: usize, when: i64, t: Shared<Value>, gen: i64) {
        let Some(mut f) = timer_fields(&t) else { return };
        if f.gen != gen || f.when != when {
            return;
        }
        if f.period > 0 {
            // A slow receiver misses ticks: the next one is the first
            // multiple of the period after now (runtime.(*timer).unlockAndRun).
            let late = (self.now - when).max(0);
            f.when = when.saturating_add(f.period.saturating_mul(1 + late / f.period));
            self.timers.add(f.when, TimerKind::Obj { t: t.clone(), gen });
        } else {
            f.when = -1;
        }
        let (c, func) = (f.c.clone(), f.f.clone());
        set_timer_fields(&t, f);
        match (c, func) {
            (Value::Chan(c), _) => {
                let id = c.id;
                self.trace.emit(self.now, Some(p as u32), 0, EventKind::TimerFire { g: None, ch: Some(id) });
                self.timer_send(p, &c, when);
            }
            (_, Value::Func(cl)) => {
                self.trace.emit(self.now, Some(p as u32), 0, EventKind::TimerFire { g: None, ch: None });
                let child = self.sched.next_goid;
                self.go_func(p, cl);
                if self.race.is_some() && self.sched.next_goid != child {
                    crate::analysis::race::hooks::timer_spawn(self, &t, child);
                }
            }
            _ => {}
        }
    }

    /// `AfterFunc`'s goroutine (Go's `goFunc`).
    fn go_func(&mut self, p: usize, cl: std::sync::Arc<crate::vm::value::Closure>) {
        if self.sched.ngoroutines >= self.cfg.max_goroutines {
            let n = self.cfg.max_goroutines;
            self.limit(&format!("too many goroutines (limit {})", n));
            return;
        }
        let prog = self.prog.clone();
        let mut g = G::new(0);
        let f = cl.func;
        crate::vm::interp::push_entry_frame(&prog, &mut g, f, Some(cl), &[]);
        let gi = self.sched.alloc_g(g);
        if let Some(g) = self.sched.g_mut(gi) {
            g.status = crate::runtime::sched::GStatus::Runnable;
        }
        if self.trace.on() {
            let id = self.sched.g(gi).map(|x| x.id).unwrap_or(0);
            let name = prog.funcs.get(f as usize).map(|x| x.name.clone()).unwrap_or_default();
            self.trace.emit(self.now, Some(p as u32), 0, EventKind::GoCreate { g: id, parent: 0, func: name });
        }
        self.runqput(p, gi, false);
    }
}

/// Empties a timer channel's buffer; true when a value was discarded.
fn drain(c: &Value) -> bool {
    match c {
        Value::Chan(c) => {
            let mut hc = c.borrow_mut();
            let had = !hc.buf.is_empty();
            hc.buf.clear();
            had
        }
        _ => false,
    }
}
