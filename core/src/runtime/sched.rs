//! The GMP scheduler, after runtime/proc.go.
//!
//! A G is data: its frames and registers live on its own value stack
//! (`G::stack`, `G::frames`), so parking a goroutine is just leaving it in
//! a queue, and a million blocked goroutines cost a million small structs.
//! A P owns a local run queue of 256 with a `runnext` slot; the global run
//! queue is shared. `find_runnable` follows `findRunnable`: the global queue
//! every 61 schedule ticks, then `runnext`/the local queue, then a batch
//! from the global queue, then stealing half of another P's queue.
//!
//! Nothing here is a global singleton: all state hangs off `Sched`, so the
//! parallel driver can put each P's half behind its own lock later.

use std::collections::VecDeque;

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use crate::runtime::chan::ChanRef;
use crate::vm::value::{Closure, Value};
use std::sync::Arc;

/// A goroutine id, as Go prints it (`goroutine 1 [running]`).
pub type GId = u64;

/// Index of a G in `Sched::gs` (stable while the G lives).
pub type GIdx = u32;

/// Size of a P's local run queue, as in the runtime.
pub const LOCAL_RUNQ: usize = 256;

/// Go 1.27's runtime starts goroutines 2–6 for itself (forcegc, sweeper,
/// scavenger, finalizers, cleanups), so the first user goroutine after
/// `main` is 7. Mimicking it keeps dumps comparable with `go run`.
pub const FIRST_USER_GOID: GId = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GStatus {
    /// In a run queue (`_Grunnable`).
    Runnable,
    /// On a P (`_Grunning`).
    Running,
    /// Parked (`_Gwaiting`) for `G::wait`.
    Waiting,
    /// Finished (`_Gdead`).
    Dead,
}

/// Why a goroutine is parked: Go 1.27's `waitReason` strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WaitReason {
    None,
    ChanSend,
    ChanReceive,
    ChanSendNilChan,
    ChanReceiveNilChan,
    Select,
    SelectNoCases,
    Sleep,
    SyncMutexLock,
    SyncWaitGroupWait,
    SyncRWMutexRLock,
    SyncRWMutexLock,
    SyncCondWait,
}

impl WaitReason {
    pub fn as_str(self) -> &'static str {
        match self {
            WaitReason::None => "",
            WaitReason::ChanSend => "chan send",
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSendNilChan => "chan send (nil chan)",
            WaitReason::ChanReceiveNilChan => "chan receive (nil chan)",
            WaitReason::Select => "select",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Sleep => "sleep",
            WaitReason::SyncMutexLock => "sync.Mutex.Lock",
            WaitReason::SyncWaitGroupWait => "sync.WaitGroup.Wait",
            WaitReason::SyncRWMutexRLock => "sync.RWMutex.RLock",
            WaitReason::SyncRWMutexLock => "sync.RWMutex.Lock",
            WaitReason::SyncCondWait => "sync.Cond.Wait",
        }
    }
}

/// A deferred call: function value and arguments evaluated at `defer`.
#[derive(Debug, Clone)]
pub struct Deferred {
    pub fv: Value,
    pub args: Vec<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    Normal,
    /// A deferred call run by a normal return: when it returns, the caller
    /// re-executes its `Ret` (which runs the next deferred call).
    Deferred,
    /// A deferred call run while panicking: when it returns, unwinding goes on.
    DeferredPanic,
    /// A `String`/`Error` method called for fmt: its result (or the panic
    /// it raised) goes to the caller's `fmt_memo`, and the caller runs its
    /// fmt instruction again.
    FmtMethod,
    /// `preprintpanics`: the `Error`/`String` method of the value of the
    /// panic (link number `.0` in the chain) the goroutine dies of.
    PanicPrint(u8),
}

#[derive(Debug)]
pub struct Frame {
    pub func: u32,
    pub pc: u32,
    pub base: u32,
    pub kind: FrameKind,
    pub closure: Option<Arc<Closure>>,
    pub defers: Option<Box<Vec<Deferred>>>,
}

/// A panic in flight on a goroutine.
#[derive(Debug)]
pub struct PanicState {
    pub throw: crate::vm::panic::Throw,
    /// The goroutine's traceback where it panicked (frames are popped as
    /// deferred calls run, so it is taken at the `panic`).
    pub trace: String,
    pub recovered: bool,
    /// The panic whose deferred call raised this one (Go's `_panic.link`):
    /// a crash prints the whole chain.
    pub link: Option<Box<PanicState>>,
    /// Raised again with the same value after `recover`.
    pub repanicked: bool,
}

/// What a G must do when it runs again, decided by whoever woke it.
#[derive(Debug, Clone)]
pub enum Resume {
    /// Carry on at the next instruction.
    Continue,
    /// A blocked send found the channel closed: `send on closed channel`.
    PanicSendOnClosed,
    /// Woken from a `Mutex.Lock` wait: retry the lock, ahead of newcomers.
    RetryLock,
}

#[derive(Debug)]
pub struct G {
    pub id: GId,
    pub status: GStatus,
    pub wait: WaitReason,
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    /// The panic being raised, while deferred calls run.
    pub panic: Option<Box<PanicState>>,
    pub resume: Resume,
    /// Channels this G has sudogs on while parked in `select`, so the waker
    /// can dequeue the others (selectgo's pass 3). Boxed: most goroutines
    /// never select, and a blocked goroutine should stay small.
    pub select_chans: Option<Box<Vec<ChanRef>>>,
    /// `created by F in goroutine N` for tracebacks: function, line, parent.
    pub created_by: Option<(u32, u32, GId)>,
    /// What the G is blocked on (channel or sync object id), for the
    /// deadlock explanation and events.
    pub blocked_on: Option<u32>,
    /// Virtual time at which the G parked.
    pub parked_at: i64,
    /// Results of methods fmt asked for, per frame depth of the fmt call
    /// in progress (innermost last).
    pub fmt_memo: Option<Box<Vec<(u32, Vec<Value>)>>>,
}

impl G {
    pub fn new(id: GId) -> G {
        G {
            id,
            status: GStatus::Runnable,
            wait: WaitReason::None,
            stack: Vec::new(),
            frames: Vec::new(),
            panic: None,
            resume: Resume::Continue,
            select_chans: None,
            created_by: None,
            blocked_on: None,
            parked_at: 0,
            fmt_memo: None,
        }
    }
}

/// A P: a local run queue, `runnext`, and the G it is running.
#[derive(Debug, Default)]
pub struct P {
    pub id: u32,
    pub runq: VecDeque<GIdx>,
    pub runnext: Option<GIdx>,
    pub curg: Option<GIdx>,
    /// Incremented each time a G is scheduled without inheriting the time
    /// slice (`schedtick`).
    pub schedtick: u32,
    /// Instructions left in the current time slice.
    pub slice_left: u32,
}

/// Where a found G came from, for events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    RunNext,
    Local,
    /// The every-61st-tick fairness check: one G from the global queue.
    GlobalTick,
    /// A batch from the global queue (the rest went to the local queue).
    Global,
    Stolen { victim: u32 },
}

#[derive(Debug)]
pub struct Sched {
    /// All live goroutines; `None` marks a free slot (reused).
    pub gs: Vec<Option<Box<G>>>,
    free: Vec<GIdx>,
    pub ps: Vec<P>,
    /// The global run queue (`sched.runq`).
    pub global: VecDeque<GIdx>,
    pub next_goid: GId,
    /// Live (not dead) goroutines.
    pub ngoroutines: usize,
    pub rng: Pcg64Mcg,
    /// Who makes the scheduling choices (`choose`): `None` is the seeded
    /// PRNG; schedule exploration and replay install one (analysis/).
    pub chooser: Option<Box<dyn crate::analysis::Chooser>>,
}

impl Sched {
    pub fn new(procs: usize, seed: u64) -> Sched {
        let procs = procs.clamp(1, 256);
        let ps = (0..procs).map(|i| P { id: i as u32, ..Default::default() }).collect();
        Sched {
            gs: Vec::new(),
            free: Vec::new(),
            ps,
            global: VecDeque::new(),
            next_goid: 1,
            ngoroutines: 0,
            rng: Pcg64Mcg::seed_from_u64(seed ^ 0x9e37_79b9_7f4a_7c15),
            chooser: None,
        }
    }

    /// Every scheduling choice among `n` options goes through here: the
    /// PRNG by default (the exact draw the runtime always made), or the
    /// installed chooser (replay, PCT, systematic search).
    #[inline]
    pub fn choose(&mut self, kind: crate::analysis::Choice, n: usize) -> usize {
        match &mut self.chooser {
            None => self.rng.random_range(0..n),
            Some(c) => c.choose(kind, n).min(n.saturating_sub(1)),
        }
    }

    /// A quantum in `1..=max` instructions (the PRNG's draw is in u32).
    #[inline]
    pub fn choose_quantum(&mut self, max: u32) -> u32 {
        match &mut self.chooser {
            None => self.rng.random_range(1..=max),
            Some(c) => 1 + c.choose(crate::analysis::Choice::Quantum, max as usize).min(max as usize - 1) as u32,
        }
    }

    /// Registers a new G (status Runnable, not yet queued) and returns its index.
    pub fn alloc_g(&mut self, mut g: G) -> GIdx {
        g.id = self.next_goid;
        self.next_goid = if self.next_goid == 1 { FIRST_USER_GOID } else { self.next_goid + 1 };
        self.ngoroutines += 1;
        let b = Box::new(g);
        match self.free.pop() {
            Some(i) => {
                self.gs[i as usize] = Some(b);
                i
            }
            None => {
                self.gs.push(Some(b));
                (self.gs.len() - 1) as GIdx
            }
        }
    }

    /// `gfput`: the G is dead; its slot is reused by later goroutines.
    pub fn free_g(&mut self, i: GIdx) {
        if let Some(slot) = self.gs.get_mut(i as usize) {
            if slot.take().is_some() {
                self.ngoroutines -= 1;
                self.free.push(i);
            }
        }
    }

    pub fn g(&self, i: GIdx) -> Option<&G> {
        self.gs.get(i as usize).and_then(|g| g.as_deref())
    }

    pub fn g_mut(&mut self, i: GIdx) -> Option<&mut G> {
        self.gs.get_mut(i as usize).and_then(|g| g.as_deref_mut())
    }

    /// `runqput`: with `next`, `gp` goes to `runnext` and the G it kicks out
    /// goes to the tail of the local queue; a full local queue spills half
    /// of itself to the global queue (`runqputslow`).
    pub fn runqput(&mut self, p: usize, gp: GIdx, next: bool) {
        let pp = &mut self.ps[p];
        let gp = if next {
            match pp.runnext.replace(gp) {
                Some(old) => old,
                None => return,
            }
        } else {
            gp
        };
        if pp.runq.len() < LOCAL_RUNQ {
            pp.runq.push_back(gp);
            return;
        }
        // runqputslow: move half of the local queue, then gp, to the global queue.
        let n = pp.runq.len() / 2;
        let moved: Vec<GIdx> = pp.runq.drain(..n).collect();
        self.global.extend(moved);
        self.global.push_back(gp);
    }

    /// `runqget`: `runnext` first (it inherits the time slice), then the head.
    pub fn runqget(&mut self, p: usize) -> Option<(GIdx, bool)> {
        let pp = &mut self.ps[p];
        if let Some(g) = pp.runnext.take() {
            return Some((g, true));
        }
        pp.runq.pop_front().map(|g| (g, false))
    }

    /// `globrunqgetbatch`: take up to `n` Gs (and no more than a fair share
    /// per P); the first is returned, the rest go to `p`'s local queue.
    fn globrunqget_batch(&mut self, p: usize, n: usize) -> Option<GIdx> {
        if self.global.is_empty() {
            return None;
        }
        let procs = self.ps.len();
        let n = n.min(self.global.len()).min(self.global.len() / procs + 1).max(1);
        let gp = self.global.pop_front()?;
        for _ in 1..n {
            match self.global.pop_front() {
                Some(g) => self.ps[p].runq.push_back(g),
                None => break,
            }
        }
        Some(gp)
    }

    /// `runqsteal`: grab half of `victim`'s local queue (its `runnext` too
    /// on the last try), keep the last one to run, queue the rest locally.
    fn runqsteal(&mut self, p: usize, victim: usize, steal_runnext: bool) -> Option<GIdx> {
        let vq = &mut self.ps[victim];
        let n = vq.runq.len() - vq.runq.len() / 2;
        let mut batch: Vec<GIdx> = vq.runq.drain(..n).collect();
        if batch.is_empty() && steal_runnext {
            if let Some(g) = vq.runnext.take() {
                batch.push(g);
            }
        }
        let gp = batch.pop()?;
        self.ps[p].runq.extend(batch);
        Some(gp)
    }

    /// `findRunnable` without the parts that block: returns a G for `p`
    /// and where it came from, or `None` when this P would go idle.
    pub fn find_runnable(&mut self, p: usize) -> Option<(GIdx, bool, Source)> {
        // Fairness: every 61st tick look at the global queue first, so a
        // pair of goroutines handing off through runnext cannot starve it.
        if self.ps[p].schedtick % 61 == 0 && !self.global.is_empty() {
            if let Some(g) = self.global.pop_front() {
                return Some((g, false, Source::GlobalTick));
            }
        }
        if let Some((g, inherit)) = self.runqget(p) {
            return Some((g, inherit, if inherit { Source::RunNext } else { Source::Local }));
        }
        if !self.global.is_empty() {
            let half = LOCAL_RUNQ / 2;
            if let Some(g) = self.globrunqget_batch(p, half) {
                return Some((g, false, Source::Global));
            }
        }
        self.steal_work(p)
    }

    /// `stealWork`: four passes over the other Ps in a random order.
    fn steal_work(&mut self, p: usize) -> Option<(GIdx, bool, Source)> {
        let n = self.ps.len();
        if n == 1 {
            return None;
        }
        const STEAL_TRIES: usize = 4;
        for i in 0..STEAL_TRIES {
            let last = i == STEAL_TRIES - 1;
            // randomOrder: a random start and a stride coprime with n.
            let start = self.choose(crate::analysis::Choice::StealStart, n);
            let stride = coprime_stride(n, self.choose(crate::analysis::Choice::StealStride, n));
            for k in 0..n {
                let victim = (start + k * stride) % n;
                if victim == p {
                    continue;
                }
                if let Some(g) = self.runqsteal(p, victim, last) {
                    return Some((g, false, Source::Stolen { victim: victim as u32 }));
                }
            }
        }
        None
    }

    /// True when some run queue holds a G.
    pub fn any_runnable(&self) -> bool {
        !self.global.is_empty() || self.ps.iter().any(|p| p.runnext.is_some() || !p.runq.is_empty())
    }
}

/// A stride in `1..n` coprime with `n`, derived from `seed`.
fn coprime_stride(n: usize, seed: usize) -> usize {
    let mut s = seed % n;
    if s == 0 {
        s = 1;
    }
    while gcd(s, n) != 1 {
        s += 1;
        if s >= n {
            s = 1;
        }
    }
    s
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sched_with(n: usize, procs: usize) -> (Sched, Vec<GIdx>) {
        let mut s = Sched::new(procs, 1);
        let gs = (0..n).map(|_| s.alloc_g(G::new(0))).collect();
        (s, gs)
    }

    #[test]
    fn runnext_kicks_previous_to_tail() {
        let (mut s, g) = sched_with(3, 1);
        s.runqput(0, g[0], true);
        s.runqput(0, g[1], true);
        s.runqput(0, g[2], true);
        // Go with GOMAXPROCS=1 runs the last `go` first, then the others in order.
        let order: Vec<GIdx> = std::iter::from_fn(|| s.runqget(0).map(|x| x.0)).collect();
        assert_eq!(order, vec![g[2], g[0], g[1]]);
    }

    #[test]
    fn full_local_queue_spills_half_to_global() {
        let (mut s, g) = sched_with(LOCAL_RUNQ + 1, 1);
        for &x in &g {
            s.runqput(0, x, false);
        }
        assert_eq!(s.ps[0].runq.len(), LOCAL_RUNQ / 2);
        assert_eq!(s.global.len(), LOCAL_RUNQ / 2 + 1);
    }

    #[test]
    fn idle_p_steals_half() {
        let (mut s, g) = sched_with(8, 2);
        for &x in &g {
            s.runqput(0, x, false);
        }
        let (got, _, src) = s.find_runnable(1).unwrap();
        assert_eq!(src, Source::Stolen { victim: 0 });
        assert_eq!(got, g[3]);
        assert_eq!(s.ps[1].runq.len(), 3);
        assert_eq!(s.ps[0].runq.len(), 4);
    }

    #[test]
    fn a_goroutine_is_small() {
        // A parked goroutine's fixed part; see bench/blocked.go for the total.
        // 128: `fmt_memo` (8 bytes) lets fmt call String/Error methods.
        assert!(std::mem::size_of::<G>() <= 128, "G grew to {}", std::mem::size_of::<G>());
    }

    #[test]
    fn goids_mimic_go() {
        let (s, g) = sched_with(3, 1);
        let ids: Vec<GId> = g.iter().map(|&i| s.g(i).unwrap().id).collect();
        assert_eq!(ids, vec![1, 7, 8]);
    }
}

