//! The race detector: happens-before with vector clocks, FastTrack-style
//! (Flanagan & Freund): a location remembers its last write as an epoch
//! (goroutine, clock) and its reads as one epoch or, once two goroutines
//! read it concurrently, one epoch per reader. Synchronisation follows the
//! Go memory model as Go's own race runtime implements it (ThreadSanitizer
//! calls in runtime/chan.go, sync/*.go); see `clock.rs` and `hooks.rs`.
//!
//! Reports are printed in Go's `-race` format (`WARNING: DATA RACE`, the
//! two accesses' stacks, where the goroutines were created), once per pair
//! of source locations, and pushed to `Machine::findings`. At a normal exit
//! Go prints `Found N data race(s)` and exits with status 66; so does
//! `Machine::finish` when the detector is on.
//!
//! Accesses are whole Go values: a struct in a cell is checked field by
//! field (`loc.rs`), so `p.a` in one goroutine and `p.b` in another do not
//! race. Concurrent map writes are reported as races on the map (Go's
//! `fatal error: concurrent map writes` needs two writes to overlap in time,
//! which cannot happen when every map operation is one instruction).

pub mod clock;
pub mod hooks;
pub mod loc;
mod report;

use clock::{Clocks, Epoch, FxMap, SyncKey, Tid};
use loc::{Loc, Pins};

use crate::analysis::stack::{StackId, Stacks, NO_STACK};

/// What an access did, for the runtime frame Go shows on top of the stack
/// (`runtime.mapassign()`, `runtime.closechan()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum AccessOp {
    Plain = 0,
    MapRead,
    MapIter,
    MapWrite,
    MapDelete,
    ChanSend,
    ChanClose,
    /// sync/atomic operations: they race with plain accesses of the same
    /// word, never with each other.
    AtomicLoad,
    AtomicStore,
    AtomicAdd,
    AtomicSwap,
    AtomicCas,
}

impl AccessOp {
    fn from_u8(b: u8) -> AccessOp {
        match b {
            1 => AccessOp::MapRead,
            2 => AccessOp::MapIter,
            3 => AccessOp::MapWrite,
            4 => AccessOp::MapDelete,
            5 => AccessOp::ChanSend,
            6 => AccessOp::ChanClose,
            7 => AccessOp::AtomicLoad,
            8 => AccessOp::AtomicStore,
            9 => AccessOp::AtomicAdd,
            10 => AccessOp::AtomicSwap,
            11 => AccessOp::AtomicCas,
            _ => AccessOp::Plain,
        }
    }

    fn runtime_frame(self) -> Option<&'static str> {
        Some(match self {
            AccessOp::Plain => return None,
            AccessOp::MapRead => "runtime.mapaccess1",
            AccessOp::MapIter => "runtime.mapiternext",
            AccessOp::MapWrite => "runtime.mapassign",
            AccessOp::MapDelete => "runtime.mapdelete",
            AccessOp::ChanSend => "runtime.chansend",
            AccessOp::ChanClose => "runtime.closechan",
            AccessOp::AtomicLoad => "sync/atomic.Load",
            AccessOp::AtomicStore => "sync/atomic.Store",
            AccessOp::AtomicAdd => "sync/atomic.Add",
            AccessOp::AtomicSwap => "sync/atomic.Swap",
            AccessOp::AtomicCas => "sync/atomic.CompareAndSwap",
        })
    }

    pub fn is_atomic(self) -> bool {
        (self as u8) >= AccessOp::AtomicLoad as u8
    }
}

/// One remembered access: epoch, stack and operation.
#[derive(Clone, Copy, Debug)]
struct Acc {
    ep: Epoch,
    st: StackId,
    op: u8,
}

#[derive(Debug, Default)]
enum Reads {
    #[default]
    None,
    One(Acc),
    /// Concurrent readers (FastTrack's read vector), one entry per goroutine.
    Many(Vec<Acc>),
}

#[derive(Debug, Default)]
struct VarState {
    /// The last write (`ep` 0: none yet).
    w: Option<Acc>,
    r: Reads,
}

/// The access a new one raced with.
#[derive(Clone, Copy, Debug)]
pub struct Prev {
    pub tid: Tid,
    pub write: bool,
    pub st: StackId,
    pub op: AccessOp,
}

/// Per goroutine: its thread index's owner, where it was created, and
/// acquisitions to apply when it next runs (it was woken by a sync object
/// it parked on, as Go's `race.Acquire` after a semaphore wait).
struct Thread {
    goid: u64,
    created: StackId,
    pending: Vec<SyncKey>,
}

/// A channel's buffer bookkeeping (`sendx`/`recvx` as seen by the
/// detector, which picks the buffer slot a send or receive synchronises on).
#[derive(Default, Clone, Copy)]
pub struct ChanState {
    pub sendx: u32,
    pub recvx: u32,
}

#[derive(Default)]
pub struct RaceDetector {
    pub clocks: Clocks,
    /// Goroutine id -> thread index + 1 (0: not seen yet).
    tid_of: Vec<u32>,
    threads: Vec<Thread>,
    shadow: FxMap<Loc, VarState>,
    pub pins: Pins,
    pub chans: FxMap<u32, ChanState>,
    pub stacks: Stacks,
    /// Reported pairs of source locations.
    seen: std::collections::HashSet<((u32, u32), (u32, u32))>,
    /// Races reported so far.
    pub races: usize,
    /// Report text not yet moved to the program's stderr.
    pub out: String,
    /// Findings not yet moved to `Machine::findings`.
    pub findings: Vec<crate::analysis::Finding>,
    scratch: Vec<u64>,
}

impl RaceDetector {
    pub fn new() -> RaceDetector {
        RaceDetector::default()
    }

    /// The thread index of goroutine `goid`, created on first sight (a
    /// goroutine the detector did not see created starts knowing nothing),
    /// with its pending acquisitions applied.
    pub fn tid(&mut self, goid: u64) -> Tid {
        let t = self.tid_raw(goid);
        let th = &mut self.threads[t as usize];
        if !th.pending.is_empty() {
            for k in std::mem::take(&mut th.pending) {
                self.clocks.acquire(t, k);
            }
        }
        t
    }

    /// The thread index without applying pending acquisitions (for a
    /// goroutine that is parked).
    fn tid_raw(&mut self, goid: u64) -> Tid {
        let i = goid as usize;
        if i >= self.tid_of.len() {
            self.tid_of.resize(i + 1, 0);
        }
        let t = match self.tid_of[i] {
            0 => {
                let t = self.clocks.new_thread(None);
                self.tid_of[i] = t + 1;
                self.threads.push(Thread {
                    goid,
                    created: NO_STACK,
                    pending: Vec::new(),
                });
                t
            }
            n => n - 1,
        };
        t
    }

    /// `go f()`: the child starts with everything the parent did so far.
    pub fn go_create(&mut self, parent: u64, child: u64, created: StackId) {
        let pt = self.tid(parent);
        let ct = self.clocks.new_thread(Some(pt));
        self.clocks.tick(pt);
        self.adopt(child, ct, created);
    }

    /// A goroutine started by the runtime (AfterFunc) with the clock of
    /// sync object `k` (the timer: its creation or last Reset).
    pub fn spawn_from(&mut self, k: SyncKey, child: u64) {
        let ct = self.clocks.new_thread(None);
        self.clocks.acquire(ct, k);
        self.adopt(child, ct, NO_STACK);
    }

    fn adopt(&mut self, goid: u64, t: Tid, created: StackId) {
        let i = goid as usize;
        if i >= self.tid_of.len() {
            self.tid_of.resize(i + 1, 0);
        }
        self.tid_of[i] = t + 1;
        self.threads.push(Thread {
            goid,
            created,
            pending: Vec::new(),
        });
    }

    /// A goroutine finished: nobody reads its clock again (its accesses
    /// live on as epochs in the shadow), so its memory goes.
    pub fn goexit(&mut self, goid: u64) {
        if let Some(&n) = self.tid_of.get(goid as usize) {
            if n > 0 {
                self.clocks.threads[(n - 1) as usize] = clock::VC::default();
                self.threads[(n - 1) as usize].pending = Vec::new();
            }
        }
    }

    /// `goid` parked and will own `k`'s clock when it runs again.
    pub fn pending_acquire(&mut self, goid: u64, k: SyncKey) {
        let t = self.tid_raw(goid);
        self.threads[t as usize].pending.push(k);
    }

    pub fn goid(&self, t: Tid) -> u64 {
        self.threads.get(t as usize).map(|th| th.goid).unwrap_or(0)
    }

    pub fn created(&self, t: Tid) -> StackId {
        self.threads.get(t as usize).map(|th| th.created).unwrap_or(NO_STACK)
    }

    /// FastTrack's same-epoch test: true when the access needs no check
    /// (this goroutine already made the same access since its last
    /// release), so the caller can skip capturing a stack.
    pub fn redundant(&self, t: Tid, l: &Loc, write: bool) -> bool {
        let Some(s) = self.shadow.get(l) else { return false };
        let now = self.clocks.now(t);
        if write {
            return s.w.is_some_and(|w| w.ep == now);
        }
        match &s.r {
            Reads::One(a) => a.ep == now,
            Reads::Many(v) => v.iter().any(|a| a.ep == now),
            Reads::None => s.w.is_some_and(|w| w.ep == now),
        }
    }

    /// Checks and records one access; the earlier access it races with.
    pub fn access(&mut self, t: Tid, l: Loc, write: bool, op: AccessOp, st: StackId) -> Option<Prev> {
        let vc = &self.clocks.threads[t as usize];
        let now = self.clocks.now(t);
        let me = Acc {
            ep: now,
            st,
            op: op as u8,
        };
        let s = self.shadow.entry(l).or_default();
        let atomic = op.is_atomic();
        let prev = |a: &Acc, write: bool| Prev {
            tid: clock::ep_tid(a.ep),
            write,
            st: a.st,
            op: AccessOp::from_u8(a.op),
        };
        // Two atomic accesses never race.
        let concurrent =
            |a: &Acc| clock::ep_tid(a.ep) != t && !vc.covers(a.ep) && !(atomic && AccessOp::from_u8(a.op).is_atomic());
        let mut race = None;
        if let Some(w) = &s.w {
            if concurrent(w) {
                race = Some(prev(w, true));
            }
        }
        if write {
            if race.is_none() {
                race = match &s.r {
                    Reads::None => None,
                    Reads::One(a) => concurrent(a).then(|| prev(a, false)),
                    Reads::Many(v) => v.iter().find(|a| concurrent(a)).map(|a| prev(a, false)),
                };
            }
            s.w = Some(me);
            s.r = Reads::None;
        } else {
            s.r = match std::mem::take(&mut s.r) {
                Reads::None => Reads::One(me),
                Reads::One(a) if clock::ep_tid(a.ep) == t || vc.covers(a.ep) => Reads::One(me),
                Reads::One(a) => Reads::Many(vec![a, me]),
                Reads::Many(mut v) => {
                    // Readers that happened before this one are subsumed.
                    v.retain(|a| clock::ep_tid(a.ep) != t && !vc.covers(a.ep));
                    v.push(me);
                    if v.len() == 1 {
                        Reads::One(me)
                    } else {
                        Reads::Many(v)
                    }
                }
            };
        }
        race
    }

    /// Forgets the shadow of objects that died (their pins are gone, so
    /// their addresses may be reused from now on).
    pub fn sweep(&mut self) {
        if let Some(dead) = self.pins.sweep() {
            if dead.is_empty() {
                return;
            }
            let dead: std::collections::HashSet<u64> = dead.into_iter().collect();
            self.shadow.retain(|l, _| !dead.contains(&l.obj));
        }
    }

    /// True the first time a pair of source locations races.
    fn first_report(&mut self, a: StackId, b: StackId) -> bool {
        let top = |s: &Stacks, id: StackId| s.get(id).last().map(|f| (f.func, f.line)).unwrap_or((0, 0));
        let (x, y) = (top(&self.stacks, a), top(&self.stacks, b));
        let key = if x <= y { (x, y) } else { (y, x) };
        self.seen.insert(key)
    }

    /// Moves report text to the program's stderr.
    pub fn drain_out(&mut self) -> Option<String> {
        if self.out.is_empty() {
            None
        } else {
            Some(std::mem::take(&mut self.out))
        }
    }
}
