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
//!
//! A contended `LockUpval` parks with its pc past the op, as any blocking
//! op does, so tracebacks (which read the line of the op before the saved
//! pc) show the `Lock` call's line: `Op::Lock` parks at itself and relies on
//! the receiver's load before it being on the same line, which this op has
//! no such load to rely on. When `Unlock` wakes the waiter it rewinds it
//! (`rewind`), so the woken goroutine runs the op again and competes for
//! the lock, as Go's normal mode does, and a woken goroutine's next op is
//! the lock for the explorer (`analysis/visible.rs`), as with `Op::Lock`.

use crate::analysis::lockhooks;
use crate::runtime::machine::Machine;
use crate::runtime::sched::{GIdx, Resume, G};
use crate::runtime::sync::SyncObj;
use crate::vm::op::{Op, NO_REG};
use crate::vm::panic::Throw;
use crate::vm::program::Program;
use crate::vm::value::{Shared, Value};

/// A goroutine `Unlock` wakes runs `LockUpval` again: when it parked
/// there its pc is just past it. Any other waiter parked at its own op
/// (`Op::Lock`, a `sync.Locker` call), after the instruction that loaded
/// that op's operand: never a `LockUpval`, which writes no register.
pub fn rewind(prog: &Program, g: &mut G) {
    let Some(fr) = g.frames.last_mut() else {
        return;
    };
    let prev = (fr.pc as usize).checked_sub(1);
    let code = prog
        .funcs
        .get(fr.func as usize)
        .map(|f| &f.code[..])
        .unwrap_or(&[]);
    if let Some(Op::LockUpval { .. }) = prev.and_then(|i| code.get(i)) {
        fr.pc -= 1;
    }
}

/// Captured variable `i` of `g`'s running closure.
#[inline(always)]
pub fn upval_cell(g: &G, i: u16) -> Option<&Shared<Value>> {
    g.frames.last()?.closure.as_ref()?.upvals.get(i as usize)
}

/// The value of captured variable `i` (nil when there is none), for code
/// that inspects an op without running it (`analysis/visible.rs`).
pub fn upval_value(g: &G, i: u16) -> Value {
    upval_cell(g, i)
        .and_then(|c| c.try_borrow().ok().map(|v| v.clone()))
        .unwrap_or_default()
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
pub fn unlock_upval(
    m: &mut Machine,
    p: usize,
    g: &mut G,
    code: &[Op],
    lines: &[u32],
    pc: usize,
    i: u16,
) -> Result<(), Throw> {
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
fn unlock_slow(
    m: &mut Machine,
    p: usize,
    g: &mut G,
    code: &[Op],
    lines: &[u32],
    pc: usize,
    i: u16,
) -> Result<(), Throw> {
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

#[cfg(test)]
mod tests {
    use crate::session::{machine_for, SessionConfig};
    use crate::vm::op::Op;

    /// A closure locking its parent's mutex twice: the second `Lock`
    /// blocks forever, so the run ends in Go's deadlock dump.
    const TWICE: &str = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tdone := make(chan bool)\n\tn := 0\n\tgo func() {\n\t\tmu.Lock()\n\t\tn++\n\t\tmu.Unlock()\n\t\tmu.Lock()\n\t\tn++\n\t\tmu.Lock()\n\t\tdone <- true\n\t}()\n\t<-done\n}\n";

    fn closure_code(src: &str) -> Vec<Op> {
        let m = machine_for(src, &SessionConfig::default()).unwrap();
        let f = m
            .prog
            .funcs
            .iter()
            .find(|f| f.name == "main.main.func1")
            .expect("the closure");
        f.code.clone()
    }

    #[test]
    fn a_captured_mutex_is_locked_in_place() {
        let code = closure_code(TWICE);
        let locks = code
            .iter()
            .filter(|op| matches!(op, Op::LockUpval { .. }))
            .count();
        let unlocks = code
            .iter()
            .filter(|op| matches!(op, Op::UnlockUpval { .. }))
            .count();
        assert_eq!((locks, unlocks), (3, 1), "{:?}", code);
        assert!(
            !code
                .iter()
                .any(|op| matches!(op, Op::Lock { .. } | Op::Unlock { .. })),
            "{:?}",
            code
        );
    }

    #[test]
    fn a_goroutine_blocked_in_a_captured_lock_shows_the_lock_line() {
        let mut m = machine_for(TWICE, &SessionConfig::default()).unwrap();
        m.run(0);
        let err = String::from_utf8_lossy(&m.stderr).to_string();
        assert!(
            err.contains("fatal error: all goroutines are asleep - deadlock!"),
            "{}",
            err
        );
        assert!(
            err.contains("[sync.Mutex.Lock]:\nmain.main.func1()\n\tprog.go:15 +0x"),
            "{}",
            err
        );
    }

    #[test]
    fn woken_waiters_retry_the_lock() {
        // Four goroutines contend; each is preempted inside its critical
        // section now and then, so waiters park, are woken and retry.
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tvar wg sync.WaitGroup\n\tn := 0\n\tfor w := 0; w < 4; w++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor i := 0; i < 20000; i++ {\n\t\t\t\tmu.Lock()\n\t\t\t\tn++\n\t\t\t\tmu.Unlock()\n\t\t\t}\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(n)\n}\n";
        for procs in [1, 3] {
            let cfg = SessionConfig {
                procs,
                ..SessionConfig::default()
            };
            let mut m = machine_for(src, &cfg).unwrap();
            m.run(0);
            assert_eq!(
                String::from_utf8_lossy(&m.stdout),
                "80000\n",
                "procs {}: {}",
                procs,
                String::from_utf8_lossy(&m.stderr)
            );
        }
    }
}
