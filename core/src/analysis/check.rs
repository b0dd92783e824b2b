//! `chanscope check`: many schedules within a budget, findings
//! deduplicated, each shrunk to a minimal failing schedule and given a
//! replay token.
//!
//! Schedules alternate between the systematic search (which starts with
//! the non-preemptive schedule and, for small programs, runs out of
//! choices: then every interleaving has been covered and the check says
//! `exhaustive`) and randomised ones: uniform random choices and PCT with
//! depths 2 and 3 (a probabilistic guarantee for shallow ordering bugs in
//! programs too large to exhaust). `Checker` works in slices so the page
//! can show progress; it does not read the clock (hosts bound the time).

use std::collections::HashSet;
use std::sync::Arc;

use serde::Serialize;

use crate::analysis::choosers::{Ctl, Pct, Policy};
use crate::analysis::explore::Dfs;
use crate::analysis::replay::{self, Schedule};
use crate::analysis::{driver, findings, Finding};
use crate::runtime::machine::{Config, ExitKind, Machine};
use crate::vm::program::Program;

/// Visible steps per schedule before it is cut short.
pub const MAX_SCHEDULE_STEPS: u64 = 20_000;
/// Instructions per schedule.
pub const MAX_SCHEDULE_INSTRUCTIONS: u64 = 20_000_000;
/// Replays spent shrinking one finding.
pub const SHRINK_TRIES: usize = 60;

#[derive(Clone, Debug)]
pub struct CheckConfig {
    pub procs: usize,
    pub seed: u64,
    /// Schedules to run at most.
    pub schedules: u64,
    /// Partial-order reduction in the systematic search.
    pub por: bool,
}

impl Default for CheckConfig {
    fn default() -> CheckConfig {
        CheckConfig { procs: 4, seed: 1, schedules: 1000, por: true }
    }
}

/// What `check --json` prints.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub schedules: u64,
    pub exhaustive: bool,
}

/// One schedule's outcome.
pub struct Outcome {
    pub findings: Vec<Finding>,
    /// The decisions made (for a replay token).
    pub decisions: Vec<u32>,
    /// Visible steps taken.
    pub steps: u64,
    pub abandoned: bool,
    pub inexact: bool,
    pub exit: Option<ExitKind>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// The machine settings of a run under exploration or replay.
pub fn machine_config(procs: usize, seed: u64) -> Config {
    Config { procs, seed, max_steps: MAX_SCHEDULE_INSTRUCTIONS, max_output: 1 << 20, trace: false, race: true, lockorder: true, ..Config::default() }
}

/// A machine ready to replay `s` (the CLI's `run --replay` adds its own
/// settings to `cfg` first).
pub fn replay_machine(prog: Arc<Program>, cfg: Config, s: &Schedule) -> Machine {
    // The detectors the check ran with, so their findings show again.
    let mut m = Machine::new(prog, Config { procs: s.procs, seed: s.seed, race: true, lockorder: true, ..cfg });
    driver::install(&mut m, Box::new(Ctl::replay(s.decisions.clone())), MAX_SCHEDULE_STEPS);
    m
}

/// Runs `prog` once under `ctl`; returns the outcome and the chooser.
pub fn run_once(prog: &Arc<Program>, procs: usize, seed: u64, ctl: Ctl) -> (Outcome, Ctl) {
    let mut m = Machine::new(prog.clone(), machine_config(procs, seed));
    driver::install(&mut m, Box::new(ctl), MAX_SCHEDULE_STEPS);
    m.run(0);
    let ctl = m.sched.chooser.take().and_then(|c| c.into_any().downcast::<Ctl>().ok()).map(|b| *b);
    let ctl = ctl.unwrap_or_else(|| Ctl::replay(Vec::new()));
    let d = m.explore.as_deref();
    let exit = m.exit.as_ref().map(|e| e.kind);
    let abandoned = d.is_some_and(|d| d.aborted);
    let found = if abandoned {
        m.findings.clone()
    } else {
        findings::of_run(&m)
    };
    let out = Outcome {
        findings: found,
        decisions: ctl.rec.clone(),
        steps: d.map(|d| d.steps).unwrap_or(0),
        abandoned,
        inexact: d.is_some_and(|d| d.inexact) || exit == Some(ExitKind::Limit) && !abandoned,
        exit,
        stdout: std::mem::take(&mut m.stdout),
        stderr: std::mem::take(&mut m.stderr),
    };
    (out, ctl)
}

/// Schedule exploration in slices.
pub struct Checker {
    prog: Arc<Program>,
    cfg: CheckConfig,
    dfs: Dfs,
    found: Vec<Finding>,
    keys: HashSet<String>,
    /// Schedules run (replays for shrinking not counted).
    pub schedules: u64,
    /// The systematic search ran out of choices with every run exact.
    pub exhaustive: bool,
    inexact: bool,
    /// Longest schedule seen (PCT's `k`).
    max_steps: u64,
    /// Visible steps over all schedules (for states/s).
    pub transitions: u64,
    rand_k: u64,
}

impl Checker {
    pub fn new(prog: Arc<Program>, cfg: CheckConfig) -> Checker {
        let por = cfg.por;
        Checker {
            prog,
            cfg,
            dfs: Dfs::new(por),
            found: Vec::new(),
            keys: HashSet::new(),
            schedules: 0,
            exhaustive: false,
            inexact: false,
            max_steps: 1,
            transitions: 0,
            rand_k: 0,
        }
    }

    /// True when no more schedules will run.
    pub fn done(&self) -> bool {
        self.exhaustive || self.schedules >= self.cfg.schedules
    }

    pub fn findings(&self) -> &[Finding] {
        &self.found
    }

    /// Systematic-search statistics: (complete schedules, abandoned).
    pub fn search_stats(&self) -> (u64, u64) {
        (self.dfs.complete, self.dfs.blocked)
    }

    /// Runs up to `n` schedules; returns how many ran.
    pub fn step(&mut self, n: u64) -> u64 {
        let mut ran = 0;
        while ran < n && !self.done() {
            self.one();
            ran += 1;
        }
        ran
    }

    /// Only the systematic search, until exhausted or `n` schedules.
    pub fn step_search(&mut self, n: u64) -> u64 {
        let mut ran = 0;
        while ran < n && !self.exhaustive {
            if !self.search_one() {
                break;
            }
            ran += 1;
        }
        ran
    }

    pub fn report(&self) -> Report {
        Report { findings: self.found.clone(), schedules: self.schedules, exhaustive: self.exhaustive }
    }

    fn one(&mut self) {
        let turn = self.schedules;
        if turn % 2 == 0 && !self.dfs.exhausted && self.search_one() {
            return;
        }
        self.rand_k += 1;
        let seed = self.cfg.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(self.rand_k);
        let policy = match self.rand_k % 3 {
            0 => Policy::Random(rand::SeedableRng::seed_from_u64(seed)),
            1 => Policy::Pct(Pct::new(seed, 2, self.max_steps)),
            _ => Policy::Pct(Pct::new(seed, 3, self.max_steps)),
        };
        let (out, _) = run_once(&self.prog, self.cfg.procs, self.cfg.seed, Ctl::new(policy));
        self.schedules += 1;
        self.absorb(out);
    }

    /// One schedule of the systematic search; false when it is exhausted.
    fn search_one(&mut self) -> bool {
        let Some(run) = self.dfs.next_run() else {
            self.exhaustive = !self.inexact && !self.dfs.diverged;
            return false;
        };
        let (out, ctl) = run_once(&self.prog, self.cfg.procs, self.cfg.seed, Ctl::new(Policy::Dfs(run)));
        let Policy::Dfs(run) = ctl.policy else { return false };
        self.dfs.finish(run, out.abandoned);
        self.inexact |= out.inexact;
        self.schedules += 1;
        self.absorb(out);
        if self.dfs.next_is_exhausted() {
            self.exhaustive = !self.inexact && !self.dfs.diverged;
        }
        true
    }

    fn absorb(&mut self, out: Outcome) {
        self.max_steps = self.max_steps.max(out.steps);
        self.transitions += out.steps;
        for f in &out.findings {
            let key = f.key();
            if self.keys.contains(&key) {
                continue;
            }
            self.keys.insert(key.clone());
            let decisions = shrink(&self.prog, self.cfg.procs, self.cfg.seed, &key, out.decisions.clone());
            let mut f = f.clone();
            f.replay = replay::encode(&Schedule { procs: self.cfg.procs, seed: self.cfg.seed, decisions });
            self.found.push(f);
        }
    }
}

impl Dfs {
    /// True when no schedule is left (without consuming one).
    pub fn next_is_exhausted(&self) -> bool {
        self.exhausted || self.stack_exhausted()
    }
}

/// Delta debugging over the schedule's decisions: zero out chunks of the
/// non-zero decisions (0 is the non-preemptive choice) while the finding
/// with `key` still shows; returns the decisions of the last failing run.
pub fn shrink(prog: &Arc<Program>, procs: usize, seed: u64, key: &str, decisions: Vec<u32>) -> Vec<u32> {
    let mut best = replay::trim(decisions);
    let mut tries = 0;
    let test = |cand: Vec<u32>, tries: &mut usize| -> Option<Vec<u32>> {
        *tries += 1;
        let (out, _) = run_once(prog, procs, seed, Ctl::replay(cand));
        out.findings.iter().any(|f| f.key() == key).then(|| replay::trim(out.decisions))
    };
    let mut chunks = 2usize;
    loop {
        let nz: Vec<usize> = (0..best.len()).filter(|&i| best[i] != 0).collect();
        if nz.is_empty() || tries >= SHRINK_TRIES {
            break;
        }
        let chunks_now = chunks.min(nz.len());
        let size = nz.len().div_ceil(chunks_now);
        let mut progressed = false;
        for part in nz.chunks(size) {
            if tries >= SHRINK_TRIES {
                break;
            }
            let mut cand = best.clone();
            for &i in part {
                cand[i] = 0;
            }
            if let Some(got) = test(replay::trim(cand), &mut tries) {
                best = got;
                progressed = true;
                break;
            }
        }
        if progressed {
            chunks = (chunks - 1).max(2);
        } else if chunks_now >= nz.len() {
            break;
        } else {
            chunks = (chunks * 2).min(nz.len());
        }
    }
    // Decisions are positional, so zeroing an early one moves the rest: a
    // schedule with a single preemption elsewhere may still do. Try them.
    if best.iter().filter(|&&d| d != 0).count() > 1 {
        for k in 0..best.len() + 2 {
            if tries >= 2 * SHRINK_TRIES {
                break;
            }
            let mut cand = vec![0; k + 1];
            cand[k] = 1;
            if let Some(got) = test(cand, &mut tries) {
                if got.iter().filter(|&&d| d != 0).count() <= 1 {
                    return got;
                }
            }
        }
    }
    best
}
