//! The parallel driver: every P runs its own `schedule` loop on its own
//! thread (its M), as in Go.
//!
//! Shared runtime state (run queues, sync objects, timers, the goroutine
//! table, heap objects) lives in one `Machine` behind the runtime lock,
//! like the runtime's `sched.lock` with those structures under it. An M
//! holds the lock to schedule and to run instructions that touch shared
//! state, and drops it to run its goroutine's register-only instructions
//! (`vm/pure.rs`), which is where a CPU-bound program spends its time: so
//! Ps really compute side by side.
//!
//! An M with no work spins a little, looking again for work, while at most
//! half the busy Ps have a spinning M (Go's spinning Ms), then parks on a
//! condition variable (Go's `stopm` on its note); an M that leaves runnable
//! work while others are parked and none spins wakes one (`wakep`). When
//! every M is parked and none runs a goroutine, the world is quiescent: the
//! last M to go idle moves the virtual clock to the next timer or, with
//! none, runs `checkdead`. So a deadlock is reported exactly
//! when no P has work, no timer is pending and goroutines are blocked.
//!
//! Buffered channels have their own locks, as in Go: a send or receive
//! that needs no other goroutine runs without the runtime lock, under the
//! channel's lock alone (`runtime/chanlock.rs`, which also says how the
//! schedule and the event log stay in one serial order). What needs
//! another goroutine (parking, waking, a direct hand-off) takes the
//! runtime lock as well.
//!
//! Run queues, parking, waking and stealing stay under the runtime lock,
//! unlike Go's lock-free per-P rings: a steal by compare-and-swap outside
//! the lock, racing its victim's section, has no place in the one serial
//! order a replay follows; the thief would take the lock anyway to run
//! the G (the goroutine table is under it); and the ring's atomics,
//! measured here, made cross-P ping-pong 18% slower. The README's
//! architecture section ("The parallel driver") has the numbers.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use crate::runtime::chanlock::{self, ChanLocks, FastCtx, MBuf};

use crate::runtime::machine::{Config, Machine, Preempt};
use crate::runtime::sched::{GIdx, G};
use crate::vm::program::Program;
use crate::vm::pure::{self, PureStop};

/// Instructions a G runs without the lock before its M checks in.
const PURE_QUANTUM: u32 = 4096;
/// Instructions a G runs under the lock once it needs the runtime: a few,
/// so a burst of channel or heap operations does not re-lock for each.
const LOCKED_QUANTUM: u32 = 32;
/// Times an M without work looks again before it parks (Go's spinning Ms:
/// work handed over between Ps is usually found without a futex wake-up).
const MAX_SPINS: u32 = 20;
/// `spin_loop` hints between two looks of a spinning M (Go's `procyield`).
const SPIN_PAUSES: u32 = 200;

pub struct Parallel {
    prog: Arc<Program>,
    cfg: Config,
    state: Mutex<State>,
    /// Parked Ms wait here.
    idle: Condvar,
    /// Set to stop every M (the host's Stop, a time limit).
    stop: Arc<AtomicBool>,
    /// Stamps sections and fast channel operations into one serial order.
    seq: AtomicU64,
    /// Channel operations may run without the runtime lock (not with the
    /// race detector, whose hooks need the machine).
    fast: bool,
    /// The run records its schedule / traces events: fast operations then
    /// stamp what they did into their M's buffer.
    record: bool,
    trace: bool,
}

struct State {
    m: Machine,
    c: Counters,
    /// The run's schedule, when recording (see `Step`), in its final order.
    log: Option<Vec<Step>>,
    /// Steps since the last `flush`, with their stamps (`u64::MAX` for the
    /// section running now).
    pending: Vec<(u64, Step)>,
    /// Each M's buffer of fast operations (by P).
    bufs: Vec<Arc<Mutex<MBuf>>>,
    /// Steps `log` may hold (`cap_schedule`); past it recording stops.
    cap: usize,
    /// Recording stopped at `cap`: the schedule cannot be replayed.
    overflowed: bool,
}

impl State {
    /// Appends `step` to the schedule's pending steps, to be stamped at
    /// `commit` (`flush` checks the cap).
    fn record(&mut self, step: Step) {
        if self.log.is_some() {
            self.pending.push((u64::MAX, step));
        }
    }

    /// The end of a section (or of any other hold of the runtime lock that
    /// changed the machine): stamp it while its channel locks are still
    /// held, then let go of them (`runtime/chanlock.rs`).
    fn commit(&mut self, seq: &AtomicU64, stamping: bool) {
        if stamping {
            let s = seq.fetch_add(1, Ordering::SeqCst);
            for (stamp, _) in self.pending.iter_mut().rev() {
                if *stamp != u64::MAX {
                    break;
                }
                *stamp = s;
            }
            let now = self.m.now;
            self.m.trace.mark(s, now);
        }
        if let Some(cl) = self.m.chan_locks.as_mut() {
            cl.release_all();
        }
    }

    /// Merges what the Ms' fast operations did since the last flush into
    /// the schedule and the event log, in stamp order. Call it between
    /// sections (holding the runtime lock): then every stamp handed out so
    /// far is either a committed section's or in a buffer. With `wait`
    /// false it gives up (false) rather than wait for a buffer.
    fn flush(&mut self, wait: bool) -> bool {
        let mut guards = Vec::with_capacity(self.bufs.len());
        for b in &self.bufs {
            guards.push(if wait {
                b.lock().unwrap_or_else(|e| e.into_inner())
            } else {
                match b.try_lock() {
                    Ok(g) => g,
                    Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
                    Err(std::sync::TryLockError::WouldBlock) => return false,
                }
            });
        }
        let mut events = Vec::new();
        for g in guards.iter_mut() {
            self.pending.append(&mut g.steps);
            events.append(&mut g.events);
        }
        drop(guards);
        if !events.is_empty() {
            events.sort_by_key(|e| e.stamp);
        }
        self.m.trace.merge_fast(events);
        self.pending.sort_by_key(|(s, _)| *s);
        if let Some(log) = self.log.as_mut() {
            if log.len() + self.pending.len() <= self.cap {
                log.extend(self.pending.drain(..).map(|(_, s)| s));
            } else {
                self.log = None;
                self.overflowed = true;
            }
        }
        self.pending.clear();
        true
    }
}

/// What the Ms are doing, as far as a section's decisions depend on it.
#[derive(Debug)]
struct Counters {
    /// Ms parked on `idle`.
    parked: usize,
    /// Ms running a G without the lock.
    outside: usize,
    /// Ms started so far (one per P; more if GOMAXPROCS grows).
    ms: usize,
    /// Ms spinning: looking for work without the lock before they park.
    spinning: usize,
    /// Consecutive fruitless looks, by M.
    spins: Vec<u32>,
    /// Whom to wake once the section ends.
    wake: Wake,
}

impl Counters {
    fn new(ms: usize) -> Counters {
        Counters { parked: 0, outside: 0, ms, spinning: 0, spins: vec![0; ms], wake: Wake::None }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Wake {
    None,
    One,
    All,
}

/// How an M came (back) to the runtime lock: the start of a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Its first section.
    Start,
    /// Woken from `park`.
    Woken,
    /// Back from a spin (it looked for work and found none).
    Spun,
    /// Back from running its G without the lock: `used` instructions, then
    /// it stopped at one that needs the runtime (`runtime`) or at the end
    /// of its budget.
    Returned { used: u32, runtime: bool },
}

/// One step of a parallel run's schedule. Everything that changes shared
/// state happens while an M holds the runtime lock, or, for a fast
/// channel operation, the channel's lock (stamped into one serial order
/// with the sections: `runtime/chanlock.rs`). So the order of the sections
/// and fast operations, and how far each G ran without the runtime lock in
/// between, is the whole schedule: replaying the steps in order on one
/// thread (`replay`) reproduces the run exactly, output, events and all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// M `p` took the lock.
    Section { p: u16, entry: Entry },
    /// The host started Ms up to `ms` (GOMAXPROCS grew).
    Spawned { ms: u16 },
    /// The host delivered signal `sig` (the page's Interrupt).
    Signal { sig: u16 },
    /// M `p`'s goroutine, running without the runtime lock, ran `ran` more
    /// instructions, then a channel operation under the channel's lock
    /// alone (`runtime/chanlock.rs`).
    Fast { p: u16, ran: u32 },
}

/// Where a section left its M.
enum Yield {
    /// Parked until another M wakes it.
    Park,
    /// Spins (without the lock), then looks for work again.
    Spin,
    /// Runs G `gi` without the lock for up to `budget` instructions.
    Outside { gi: GIdx, g: Box<G>, budget: u32 },
    /// The run is over.
    Exit,
}

impl Parallel {
    /// Wraps a machine built with `Machine::new`; `record` keeps the
    /// schedule for `take_schedule`. Preemption is asynchronous: a
    /// cooperative request could not reach a G running without the lock.
    pub fn new(mut m: Machine, record: bool) -> Parallel {
        m.cfg.preempt = Preempt::Async;
        let stop = Arc::new(AtomicBool::new(false));
        m.chan_locks = Some(ChanLocks::new(stop.clone()));
        let cfg = m.cfg.clone();
        let prog = m.prog.clone();
        let ms = m.sched.ps.len();
        let log = record.then(Vec::new);
        let (fast, trace) = (m.race.is_none(), m.trace.on());
        let bufs = (0..ms).map(|_| Arc::default()).collect();
        let state = State { m, c: Counters::new(ms), log, pending: Vec::new(), bufs, cap: usize::MAX, overflowed: false };
        let seq = AtomicU64::new(0);
        Parallel { prog, cfg, state: Mutex::new(state), idle: Condvar::new(), stop, seq, fast, record, trace }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while the lock was held left the machine in an unknown
        // state; the run is over either way, so carry on to report it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sections and fast operations are stamped (`runtime/chanlock.rs`).
    fn stamping(&self) -> bool {
        self.record || self.trace
    }

    /// `f` on the machine as the host, between sections: channels `f`
    /// touches are locked for it, and the hold is stamped like a section.
    fn as_host<R>(&self, st: &mut State, f: impl FnOnce(&mut Machine) -> R) -> R {
        if let Some(cl) = st.m.chan_locks.as_mut() {
            cl.me = chanlock::HOST;
        }
        let prev = chanlock::set_current(chanlock::HOST);
        let r = f(&mut st.m);
        st.commit(&self.seq, self.stamping());
        chanlock::set_current(prev);
        r
    }

    /// Runs `f` on the machine under the runtime lock (the host reads
    /// output and the exit this way), after merging in what the fast
    /// operations did. Blocks while an M holds the lock.
    pub fn with_machine<R>(&self, f: impl FnOnce(&mut Machine) -> R) -> R {
        let mut st = self.lock();
        st.flush(true);
        self.as_host(&mut st, f)
    }

    /// `with_machine` if the lock is free right now, else None: for hosts
    /// that must never block (a browser's main thread or its poller).
    pub fn try_with_machine<R>(&self, f: impl FnOnce(&mut Machine) -> R) -> Option<R> {
        let mut st = match self.state.try_lock() {
            Ok(st) => st,
            Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return None,
        };
        if !st.flush(false) {
            return None;
        }
        Some(self.as_host(&mut st, f))
    }

    /// Delivers signal `sig` now, as Ctrl-C would (the page's Interrupt):
    /// to the channels registered with `signal.Notify`, else the program
    /// dies of it. Wakes the parked Ms: a goroutine may be runnable now.
    /// Returns the virtual time it came at.
    pub fn interrupt(&self, sig: i32) -> i64 {
        let mut st = self.lock();
        if st.m.exit.is_some() {
            return st.m.now;
        }
        st.record(Step::Signal { sig: sig as u16 });
        self.as_host(&mut st, |m| deliver_host_signal(m, sig));
        self.idle.notify_all();
        st.m.now
    }

    /// Asks every M to return as soon as it checks in.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        let _st = self.lock();
        self.idle.notify_all();
    }

    /// How many Ms (threads) the host should run: one per P. It grows when
    /// the program raises GOMAXPROCS; the host starts `mstart(p)` for each
    /// new `p` after `note_started`.
    pub fn wanted_ms(&self) -> usize {
        self.lock().m.sched.ps.len()
    }

    /// Marks Ms `0..n` as started (the host is about to run them).
    pub fn note_started(&self, n: usize) {
        let mut st = self.lock();
        if n > st.c.ms {
            st.c.ms = n;
            st.c.spins.resize(n, 0);
            while st.bufs.len() < n {
                st.bufs.push(Arc::default());
            }
            st.record(Step::Spawned { ms: n as u16 });
            st.commit(&self.seq, self.stamping());
        }
    }

    /// Keeps at most `max` steps of the schedule: a longer run stops
    /// recording (`schedule_overflowed`), so it cannot use up the memory.
    pub fn cap_schedule(&self, max: usize) {
        self.lock().cap = max;
    }

    /// Recording stopped at the cap: the schedule is incomplete.
    pub fn schedule_overflowed(&self) -> bool {
        self.lock().overflowed
    }

    /// The schedule recorded so far (empty unless recording).
    pub fn take_schedule(&self) -> Vec<Step> {
        let mut st = self.lock();
        st.flush(true);
        st.log.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// The M loop of P `p` (`mstart` → `schedule` forever): returns when
    /// the program exits or `stop` is called. Call it on its own thread (or
    /// Web Worker); it blocks while its P has nothing to do.
    pub fn mstart(&self, p: usize) {
        // A bug that panics inside an M must not leave the others waiting
        // on a machine in an unknown state: end the run with a message.
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.mloop(p)));
        if let Err(e) = out {
            let why = e.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| e.downcast_ref::<String>().cloned()).unwrap_or_default();
            let mut st = self.lock();
            if let Some(cl) = st.m.chan_locks.as_mut() {
                cl.release_all();
            }
            if st.m.exit.is_none() {
                st.m.limit(&format!("internal error in P{}'s thread, the run was stopped: {}", p, why));
            }
            drop(st);
            self.stop();
        }
    }

    fn mloop(&self, p: usize) {
        let me = p as u32 + 1;
        chanlock::set_current(me);
        let mut entry = Entry::Start;
        let mut carried = None;
        let mut st = self.lock();
        while st.bufs.len() <= p {
            st.bufs.push(Arc::default());
        }
        let buf = st.bufs[p].clone();
        let stamping = self.stamping();
        loop {
            st.record(Step::Section { p: p as u16, entry });
            if let Some(cl) = st.m.chan_locks.as_mut() {
                cl.me = me;
            }
            let st_ = &mut *st;
            let y = section(&mut st_.m, &mut st_.c, p, entry, carried.take());
            st.commit(&self.seq, stamping);
            match std::mem::replace(&mut st.c.wake, Wake::None) {
                Wake::None => {}
                Wake::One => self.idle.notify_one(),
                Wake::All => self.idle.notify_all(),
            }
            let stopped = self.stop.load(Ordering::Relaxed);
            match y {
                Yield::Exit => break,
                Yield::Outside { gi, g, .. } if stopped => {
                    st.m.sched.gs[gi as usize] = Some(g);
                    break;
                }
                _ if stopped => break,
                Yield::Park => {
                    st.c.parked += 1;
                    st = self.idle.wait(st).unwrap_or_else(|e| e.into_inner());
                    st.c.parked -= 1;
                    entry = Entry::Woken;
                }
                Yield::Spin => {
                    st.c.spinning += 1;
                    drop(st);
                    for _ in 0..SPIN_PAUSES {
                        std::hint::spin_loop();
                    }
                    std::thread::yield_now();
                    st = self.lock();
                    st.c.spinning -= 1;
                    entry = Entry::Spun;
                }
                Yield::Outside { gi, mut g, budget } => {
                    st.c.outside += 1;
                    drop(st);
                    let buf = stamping.then_some(&*buf);
                    let mut ctx = FastCtx { me, p: p as u16, seq: &self.seq, buf, trace: self.trace, record: self.record, last: 0 };
                    let fast = if self.fast { Some(&mut ctx) } else { None };
                    let (why, used) = pure::run(&self.prog, &self.cfg, &mut g, budget, fast);
                    st = self.lock();
                    st.c.outside -= 1;
                    entry = Entry::Returned { used, runtime: why == PureStop::Runtime };
                    carried = Some((gi, g));
                }
            }
        }
        drop(st);
        self.idle.notify_all();
    }

    /// The machine back, once every M has returned.
    pub fn into_machine(self) -> Machine {
        let mut st = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        st.flush(true);
        if let Some(mut cl) = st.m.chan_locks.take() {
            cl.release_all();
        }
        st.m
    }
}

/// What M `p` does with the lock held, from `entry` until it has to let go
/// of it: the deterministic part of the M loop, shared by the threads and
/// by `replay`. `carried` is the G it ran without the lock, if it did.
fn section(m: &mut Machine, c: &mut Counters, p: usize, entry: Entry, carried: Option<(GIdx, Box<G>)>) -> Yield {
    if let (Entry::Returned { used, runtime }, Some((gi, g))) = (entry, carried) {
        returned(m, c, p, gi, g, used, runtime);
    }
    loop {
        if m.exit.is_some() {
            return Yield::Exit;
        }
        // procresize stops the world: it applies once no G runs unlocked,
        // and until then no M starts one, so the G that called GOMAXPROCS
        // cannot run on and read the old value. The last M to come back
        // applies it and wakes the others.
        if m.pending_procs.is_some() {
            if c.outside > 0 {
                return Yield::Park;
            }
            if let Some(n) = m.pending_procs.take() {
                m.procresize(n);
                c.wake = Wake::All;
            }
        }
        if p >= m.sched.ps.len() {
            // GOMAXPROCS shrank below this M's P: it has no P to run.
            return Yield::Park;
        }
        if m.sched.ps[p].curg.is_none() {
            m.schedule(p);
        }
        let Some(gi) = m.sched.ps[p].curg else {
            // Nothing to run. Unless every other M is parked too and no G
            // runs, park until woken. Otherwise the world is quiescent and
            // only a timer can make work: fire the next one, or, with none,
            // checkdead.
            let quiescent = c.outside == 0 && c.parked + 1 >= c.ms;
            if !quiescent {
                // Spin a while first, as long as at most half the busy Ps
                // have a spinning M looking for their spare work.
                let busy = m.sched.ps.iter().filter(|pp| pp.curg.is_some()).count();
                let spins = c.spins.get(p).copied().unwrap_or(MAX_SPINS);
                if spins < MAX_SPINS && 2 * c.spinning < busy {
                    c.spins[p] = spins + 1;
                    return Yield::Spin;
                }
                if let Some(n) = c.spins.get_mut(p) {
                    *n = 0;
                }
                return stopm(m, p);
            }
            if m.sched.any_runnable() {
                // Work sits where this P cannot take it (a queue of a P
                // without an M after GOMAXPROCS shrank): wake the others.
                c.wake = Wake::All;
                return stopm(m, p);
            }
            if !m.fire_next_event() {
                m.checkdead();
            }
            if m.signals.awaiting {
                // Only a host's signal can make work (`interrupt` wakes
                // the Ms): every M parks, none holds the lock.
                return stopm(m, p);
            }
            c.wake = Wake::All;
            continue;
        };
        let Some(g) = m.sched.gs.get_mut(gi as usize).and_then(|s| s.take()) else {
            m.sched.ps[p].curg = None;
            continue;
        };
        if let Some(idle) = m.p_idle.get_mut(p) {
            if std::mem::replace(idle, false) {
                // Its M parked in `stopm` and was woken: the lane shows it.
                m.trace.emit(m.now, Some(p as u32), 0, crate::trace::EventKind::ProcWake);
            }
        }
        if let Some(n) = c.spins.get_mut(p) {
            *n = 0;
        }
        let budget = PURE_QUANTUM.min(m.sched.ps[p].slice_left.max(1));
        return Yield::Outside { gi, g, budget };
    }
}

/// A host's signal, delivered now (`Parallel::interrupt` and its replay).
fn deliver_host_signal(m: &mut Machine, sig: i32) {
    let now = m.now;
    m.signals.push(now, sig);
    m.deliver_due_signals();
}

/// The M of idle P `p` parks; the P's lane shows it idle once per idle
/// spell (an M woken with nothing to do parks again without an event).
fn stopm(m: &mut Machine, p: usize) -> Yield {
    if let Some(idle) = m.p_idle.get_mut(p) {
        if !*idle {
            *idle = true;
            m.trace.emit(m.now, Some(p as u32), 0, crate::trace::EventKind::ProcIdle);
        }
    }
    Yield::Park
}

/// M `p`'s G `gi` is back after `used` instructions without the lock: put
/// it back, account for the time, and run what needs the runtime.
fn returned(m: &mut Machine, c: &mut Counters, p: usize, gi: GIdx, g: Box<G>, used: u32, runtime: bool) {
    let id = g.id;
    m.sched.gs[gi as usize] = Some(g);
    m.steps += used as u64;
    let pp = &mut m.sched.ps[p];
    pp.slice_left = pp.slice_left.saturating_sub(used);
    let running = (m.sched.ps.iter().filter(|pp| pp.curg.is_some()).count() as u64).max(1);
    m.advance_clock(used as u64, running);
    if m.exit.is_some() {
        return;
    }
    if runtime {
        let used = m.run_p(p, LOCKED_QUANTUM);
        m.advance_clock(used as u64, running);
    } else if m.sched.ps[p].slice_left == 0 {
        m.preempt(p, gi, id, true);
    }
    m.check_step_limit();
    // wakep: work this M will not get to soon goes to a parked M, unless
    // a spinning M is about to find it.
    if c.parked > 0 && c.spinning == 0 && m.sched.any_runnable() {
        c.wake = c.wake.max(Wake::One);
    }
}

/// A recorded parallel schedule being replayed on one thread: each step's
/// section runs in the recorded order, and each G runs without the lock
/// exactly as far as it did. Installed in a machine built from the same
/// program and config (`install_replay`), it takes over `Machine::run`'s
/// rounds, so a replay can be stepped, paused and inspected like any run.
#[derive(Debug)]
pub struct ParallelReplay {
    c: Counters,
    ms: Vec<MState>,
    steps: Vec<Step>,
    next: usize,
}

#[derive(Debug)]
enum MState {
    NotStarted,
    Parked,
    Spinning,
    /// `ran`: instructions already replayed of this stretch (fast
    /// channel operations included).
    Outside { gi: GIdx, g: Box<G>, budget: u32, ran: u32 },
    Exited,
}

/// Makes `m` replay `steps` (see `ParallelReplay`).
pub fn install_replay(m: &mut Machine, steps: Vec<Step>) {
    m.cfg.preempt = Preempt::Async;
    let ms = m.sched.ps.len();
    let c = Counters::new(ms);
    m.parallel_replay = Some(Box::new(ParallelReplay { c, ms: (0..ms).map(|_| MState::NotStarted).collect(), steps, next: 0 }));
}

/// One step of a replay: `Machine::round` while a replay is installed.
pub(crate) fn replay_round(m: &mut Machine) {
    let Some(mut r) = m.parallel_replay.take() else { return };
    if let Err(why) = replay_step(m, &mut r) {
        m.limit(&format!("the recorded parallel schedule does not fit this program: {}", why));
    }
    m.parallel_replay = Some(r);
}

fn replay_step(m: &mut Machine, r: &mut ParallelReplay) -> Result<(), String> {
    let i = r.next;
    let Some(&step) = r.steps.get(i) else {
        return Err("it ends before the program does".into());
    };
    r.next += 1;
    let bad = |what: &str| format!("step {}: {}", i, what);
    let (p, entry) = match step {
        Step::Spawned { ms: n } => {
            r.c.ms = r.c.ms.max(n as usize);
            r.c.spins.resize(r.c.ms, 0);
            while r.ms.len() < r.c.ms {
                r.ms.push(MState::NotStarted);
            }
            return Ok(());
        }
        Step::Signal { sig } => {
            deliver_host_signal(m, sig as i32);
            return Ok(());
        }
        Step::Fast { p, ran } => {
            let Some(MState::Outside { g, budget, ran: done, .. }) = r.ms.get_mut(p as usize) else {
                return Err(bad("a channel operation of an M not running a goroutine"));
            };
            if done.saturating_add(ran).saturating_add(1) > *budget {
                return Err(bad("a goroutine ran further than its budget"));
            }
            let (_, x) = pure::run(&m.prog, &m.cfg, g, ran, None);
            if x != ran {
                return Err(bad("a goroutine stopped earlier than it did"));
            }
            chanlock::replay_fast(m, p as usize, g).map_err(|e| bad(&e))?;
            *done += ran + 1;
            return Ok(());
        }
        Step::Section { p, entry } => (p as usize, entry),
    };
    let Some(slot) = r.ms.get_mut(p) else { return Err(bad("an M that was never started")) };
    let carried = match (std::mem::replace(slot, MState::Exited), entry) {
        (MState::NotStarted, Entry::Start) => None,
        (MState::Parked, Entry::Woken) => {
            r.c.parked -= 1;
            None
        }
        (MState::Spinning, Entry::Spun) => {
            r.c.spinning -= 1;
            None
        }
        (MState::Outside { gi, mut g, budget, ran: done }, Entry::Returned { used, .. }) => {
            if used > budget || used < done {
                return Err(bad("a goroutine ran further than its budget"));
            }
            let (_, ran) = pure::run(&m.prog, &m.cfg, &mut g, used - done, None);
            if ran != used - done {
                return Err(bad("a goroutine stopped earlier than it did"));
            }
            r.c.outside -= 1;
            Some((gi, g))
        }
        _ => return Err(bad("an M resumed from a state it was not in")),
    };
    r.c.wake = Wake::None;
    r.ms[p] = match section(m, &mut r.c, p, entry, carried) {
        Yield::Exit => MState::Exited,
        Yield::Park => {
            r.c.parked += 1;
            MState::Parked
        }
        Yield::Spin => {
            r.c.spinning += 1;
            MState::Spinning
        }
        Yield::Outside { gi, g, budget } => {
            r.c.outside += 1;
            MState::Outside { gi, g, budget, ran: 0 }
        }
    };
    Ok(())
}

/// Runs `m` with one OS thread per P until it exits. Every few
/// milliseconds this thread calls `drain` on the machine (to stream output
/// and enforce a wall-clock limit); `drain` returns true to end the run,
/// after setting the machine's exit (`Machine::limit`). With `record`, the
/// schedule comes back too, for `replay`.
pub fn run_threads(m: Machine, record: bool, mut drain: impl FnMut(&mut Machine) -> bool) -> (Machine, Vec<Step>) {
    let par = Parallel::new(m, record);
    std::thread::scope(|s| {
        let mut started = 0;
        loop {
            let want = par.wanted_ms();
            if want > started {
                par.note_started(want);
                for p in started..want {
                    let par = &par;
                    s.spawn(move || par.mstart(p));
                }
                started = want;
            }
            if par.with_machine(|m| drain(m) || m.exit.is_some()) {
                par.stop();
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    });
    let steps = par.take_schedule();
    (par.into_machine(), steps)
}
