//! The explore driver: replaces the GMP driver's rounds when
//! `Machine::explore` is set.
//!
//! Every runnable goroutine rests at its next visible operation (a new or
//! woken goroutine is first run alone up to one: what it does before is
//! local to it). Each round the chooser picks one of them (index 0 is the
//! goroutine that moved last, so choosing 0 everywhere is the
//! non-preemptive schedule and a schedule's "cost" is its non-zero
//! choices); it performs that operation and runs on to its next one. All
//! goroutines run on P0: which P runs a goroutine does not change what a
//! program can do, only the interleaving does. The virtual clock moves as
//! in the GMP driver (a nanosecond per instruction, a jump to the next
//! timer when nothing can run).
//!
//! When `main` returns, the driver keeps running the other goroutines (the
//! "drain", with fixed choices and output discarded) until nothing can
//! run: those still blocked then are blocked forever, leaks; then the exit
//! and output are put back as they were when `main` returned, so the run
//! shows exactly what `go run` would.

use crate::analysis::visible::{classify, Obj};
use crate::analysis::{findings, Finding, Trans};
use crate::runtime::machine::{ExitKind, Machine};
use crate::runtime::sched::{GIdx, GStatus};
use crate::trace::EventKind;

/// Instructions a goroutine may run without a visible operation before
/// the driver treats the spot as a preemption point (a spin on plain or
/// atomic loads, an endless loop).
pub const SPIN_CAP: u32 = 10_000;
/// Steps of the drain after `main` returned.
pub const DRAIN_CAP: u64 = 500;

#[derive(Debug, Default)]
pub struct Driver {
    /// The goroutine that moved last (offered first).
    last: Option<GIdx>,
    /// Goroutines stopped by `SPIN_CAP` away from a visible operation.
    spun: Vec<GIdx>,
    /// Picks made (visible steps).
    pub steps: u64,
    /// Stop the run after this many steps (0: no limit).
    pub max_steps: u64,
    /// The chooser abandoned the run (sleep-set blocked).
    pub aborted: bool,
    /// The run was cut short (spin cap, step cap, drain cap): a systematic
    /// search that saw this cannot claim to be exhaustive.
    pub inexact: bool,
    /// Leaks and partial deadlocks found by the drain.
    pub leaks: Vec<Finding>,
    /// The panic or fatal error that ended the run.
    pub crash: Option<Finding>,
    draining: bool,
}

impl Driver {
    pub fn new(max_steps: u64) -> Driver {
        Driver { max_steps, ..Default::default() }
    }
}

/// Installs the explore driver and `chooser` on a fresh machine.
pub fn install(m: &mut Machine, chooser: Box<dyn crate::analysis::Chooser>, max_steps: u64) {
    m.sched.chooser = Some(chooser);
    m.explore = Some(Box::new(Driver::new(max_steps)));
}

fn drv(m: &mut Machine) -> &mut Driver {
    m.explore.get_or_insert_with(Default::default)
}

enum Progress {
    Stepped,
    /// Nothing can run and no timer or signal is pending.
    Quiescent,
}

/// One round of the explore driver.
pub fn round(m: &mut Machine) {
    match step(m) {
        Progress::Stepped => {}
        Progress::Quiescent => {
            m.checkdead();
            return;
        }
    }
    match m.exit.as_ref().map(|e| e.kind) {
        Some(ExitKind::Normal) if m.exit.as_ref().is_some_and(|e| e.code == 0) && main_returned(m) => drain(m),
        // Keep the crash's finding: a host may take stderr after the round.
        Some(ExitKind::Panic | ExitKind::Fatal) => {
            let f = findings::panic_finding(&m.stderr);
            drv(m).crash = f;
        }
        _ => {}
    }
}

fn main_returned(m: &Machine) -> bool {
    m.sched.g(m.main_g).is_some_and(|g| g.frames.is_empty())
}

/// Gs that could move, in canonical order: all Runnable/Running ones.
/// The run queues are emptied: this driver picks goroutines directly.
fn runnable(m: &mut Machine) -> Vec<GIdx> {
    m.sched.global.clear();
    for pp in m.sched.ps.iter_mut() {
        pp.runq.clear();
        pp.runnext = None;
        pp.curg = None;
    }
    let mut v: Vec<(u64, GIdx)> = m
        .sched
        .gs
        .iter()
        .enumerate()
        .filter_map(|(i, g)| g.as_deref().filter(|g| matches!(g.status, GStatus::Runnable | GStatus::Running)).map(|g| (g.id, i as GIdx)))
        .collect();
    v.sort_unstable();
    v.into_iter().map(|x| x.1).collect()
}

/// Makes one visible step, or fires timers when nothing can run.
fn step(m: &mut Machine) -> Progress {
    let gs = runnable(m);
    // Bring new and woken goroutines to their next visible operation.
    for &gi in &gs {
        let at_point = m.sched.g(gi).is_some_and(|g| classify(m, g).is_some()) || drv(m).spun.contains(&gi);
        if !at_point {
            run_g(m, gi, false);
            if m.exit.is_some() {
                return Progress::Stepped;
            }
        }
    }
    let gs: Vec<GIdx> = runnable(m);
    if gs.is_empty() {
        return if m.fire_next_event() { Progress::Stepped } else { Progress::Quiescent };
    }
    let (max, steps) = (drv(m).max_steps, drv(m).steps);
    if max != 0 && steps >= max {
        drv(m).inexact = true;
        m.limit(&format!("schedule exceeded {} steps", max));
        return Progress::Stepped;
    }
    let (order, en) = offer(m, gs);
    let draining = drv(m).draining;
    let choice = if draining || en.len() == 1 && !picks_single(m) {
        Some(0)
    } else {
        let c = m.sched.chooser.as_mut();
        match c {
            Some(c) => c.pick(&en),
            None => Some(0),
        }
    };
    let Some(i) = choice else {
        let d = drv(m);
        d.aborted = true;
        m.finish(0, ExitKind::Limit);
        return Progress::Stepped;
    };
    let i = i.min(order.len() - 1);
    let gi = order[i];
    // The poll order of a select matters only with two ready cases.
    let mute = draining || en[i].nready < 2;
    if let Some(c) = m.sched.chooser.as_mut() {
        c.mute(mute);
    }
    let d = drv(m);
    d.steps += 1;
    d.spun.retain(|&x| x != gi);
    run_g(m, gi, true);
    if let Some(c) = m.sched.chooser.as_mut() {
        c.mute(false);
    }
    Progress::Stepped
}

/// Single-option picks still go to choosers that track state (the
/// systematic search's sleep sets, PCT's step count).
fn picks_single(m: &Machine) -> bool {
    m.sched.chooser.is_some()
}

/// The enabled transitions: the last mover first, then by goroutine id.
fn offer(m: &mut Machine, mut gs: Vec<GIdx>) -> (Vec<GIdx>, Vec<Trans>) {
    if let Some(last) = drv(m).last {
        if let Some(k) = gs.iter().position(|&g| g == last) {
            let g = gs.remove(k);
            gs.insert(0, g);
        }
    }
    let spun = drv(m).spun.clone();
    let en = gs
        .iter()
        .map(|&gi| {
            let g = m.sched.g(gi);
            let (obj, nready) = match g.and_then(|g| classify(m, g)) {
                Some(x) if !spun.contains(&gi) => x,
                _ => (Obj::All, 0),
            };
            Trans { goid: g.map(|g| g.id).unwrap_or(0), obj, nready }
        })
        .collect();
    (gs, en)
}

/// Runs `gi` alone on P0: with `op`, its visible operation first; then up
/// to (not into) the next visible operation, a park, its end or the exit.
fn run_g(m: &mut Machine, gi: GIdx, mut op: bool) {
    let switched = drv(m).last != Some(gi);
    drv(m).last = Some(gi);
    let Some(g) = m.sched.g_mut(gi) else { return };
    g.status = GStatus::Running;
    let id = g.id;
    if switched && m.trace.on() {
        let now = m.now;
        m.trace.emit(now, Some(0), 0, EventKind::GoStart { g: id, from: "explore" });
    }
    m.sched.ps[0].curg = Some(gi);
    let mut n = 0u32;
    loop {
        if !op && m.sched.g(gi).is_some_and(|g| classify(m, g).is_some()) {
            break;
        }
        op = false;
        m.sched.ps[0].slice_left = u32::MAX;
        let used = m.run_p(0, 1);
        m.steps += used as u64;
        advance_clock(m, used as u64);
        if m.exit.is_some() || m.sched.ps[0].curg != Some(gi) {
            return;
        }
        n += 1;
        if n >= SPIN_CAP {
            let d = drv(m);
            d.spun.push(gi);
            d.inexact = true;
            break;
        }
        if m.cfg.max_steps != 0 && m.steps >= m.cfg.max_steps {
            let n = m.cfg.max_steps;
            m.limit(&format!("program exceeded the step limit of {} instructions (an endless loop?)", n));
            return;
        }
    }
    m.sched.ps[0].curg = None;
    if let Some(g) = m.sched.g_mut(gi) {
        g.status = GStatus::Runnable;
    }
}

/// A nanosecond per instruction; due timers fire (as in the GMP driver).
fn advance_clock(m: &mut Machine, used: u64) {
    m.now = m.now.saturating_add(used as i64);
    if m.timers.due(m.now) {
        m.fire_due_timers();
    }
    if m.signals.next_when().is_some_and(|w| w <= m.now) {
        m.deliver_due_signals();
    }
}

/// After `main` returned: run the rest to quiescence, report who is left
/// blocked, then restore the exit and output of the moment `main` returned.
fn drain(m: &mut Machine) {
    let Some(exit) = m.exit.take() else { return };
    let (out, err, ev, nf) = (m.stdout.len(), m.stderr.len(), m.trace.events.len(), m.findings.len());
    if let Some(g) = m.sched.g_mut(m.main_g) {
        g.status = GStatus::Dead;
    }
    let at_return = findings::blocked_spots(m);
    drv(m).draining = true;
    let mut quiet = false;
    let mut n = 0u64;
    while m.exit.is_none() && n < DRAIN_CAP {
        n += 1;
        if let Progress::Quiescent = step(m) {
            quiet = true;
            break;
        }
    }
    // At the cap, let what can run settle (without firing more timers) so
    // that goroutines looping on a ticker are seen parked.
    let mut k = 0;
    while !quiet && m.exit.is_none() && k < DRAIN_CAP && !runnable(m).is_empty() {
        k += 1;
        step(m);
    }
    let leaks = if m.exit.is_some() {
        // A panic or a limit after main returned cannot happen under `go run`.
        Vec::new()
    } else if quiet {
        findings::blocked_forever(m)
    } else {
        // Still running (a ticker, a polling loop): those parked on what
        // nothing can reach, and those parked where they were when main
        // returned (blocked then and never got further).
        drv(m).inexact = true;
        let mut v = crate::analysis::reach::unreachable_blocked(m);
        let now = findings::blocked_spots(m);
        for (id, spot) in now {
            if at_return.iter().any(|(i, s)| *i == id && *s == spot) && !v.iter().any(|f| f.goroutines[0].starts_with(&format!("goroutine {} ", id))) {
                if let Some(g) = m.sched.gs.iter().filter_map(|g| g.as_deref()).find(|g| g.id == id) {
                    v.push(findings::leak_finding(m, g, "was blocked when main returned and stays blocked"));
                }
            }
        }
        v
    };
    let d = drv(m);
    d.draining = false;
    d.leaks = leaks;
    m.exit = Some(exit);
    m.stdout.truncate(out);
    m.stderr.truncate(err);
    m.trace.events.truncate(ev);
    // Nor can what the detectors saw after it.
    m.findings.truncate(nf);
}
