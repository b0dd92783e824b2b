//! The systematic search: a stateless depth-first search over the
//! decisions of the explore driver, re-running the program from the start
//! for every schedule (the machine is not cloneable, and runs of small
//! programs are cheap), with sleep sets (Godefroid 1996) for partial-order
//! reduction.
//!
//! A decision node is either a pick (which enabled goroutine moves) or
//! the internal choice of the picked goroutine's step (a `select`'s poll
//! order with several ready cases). After the subtree of goroutine `t` at
//! a pick node is explored, `t` goes to sleep for the node's later
//! children and stays asleep below them until a transition dependent on
//! `t`'s next one (touching a common object, `visible::Obj`) runs: every
//! schedule that would wake it later is equivalent to one already
//! explored. A pick node whose enabled goroutines are all asleep is
//! abandoned. So the search explores each Mazurkiewicz trace (class of
//! schedules equal up to swapping adjacent independent steps) once to
//! completion; when it runs out of choices every behaviour of the program
//! at visible-operation granularity has been seen.

use crate::analysis::Trans;

#[derive(Clone, Debug)]
struct Pick {
    goids: Vec<u64>,
    /// Asleep when the node was reached.
    sleep: Vec<u64>,
    /// Children already explored.
    done: Vec<u64>,
}

#[derive(Clone, Debug)]
struct Node {
    n: usize,
    chosen: usize,
    pick: Option<Pick>,
}

/// The search across runs.
#[derive(Debug)]
pub struct Dfs {
    stack: Vec<Node>,
    /// Partial-order reduction on (sleep sets); off explores every
    /// interleaving.
    pub por: bool,
    started: bool,
    pub exhausted: bool,
    /// Schedules run to the end, and runs abandoned by sleep sets.
    pub complete: u64,
    pub blocked: u64,
    /// Transitions executed over all runs (the "states" visited).
    pub transitions: u64,
    /// A replayed prefix led elsewhere (the program is not deterministic
    /// under a fixed schedule): exhaustion proves nothing then.
    pub diverged: bool,
}

impl Dfs {
    pub fn new(por: bool) -> Dfs {
        Dfs { stack: Vec::new(), por, started: false, exhausted: false, complete: 0, blocked: 0, transitions: 0, diverged: false }
    }

    /// The chooser state for the next schedule, or `None` when the search
    /// is exhausted.
    pub fn next_run(&mut self) -> Option<DfsRun> {
        if self.exhausted {
            return None;
        }
        if self.started && !self.backtrack() {
            self.exhausted = true;
            return None;
        }
        self.started = true;
        Some(DfsRun { stack: std::mem::take(&mut self.stack), depth: 0, sleep: Vec::new(), por: self.por, diverged: false, transitions: 0 })
    }

    /// Takes back the run's decision stack.
    pub fn finish(&mut self, mut run: DfsRun, abandoned: bool) {
        run.stack.truncate(run.depth);
        self.stack = run.stack;
        self.diverged |= run.diverged;
        self.transitions += run.transitions;
        if abandoned {
            self.blocked += 1;
        } else {
            self.complete += 1;
        }
    }

    /// No node has an unexplored child (the next `next_run` gives `None`).
    pub fn stack_exhausted(&self) -> bool {
        self.started
            && !self.stack.iter().any(|top| match &top.pick {
                None => top.chosen + 1 < top.n,
                Some(pk) => (0..top.n).any(|i| i != top.chosen && !pk.sleep.contains(&pk.goids[i]) && !pk.done.contains(&pk.goids[i])),
            })
    }

    /// Moves the deepest node with an unexplored child to that child.
    fn backtrack(&mut self) -> bool {
        while let Some(top) = self.stack.last_mut() {
            match &mut top.pick {
                None => {
                    if top.chosen + 1 < top.n {
                        top.chosen += 1;
                        return true;
                    }
                }
                Some(pk) => {
                    let g = pk.goids[top.chosen];
                    pk.done.push(g);
                    let next = (0..top.n).find(|&i| !pk.sleep.contains(&pk.goids[i]) && !pk.done.contains(&pk.goids[i]));
                    if let Some(i) = next {
                        top.chosen = i;
                        return true;
                    }
                }
            }
            self.stack.pop();
        }
        false
    }
}

/// One schedule of the search: follows the stack, then takes the first
/// choice not asleep at each new node.
#[derive(Debug)]
pub struct DfsRun {
    stack: Vec<Node>,
    depth: usize,
    /// The sleep set carried to the next pick.
    sleep: Vec<u64>,
    por: bool,
    diverged: bool,
    transitions: u64,
}

impl DfsRun {
    /// A decision among `n`; `en` for picks. `None`: abandon the run.
    pub fn decide(&mut self, n: usize, en: Option<&[Trans]>) -> Option<usize> {
        if en.is_some() {
            self.transitions += 1;
        }
        if self.depth < self.stack.len() {
            let node = &self.stack[self.depth];
            let same = node.n == n
                && match (&node.pick, en) {
                    (Some(pk), Some(en)) => pk.goids.iter().zip(en).all(|(g, t)| *g == t.goid),
                    (None, None) => true,
                    _ => false,
                };
            if !same {
                self.diverged = true;
            }
            let chosen = node.chosen.min(n - 1);
            if let (Some(pk), Some(en)) = (&node.pick, en) {
                let asleep: Vec<u64> = pk.sleep.iter().chain(&pk.done).copied().collect();
                self.sleep = self.wake(&asleep, en, chosen);
            }
            self.depth += 1;
            return Some(chosen);
        }
        let (chosen, pick) = match en {
            Some(en) => {
                let sleep: Vec<u64> = self.sleep.iter().copied().filter(|g| en.iter().any(|t| t.goid == *g)).collect();
                let i = (0..n).find(|&i| !sleep.contains(&en[i].goid))?;
                self.sleep = self.wake(&sleep, en, i);
                (i, Some(Pick { goids: en.iter().map(|t| t.goid).collect(), sleep, done: Vec::new() }))
            }
            None => (0, None),
        };
        self.stack.push(Node { n, chosen, pick });
        self.depth += 1;
        Some(chosen)
    }

    /// A pick with one enabled goroutine: no node, but the sleep set moves
    /// on (and blocks the run if that goroutine is asleep).
    pub fn single(&mut self, en: &[Trans]) -> Option<()> {
        self.transitions += 1;
        let t = en.first()?;
        if self.por && self.sleep.contains(&t.goid) {
            return None;
        }
        self.sleep = self.wake(&self.sleep.clone(), en, 0);
        Some(())
    }

    /// The sleep set after transition `en[i]`: those independent of it.
    fn wake(&self, asleep: &[u64], en: &[Trans], i: usize) -> Vec<u64> {
        if !self.por {
            return Vec::new();
        }
        let t = &en[i];
        asleep
            .iter()
            .copied()
            .filter(|&g| g != t.goid && en.iter().find(|x| x.goid == g).is_some_and(|x| x.obj.independent(&t.obj)))
            .collect()
    }
}
