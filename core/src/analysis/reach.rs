//! Blocked forever by reachability, as Go 1.26's goroutine leak profile
//! decides it: a goroutine parked on a channel or sync object that no
//! goroutine able to run (now or after a timer) can reach will never be
//! woken. Roots are the globals, pending timers, and the stacks of
//! runnable and sleeping goroutines; a parked goroutine's own stack
//! becomes a root once the object it waits on is reached (it may be woken
//! and then touch what it holds). What is left parked is leaked.

use std::collections::HashSet;
use std::sync::Arc;

use crate::analysis::findings::leak_finding;
use crate::analysis::Finding;
use crate::runtime::machine::Machine;
use crate::runtime::sched::{GStatus, WaitReason, G};
use crate::runtime::sync::SyncObj;
use crate::vm::value::{Pointer, Value};

#[derive(Default)]
struct Marker {
    seen: HashSet<usize>,
    /// Ids of the channels and sync objects reached.
    objs: HashSet<u32>,
    work: Vec<Value>,
}

fn addr<T: ?Sized>(rc: &Arc<T>) -> usize {
    Arc::as_ptr(rc) as *const u8 as usize
}

impl Marker {
    fn first(&mut self, a: usize) -> bool {
        self.seen.insert(a)
    }

    fn push_g(&mut self, g: &G) {
        self.work.extend(g.stack.iter().cloned());
        for fr in &g.frames {
            if let Some(c) = &fr.closure {
                self.work.push(Value::Func(c.clone()));
            }
            if let Some(ds) = &fr.defers {
                for d in ds.iter() {
                    self.work.push(d.fv.clone());
                    self.work.extend(d.args.iter().cloned());
                }
            }
        }
    }

    fn run(&mut self) {
        while let Some(v) = self.work.pop() {
            self.visit(v);
        }
    }

    fn visit(&mut self, v: Value) {
        match v {
            Value::Slice { arr, .. } => {
                if self.first(addr(&arr)) {
                    if let Ok(a) = arr.try_borrow() {
                        self.work.extend(a.iter().cloned());
                    }
                }
            }
            Value::Array(a) | Value::Struct(a) => {
                if self.first(addr(&a)) {
                    self.work.extend(a.iter().cloned());
                }
            }
            Value::Map(mo) => {
                if self.first(addr(&mo)) {
                    if let Ok(mo) = mo.try_borrow() {
                        for (k, v) in mo.entries.iter() {
                            self.work.push(k.0.clone());
                            self.work.push(v.clone());
                        }
                    }
                }
            }
            Value::Chan(c) => {
                if self.first(addr(&c)) {
                    if let Ok(hc) = c.try_borrow() {
                        self.objs.insert(hc.id);
                        self.work.extend(hc.buf.iter().cloned());
                        self.work.extend(hc.sendq.iter().map(|s| s.elem.clone()));
                    }
                }
            }
            Value::Func(cl) => {
                if self.first(addr(&cl)) {
                    self.work.extend(cl.upvals.iter().map(|u| Value::Cell(u.clone())));
                }
            }
            Value::Cell(c) => {
                if self.first(addr(&c)) {
                    if let Ok(x) = c.try_borrow() {
                        self.work.push(x.clone());
                    }
                }
            }
            Value::Ptr(p) => match &*p {
                Pointer::Elem(arr, _) => self.work.push(Value::Slice { arr: arr.clone(), off: 0, len: 0, cap: 0 }),
                Pointer::Field(base, _) => self.work.push(base.clone()),
            },
            Value::Iface(i) => self.work.push(i.val.clone()),
            Value::Obj(o) => {
                if self.first(addr(&o)) {
                    if let Ok(so) = o.try_borrow() {
                        match &*so {
                            SyncObj::Mutex(s) => drop(self.objs.insert(s.id)),
                            SyncObj::WaitGroup(s) => drop(self.objs.insert(s.id)),
                            SyncObj::RWMutex(s) => drop(self.objs.insert(s.id)),
                            SyncObj::Once(s) => drop(self.objs.insert(s.id)),
                            SyncObj::Notify(s) => drop(self.objs.insert(s.id)),
                            SyncObj::RLocker(v) | SyncObj::Map(v) => self.work.push(v.clone()),
                            SyncObj::Pool(vs) => self.work.extend(vs.iter().cloned()),
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Is `g` (parked) waiting on something the marker reached?
fn wakeable(mk: &Marker, g: &G) -> bool {
    if let Some(cs) = &g.select_chans {
        return cs.iter().any(|c| c.try_borrow().map(|c| mk.objs.contains(&c.id)).unwrap_or(true));
    }
    match g.wait {
        WaitReason::Sleep => true,
        WaitReason::ChanSendNilChan | WaitReason::ChanReceiveNilChan | WaitReason::SelectNoCases => false,
        _ => g.blocked_on.is_none_or(|id| mk.objs.contains(&id)),
    }
}

/// Goroutines parked on objects nothing that can run reaches.
pub fn unreachable_blocked(m: &Machine) -> Vec<Finding> {
    // A signal could wake anything registered with signal.Notify.
    if m.signals.has_handlers() {
        return Vec::new();
    }
    let mut mk = Marker::default();
    mk.work.extend(m.globals.iter().cloned());
    let (tv, tg) = m.timers.roots();
    mk.work.extend(tv);
    let live = |g: &G| g.status == GStatus::Runnable || g.status == GStatus::Running || g.wait == WaitReason::Sleep;
    let mut parked: Vec<&G> = Vec::new();
    for g in m.sched.gs.iter().filter_map(|g| g.as_deref()) {
        if live(g) || tg.iter().any(|&t| m.sched.g(t).is_some_and(|x| x.id == g.id)) {
            mk.push_g(g);
        } else if g.status == GStatus::Waiting {
            parked.push(g);
        }
    }
    mk.run();
    // Fixpoint: a goroutine that can be woken keeps what it holds alive.
    loop {
        let (woken, rest): (Vec<&G>, Vec<&G>) = parked.iter().partition(|g| wakeable(&mk, g));
        if woken.is_empty() {
            break;
        }
        for g in woken {
            mk.push_g(g);
        }
        mk.run();
        parked = rest;
    }
    parked.sort_by_key(|g| g.id);
    parked.into_iter().map(|g| leak_finding(m, g, "is blocked forever (nothing that can run reaches what it waits on)")).collect()
}
