//! Lock events shared by the race detector and the lock-order checker, so
//! each lock site in the VM has one hook line for both.

use crate::analysis::race::hooks::Site;
use crate::runtime::machine::Machine;
use crate::runtime::sched::G;
use crate::runtime::sync::SyncObj;
use crate::vm::value::{Shared, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockEv {
    /// About to try (lockdep adds order edges here: a lock that blocks
    /// forever still counts).
    Attempt,
    Acquired,
    /// Parked; the lock is this goroutine's when it runs again.
    Pending,
    Released,
}

/// Whether any lock analysis is on (the VM tests this before calling).
#[inline(always)]
pub fn on(m: &Machine) -> bool {
    m.race.is_some() || m.lockorder.is_some()
}

/// A Mutex (`read` false) or RWMutex event of `g`.
pub fn lock(m: &mut Machine, g: &G, site: Site, o: &Shared<SyncObj>, read: bool, ev: LockEv) {
    if m.race.is_some() && ev != LockEv::Attempt {
        crate::analysis::race::hooks::lock(m, g, o, read, ev);
    }
    if m.lockorder.is_some() {
        crate::analysis::lockorder::on_lock(m, g, site, o, read, ev);
    }
}

/// The same for a value that holds a lock object (`Value::Obj`, or a
/// pointer/interface to one).
pub fn lock_value(m: &mut Machine, g: &G, site: Site, v: &Value, read: bool, ev: LockEv) {
    if let Ok(o) = crate::runtime::sync::sync_obj(v) {
        lock(m, g, site, &o, read, ev);
    }
}

/// What a `sync.Locker` locks: the object and whether it is a read lock
/// (`RWMutex.RLocker()`). A plain Mutex is `None`: its Lock and Unlock
/// report themselves (runtime/sync.rs `lock`/`unlock`).
pub fn locker_target(l: &Value) -> Option<(Shared<SyncObj>, bool)> {
    let o = crate::runtime::sync::sync_obj(l).ok()?;
    let inner = match &*o.borrow() {
        SyncObj::RWMutex(_) => None,
        SyncObj::RLocker(rw) => Some(rw.clone()),
        _ => return None,
    };
    match inner {
        None => Some((o, false)),
        Some(rw) => crate::runtime::sync::sync_obj(&rw).ok().map(|o| (o, true)),
    }
}

/// The dispatch loop's uncontended Lock (`locked`) or Unlock of a Mutex.
pub fn mutex_fast(m: &mut Machine, g: &G, pc: usize, v: &Value, locked: bool) {
    let Value::Obj(o) = v else { return };
    let site = Site::Pc(pc);
    if locked {
        lock(m, g, site, o, false, LockEv::Attempt);
        lock(m, g, site, o, false, LockEv::Acquired);
    } else {
        lock(m, g, site, o, false, LockEv::Released);
    }
}

/// `Mutex.Lock` that got the lock (`locked`) or `Unlock`, in the runtime's
/// slow path (traced, contended, or through a `sync.Locker`).
pub fn mutex_slow(m: &mut Machine, g: &G, line: u32, o: &Shared<SyncObj>, locked: bool) {
    let site = Site::Line(line);
    if locked {
        lock(m, g, site, o, false, LockEv::Attempt);
        lock(m, g, site, o, false, LockEv::Acquired);
    } else {
        lock(m, g, site, o, false, LockEv::Released);
    }
}
