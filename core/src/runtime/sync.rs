//! `sync.Mutex` and `sync.WaitGroup` state (runtime/sema.go's semaphores
//! reduced to FIFO wait queues of goroutines).

use std::collections::VecDeque;

use crate::runtime::sched::GIdx as WaiterIdx;
use crate::vm::value::Value;

#[derive(Debug)]
pub enum SyncObj {
    Mutex(MutexState),
    WaitGroup(WaitGroupState),
    RWMutex(RwState),
    /// `rw.RLocker()`: a `Locker` whose Lock/Unlock are `rw`'s RLock/RUnlock.
    RLocker(Value),
    Once(OnceState),
    /// `sync.Cond`'s notify list.
    Notify(NotifyState),
    /// `sync.Map`: a Go map (`Value::Map`) of `any` to `any`.
    Map(Value),
    /// `sync.Pool`'s items, the last put first out.
    Pool(Vec<Value>),
}

/// `sync.RWMutex` as rwmutex.go has it: `w` serialises writers,
/// `reader_count` goes negative by `RWMUTEX_MAX_READERS` while a writer is
/// pending (so new readers queue behind it), `reader_wait` counts the
/// readers a pending writer still waits for.
#[derive(Debug, Default)]
pub struct RwState {
    pub id: u32,
    pub w_locked: bool,
    /// Writers blocked on `w` (shown as `sync.Mutex.Lock`, as in Go).
    pub w_waiters: VecDeque<WaiterIdx>,
    pub reader_count: i64,
    pub reader_wait: i64,
    /// Readers parked on `readerSem`.
    pub readers: VecDeque<WaiterIdx>,
    /// The writer parked on `writerSem`.
    pub writer: Option<WaiterIdx>,
}

/// `rwmutexMaxReaders`.
pub const RWMUTEX_MAX_READERS: i64 = 1 << 30;

#[derive(Debug, Default)]
pub struct OnceState {
    pub id: u32,
    pub done: bool,
    /// Some goroutine is running `f`; others wait (on Go's `o.m`).
    pub running: bool,
    pub waiters: Vec<WaiterIdx>,
}

/// runtime/sema.go's `notifyList`: `wait` is the next ticket to hand
/// out, `notify` the next to wake; parked waiters with their tickets.
#[derive(Debug, Default)]
pub struct NotifyState {
    pub id: u32,
    pub wait: u64,
    pub notify: u64,
    pub waiters: VecDeque<(u64, WaiterIdx)>,
}

/// A fresh object for the zero value of a runtime-provided type (`None`
/// for kinds without one).
pub fn zero_obj(kind: crate::types::OpaqueKind, id: &mut dyn FnMut() -> u32) -> Option<Value> {
    use crate::types::OpaqueKind as K;
    use crate::vm::value::new_shared;
    let obj = |o: SyncObj| Some(Value::Obj(new_shared(o)));
    match kind {
        K::Mutex => obj(SyncObj::Mutex(MutexState {
            id: id(),
            ..Default::default()
        })),
        K::WaitGroup => obj(SyncObj::WaitGroup(WaitGroupState {
            id: id(),
            ..Default::default()
        })),
        K::RWMutex => obj(SyncObj::RWMutex(RwState {
            id: id(),
            ..Default::default()
        })),
        K::Once => obj(SyncObj::Once(OnceState {
            id: id(),
            ..Default::default()
        })),
        K::Cond => obj(SyncObj::Notify(NotifyState {
            id: id(),
            ..Default::default()
        })),
        K::SyncMap => obj(SyncObj::Map(Value::Map(new_shared(Default::default())))),
        K::Pool => obj(SyncObj::Pool(Vec::new())),
        K::AtomicInt => Some(Value::Cell(new_shared(Value::Int(0)))),
        K::AtomicBool => Some(Value::Cell(new_shared(Value::Bool(false)))),
        K::AtomicValue => Some(Value::Cell(new_shared(Value::Nil))),
        _ => None,
    }
}

#[derive(Debug, Default)]
pub struct MutexState {
    /// Object number (creation order), for traces.
    pub id: u32,
    pub locked: bool,
    /// Goroutines in `Lock`, in arrival order.
    pub waiters: VecDeque<WaiterIdx>,
}

#[derive(Debug, Default)]
pub struct WaitGroupState {
    pub id: u32,
    pub counter: i64,
    /// Goroutines in `Wait`.
    pub waiters: Vec<WaiterIdx>,
}

// ---- Mutex and WaitGroup operations (sync/mutex.go, sync/waitgroup.go)

use crate::runtime::machine::Machine;
use crate::runtime::sched::{GIdx, Resume, WaitReason, G};
use crate::trace::EventKind;
use crate::vm::panic::Throw;

impl Machine {
    /// `Mutex.Lock`: true when acquired; false when `g` parked (the `Lock`
    /// instruction runs again when it is woken).
    ///
    /// Unlock does not hand the lock over: it wakes the first waiter, who
    /// then competes with running goroutines (Go's normal mode), and a woken
    /// waiter that loses queues at the front again.
    pub fn lock(
        &mut self,
        p: usize,
        gi: GIdx,
        g: &mut G,
        obj: &Value,
        line: u32,
    ) -> Result<bool, Throw> {
        let Value::Obj(o) = obj else {
            return Err(Throw::nil_deref());
        };
        let mut s = o.borrow_mut();
        let SyncObj::Mutex(ms) = &mut *s else {
            return Err(Throw::Fatal("Lock of a non-mutex".into()));
        };
        let retry = matches!(g.resume, Resume::RetryLock);
        g.resume = Resume::Continue;
        if !ms.locked {
            ms.locked = true;
            let id = ms.id;
            drop(s);
            if crate::analysis::lockhooks::on(self) {
                crate::analysis::lockhooks::mutex_slow(self, g, line, o, true);
            }
            if self.trace.on() {
                self.trace.emit(
                    self.now,
                    Some(p as u32),
                    line,
                    EventKind::MutexLock { m: id, g: g.id },
                );
            }
            return Ok(true);
        }
        if retry {
            ms.waiters.push_front(gi);
        } else {
            ms.waiters.push_back(gi);
        }
        let id = ms.id;
        drop(s);
        if self.lockorder.is_some() {
            // Contended: the attempt still orders it after held locks.
            let site = crate::analysis::race::hooks::Site::Line(line);
            crate::analysis::lockhooks::lock(self, g, site, o, false, crate::analysis::lockhooks::LockEv::Attempt);
        }
        self.park(p, g, WaitReason::SyncMutexLock, Some(id), line);
        Ok(false)
    }

    pub fn unlock(&mut self, p: usize, g: &mut G, obj: &Value, line: u32) -> Result<(), Throw> {
        let Value::Obj(o) = obj else {
            return Err(Throw::nil_deref());
        };
        let mut s = o.borrow_mut();
        let SyncObj::Mutex(ms) = &mut *s else {
            return Err(Throw::Fatal("Unlock of a non-mutex".into()));
        };
        if !ms.locked {
            return Err(Throw::Fatal("sync: unlock of unlocked mutex".into()));
        }
        ms.locked = false;
        let id = ms.id;
        let waiter = ms.waiters.pop_front();
        drop(s);
        if crate::analysis::lockhooks::on(self) {
            crate::analysis::lockhooks::mutex_slow(self, g, line, o, false);
        }
        if self.trace.on() {
            self.trace.emit(
                self.now,
                Some(p as u32),
                line,
                EventKind::MutexUnlock { m: id, g: g.id },
            );
        }
        if let Some(w) = waiter {
            if let Some(wg) = self.sched.g_mut(w) {
                wg.resume = Resume::RetryLock;
                crate::vm::ops_lock::rewind(&self.prog, wg);
            }
            self.goready(p, w, g.id);
        }
        Ok(())
    }

    /// `WaitGroup.Add(delta)`; reaching zero releases every waiter.
    pub fn wg_add(
        &mut self,
        p: usize,
        g: &mut G,
        obj: &Value,
        delta: i64,
        line: u32,
    ) -> Result<(), Throw> {
        let Value::Obj(o) = obj else {
            return Err(Throw::nil_deref());
        };
        let mut s = o.borrow_mut();
        let SyncObj::WaitGroup(ws) = &mut *s else {
            return Err(Throw::Fatal("Add on a non-WaitGroup".into()));
        };
        ws.counter += delta;
        let (id, counter) = (ws.id, ws.counter);
        if delta < 0 && self.race.is_some() {
            // waitgroup.go: decrements synchronise with Wait.
            drop(s);
            crate::analysis::race::hooks::sync(self, g, o, 0, crate::analysis::race::hooks::SyncEv::ReleaseMerge);
            s = o.borrow_mut();
        }
        let SyncObj::WaitGroup(ws) = &mut *s else {
            return Err(Throw::Fatal("Add on a non-WaitGroup".into()));
        };
        if counter < 0 {
            drop(s);
            return Err(Throw::Panic(Value::iface(
                crate::types::consts::STRING,
                Value::str("sync: negative WaitGroup counter"),
            )));
        }
        let waiters = if counter == 0 {
            std::mem::take(&mut ws.waiters)
        } else {
            Vec::new()
        };
        drop(s);
        if self.trace.on() {
            self.trace.emit(
                self.now,
                Some(p as u32),
                line,
                EventKind::WgAdd {
                    wg: id,
                    g: g.id,
                    delta,
                    counter,
                },
            );
        }
        for w in waiters {
            self.goready(p, w, g.id);
        }
        Ok(())
    }

    /// `WaitGroup.Wait`: true when the counter is already zero.
    pub fn wg_wait(
        &mut self,
        p: usize,
        gi: GIdx,
        g: &mut G,
        obj: &Value,
        line: u32,
    ) -> Result<bool, Throw> {
        let Value::Obj(o) = obj else {
            return Err(Throw::nil_deref());
        };
        let mut s = o.borrow_mut();
        let SyncObj::WaitGroup(ws) = &mut *s else {
            return Err(Throw::Fatal("Wait on a non-WaitGroup".into()));
        };
        if ws.counter == 0 {
            drop(s);
            if self.race.is_some() {
                crate::analysis::race::hooks::sync(self, g, o, 0, crate::analysis::race::hooks::SyncEv::Acquire);
            }
            return Ok(true);
        }
        ws.waiters.push(gi);
        let id = ws.id;
        drop(s);
        if self.race.is_some() {
            crate::analysis::race::hooks::sync(self, g, o, 0, crate::analysis::race::hooks::SyncEv::Pending);
        }
        if self.trace.on() {
            self.trace.emit(
                self.now,
                Some(p as u32),
                line,
                EventKind::WgWait { wg: id, g: g.id },
            );
        }
        self.park(p, g, WaitReason::SyncWaitGroupWait, Some(id), line);
        Ok(false)
    }
}

// ---- RWMutex, TryLock, Once, Cond, Map, Pool (sync/rwmutex.go, once.go,
// cond.go; runtime/sema.go's semaphores and notify lists)

use crate::vm::value::Shared;

/// How a blocking operation ended for the calling goroutine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acquire {
    /// Done: carry on.
    Got,
    /// Parked; whoever wakes it completes the operation on its behalf.
    Parked,
    /// Parked; the instruction runs again when woken (sync.Mutex's
    /// normal mode: a woken waiter competes for the lock).
    Retry,
}

/// The sync object behind `v`: the object itself, a pointer to it, or an
/// interface holding either.
pub fn sync_obj(v: &Value) -> Result<Shared<SyncObj>, Throw> {
    let mut cur = v.clone();
    for _ in 0..4 {
        cur = match cur {
            Value::Obj(o) => return Ok(o),
            Value::Iface(i) => i.val.clone(),
            Value::Cell(_) | Value::Ptr(_) => crate::vm::ops::load(&cur)?,
            _ => break,
        };
    }
    Err(Throw::nil_deref())
}

fn misuse(what: &str) -> Throw {
    Throw::Fatal(format!("{} on a value of the wrong type", what))
}

impl Machine {
    fn ready_all(&mut self, p: usize, by: u64, gs: impl IntoIterator<Item = GIdx>) {
        for w in gs {
            self.goready(p, w, by);
        }
    }

    /// A parked G (not the running one) waits for something else now.
    fn rewait(&mut self, gi: GIdx, reason: WaitReason) {
        if let Some(g) = self.sched.g_mut(gi) {
            g.wait = reason;
        }
    }

    pub fn mutex_trylock(&mut self, o: &Shared<SyncObj>) -> Result<bool, Throw> {
        match &mut *o.borrow_mut() {
            SyncObj::Mutex(ms) if !ms.locked => {
                ms.locked = true;
                Ok(true)
            }
            SyncObj::Mutex(_) => Ok(false),
            _ => Err(misuse("TryLock")),
        }
    }

    pub fn rw_rlock(
        &mut self,
        p: usize,
        gi: GIdx,
        g: &mut G,
        o: &Shared<SyncObj>,
        line: u32,
    ) -> Result<Acquire, Throw> {
        let mut s = o.borrow_mut();
        let SyncObj::RWMutex(rw) = &mut *s else {
            return Err(misuse("RLock"));
        };
        rw.reader_count += 1;
        if rw.reader_count >= 0 {
            return Ok(Acquire::Got);
        }
        // A writer is pending: queue behind it (writer preference).
        rw.readers.push_back(gi);
        let id = rw.id;
        drop(s);
        self.park(p, g, WaitReason::SyncRWMutexRLock, Some(id), line);
        Ok(Acquire::Parked)
    }

    pub fn rw_tryrlock(&mut self, o: &Shared<SyncObj>) -> Result<bool, Throw> {
        let mut s = o.borrow_mut();
        let SyncObj::RWMutex(rw) = &mut *s else {
            return Err(misuse("TryRLock"));
        };
        if rw.reader_count < 0 {
            return Ok(false);
        }
        rw.reader_count += 1;
        Ok(true)
    }

    pub fn rw_runlock(&mut self, p: usize, g: &mut G, o: &Shared<SyncObj>) -> Result<(), Throw> {
        let mut s = o.borrow_mut();
        let SyncObj::RWMutex(rw) = &mut *s else {
            return Err(misuse("RUnlock"));
        };
        rw.reader_count -= 1;
        let r = rw.reader_count;
        if r >= 0 {
            return Ok(());
        }
        if r + 1 == 0 || r + 1 == -RWMUTEX_MAX_READERS {
            rw.reader_count += 1;
            return Err(Throw::Fatal("sync: RUnlock of unlocked RWMutex".into()));
        }
        rw.reader_wait -= 1;
        let wake = if rw.reader_wait == 0 {
            rw.writer.take()
        } else {
            None
        };
        drop(s);
        self.ready_all(p, g.id, wake);
        Ok(())
    }

    /// The second half of `Lock`, once `w` is held by `gi`: announce the
    /// writer and count the readers it must wait for. True when it must
    /// wait for them.
    fn rw_announce(rw: &mut RwState, gi: GIdx) -> bool {
        let r = rw.reader_count;
        rw.reader_count -= RWMUTEX_MAX_READERS;
        if r != 0 {
            rw.reader_wait += r;
            if rw.reader_wait != 0 {
                rw.writer = Some(gi);
                return true;
            }
        }
        false
    }

    pub fn rw_lock(
        &mut self,
        p: usize,
        gi: GIdx,
        g: &mut G,
        o: &Shared<SyncObj>,
        line: u32,
    ) -> Result<Acquire, Throw> {
        let mut s = o.borrow_mut();
        let SyncObj::RWMutex(rw) = &mut *s else {
            return Err(misuse("Lock"));
        };
        let id = rw.id;
        if rw.w_locked {
            rw.w_waiters.push_back(gi);
            drop(s);
            self.park(p, g, WaitReason::SyncMutexLock, Some(id), line);
            return Ok(Acquire::Parked);
        }
        rw.w_locked = true;
        let wait = Self::rw_announce(rw, gi);
        drop(s);
        if wait {
            self.park(p, g, WaitReason::SyncRWMutexLock, Some(id), line);
            return Ok(Acquire::Parked);
        }
        if self.trace.on() {
            self.trace.emit(
                self.now,
                Some(p as u32),
                line,
                EventKind::MutexLock { m: id, g: g.id },
            );
        }
        Ok(Acquire::Got)
    }

    pub fn rw_trylock(&mut self, o: &Shared<SyncObj>) -> Result<bool, Throw> {
        let mut s = o.borrow_mut();
        let SyncObj::RWMutex(rw) = &mut *s else {
            return Err(misuse("TryLock"));
        };
        if rw.w_locked || rw.reader_count != 0 {
            return Ok(false);
        }
        rw.w_locked = true;
        rw.reader_count = -RWMUTEX_MAX_READERS;
        Ok(true)
    }

    pub fn rw_unlock(
        &mut self,
        p: usize,
        g: &mut G,
        o: &Shared<SyncObj>,
        line: u32,
    ) -> Result<(), Throw> {
        let mut s = o.borrow_mut();
        let SyncObj::RWMutex(rw) = &mut *s else {
            return Err(misuse("Unlock"));
        };
        let r = rw.reader_count + RWMUTEX_MAX_READERS;
        if r >= RWMUTEX_MAX_READERS {
            return Err(Throw::Fatal("sync: Unlock of unlocked RWMutex".into()));
        }
        rw.reader_count = r;
        // Release the readers that queued behind this writer.
        let n = (r as usize).min(rw.readers.len());
        let readers: Vec<GIdx> = rw.readers.drain(..n).collect();
        // w.Unlock: the next writer gets w and announces itself now.
        let mut next_writer = None;
        let mut parked_writer = None;
        match rw.w_waiters.pop_front() {
            Some(w2) => {
                if Self::rw_announce(rw, w2) {
                    parked_writer = Some(w2);
                } else {
                    next_writer = Some(w2);
                }
            }
            None => rw.w_locked = false,
        }
        let id = rw.id;
        drop(s);
        if self.trace.on() {
            self.trace.emit(
                self.now,
                Some(p as u32),
                line,
                EventKind::MutexUnlock { m: id, g: g.id },
            );
        }
        self.ready_all(p, g.id, readers);
        if let Some(w2) = parked_writer {
            self.rewait(w2, WaitReason::SyncRWMutexLock);
        }
        self.ready_all(p, g.id, next_writer);
        Ok(())
    }

    /// `Once.Do`'s entry: `Some(true)` when the caller must run `f`,
    /// `Some(false)` when it is done, `None` when parked until the running
    /// call finishes (then it is done).
    pub fn once_enter(
        &mut self,
        p: usize,
        gi: GIdx,
        g: &mut G,
        o: &Shared<SyncObj>,
        line: u32,
    ) -> Result<Option<bool>, Throw> {
        let mut s = o.borrow_mut();
        let SyncObj::Once(os) = &mut *s else {
            return Err(misuse("Do"));
        };
        if os.done {
            return Ok(Some(false));
        }
        if !os.running {
            os.running = true;
            return Ok(Some(true));
        }
        os.waiters.push(gi);
        let id = os.id;
        drop(s);
        // Go's waiters block on the Once's internal mutex.
        self.park(p, g, WaitReason::SyncMutexLock, Some(id), line);
        Ok(None)
    }

    /// `f` returned or panicked: later calls return at once.
    pub fn once_done(&mut self, p: usize, g: &G, o: &Shared<SyncObj>) -> Result<(), Throw> {
        let mut s = o.borrow_mut();
        let SyncObj::Once(os) = &mut *s else {
            return Err(misuse("Do"));
        };
        os.done = true;
        os.running = false;
        let ws = std::mem::take(&mut os.waiters);
        drop(s);
        self.ready_all(p, g.id, ws);
        Ok(())
    }

    /// `Locker.Lock` on a `*Mutex`, `*RWMutex` or `RLocker()`.
    pub fn locker_lock(
        &mut self,
        p: usize,
        gi: GIdx,
        g: &mut G,
        l: &Value,
        line: u32,
    ) -> Result<Acquire, Throw> {
        let o = sync_obj(l)?;
        let kind = match &*o.borrow() {
            SyncObj::Mutex(_) => 0,
            SyncObj::RWMutex(_) => 1,
            SyncObj::RLocker(rw) => return self.rlocker_lock(p, gi, g, &rw.clone(), line),
            _ => return Err(misuse("Lock")),
        };
        if kind == 0 {
            let got = self.lock(p, gi, g, &Value::Obj(o), line)?;
            return Ok(if got { Acquire::Got } else { Acquire::Retry });
        }
        self.rw_lock(p, gi, g, &o, line)
    }

    fn rlocker_lock(
        &mut self,
        p: usize,
        gi: GIdx,
        g: &mut G,
        rw: &Value,
        line: u32,
    ) -> Result<Acquire, Throw> {
        let o = sync_obj(rw)?;
        self.rw_rlock(p, gi, g, &o, line)
    }

    pub fn locker_unlock(
        &mut self,
        p: usize,
        g: &mut G,
        l: &Value,
        line: u32,
    ) -> Result<(), Throw> {
        let o = sync_obj(l)?;
        let kind = match &*o.borrow() {
            SyncObj::Mutex(_) => 0,
            SyncObj::RWMutex(_) => 1,
            SyncObj::RLocker(rw) => {
                let rw = sync_obj(rw)?;
                return self.rw_runlock(p, g, &rw);
            }
            _ => return Err(misuse("Unlock")),
        };
        if kind == 0 {
            return self.unlock(p, g, &Value::Obj(o), line);
        }
        self.rw_unlock(p, g, &o, line)
    }

    /// `notifyListAdd`: the waiter's ticket, taken before `L` is unlocked.
    pub fn cond_add(&mut self, notify: &Value) -> Result<u64, Throw> {
        let n = sync_obj(notify)?;
        let mut s = n.borrow_mut();
        let SyncObj::Notify(ns) = &mut *s else {
            return Err(misuse("Wait"));
        };
        let t = ns.wait;
        ns.wait += 1;
        Ok(t)
    }

    /// `notifyListWait`: parks unless ticket `t` was notified meanwhile
    /// (between the Add and here, `L.Unlock` may have let a Signal in).
    pub fn cond_park(
        &mut self,
        p: usize,
        gi: GIdx,
        g: &mut G,
        notify: &Value,
        t: u64,
        line: u32,
    ) -> Result<bool, Throw> {
        let n = sync_obj(notify)?;
        let id = {
            let mut s = n.borrow_mut();
            let SyncObj::Notify(ns) = &mut *s else {
                return Err(misuse("Wait"));
            };
            if t < ns.notify {
                return Ok(false);
            }
            ns.waiters.push_back((t, gi));
            ns.id
        };
        self.park(p, g, WaitReason::SyncCondWait, Some(id), line);
        Ok(true)
    }

    /// `Signal` wakes the oldest ticket (`notifyListNotifyOne`);
    /// `Broadcast` all. With nobody waiting the notification is lost.
    pub fn cond_notify(&mut self, p: usize, g: &G, notify: &Value, all: bool) -> Result<(), Throw> {
        let n = sync_obj(notify)?;
        let ws: Vec<GIdx> = {
            let mut s = n.borrow_mut();
            let SyncObj::Notify(ns) = &mut *s else {
                return Err(misuse("Signal"));
            };
            if ns.wait == ns.notify {
                return Ok(());
            }
            if all {
                ns.notify = ns.wait;
                ns.waiters.drain(..).map(|w| w.1).collect()
            } else {
                let t = ns.notify;
                ns.notify += 1;
                match ns.waiters.iter().position(|w| w.0 == t) {
                    Some(i) => ns.waiters.remove(i).map(|w| w.1).into_iter().collect(),
                    None => Vec::new(),
                }
            }
        };
        self.ready_all(p, g.id, ws);
        Ok(())
    }
}
