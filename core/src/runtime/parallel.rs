//! The parallel driver: every P runs its own `schedule` loop on its own
//! thread (its M), as in Go.
//!
//! Shared runtime state (run queues, channels, sync objects, timers, the
//! goroutine table, heap objects) lives in one `Machine` behind the runtime
//! lock, like the runtime's `sched.lock` with every structure under it. An
//! M holds the lock to schedule and to run instructions that touch shared
//! state, and drops it to run its goroutine's register-only instructions
//! (`vm/pure.rs`), which is where a CPU-bound program spends its time: so
//! Ps really compute side by side, and a program with heavy channel traffic
//! really contends for the lock as Go's would for `hchan.lock`.
//!
//! An M with no work parks on a condition variable (Go's `stopm` on its
//! note); an M that makes work runnable while others are parked wakes one
//! (`wakep`). When every M is parked and none runs a goroutine, the world is
//! quiescent: the last M to go idle moves the virtual clock to the next
//! timer or, with none, runs `checkdead`. So a deadlock is reported exactly
//! when no P has work, no timer is pending and goroutines are blocked.
//!
//! Not yet modelled: per-P lock-free run queues (stealing takes the
//! runtime lock), spinning Ms, and replay of a parallel run.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use crate::runtime::machine::{Config, Machine, Preempt};
use crate::vm::program::Program;
use crate::vm::pure::{self, PureStop};

/// Instructions a G runs without the lock before its M checks in.
const PURE_QUANTUM: u32 = 4096;
/// Instructions a G runs under the lock once it needs the runtime: a few,
/// so a burst of channel or heap operations does not re-lock for each.
const LOCKED_QUANTUM: u32 = 32;

pub struct Parallel {
    prog: Arc<Program>,
    cfg: Config,
    state: Mutex<State>,
    /// Parked Ms wait here.
    idle: Condvar,
    /// Set to stop every M (the host's Stop, a time limit).
    stop: AtomicBool,
}

struct State {
    m: Machine,
    /// Ms parked on `idle`.
    parked: usize,
    /// Ms running a G without the lock.
    outside: usize,
    /// Ms started so far (one per P; more if GOMAXPROCS grows).
    ms: usize,
}

impl Parallel {
    /// Wraps a machine built with `Machine::new`. Preemption is
    /// asynchronous: a cooperative request could not reach a G running
    /// without the lock.
    pub fn new(mut m: Machine) -> Parallel {
        m.cfg.preempt = Preempt::Async;
        let cfg = m.cfg.clone();
        let prog = m.prog.clone();
        let ms = m.sched.ps.len();
        Parallel { prog, cfg, state: Mutex::new(State { m, parked: 0, outside: 0, ms }), idle: Condvar::new(), stop: AtomicBool::new(false) }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while the lock was held left the machine in an unknown
        // state; the run is over either way, so carry on to report it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the machine under the runtime lock (the host reads
    /// output and the exit this way). Blocks while an M holds the lock.
    pub fn with_machine<R>(&self, f: impl FnOnce(&mut Machine) -> R) -> R {
        f(&mut self.lock().m)
    }

    /// `with_machine` if the lock is free right now, else None: for hosts
    /// that must never block (a browser's main thread or its poller).
    pub fn try_with_machine<R>(&self, f: impl FnOnce(&mut Machine) -> R) -> Option<R> {
        match self.state.try_lock() {
            Ok(mut st) => Some(f(&mut st.m)),
            Err(std::sync::TryLockError::Poisoned(e)) => Some(f(&mut e.into_inner().m)),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// Asks every M to return as soon as it checks in.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        let _st = self.lock();
        self.idle.notify_all();
    }

    /// How many Ms (threads) the host should run: one per P. It grows when
    /// the program raises GOMAXPROCS; the host starts `mstart(p)` for each
    /// new `p`.
    pub fn wanted_ms(&self) -> usize {
        self.lock().m.sched.ps.len()
    }

    /// Marks Ms `0..n` as started (the host is about to run them).
    pub fn note_started(&self, n: usize) {
        let mut st = self.lock();
        st.ms = st.ms.max(n);
    }

    /// The M loop of P `p` (`mstart` → `schedule` forever): returns when
    /// the program exits or `stop` is called. Call it on its own thread (or
    /// Web Worker); it blocks while its P has nothing to do.
    pub fn mstart(&self, p: usize) {
        let mut st = self.lock();
        loop {
            if st.m.exit.is_some() || self.stop.load(Ordering::Relaxed) {
                break;
            }
            if st.m.pending_procs.is_some() && st.outside == 0 {
                if let Some(n) = st.m.pending_procs.take() {
                    st.m.procresize(n);
                    self.idle.notify_all();
                }
            }
            if p >= st.m.sched.ps.len() {
                // GOMAXPROCS shrank below this M's P: it has no P to run.
                st = self.park(st);
                continue;
            }
            if st.m.sched.ps[p].curg.is_none() {
                st.m.schedule(p);
            }
            if st.m.sched.ps[p].curg.is_none() {
                st = self.idle_or_checkdead(st);
                continue;
            }
            st = self.run_g(st, p);
            // wakep: work this M will not get to soon goes to a parked M.
            if st.parked > 0 && st.m.sched.any_runnable() {
                self.idle.notify_one();
            }
        }
        self.idle.notify_all();
    }

    /// P has nothing to run. If every other M is parked too and no G runs,
    /// nothing can make work but a timer: fire the next one, or, with none,
    /// `checkdead`. Otherwise park until woken.
    fn idle_or_checkdead<'a>(&'a self, mut st: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        let quiescent = st.outside == 0 && st.parked + 1 >= st.ms;
        if !quiescent {
            return self.park(st);
        }
        if st.m.sched.any_runnable() {
            // Work sits on a queue this P could not take (an M without a
            // P after GOMAXPROCS shrank): wake the others to find it.
            self.idle.notify_all();
            return self.park(st);
        }
        if !st.m.fire_next_event() {
            st.m.checkdead();
        }
        self.idle.notify_all();
        st
    }

    /// `stopm`: sleep until another M has work for this one.
    fn park<'a>(&'a self, mut st: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        st.parked += 1;
        let mut st = self.idle.wait(st).unwrap_or_else(|e| e.into_inner());
        st.parked -= 1;
        st
    }

    /// Runs P `p`'s current G: register instructions without the lock,
    /// then, if it stopped at one that needs the runtime, a few under it.
    fn run_g<'a>(&'a self, mut st: MutexGuard<'a, State>, p: usize) -> MutexGuard<'a, State> {
        let Some(gi) = st.m.sched.ps[p].curg else { return st };
        let Some(mut g) = st.m.sched.gs.get_mut(gi as usize).and_then(|s| s.take()) else {
            st.m.sched.ps[p].curg = None;
            return st;
        };
        let budget = PURE_QUANTUM.min(st.m.sched.ps[p].slice_left.max(1));
        st.outside += 1;
        drop(st);
        let (why, used) = pure::run(&self.prog, &self.cfg, &mut g, budget);
        let mut st = self.lock();
        st.outside -= 1;
        let id = g.id;
        st.m.sched.gs[gi as usize] = Some(g);
        let running = self.account(&mut st.m, p, used);
        if st.m.exit.is_some() {
            return st;
        }
        match why {
            PureStop::Budget => {
                if st.m.sched.ps[p].slice_left == 0 {
                    st.m.preempt(p, gi, id, true);
                }
            }
            PureStop::Runtime => {
                let used = st.m.run_p(p, LOCKED_QUANTUM);
                st.m.advance_clock(used as u64, running);
            }
        }
        self.check_step_limit(&mut st.m);
        st
    }

    /// Counts instructions run without the lock: steps, the time slice and
    /// the virtual clock. Returns how many Ps are running.
    fn account(&self, m: &mut Machine, p: usize, used: u32) -> u64 {
        m.steps += used as u64;
        let pp = &mut m.sched.ps[p];
        pp.slice_left = pp.slice_left.saturating_sub(used);
        let running = m.sched.ps.iter().filter(|pp| pp.curg.is_some()).count() as u64;
        m.advance_clock(used as u64, running.max(1));
        running.max(1)
    }

    fn check_step_limit(&self, m: &mut Machine) {
        if m.cfg.max_steps != 0 && m.steps >= m.cfg.max_steps && m.exit.is_none() {
            let n = m.cfg.max_steps;
            m.limit(&format!("program exceeded the step limit of {} instructions (an endless loop?)", n));
        }
    }

    /// The machine back, once every M has returned.
    pub fn into_machine(self) -> Machine {
        self.state.into_inner().unwrap_or_else(|e| e.into_inner()).m
    }
}

/// Runs `m` with one OS thread per P until it exits. Every few
/// milliseconds this thread calls `drain` on the machine (to stream output
/// and enforce a wall-clock limit); `drain` returns true to end the run,
/// after setting the machine's exit (`Machine::limit`).
pub fn run_threads(m: Machine, mut drain: impl FnMut(&mut Machine) -> bool) -> Machine {
    let par = Parallel::new(m);
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
    par.into_machine()
}
