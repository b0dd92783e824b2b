//! The choosers: replay a recorded schedule, uniform random, PCT, and the
//! systematic search's run (explore.rs). All record the decisions they
//! make (choices among two or more options, while not muted), which is
//! what a replay token stores.

use std::any::Any;
use std::collections::HashMap;

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use crate::analysis::explore::DfsRun;
use crate::analysis::{Choice, Chooser, Trans};

#[derive(Debug)]
pub enum Policy {
    /// Decisions in order; past the end, 0 (the non-preemptive choice).
    Replay { list: Vec<u32>, pos: usize },
    Random(Pcg64Mcg),
    Pct(Pct),
    Dfs(DfsRun),
}

/// A chooser: a policy plus the record of what it decided.
#[derive(Debug)]
pub struct Ctl {
    pub policy: Policy,
    /// Every decision among two or more options, in order.
    pub rec: Vec<u32>,
    muted: bool,
}

impl Ctl {
    pub fn new(policy: Policy) -> Ctl {
        Ctl { policy, rec: Vec::new(), muted: false }
    }

    pub fn replay(list: Vec<u32>) -> Ctl {
        Ctl::new(Policy::Replay { list, pos: 0 })
    }

    pub fn random(seed: u64) -> Ctl {
        Ctl::new(Policy::Random(Pcg64Mcg::seed_from_u64(seed)))
    }

    fn decide(&mut self, _kind: Choice, n: usize, en: Option<&[Trans]>) -> Option<usize> {
        let v = match &mut self.policy {
            Policy::Replay { list, pos } => {
                let v = list.get(*pos).copied().unwrap_or(0) as usize;
                *pos += 1;
                v.min(n - 1)
            }
            Policy::Random(r) => r.random_range(0..n),
            Policy::Pct(p) => match en {
                Some(en) => p.pick(en),
                None => p.rng.random_range(0..n),
            },
            Policy::Dfs(d) => d.decide(n, en)?,
        };
        Some(v)
    }
}

impl Chooser for Ctl {
    fn choose(&mut self, kind: Choice, n: usize) -> usize {
        // Only the explore driver's own choices are decisions: the GMP
        // driver's are not made under a chooser of this kind.
        if self.muted || n < 2 || !matches!(kind, Choice::SelectOrder | Choice::Pick) {
            return 0;
        }
        let v = self.decide(kind, n, None).unwrap_or(0);
        self.rec.push(v as u32);
        v
    }

    fn pick(&mut self, en: &[Trans]) -> Option<usize> {
        if en.len() < 2 {
            // No decision, but PCT counts steps and the search tracks its
            // sleep set through every transition.
            match &mut self.policy {
                Policy::Pct(p) => {
                    p.pick(en);
                }
                Policy::Dfs(d) => d.single(en)?,
                _ => {}
            }
            return Some(0);
        }
        let v = self.decide(Choice::Pick, en.len(), Some(en))?;
        self.rec.push(v as u32);
        Some(v)
    }

    fn mute(&mut self, on: bool) {
        self.muted = on;
    }

    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}

/// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010):
/// each goroutine gets a random priority, the highest-priority enabled one
/// always moves, and at `d - 1` random steps the running goroutine drops
/// to a priority below every initial one. A bug of depth `d` in a program
/// with `n` goroutines and `k` steps is found with probability at least
/// `1 / (n * k^(d-1))` per run.
#[derive(Debug)]
pub struct Pct {
    rng: Pcg64Mcg,
    prio: HashMap<u64, u64>,
    /// Steps (1-based) at which the mover's priority drops to `d - i`.
    change: Vec<u64>,
    step: u64,
}

impl Pct {
    /// `k`: the expected number of steps; `d`: the bug depth aimed at.
    pub fn new(seed: u64, d: usize, k: u64) -> Pct {
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        let change = (1..d).map(|_| rng.random_range(1..=k.max(1))).collect();
        Pct { rng, prio: HashMap::new(), change, step: 0 }
    }

    fn pick(&mut self, en: &[Trans]) -> usize {
        self.step += 1;
        // Initial priorities sit above every change-point priority (< d).
        for t in en {
            if !self.prio.contains_key(&t.goid) {
                let p = self.rng.random_range(1u64 << 20..1u64 << 62);
                self.prio.insert(t.goid, p);
            }
        }
        let best = |prio: &HashMap<u64, u64>| (0..en.len()).max_by_key(|&i| prio.get(&en[i].goid).copied().unwrap_or(0)).unwrap_or(0);
        let mut i = best(&self.prio);
        for (j, &at) in self.change.iter().enumerate() {
            if at == self.step {
                self.prio.insert(en[i].goid, (self.change.len() - j) as u64);
                i = best(&self.prio);
            }
        }
        i
    }
}
