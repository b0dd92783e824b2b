//! The deterministic driver: one host thread steps every P.
//!
//! Each round gives idle Ps a chance to find work (`find_runnable`), then
//! lets one running P execute a quantum of instructions. With one P the
//! quantum is the rest of the time slice; with several, a P is drawn at
//! random and runs a short random quantum, so Ps interleave at instruction
//! granularity the way threads do, and every choice comes from the seeded
//! PRNG: the same program, procs and seed give the same run, byte for byte.
//! When no P can run anything, the virtual clock jumps to the next timer
//! (the Go playground's faketime); with no timer either, `checkdead`.

use std::sync::Arc;

use crate::analysis::Choice;
use crate::runtime::sched::{GIdx, GStatus, Sched, Source, G};
use crate::runtime::time::Timers;
use crate::trace::{EventKind, Trace};
use crate::types::TypeId;
use crate::vm::interp::{self, Stop};
use crate::vm::program::Program;
use crate::vm::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preempt {
    /// Go 1.14+: a goroutine can be preempted at any instruction.
    Async,
    /// Before Go 1.14: only at function calls, so a tight loop starves others.
    Cooperative,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub procs: usize,
    pub seed: u64,
    /// Total instructions before the run is stopped (0: no limit).
    pub max_steps: u64,
    /// Bytes of stdout+stderr before the run is stopped.
    pub max_output: usize,
    pub max_goroutines: usize,
    /// Call depth per goroutine.
    pub max_frames: usize,
    /// Registers (values) per goroutine stack.
    pub max_stack: usize,
    /// Elements in one allocation (`make`, `append`).
    pub max_alloc: usize,
    /// Live heap bytes the program may use (0: no limit). Needs the host to
    /// install `runtime::memory::CountingAlloc`.
    pub max_memory: usize,
    pub preempt: Preempt,
    /// Instructions per time slice (Go's sysmon preempts after 10ms).
    pub time_slice: u32,
    pub trace: bool,
    pub trace_limit: usize,
    /// Host signals to deliver: (virtual time in ns, signal number), e.g.
    /// `(2_000_000_000, 2)` for `--signal 2s` (SIGINT). See runtime/signal.rs.
    pub signals: Vec<(i64, i32)>,
    /// The host can deliver a signal at any moment (the page's Interrupt
    /// button): when only a signal could wake the program, `run` returns
    /// and waits for one instead of stopping the program.
    pub interactive_signals: bool,
    /// The race detector (`chanscope run --race`, analysis/race.rs).
    pub race: bool,
    /// The lock-order checker (`--lockorder`, analysis/lockorder.rs).
    pub lockorder: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            procs: 4,
            seed: 1,
            max_steps: 2_000_000_000,
            max_output: 8 << 20,
            max_goroutines: 2_000_000,
            max_frames: 1_000_000,
            max_stack: 16_000_000,
            max_alloc: 16 << 20,
            max_memory: 2 << 30,
            preempt: Preempt::Async,
            time_slice: 20_000,
            trace: false,
            trace_limit: 2_000_000,
            signals: Vec::new(),
            interactive_signals: false,
            race: false,
            lockorder: false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// `main` returned.
    Normal,
    /// An unrecovered panic.
    Panic,
    /// `fatal error: all goroutines are asleep - deadlock!`
    Deadlock,
    /// Another fatal error (`sync: unlock of unlocked mutex`, stack overflow).
    Fatal,
    /// A chanscope limit stopped a runaway program.
    Limit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exit {
    pub code: i32,
    pub kind: ExitKind,
}

pub struct Machine {
    pub prog: Arc<Program>,
    pub cfg: Config,
    pub sched: Sched,
    pub globals: Vec<Value>,
    pub timers: Timers,
    /// math/rand's seeded source and the standard logger's settings.
    pub lib: crate::stdlib::State,
    /// Virtual time, nanoseconds since start.
    pub now: i64,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    out_total: usize,
    pub trace: Trace,
    /// Instructions executed so far.
    pub steps: u64,
    pub exit: Option<Exit>,
    pub next_obj_id: u32,
    /// Zero values of types without runtime objects inside, by type id.
    pub zero_cache: Vec<Option<Value>>,
    /// `TypeTable::flat_len` by type id, `u64::MAX` until computed.
    flat_cache: Vec<u64>,
    /// A P asked to yield at its next call (cooperative preemption).
    pub preempt_req: Vec<bool>,
    /// The index of `main`'s G.
    pub main_g: GIdx,
    /// Instructions not yet turned into virtual nanoseconds.
    clock_frac: u64,
    /// Which Ps were idle after the last round (for `ProcIdle` events).
    pub(crate) p_idle: Vec<bool>,
    /// A `runtime.GOMAXPROCS(n)` waiting to be applied between rounds.
    pub pending_procs: Option<usize>,
    /// Live heap bytes when the machine was made (the compiler's and the
    /// host's share, not counted against the program).
    mem_base: usize,
    /// Host signals to come and `signal.Notify` registrations.
    pub signals: crate::runtime::signal::Signals,
    /// Bugs found during the run (race detector, lock-order graph, ...);
    /// the explorer collects them with the run's replay token.
    pub findings: Vec<crate::analysis::Finding>,
    /// Off unless `Config::race`: every instrumented instruction tests it.
    pub race: Option<Box<crate::analysis::race::RaceDetector>>,
    /// Off unless `Config::lockorder`.
    pub lockorder: Option<Box<crate::analysis::lockorder::LockOrder>>,
    /// Set for schedule exploration and replay (analysis/driver.rs).
    pub explore: Option<Box<crate::analysis::driver::Driver>>,
    /// Set while replaying a recorded parallel run (runtime/parallel.rs).
    pub parallel_replay: Option<Box<crate::runtime::parallel::ParallelReplay>>,
    /// The channel locks held by the section running now (parallel driver
    /// only; see `runtime/chanlock.rs`).
    pub chan_locks: Option<crate::runtime::chanlock::ChanLocks>,
}

impl Machine {
    pub fn new(prog: Arc<Program>, cfg: Config) -> Machine {
        let mut sched = Sched::new(cfg.procs, cfg.seed);
        let nprocs = sched.ps.len();
        let ntypes = prog.types.len();
        let mut m = Machine {
            globals: vec![Value::Nil; prog.nglobals as usize],
            trace: Trace::new(cfg.trace, cfg.trace_limit),
            timers: Timers::default(),
            lib: Default::default(),
            now: 0,
            stdout: Vec::new(),
            stderr: Vec::new(),
            out_total: 0,
            steps: 0,
            exit: None,
            next_obj_id: 0,
            zero_cache: vec![None; ntypes],
            flat_cache: vec![u64::MAX; ntypes],
            preempt_req: vec![false; nprocs],
            main_g: 0,
            mem_base: crate::runtime::memory::live_bytes(),
            clock_frac: 0,
            p_idle: vec![false; nprocs],
            pending_procs: None,
            signals: crate::runtime::signal::Signals::new(&cfg.signals),
            findings: Vec::new(),
            race: cfg.race.then(Default::default),
            lockorder: cfg.lockorder.then(Default::default),
            explore: None,
            parallel_replay: None,
            chan_locks: None,
            sched: Sched::new(1, 0),
            prog,
            cfg,
        };
        // runtime.main runs on g1, queued on P0 like the runtime's first G.
        let mut g = G::new(0);
        let entry = m.prog.entry;
        interp::push_entry_frame(&m.prog, &mut g, entry, None, &[]);
        let gi = sched.alloc_g(g);
        sched.runqput(0, gi, false);
        m.sched = sched;
        m.main_g = gi;
        m
    }

    pub fn new_obj_id(&mut self) -> u32 {
        self.next_obj_id += 1;
        self.next_obj_id
    }

    /// Runs until the program exits or about `budget` instructions have
    /// executed (0: until exit). Returns the exit once there is one.
    pub fn run(&mut self, budget: u64) -> Option<&Exit> {
        let stop_at = if budget == 0 { u64::MAX } else { self.steps.saturating_add(budget) };
        // A replayed parallel run's schedule says when the signal came.
        while self.exit.is_none() && self.steps < stop_at && (!self.signals.awaiting || self.parallel_replay.is_some()) {
            if self.check_step_limit() {
                break;
            }
            self.round(stop_at - self.steps);
        }
        self.exit.as_ref()
    }

    /// Stops the run once it has executed `max_steps` instructions; true
    /// when it did.
    pub(crate) fn check_step_limit(&mut self) -> bool {
        if self.cfg.max_steps == 0 || self.steps < self.cfg.max_steps {
            return false;
        }
        let n = self.cfg.max_steps;
        self.limit(&format!("program exceeded the step limit of {} instructions (an endless loop?)", n));
        true
    }

    /// `procresize`: grow or shrink the set of Ps. The Gs of removed Ps
    /// (running, `runnext`, local queue) move to the global queue.
    pub(crate) fn procresize(&mut self, n: usize) {
        let old = self.sched.ps.len();
        if n > old {
            for i in old..n {
                self.sched.ps.push(crate::runtime::sched::P { id: i as u32, ..Default::default() });
            }
        }
        let glen = self.sched.global.len();
        if n < old {
            for pp in self.sched.ps.drain(n..).collect::<Vec<_>>() {
                for gi in pp.curg.into_iter().chain(pp.runnext).chain(pp.runq) {
                    if let Some(g) = self.sched.g_mut(gi) {
                        g.status = GStatus::Runnable;
                    }
                    self.sched.global.push_back(gi);
                }
            }
        }
        self.preempt_req.resize(n, false);
        self.p_idle.resize(n, false);
        if self.trace.on() {
            let moved = self.ids(self.sched.global.iter().skip(glen).copied().collect());
            self.trace.emit(self.now, None, 0, EventKind::ProcResize { procs: n, moved });
        }
    }

    /// One scheduling round.
    fn round(&mut self, max: u64) {
        if self.parallel_replay.is_some() {
            return crate::runtime::parallel::replay_round(self);
        }
        if self.explore.is_some() {
            // Schedule exploration/replay: goroutines interleave at visible
            // operations, each choice from the chooser (analysis/driver.rs).
            return crate::analysis::driver::round(self);
        }
        if let Some(n) = self.pending_procs.take() {
            self.procresize(n);
        }
        let nprocs = self.sched.ps.len();
        // Idle Ps look for work, starting from a random P so none is favoured.
        let start = if nprocs > 1 { self.sched.choose(Choice::StartP, nprocs) } else { 0 };
        let mut running = 0usize;
        for k in 0..nprocs {
            let p = (start + k) % nprocs;
            if self.sched.ps[p].curg.is_none() {
                self.schedule(p);
            }
            let busy = self.sched.ps[p].curg.is_some();
            if busy {
                running += 1;
            }
            // Emit the transition to idle once, not every round.
            if self.p_idle[p] != !busy {
                self.p_idle[p] = !busy;
                if !busy {
                    self.trace.emit(self.now, Some(p as u32), 0, EventKind::ProcIdle);
                }
            }
        }
        if running == 0 {
            if !self.fire_next_event() {
                self.checkdead();
            }
            return;
        }
        let (p, quantum) = if nprocs == 1 {
            (0, self.sched.ps[0].slice_left.max(1))
        } else {
            let pick = self.sched.choose(Choice::RunP, running);
            let p = (0..nprocs).filter(|&p| self.sched.ps[p].curg.is_some()).nth(pick).unwrap_or(0);
            let q = self.sched.choose_quantum(256);
            (p, q)
        };
        // The quantum is never cut short by the caller's budget: how a host
        // slices `run` calls must not change the schedule (the budget may be
        // overshot by one quantum).
        let _ = max;
        let quantum = quantum.max(1);
        let used = self.run_p(p, quantum);
        self.advance_clock(used as u64, running as u64);
    }

    /// Virtual time also passes while goroutines compute: one nanosecond
    /// per instruction on each P, the running Ps working side by side. So
    /// a sleeping goroutine wakes while others are busy, as it would under
    /// `go run`; when nothing runs, the clock jumps to the next timer.
    pub(crate) fn advance_clock(&mut self, used: u64, running: u64) {
        self.clock_frac += used;
        let ns = self.clock_frac / running.max(1);
        if ns == 0 {
            return;
        }
        self.clock_frac -= ns * running.max(1);
        self.now = self.now.saturating_add(ns as i64);
        if self.timers.due(self.now) {
            self.fire_due_timers();
        }
        if self.signals.next_when().is_some_and(|w| w <= self.now) {
            self.deliver_due_signals();
        }
    }

    /// `schedule`: find a G for P `p` and make it current.
    pub(crate) fn schedule(&mut self, p: usize) {
        let Some((gi, inherit, src)) = self.sched.find_runnable(p) else {
            return;
        };
        let pp = &mut self.sched.ps[p];
        if !inherit {
            pp.schedtick = pp.schedtick.wrapping_add(1);
            pp.slice_left = self.cfg.time_slice;
        }
        pp.curg = Some(gi);
        self.preempt_req[p] = false;
        let Some(g) = self.sched.g_mut(gi) else { return };
        g.status = GStatus::Running;
        if self.trace.on() {
            let id = g.id;
            let from = match src {
                Source::RunNext => "runnext",
                Source::Local => "local",
                Source::GlobalTick => "global_tick",
                Source::Global => "global",
                Source::Stolen { .. } => "stolen",
            };
            let pe = Some(p as u32);
            match src {
                // Both only move Gs into a local queue that was empty.
                Source::Stolen { victim } => {
                    let moved = self.ids(self.sched.ps[p].runq.iter().copied().collect());
                    self.trace.emit(self.now, pe, 0, EventKind::Steal { g: id, victim, moved });
                }
                Source::Global => {
                    let moved = self.ids(self.sched.ps[p].runq.iter().copied().collect());
                    self.trace.emit(self.now, pe, 0, EventKind::GlobalGet { g: id, moved });
                }
                _ => {}
            }
            self.trace.emit(self.now, pe, 0, EventKind::GoStart { g: id, from });
        }
    }

    fn ids(&self, gs: Vec<GIdx>) -> Vec<u64> {
        gs.into_iter().filter_map(|i| self.sched.g(i).map(|g| g.id)).collect()
    }

    /// `runqput` with its event.
    pub fn runqput(&mut self, p: usize, gi: GIdx, next: bool) {
        if !self.trace.on() {
            self.sched.runqput(p, gi, next);
            return;
        }
        let kicked = if next { self.sched.ps[p].runnext } else { None };
        let glen = self.sched.global.len();
        self.sched.runqput(p, gi, next);
        let spilled = self.ids(self.sched.global.iter().skip(glen).copied().collect());
        let id = self.sched.g(gi).map(|g| g.id).unwrap_or(0);
        let kicked = kicked.and_then(|k| self.sched.g(k)).map(|g| g.id);
        self.trace.emit(self.now, Some(p as u32), 0, EventKind::RunqPut { g: id, next, kicked, spilled });
    }

    /// Runs P `p`'s current G for up to `quantum` instructions; returns
    /// how many ran.
    pub(crate) fn run_p(&mut self, p: usize, quantum: u32) -> u32 {
        let Some(gi) = self.sched.ps[p].curg else { return 0 };
        let Some(mut g) = self.sched.gs.get_mut(gi as usize).and_then(|s| s.take()) else {
            self.sched.ps[p].curg = None;
            return 0;
        };
        let async_preempt = self.cfg.preempt == Preempt::Async;
        let slice_left = self.sched.ps[p].slice_left;
        let budget = if async_preempt { quantum.min(slice_left.max(1)) } else { quantum };
        let (stop, used) = interp::execute(self, p, gi, &mut g, budget);
        self.steps += used as u64;
        let pp = &mut self.sched.ps[p];
        pp.slice_left = pp.slice_left.saturating_sub(used);
        let slice_over = pp.slice_left == 0;
        let id = g.id;
        self.sched.gs[gi as usize] = Some(g);
        match stop {
            Stop::Budget => {
                if slice_over {
                    if async_preempt {
                        self.preempt(p, gi, id, true);
                    } else {
                        self.preempt_req[p] = true;
                    }
                }
            }
            Stop::Preempted => self.preempt(p, gi, id, true),
            Stop::Yield => self.preempt(p, gi, id, false),
            Stop::Park => {
                self.sched.ps[p].curg = None;
            }
            Stop::Done => {
                self.sched.ps[p].curg = None;
                if self.trace.on() {
                    self.trace.emit(self.now, Some(p as u32), 0, EventKind::GoExit { g: id });
                }
                if let Some(r) = self.race.as_deref_mut() {
                    r.goexit(id);
                }
                self.sched.free_g(gi);
            }
            Stop::Exit => {
                self.sched.ps[p].curg = None;
            }
        }
        used
    }

    /// `gopreempt_m`/`goschedImpl`: the G goes to the global run queue.
    pub(crate) fn preempt(&mut self, p: usize, gi: GIdx, id: u64, preempted: bool) {
        self.sched.ps[p].curg = None;
        self.sched.ps[p].slice_left = 0;
        if let Some(g) = self.sched.g_mut(gi) {
            g.status = GStatus::Runnable;
        }
        self.sched.global.push_back(gi);
        if self.trace.on() {
            self.trace.emit(self.now, Some(p as u32), 0, EventKind::GoYield { g: id, preempted });
            self.trace.emit(self.now, Some(p as u32), 0, EventKind::GlobalPut { g: id });
        }
    }

    /// `goready`: make a parked G runnable on P `p`'s `runnext`.
    pub fn goready(&mut self, p: usize, gi: GIdx, by: u64) {
        let Some(g) = self.sched.g_mut(gi) else { return };
        if g.status != GStatus::Waiting {
            return;
        }
        g.status = GStatus::Runnable;
        g.blocked_on = None;
        let id = g.id;
        if self.trace.on() {
            self.trace.emit(self.now, Some(p as u32), 0, EventKind::GoUnblock { g: id, by });
        }
        self.runqput(p, gi, true);
    }

    /// Writes program output, enforcing the output limit.
    pub fn write_stdout(&mut self, gid: u64, bytes: &[u8]) {
        self.out_total += bytes.len();
        if self.trace.on() {
            let text = String::from_utf8_lossy(bytes).into_owned();
            self.trace.emit(self.now, None, 0, EventKind::Output { g: gid, text });
        }
        self.stdout.extend_from_slice(bytes);
        self.check_output_limit();
    }

    pub fn write_stderr(&mut self, bytes: &[u8]) {
        self.out_total += bytes.len();
        self.stderr.extend_from_slice(bytes);
        self.check_output_limit();
    }

    /// Called after host functions append to `stdout` directly.
    pub fn note_stdout_growth(&mut self, gid: u64, from: usize) {
        let n = self.stdout.len().saturating_sub(from);
        self.out_total += n;
        if self.trace.on() && n > 0 {
            let text = String::from_utf8_lossy(&self.stdout[from..]).into_owned();
            self.trace.emit(self.now, None, 0, EventKind::Output { g: gid, text });
        }
        self.check_output_limit();
    }

    /// Bytes of stdout+stderr the run may still write.
    pub fn output_left(&self) -> usize {
        self.cfg.max_output.saturating_sub(self.out_total)
    }

    fn check_output_limit(&mut self) {
        if self.out_total > self.cfg.max_output && self.exit.is_none() {
            let n = self.cfg.max_output;
            self.limit(&format!("program output exceeded the limit of {} bytes", n));
        }
    }

    /// After an instruction that allocated: stop a program whose heap grew
    /// past the limit. True when it was stopped.
    pub fn memory_exceeded(&mut self) -> bool {
        if self.cfg.max_memory == 0 {
            return false;
        }
        let used = crate::runtime::memory::live_bytes().saturating_sub(self.mem_base);
        if used <= self.cfg.max_memory {
            return false;
        }
        let mb = self.cfg.max_memory >> 20;
        self.limit(&format!("program used more than {} MB of memory", mb));
        true
    }

    /// `TypeTable::flat_len`, cached: the values one value of `ty` holds.
    pub fn flat_len(&mut self, ty: TypeId) -> u64 {
        match self.flat_cache.get(ty as usize) {
            Some(&n) if n != u64::MAX => n,
            _ => {
                let n = self.prog.types.flat_len(ty);
                if let Some(slot) = self.flat_cache.get_mut(ty as usize) {
                    *slot = n;
                }
                n
            }
        }
    }

    /// Stops a runaway program with a clear message.
    pub fn limit(&mut self, msg: &str) {
        if self.exit.is_some() {
            return;
        }
        self.stderr.extend_from_slice(format!("chanscope: {}\n", msg).as_bytes());
        self.finish(2, ExitKind::Limit);
    }

    pub fn finish(&mut self, code: i32, kind: ExitKind) {
        if self.exit.is_none() {
            let code = if self.race.is_some() && kind == ExitKind::Normal { crate::analysis::race::hooks::at_exit(self, code) } else { code };
            self.trace.emit(self.now, None, 0, EventKind::Exit { code });
            self.exit = Some(Exit { code, kind });
        }
    }

    /// The zero value of `ty` (fresh sync objects inside, cached otherwise).
    /// A value too large for `max_alloc` stops the run at the limit (the
    /// caller sees `Nil` and must check `exit`).
    pub fn zero(&mut self, ty: TypeId) -> Value {
        if let Some(Some(v)) = self.zero_cache.get(ty as usize) {
            return v.clone();
        }
        let n = self.flat_len(ty);
        if n > self.cfg.max_alloc as u64 {
            let msg = format!(
                "allocation of {} elements (a value of type {}) exceeds the limit of {}",
                n,
                self.prog.types.name(ty),
                self.cfg.max_alloc
            );
            self.limit(&msg);
            return Value::Nil;
        }
        let prog = self.prog.clone();
        let (v, cacheable) = crate::vm::zero::zero_value(&prog.types, ty, &mut || {
            self.next_obj_id += 1;
            self.next_obj_id
        });
        if cacheable {
            if let Some(slot) = self.zero_cache.get_mut(ty as usize) {
                *slot = Some(v.clone());
            }
        }
        v
    }
}
