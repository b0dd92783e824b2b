//! `Op::Sync`: the sync, sync/atomic, os and os/signal operations.
//!
//! Arguments sit in registers `a, a+1, ...` and results are written back
//! from `a`, like a native call; unlike natives these may park the
//! goroutine. Each operation is one instruction, so it is atomic with
//! respect to the other Ps (the driver interleaves Ps between
//! instructions): that is all `sync/atomic` needs.

use crate::runtime::machine::{ExitKind, Machine};
use crate::runtime::sched::{GIdx, G};
use crate::runtime::sync::{sync_obj, Acquire, SyncObj};
use crate::types::consts as tc;
use crate::vm::op::{IntKind, Reg};
use crate::vm::ops;
use crate::vm::panic::Throw;
use crate::vm::value::{values_equal, MapKey, Value};

/// The operation of an `Op::Sync`; register layouts are `a`-relative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncOp {
    /// `a` mutex -> `a` bool.
    MuTryLock,
    /// `a` RWMutex.
    RwLock,
    RwUnlock,
    RwRLock,
    RwRUnlock,
    /// `a` RWMutex -> `a` bool.
    RwTryLock,
    RwTryRLock,
    /// `a` *RWMutex -> `a` its `RLocker()`.
    RLocker,
    /// `a` a Locker (`*Mutex`, `*RWMutex`, `RLocker()`, maybe boxed).
    LockerLock,
    LockerUnlock,
    /// `a` Once -> `a` bool: the caller runs `f`.
    OnceEnter,
    /// `a` Once: `f` returned or panicked.
    OnceDone,
    /// `a` notify list -> `a+1` a ticket.
    CondAdd,
    /// `a` notify list, `a+1` ticket: parks until notified.
    CondPark,
    /// `a` notify list.
    CondSignal,
    CondBroadcast,
    /// `a` Map, `a+1` key -> `a` value, `a+1` ok.
    MapLoad,
    /// `a` Map, `a+1` key, `a+2` value.
    MapStore,
    /// `a` Map, `a+1` key, `a+2` value -> `a` actual, `a+1` loaded.
    MapLoadOrStore,
    /// `a` Map, `a+1` key -> `a` value, `a+1` loaded.
    MapLoadAndDelete,
    /// `a` Map, `a+1` key.
    MapDelete,
    /// `a` Map, `a+1` key, `a+2` value -> `a` previous, `a+1` loaded.
    MapSwap,
    /// `a` Map, `a+1` key, `a+2` old, `a+3` new -> `a` swapped.
    MapCompareAndSwap,
    /// `a` Map, `a+1` key, `a+2` old -> `a` deleted.
    MapCompareAndDelete,
    MapClear,
    /// `a` Map -> `a` the Go map inside (for `Range`'s loop).
    MapInner,
    /// `a` Pool items -> `a` an item or nil.
    PoolGet,
    /// `a` Pool items, `a+1` value.
    PoolPut,
    /// `a` pointer, `a+1` delta -> `a` new value, wrapped to the width.
    AtomicAdd(IntKind),
    /// `a` pointer -> `a` its value (`atomic.LoadT`, `x.Load()`).
    AtomicLoad,
    /// `a` pointer, `a+1` value (`atomic.StoreT`, `x.Store(v)`).
    AtomicStore,
    /// `a` pointer, `a+1` mask -> `a` old value.
    AtomicAnd,
    AtomicOr,
    /// `a` pointer, `a+1` new -> `a` old.
    AtomicSwap,
    /// `a` pointer, `a+1` old, `a+2` new -> `a` swapped.
    AtomicCas,
    /// `atomic.Value`: `a` pointer, `a+1` value (and `a+2` new for CAS).
    ValueStore,
    ValueSwap,
    ValueCas,
    /// `a` exit code.
    OsExit,
    /// `a` channel, `a+1` []os.Signal.
    SigNotify,
    /// `a` channel.
    SigStop,
    /// `a` []os.Signal.
    SigIgnore,
    SigReset,
    /// `a` a syscall.Signal (maybe boxed) -> `a` its name.
    SigString,
}

/// What the interpreter does after an `Op::Sync`.
pub enum SyncFlow {
    Next,
    /// Parked; resumes at the next instruction.
    Park,
    /// Parked; runs the same instruction again when woken.
    Retry,
    Throw(Throw),
    /// The program is over (`os.Exit`).
    Exit,
}

impl From<Acquire> for SyncFlow {
    fn from(a: Acquire) -> SyncFlow {
        match a {
            Acquire::Got => SyncFlow::Next,
            Acquire::Parked => SyncFlow::Park,
            Acquire::Retry => SyncFlow::Retry,
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub fn exec(
    m: &mut Machine,
    p: usize,
    gi: GIdx,
    g: &mut G,
    base: usize,
    k: SyncOp,
    a: Reg,
    line: u32,
) -> SyncFlow {
    let at = base + a as usize;
    if crate::analysis::lockhooks::on(m) {
        // Results overwrite the operands: keep the object.
        let x = arg(g, at, 0);
        analysis_before(m, g, &x, k, line);
        let res = run(m, p, gi, g, at, k, line);
        if let Ok(f) = &res {
            analysis_after(m, g, at, &x, k, line, f);
        }
        return match res {
            Ok(f) => f,
            Err(t) => SyncFlow::Throw(t),
        };
    }
    let res = run(m, p, gi, g, at, k, line);
    match res {
        Ok(f) => f,
        Err(t) => SyncFlow::Throw(t),
    }
}

fn arg(g: &G, at: usize, i: usize) -> Value {
    g.stack.get(at + i).cloned().unwrap_or_default()
}

fn set(g: &mut G, at: usize, i: usize, v: Value) {
    if let Some(slot) = g.stack.get_mut(at + i) {
        *slot = v;
    }
}

fn str_panic(msg: &str) -> Throw {
    Throw::Panic(Value::iface(tc::STRING, Value::str(msg)))
}

fn run(
    m: &mut Machine,
    p: usize,
    gi: GIdx,
    g: &mut G,
    at: usize,
    k: SyncOp,
    line: u32,
) -> Result<SyncFlow, Throw> {
    use SyncOp::*;
    let x = arg(g, at, 0);
    let next = Ok(SyncFlow::Next);
    match k {
        MuTryLock => {
            let got = m.mutex_trylock(&sync_obj(&x)?)?;
            set(g, at, 0, Value::Bool(got));
            next
        }
        RwLock => Ok(m.rw_lock(p, gi, g, &sync_obj(&x)?, line)?.into()),
        RwRLock => Ok(m.rw_rlock(p, gi, g, &sync_obj(&x)?, line)?.into()),
        RwUnlock => {
            m.rw_unlock(p, g, &sync_obj(&x)?, line)?;
            next
        }
        RwRUnlock => {
            m.rw_runlock(p, g, &sync_obj(&x)?)?;
            next
        }
        RwTryLock | RwTryRLock => {
            let o = sync_obj(&x)?;
            let got = if k == RwTryLock {
                m.rw_trylock(&o)?
            } else {
                m.rw_tryrlock(&o)?
            };
            set(g, at, 0, Value::Bool(got));
            next
        }
        RLocker => {
            // Checked when used, as Go's (*rlocker).Lock dereferences then.
            let l = Value::Obj(crate::vm::value::new_shared(SyncObj::RLocker(x)));
            set(g, at, 0, l);
            next
        }
        LockerLock => Ok(m.locker_lock(p, gi, g, &x, line)?.into()),
        LockerUnlock => {
            m.locker_unlock(p, g, &x, line)?;
            next
        }
        OnceEnter => {
            let o = sync_obj(&x)?;
            // Parked waiters resume with "done".
            set(g, at, 0, Value::Bool(false));
            match m.once_enter(p, gi, g, &o, line)? {
                Some(run) => {
                    set(g, at, 0, Value::Bool(run));
                    next
                }
                None => Ok(SyncFlow::Park),
            }
        }
        OnceDone => {
            m.once_done(p, g, &sync_obj(&x)?)?;
            next
        }
        CondAdd => {
            let t = m.cond_add(&x)?;
            set(g, at, 1, Value::Int(t as i64));
            next
        }
        CondPark => {
            let t = arg(g, at, 1).as_int() as u64;
            if m.cond_park(p, gi, g, &x, t, line)? {
                return Ok(SyncFlow::Park);
            }
            next
        }
        CondSignal | CondBroadcast => {
            m.cond_notify(p, g, &x, k == CondBroadcast)?;
            next
        }
        MapLoad | MapStore | MapLoadOrStore | MapLoadAndDelete | MapDelete | MapSwap
        | MapCompareAndSwap | MapCompareAndDelete | MapClear | MapInner => {
            sync_map(m, g, at, k, &x)
        }
        PoolGet => {
            let o = sync_obj(&x)?;
            let v = match &mut *o.borrow_mut() {
                SyncObj::Pool(items) => items.pop().unwrap_or_default(),
                _ => Value::Nil,
            };
            set(g, at, 0, v);
            next
        }
        PoolPut => {
            let v = arg(g, at, 1);
            let o = sync_obj(&x)?;
            if !v.is_nil() {
                if let SyncObj::Pool(items) = &mut *o.borrow_mut() {
                    items.push(v);
                }
            }
            next
        }
        AtomicLoad => {
            let v = ops::load(&x)?;
            set(g, at, 0, v);
            next
        }
        AtomicStore => {
            ops::store(&x, arg(g, at, 1))?;
            next
        }
        AtomicAdd(kind) => {
            let old = ops::load(&x)?.as_int();
            let new = kind.wrap(old.wrapping_add(arg(g, at, 1).as_int()));
            ops::store(&x, Value::Int(new))?;
            set(g, at, 0, Value::Int(new));
            next
        }
        AtomicAnd | AtomicOr => {
            let old = ops::load(&x)?.as_int();
            let mask = arg(g, at, 1).as_int();
            let new = if k == AtomicAnd {
                old & mask
            } else {
                old | mask
            };
            ops::store(&x, Value::Int(new))?;
            set(g, at, 0, Value::Int(old));
            next
        }
        AtomicSwap => {
            let old = ops::load(&x)?;
            ops::store(&x, arg(g, at, 1))?;
            set(g, at, 0, old);
            next
        }
        AtomicCas => {
            let cur = ops::load(&x)?;
            let hit = values_equal(&cur, &arg(g, at, 1)).unwrap_or(false);
            if hit {
                ops::store(&x, arg(g, at, 2))?;
            }
            set(g, at, 0, Value::Bool(hit));
            next
        }
        ValueStore | ValueSwap | ValueCas => atomic_value(g, at, k, &x),
        OsExit => {
            let code = x.as_int() as i32 & 0xff;
            m.finish(code, ExitKind::Normal);
            Ok(SyncFlow::Exit)
        }
        SigNotify | SigStop | SigIgnore | SigReset | SigString => {
            let y = arg(g, at, 1);
            let out = crate::runtime::signal::op(m, k, &x, &y)?;
            if let Some(v) = out {
                set(g, at, 0, v);
            }
            next
        }
    }
}

/// The `sync.Map` operations, on the Go map inside the object.
fn sync_map(m: &Machine, g: &mut G, at: usize, k: SyncOp, obj: &Value) -> Result<SyncFlow, Throw> {
    use SyncOp::*;
    let o = sync_obj(obj)?;
    let mv = match &*o.borrow() {
        SyncObj::Map(v) => v.clone(),
        _ => return Err(Throw::Fatal("sync.Map operation on a non-map".into())),
    };
    let Value::Map(map) = &mv else {
        return Err(Throw::nil_deref());
    };
    let key = arg(g, at, 1);
    let types = &m.prog.types;
    if k != MapInner && k != MapClear {
        if let Value::Iface(i) = &key {
            if matches!(i.val, Value::Slice { .. } | Value::Map(_) | Value::Func(_)) {
                return Err(Throw::runtime(format!(
                    "hash of unhashable type {}",
                    types.name(i.ty)
                )));
            }
        }
    }
    let mk = MapKey(key);
    let found = |mk: &MapKey| map.borrow().entries.get(mk).cloned();
    let (r0, r1) = match k {
        MapLoad => {
            let v = found(&mk);
            (
                v.clone().unwrap_or_default(),
                Some(Value::Bool(v.is_some())),
            )
        }
        MapStore => {
            map.borrow_mut().entries.insert(mk, arg(g, at, 2));
            return Ok(SyncFlow::Next);
        }
        MapLoadOrStore => match found(&mk) {
            Some(v) => (v, Some(Value::Bool(true))),
            None => {
                let v = arg(g, at, 2);
                map.borrow_mut().entries.insert(mk, v.clone());
                (v, Some(Value::Bool(false)))
            }
        },
        MapLoadAndDelete => {
            let v = map.borrow_mut().entries.shift_remove(&mk);
            (
                v.clone().unwrap_or_default(),
                Some(Value::Bool(v.is_some())),
            )
        }
        MapDelete => {
            map.borrow_mut().entries.shift_remove(&mk);
            return Ok(SyncFlow::Next);
        }
        MapSwap => {
            let prev = map.borrow_mut().entries.insert(mk, arg(g, at, 2));
            (
                prev.clone().unwrap_or_default(),
                Some(Value::Bool(prev.is_some())),
            )
        }
        MapCompareAndSwap | MapCompareAndDelete => {
            let old = arg(g, at, 2);
            let cur = found(&mk);
            let hit = match &cur {
                Some(c) => ops::equal(types, c, &old)?,
                None => false,
            };
            if hit {
                if k == MapCompareAndSwap {
                    map.borrow_mut().entries.insert(mk, arg(g, at, 3));
                } else {
                    map.borrow_mut().entries.shift_remove(&mk);
                }
            }
            (Value::Bool(hit), None)
        }
        MapClear => {
            map.borrow_mut().entries.clear();
            return Ok(SyncFlow::Next);
        }
        _ => (mv.clone(), None),
    };
    set(g, at, 0, r0);
    if let Some(v) = r1 {
        set(g, at, 1, v);
    }
    Ok(SyncFlow::Next)
}

fn iface_type(v: &Value) -> Option<crate::types::TypeId> {
    match v {
        Value::Iface(i) => Some(i.ty),
        _ => None,
    }
}

/// `atomic.Value`'s Store/Swap/CompareAndSwap with Go's misuse panics.
fn atomic_value(g: &mut G, at: usize, k: SyncOp, ptr: &Value) -> Result<SyncFlow, Throw> {
    let v = arg(g, at, 1);
    let cur = ops::load(ptr)?;
    let (what, new) = match k {
        SyncOp::ValueStore => ("store", v.clone()),
        SyncOp::ValueSwap => ("swap", v.clone()),
        _ => ("compare and swap", arg(g, at, 2)),
    };
    if new.is_nil() {
        return Err(str_panic(&format!(
            "sync/atomic: {} of nil value into Value",
            what
        )));
    }
    if k == SyncOp::ValueCas && !v.is_nil() && iface_type(&v) != iface_type(&new) {
        return Err(str_panic(
            "sync/atomic: compare and swap of inconsistently typed values",
        ));
    }
    if !cur.is_nil() && iface_type(&cur) != iface_type(&new) {
        return Err(str_panic(&format!(
            "sync/atomic: {} of inconsistently typed value into Value",
            what
        )));
    }
    match k {
        SyncOp::ValueStore => ops::store(ptr, new)?,
        SyncOp::ValueSwap => {
            ops::store(ptr, new)?;
            set(g, at, 0, cur);
        }
        _ => {
            let hit = values_equal(&cur, &v).unwrap_or(false);
            if hit {
                ops::store(ptr, new)?;
            }
            set(g, at, 0, Value::Bool(hit));
        }
    }
    Ok(SyncFlow::Next)
}

// ---- race detector and lock-order hooks (analysis/): what each operation
// means for happens-before, as sync/*.go annotate it for Go's race runtime.

/// Releases happen before the operation (it may wake someone).
fn analysis_before(m: &mut Machine, g: &G, x: &Value, k: SyncOp, line: u32) {
    use crate::analysis::lockhooks::{lock_value, locker_target, LockEv};
    use crate::analysis::race::hooks::{self as rh, Site, SyncEv};
    use SyncOp::*;
    let x = x.clone();
    let site = Site::Line(line);
    match k {
        RwUnlock => lock_value(m, g, site, &x, false, LockEv::Released),
        RwRUnlock => lock_value(m, g, site, &x, true, LockEv::Released),
        RwLock => lock_value(m, g, site, &x, false, LockEv::Attempt),
        RwRLock => lock_value(m, g, site, &x, true, LockEv::Attempt),
        LockerLock | LockerUnlock => {
            if let Some((o, read)) = locker_target(&x) {
                let ev = if k == LockerLock { LockEv::Attempt } else { LockEv::Released };
                crate::analysis::lockhooks::lock(m, g, site, &o, read, ev);
            }
        }
        OnceDone | CondSignal | CondBroadcast | PoolPut => {
            if let Ok(o) = sync_obj(&x) {
                let ev = if k == OnceDone { SyncEv::ReleaseStore } else { SyncEv::ReleaseMerge };
                rh::sync(m, g, &o, 0, ev);
            }
        }
        _ => {}
    }
}

/// Acquisitions happen once the operation completed (or, parked, when the
/// goroutine runs again).
fn analysis_after(m: &mut Machine, g: &G, at: usize, x: &Value, k: SyncOp, line: u32, f: &SyncFlow) {
    use crate::analysis::lockhooks::{lock_value, locker_target, LockEv};
    use crate::analysis::race::hooks::{self as rh, AtomicEv, Site, SyncEv};
    use SyncOp::*;
    let x = x.clone();
    let site = Site::Line(line);
    let got = matches!(f, SyncFlow::Next);
    let ev = if got { LockEv::Acquired } else { LockEv::Pending };
    match k {
        RwLock | RwRLock if !matches!(f, SyncFlow::Retry) => lock_value(m, g, site, &x, k == RwRLock, ev),
        // A successful TryLock holds the lock (no order edge: it cannot block).
        RwTryLock | RwTryRLock | MuTryLock if arg(g, at, 0).as_bool() => {
            lock_value(m, g, site, &x, k == RwTryRLock, LockEv::Acquired)
        }
        LockerLock if !matches!(f, SyncFlow::Retry) => {
            if let Some((o, read)) = locker_target(&x) {
                crate::analysis::lockhooks::lock(m, g, site, &o, read, ev);
            }
        }
        OnceEnter => {
            // Done already (or parked until the running call finishes).
            if let Ok(o) = sync_obj(&x) {
                if !got {
                    rh::sync(m, g, &o, 0, SyncEv::Pending);
                } else if !arg(g, at, 0).as_bool() {
                    rh::sync(m, g, &o, 0, SyncEv::Acquire);
                }
            }
        }
        CondPark => {
            if let Ok(o) = sync_obj(&x) {
                rh::sync(m, g, &o, 0, if got { SyncEv::Acquire } else { SyncEv::Pending });
            }
        }
        PoolGet => {
            if let Ok(o) = sync_obj(&x) {
                rh::sync(m, g, &o, 0, SyncEv::Acquire);
            }
        }
        MapLoad | MapStore | MapLoadOrStore | MapLoadAndDelete | MapDelete | MapSwap | MapCompareAndSwap
        | MapCompareAndDelete | MapClear | MapInner => {
            // sync.Map is built on atomics and a mutex: every operation
            // both sees earlier ones and is seen by later ones.
            if let Ok(o) = sync_obj(&x) {
                rh::sync(m, g, &o, 0, SyncEv::Acquire);
                rh::sync(m, g, &o, 0, SyncEv::ReleaseMerge);
            }
        }
        AtomicLoad => rh::atomic(m, g, line, &x, AtomicEv::Load),
        AtomicStore | ValueStore => rh::atomic(m, g, line, &x, AtomicEv::Store),
        AtomicAdd(_) | AtomicAnd | AtomicOr => rh::atomic(m, g, line, &x, AtomicEv::Add),
        AtomicSwap | ValueSwap => rh::atomic(m, g, line, &x, AtomicEv::Swap),
        AtomicCas | ValueCas => rh::atomic(m, g, line, &x, AtomicEv::Cas),
        _ => {}
    }
}
