//! The lock-order checker (after Linux lockdep and ThreadSanitizer's
//! deadlock detector): every goroutine's held locks with where they were
//! taken; taking B while holding A adds the edge A→B to a graph over the
//! whole run. A cycle is a lock-order inversion: some schedule can make
//! each goroutine in it wait for the next, even when this run did not
//! deadlock. Edges are added when a lock is *attempted*, so an inversion
//! that did deadlock is reported too.
//!
//! Not reported: cycles whose edges all come from one goroutine (it cannot
//! wait for itself through them), and cycles whose every edge was taken
//! under one common write-held lock (a gate lock serialises them).
//!
//! RWMutex read locks are nodes like write locks (Go's RWMutex blocks new
//! readers once a writer waits, so read locks take part in deadlocks); a
//! goroutine read-locking an RWMutex it already read-holds is reported on
//! its own: a writer arriving between the two RLocks blocks them all.

use std::collections::HashSet;

use crate::analysis::race::clock::FxMap;
use crate::analysis::race::hooks::Site;
use crate::analysis::stack::{StackId, Stacks};
use crate::analysis::Finding;
use crate::runtime::machine::Machine;
use crate::runtime::sched::G;
use crate::runtime::sync::SyncObj;
use crate::vm::program::Program;
use crate::vm::value::Shared;

use super::lockhooks::LockEv;

#[derive(Clone, Copy, Debug)]
struct Held {
    lock: u32,
    read: bool,
    st: StackId,
}

#[derive(Clone, Debug)]
struct Edge {
    /// Where the held lock was taken and where the new one was tried.
    from_st: StackId,
    to_st: StackId,
    from_read: bool,
    to_read: bool,
    /// The goroutines that took this order (a few are enough).
    goids: Vec<u64>,
    /// Other locks write-held every time (the intersection).
    gates: Vec<u32>,
}

#[derive(Default)]
pub struct LockOrder {
    held: FxMap<u64, Vec<Held>>,
    pending: FxMap<u64, Vec<Held>>,
    edges: FxMap<(u32, u32), Edge>,
    succ: FxMap<u32, Vec<u32>>,
    /// `sync.Mutex` or `sync.RWMutex`, by lock id.
    kinds: FxMap<u32, bool>,
    pub stacks: Stacks,
    reported: HashSet<Vec<(u32, u32)>>,
    /// Potential deadlocks reported.
    pub count: usize,
    pub out: String,
    pub findings: Vec<Finding>,
}

/// The object id and whether it is an RWMutex.
fn lock_id(o: &Shared<SyncObj>) -> Option<(u32, bool)> {
    match &*o.try_borrow().ok()? {
        SyncObj::Mutex(ms) => Some((ms.id, false)),
        SyncObj::RWMutex(rw) => Some((rw.id, true)),
        _ => None,
    }
}

pub fn on_lock(m: &mut Machine, g: &G, site: Site, o: &Shared<SyncObj>, read: bool, ev: LockEv) {
    let Some((id, rw)) = lock_id(o) else { return };
    let Some(lo) = m.lockorder.as_deref_mut() else { return };
    lo.kinds.insert(id, rw);
    lo.settle(g.id);
    match ev {
        LockEv::Released => lo.release(g.id, id, read),
        _ => {
            let st = match site {
                Site::Pc(pc) => lo.stacks.capture(&m.prog, g, pc),
                Site::Line(line) => lo.stacks.capture_line(&m.prog, g, line),
            };
            let h = Held { lock: id, read, st };
            match ev {
                LockEv::Attempt => {
                    lo.attempt(&m.prog, g.id, h);
                    publish(m);
                }
                LockEv::Acquired => lo.held.entry(g.id).or_default().push(h),
                _ => lo.pending.entry(g.id).or_default().push(h),
            }
        }
    }
}

impl LockOrder {
    pub fn new() -> LockOrder {
        LockOrder::default()
    }

    /// Locks granted while `goid` was parked are held now.
    fn settle(&mut self, goid: u64) {
        if let Some(p) = self.pending.remove(&goid) {
            self.held.entry(goid).or_default().extend(p);
        }
    }

    fn release(&mut self, goid: u64, id: u32, read: bool) {
        let mine = self.held.entry(goid).or_default();
        if let Some(i) = mine.iter().rposition(|h| h.lock == id && h.read == read) {
            mine.remove(i);
            return;
        }
        // A Mutex may be unlocked by another goroutine than its locker.
        for hs in self.held.values_mut() {
            if let Some(i) = hs.iter().rposition(|h| h.lock == id && h.read == read) {
                hs.remove(i);
                return;
            }
        }
    }

    fn attempt(&mut self, prog: &Program, goid: u64, new: Held) {
        let held = self.held.get(&goid).cloned().unwrap_or_default();
        for h in &held {
            if h.lock == new.lock {
                if h.read && new.read {
                    self.recursive_rlock(prog, goid, *h, new);
                }
                continue;
            }
            let gates: Vec<u32> = held
                .iter()
                .filter(|x| x.lock != h.lock && x.lock != new.lock && !x.read)
                .map(|x| x.lock)
                .collect();
            match self.edges.get_mut(&(h.lock, new.lock)) {
                Some(e) => {
                    // Known order: look again only if this occurrence can
                    // close a cycle the earlier ones could not (another
                    // goroutine, or fewer gate locks).
                    let new_g = !e.goids.contains(&goid) && e.goids.len() < 4;
                    let fewer = e.gates.iter().any(|x| !gates.contains(x));
                    if !new_g && !fewer {
                        continue;
                    }
                    if new_g {
                        e.goids.push(goid);
                    }
                    e.gates.retain(|x| gates.contains(x));
                }
                None => {
                    let e = Edge {
                        from_st: h.st,
                        to_st: new.st,
                        from_read: h.read,
                        to_read: new.read,
                        goids: vec![goid],
                        gates,
                    };
                    self.edges.insert((h.lock, new.lock), e);
                    self.succ.entry(h.lock).or_default().push(new.lock);
                }
            }
            if let Some(path) = self.path(new.lock, h.lock) {
                // The cycle h -> new -> ... -> h.
                let mut cyc = vec![h.lock];
                cyc.extend(path);
                self.cycle(prog, &cyc);
            }
        }
    }

    /// A path `from` ->* `to` in the order graph (breadth-first, so the
    /// shortest), as the list of locks from `from` to `to`.
    fn path(&self, from: u32, to: u32) -> Option<Vec<u32>> {
        let mut prev: FxMap<u32, u32> = FxMap::default();
        let mut queue = std::collections::VecDeque::from([from]);
        let mut seen: HashSet<u32> = HashSet::from([from]);
        while let Some(x) = queue.pop_front() {
            if x == to {
                let mut p = vec![to];
                let mut cur = to;
                while cur != from {
                    cur = prev[&cur];
                    p.push(cur);
                }
                p.reverse();
                return Some(p);
            }
            for &y in self.succ.get(&x).map(|v| v.as_slice()).unwrap_or(&[]) {
                if seen.insert(y) {
                    prev.insert(y, x);
                    queue.push_back(y);
                }
            }
        }
        None
    }

    fn name(&self, id: u32) -> String {
        format!("M{}", id)
    }

    fn kind(&self, id: u32) -> &'static str {
        if self.kinds.get(&id).copied().unwrap_or(false) {
            "sync.RWMutex"
        } else {
            "sync.Mutex"
        }
    }

    /// `cyc` = [l0, l1, ..., l0]: reports the inversion unless one
    /// goroutine made every edge or a common gate lock orders them.
    fn cycle(&mut self, prog: &Program, cyc: &[u32]) {
        let edges: Vec<((u32, u32), Edge)> = cyc
            .windows(2)
            .filter_map(|w| self.edges.get(&(w[0], w[1])).map(|e| ((w[0], w[1]), e.clone())))
            .collect();
        if edges.len() + 1 != cyc.len() {
            return;
        }
        let goids: HashSet<u64> = edges.iter().flat_map(|(_, e)| e.goids.iter().copied()).collect();
        if goids.len() < 2 {
            return;
        }
        let common_gate = edges[0]
            .1
            .gates
            .iter()
            .any(|gl| edges.iter().all(|(_, e)| e.gates.contains(gl)));
        if common_gate {
            return;
        }
        let mut key: Vec<(u32, u32)> = edges.iter().map(|(k, _)| *k).collect();
        key.sort();
        if !self.reported.insert(key) {
            return;
        }
        self.count += 1;
        let names: Vec<String> = cyc
            .iter()
            .map(|&l| format!("{} ({})", self.name(l), self.kind(l)))
            .collect();
        let mut s = String::from("==================\nWARNING: LOCK ORDER INVERSION (potential deadlock)\n");
        s.push_str(&format!("Cycle in lock order graph: {}\n", names.join(" => ")));
        let mut gs = Vec::new();
        let mut sites = Vec::new();
        for ((a, b), e) in &edges {
            let verb = |read: bool| if read { "read-locked" } else { "locked" };
            s.push_str(&format!(
                "\n{} {} while holding {} by goroutine {}:\n",
                self.name(*b),
                verb(e.to_read),
                self.name(*a),
                e.goids[0]
            ));
            self.stacks.render(prog, e.to_st, None, &mut s);
            s.push_str(&format!(
                "\n{} previously {} by the same goroutine here:\n",
                self.name(*a),
                verb(e.from_read)
            ));
            self.stacks.render(prog, e.from_st, None, &mut s);
            let (func, at) = site(prog, &self.stacks, e.to_st);
            gs.push(format!("goroutine {} [lock]: {} at {}", e.goids[0], func, at));
            sites.push(at);
        }
        s.push_str("==================\n");
        self.out.push_str(&s);
        sites.sort();
        self.findings.push(Finding::new(
            "lock-order",
            format!("potential deadlock: lock order inversion at {}", sites.join(", ")),
            gs,
        ));
    }

    fn recursive_rlock(&mut self, prog: &Program, goid: u64, first: Held, again: Held) {
        let key = vec![
            (first.lock, u32::MAX),
            (self.stacks.top_line(first.st), self.stacks.top_line(again.st)),
        ];
        if !self.reported.insert(key) {
            return;
        }
        self.count += 1;
        let n = self.name(first.lock);
        let mut s = String::from("==================\nWARNING: RECURSIVE READ LOCK (potential deadlock)\n");
        s.push_str(&format!(
            "{} (sync.RWMutex) read-locked again by goroutine {}, which already holds it for reading:\n",
            n, goid
        ));
        self.stacks.render(prog, again.st, None, &mut s);
        s.push_str(&format!("\n{} previously read-locked by the same goroutine here:\n", n));
        self.stacks.render(prog, first.st, None, &mut s);
        s.push_str(
            "\nA writer calling Lock between the two RLock calls blocks the second one forever.\n==================\n",
        );
        self.out.push_str(&s);
        let (func, at) = site(prog, &self.stacks, again.st);
        let (_, at1) = site(prog, &self.stacks, first.st);
        self.findings.push(Finding::new(
            "lock-order",
            format!(
                "potential deadlock: recursive RLock at {} while holding the read lock taken at {}",
                at, at1
            ),
            vec![format!("goroutine {} [rlock]: {} at {}", goid, func, at)],
        ));
    }
}

fn site(prog: &Program, stacks: &Stacks, st: StackId) -> (String, String) {
    let fr = stacks.get(st).last().copied();
    let func = fr
        .and_then(|f| prog.funcs.get(f.func as usize))
        .map(|f| f.name.clone())
        .unwrap_or_default();
    (func, format!("{}:{}", prog.file, fr.map(|f| f.line).unwrap_or(0)))
}

/// Reports go to stderr as they are found, findings to the machine.
fn publish(m: &mut Machine) {
    let Some(lo) = m.lockorder.as_deref_mut() else { return };
    let out = std::mem::take(&mut lo.out);
    let fs = std::mem::take(&mut lo.findings);
    m.findings.extend(fs);
    if !out.is_empty() {
        m.write_stderr(out.as_bytes());
    }
}
