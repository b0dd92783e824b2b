//! `mu.Lock()` / `mu.Unlock()` on a captured `sync.Mutex`
//! (`Op::LockUpval`, `Op::UnlockUpval`).
//!
//! The usual shape of a contended Mutex in Go is a closure locking a
//! variable of its enclosing function. Compiled as `LoadUpval` + `Lock`,
//! each call cloned the mutex's `Arc` into a register (an atomic increment,
//! and an atomic decrement when the register was next overwritten) and paid
//! a second dispatch. These ops read the object in place, through the
//! closure's cell. The slow path (contended, traced, or observed by the race
//! detector or the lock-order checker) does exactly what the two
//! instructions did, in the same order, so nothing observable changes.
//!
//! They borrow heap objects, so the parallel driver runs them under the
//! runtime lock (`vm/pure.rs` hands every op it does not know over).

use crate::analysis::lockhooks;
use crate::runtime::machine::Machine;
use crate::runtime::sched::{GIdx, Resume, G};
use crate::runtime::sync::SyncObj;
use crate::vm::op::{Op, NO_REG};
use crate::vm::panic::Throw;
use crate::vm::value::{Shared, Value};

/// Captured variable `i` of `g`'s running closure.
#[inline(always)]
pub fn upval_cell(g: &G, i: u16) -> Option<&Shared<Value>> {
    g.frames.last()?.closure.as_ref()?.upvals.get(i as usize)
}

/// The value of captured variable `i` (nil when there is none), for code
/// that inspects an op without running it (`analysis/visible.rs`).
pub fn upval_value(g: &G, i: u16) -> Value {
    upval_cell(g, i).and_then(|c| c.try_borrow().ok().map(|v| v.clone())).unwrap_or_default()
}

/// Takes an unlocked mutex; false when it is held (or not a mutex).
#[inline(always)]
fn fast_lock(v: &Value) -> bool {
    if let Value::Obj(o) = v {
        if let Ok(mut s) = o.try_borrow_mut() {
            if let SyncObj::Mutex(ms) = &mut *s {
                if !ms.locked {
                    ms.locked = true;
                    return true;
                }
            }
        }
    }
    false
}

/// Releases a mutex nobody waits for; false otherwise (the slow path
/// wakes a waiter or reports the misuse).
#[inline(always)]
fn fast_unlock(v: &Value) -> bool {
    if let Value::Obj(o) = v {
        if let Ok(mut s) = o.try_borrow_mut() {
            if let SyncObj::Mutex(ms) = &mut *s {
                if ms.locked && ms.waiters.is_empty() {
                    ms.locked = false;
                    return true;
                }
            }
        }
    }
    false
}

/// Runs `f` on the value of captured variable `i` without cloning it.
#[inline(always)]
fn with_upval(g: &G, i: u16, f: impl FnOnce(&Value) -> bool) -> bool {
    match upval_cell(g, i).map(|c| c.try_borrow()) {
        Some(Ok(v)) => f(&v),
        _ => false,
    }
}

/// Nothing watches this lock operation: no trace, race detector or
/// lock-order checker.
#[inline(always)]
fn unobserved(m: &Machine) -> bool {
    !m.trace.on() && !lockhooks::on(m)
}

/// `Op::LockUpval`: true when the lock was taken; false when `g` parked
/// (the instruction runs again when it is woken, as `Op::Lock` does).
/// `pc` is the index of the next instruction.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub fn lock_upval(
    m: &mut Machine,
    p: usize,
    gi: GIdx,
    g: &mut G,
    code: &[Op],
    lines: &[u32],
    pc: usize,
    i: u16,
) -> Result<bool, Throw> {
    // A woken waiter goes through `Machine::lock`, which requeues it first
    // if it loses again.
    if unobserved(m) && !matches!(g.resume, Resume::RetryLock) && with_upval(g, i, fast_lock) {
        return Ok(true);
    }
    lock_slow(m, p, gi, g, code, lines, pc, i)
}

/// `Op::UnlockUpval`; `pc` is the index of the next instruction.
#[inline(always)]
pub fn unlock_upval(m: &mut Machine, p: usize, g: &mut G, code: &[Op], lines: &[u32], pc: usize, i: u16) -> Result<(), Throw> {
    if unobserved(m) && with_upval(g, i, fast_unlock) {
        return Ok(());
    }
    unlock_slow(m, p, g, code, lines, pc, i)
}

/// The captured value, cloned, after the race detector saw it read (what
/// `Op::LoadUpval` did before `Lock`/`Unlock`).
fn load(m: &mut Machine, g: &G, code: &[Op], pc: usize, i: u16) -> Result<Value, Throw> {
    let Some(cell) = upval_cell(g, i).cloned() else {
        return Err(Throw::Fatal("bad upvalue reference".into()));
    };
    if m.race.is_some() {
        // No register receives the value: a whole-variable read.
        crate::analysis::race::hooks::upval_load(m, g, code, pc, &cell, NO_REG);
    }
    let v = cell.try_borrow().map(|v| v.clone()).unwrap_or_default();
    Ok(v)
}

#[cold]
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn lock_slow(
    m: &mut Machine,
    p: usize,
    gi: GIdx,
    g: &mut G,
    code: &[Op],
    lines: &[u32],
    pc: usize,
    i: u16,
) -> Result<bool, Throw> {
    let v = load(m, g, code, pc, i)?;
    // `Op::Lock`'s own fast path, with its hooks.
    if !m.trace.on() && !matches!(g.resume, Resume::RetryLock) && fast_lock(&v) {
        if lockhooks::on(m) {
            lockhooks::mutex_fast(m, g, pc, &v, true);
        }
        return Ok(true);
    }
    let line = lines.get(pc.wrapping_sub(1)).copied().unwrap_or(0);
    m.lock(p, gi, g, &v, line)
}

#[cold]
#[inline(never)]
fn unlock_slow(m: &mut Machine, p: usize, g: &mut G, code: &[Op], lines: &[u32], pc: usize, i: u16) -> Result<(), Throw> {
    let v = load(m, g, code, pc, i)?;
    if !m.trace.on() && fast_unlock(&v) {
        if lockhooks::on(m) {
            lockhooks::mutex_fast(m, g, pc, &v, false);
        }
        return Ok(());
    }
    let line = lines.get(pc.wrapping_sub(1)).copied().unwrap_or(0);
    m.unlock(p, g, &v, line)
}
