//! The event trace: what the scheduler and the runtime did, in order, with
//! virtual timestamps. The CLI writes it as Chrome Trace Event JSON
//! (`chrome.rs`); the page draws its views from the same events.

pub mod chrome;

use serde::Serialize;

use crate::runtime::sched::GId;

/// A source position of the goroutine that caused an event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Loc {
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// `go f()`: `g` created by `parent` on P `p`.
    GoCreate { g: GId, parent: GId, func: String },
    /// P `p` starts running `g`; `from` says where it was found:
    /// `runnext`, `local` (head of the local queue), `global` (see
    /// `GlobalGet`), `global_tick` (the head of the global queue, taken
    /// every 61st schedule tick) or `stolen` (see `Steal`).
    GoStart { g: GId, from: &'static str },
    /// `g` parks; `reason` is Go's wait reason; `obj` the channel or lock;
    /// for a `select`, `chans` lists the channels of its non-nil cases.
    GoBlock { g: GId, reason: &'static str, obj: Option<u32>, chans: Vec<u32> },
    /// `g` is made runnable by `by`.
    GoUnblock { g: GId, by: GId },
    /// `g` yields (`Gosched`) or is preempted at the end of its time slice.
    GoYield { g: GId, preempted: bool },
    GoExit { g: GId },
    /// P `p` stole from `victim`'s run queue: `g` runs, `moved` (in order)
    /// now sit in `p`'s local queue.
    Steal { g: GId, victim: u32, moved: Vec<GId> },
    /// `runqput` on P `p`: `g` goes to `runnext` (`next`) or the tail of the
    /// local queue; a `runnext` it displaced (`kicked`) goes to the tail; a
    /// full queue spills half of itself and the G to the global queue
    /// (`spilled`, in order).
    RunqPut { g: GId, next: bool, kicked: Option<GId>, spilled: Vec<GId> },
    /// `g` goes to the tail of the global queue (preempted or yielding).
    GlobalPut { g: GId },
    /// P `p` took a batch from the global queue: `g` runs, `moved` go to its
    /// local queue.
    GlobalGet { g: GId, moved: Vec<GId> },
    /// P `p` found nothing to run (its M parks, under `--parallel`).
    ProcIdle,
    /// Parallel runs: P `p`'s M was parked and another woke it (`wakep`):
    /// it runs a goroutine again.
    ProcWake,
    /// `runtime.GOMAXPROCS(procs)` changed the number of Ps; the Gs of
    /// removed Ps moved to the global queue (`moved`, in order).
    ProcResize { procs: usize, moved: Vec<GId> },
    ChanMake { ch: u32, cap: usize, elem: String },
    /// A value moved from `from` into channel `ch`: into the buffer
    /// (`to == None`) or handed to a receiver directly.
    ChanSend { ch: u32, from: GId, to: Option<GId>, value: String, buffered: usize },
    /// `to` received from `ch`: from the buffer, from a blocked sender
    /// (`from`), or the zero value of a closed channel (`closed`). When the
    /// buffer was full and a sender was blocked, the receiver takes the
    /// buffer's head and the sender's value enters the buffer's tail
    /// (`refill`).
    ChanRecv { ch: u32, to: GId, from: Option<GId>, value: String, buffered: usize, closed: bool, refill: Option<String> },
    ChanClose { ch: u32, by: GId },
    /// A `select` chose case `case` (`None`: `default`) among `ready` ready cases.
    Select { g: GId, case: Option<u16>, ready: u16, cases: u16 },
    MutexLock { m: u32, g: GId },
    MutexUnlock { m: u32, g: GId },
    WgAdd { wg: u32, g: GId, delta: i64, counter: i64 },
    WgWait { wg: u32, g: GId },
    /// A timer fired (sleep ended or `time.After` channel sent).
    TimerFire { g: Option<GId>, ch: Option<u32> },
    /// The virtual clock jumped because every goroutine was blocked.
    ClockAdvance { to: i64 },
    Output { g: GId, text: String },
    Panic { g: GId, message: String },
    Deadlock,
    Exit { code: i32 },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Sequence number.
    pub seq: u64,
    /// Virtual time, nanoseconds.
    pub t: i64,
    /// The P on which it happened (`None` for events outside any P).
    pub p: Option<u32>,
    pub line: u32,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// The recorder: a `Vec` when enabled, nothing otherwise. Emitting is a
/// single branch when tracing is off, so hot paths can call it freely.
#[derive(Debug, Default)]
pub struct Trace {
    pub enabled: bool,
    pub events: Vec<Event>,
    /// Cap on recorded events; later ones are counted in `dropped`.
    pub limit: usize,
    pub dropped: u64,
    seq: u64,
    /// Parallel driver: the sections whose events sit after `merged`, as
    /// (end index, stamp, clock at its end) (see `runtime/chanlock.rs`).
    groups: Vec<(usize, u64, i64)>,
    /// Events before this index are in their final order.
    merged: usize,
    /// `seq` and the clock as of the last merge.
    merged_seq: u64,
    merged_now: i64,
}

impl Trace {
    pub fn new(enabled: bool, limit: usize) -> Trace {
        Trace { enabled, events: Vec::new(), limit, dropped: 0, seq: 0, groups: Vec::new(), merged: 0, merged_seq: 0, merged_now: 0 }
    }

    #[inline]
    pub fn on(&self) -> bool {
        self.enabled
    }

    pub fn emit(&mut self, t: i64, p: Option<u32>, line: u32, kind: EventKind) {
        if !self.enabled {
            return;
        }
        self.seq += 1;
        if self.events.len() >= self.limit {
            self.dropped += 1;
            return;
        }
        // Library code written in Go (the prelude) has no line the page
        // could show.
        let line = if crate::compile::prelude::is_prelude_line(line) { 0 } else { line };
        self.events.push(Event { seq: self.seq, t, p, line, kind });
    }

    /// Hands over the events recorded so far (the parallel driver's merge
    /// goes on from an empty log).
    pub fn take_events(&mut self) -> Vec<Event> {
        let n = self.events.len();
        self.merged = self.merged.saturating_sub(n);
        for g in &mut self.groups {
            g.0 = g.0.saturating_sub(n);
        }
        std::mem::take(&mut self.events)
    }

    /// Parallel driver: the events emitted since the previous mark belong
    /// to a section that ended at `stamp`, with the clock at `now`.
    pub fn mark(&mut self, stamp: u64, now: i64) {
        if self.enabled {
            self.groups.push((self.events.len(), stamp, now));
        }
    }

    /// Parallel driver: puts the fast operations' events (`fast`, sorted
    /// by stamp, all stamped before any section still to come) among the
    /// sections' events since the last merge, in stamp order. A fast event
    /// takes the clock of the section before it, as a replay would see it.
    pub fn merge_fast(&mut self, fast: Vec<crate::runtime::chanlock::FastEvent>) {
        let start = self.merged.min(self.events.len());
        let groups = std::mem::take(&mut self.groups);
        if !self.enabled {
            return;
        }
        let mut tail = self.events.split_off(start).into_iter();
        let mut fast = fast.into_iter().peekable();
        let mut at = start;
        let mut now = self.merged_now;
        let mut extra = 0u64;
        for (end, stamp, gnow) in groups {
            while let Some(f) = fast.next_if(|f| f.stamp < stamp) {
                self.push_fast(f, now);
                extra += 1;
            }
            while at < end.max(start) {
                let Some(e) = tail.next() else { break };
                self.events.push(e);
                at += 1;
            }
            now = gnow;
        }
        self.events.extend(tail);
        for f in fast {
            self.push_fast(f, now);
            extra += 1;
        }
        self.seq += extra;
        let mut n = self.merged_seq;
        for e in &mut self.events[start..] {
            n += 1;
            e.seq = n;
        }
        self.merged_seq = self.seq.max(n);
        self.merged_now = now;
        self.merged = self.events.len();
    }

    fn push_fast(&mut self, f: crate::runtime::chanlock::FastEvent, now: i64) {
        if self.events.len() >= self.limit {
            self.dropped += 1;
            return;
        }
        let line = if crate::compile::prelude::is_prelude_line(f.line) { 0 } else { f.line };
        self.events.push(Event { seq: 0, t: now, p: Some(f.p), line, kind: f.kind });
    }
}
