//! `sync.Mutex` and `sync.WaitGroup` state (runtime/sema.go's semaphores
//! reduced to FIFO wait queues of goroutines).

use std::collections::VecDeque;

use crate::runtime::sched::GIdx as WaiterIdx;

#[derive(Debug)]
pub enum SyncObj {
    Mutex(MutexState),
    WaitGroup(WaitGroupState),
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
use crate::vm::value::Value;

impl Machine {
    /// `Mutex.Lock`: true when acquired; false when `g` parked (the `Lock`
    /// instruction runs again when it is woken).
    ///
    /// Unlock does not hand the lock over: it wakes the first waiter, who
    /// then competes with running goroutines (Go's normal mode), and a woken
    /// waiter that loses queues at the front again.
    pub fn lock(&mut self, p: usize, gi: GIdx, g: &mut G, obj: &Value, line: u32) -> Result<bool, Throw> {
        let Value::Obj(o) = obj else { return Err(Throw::nil_deref()) };
        let mut s = o.borrow_mut();
        let SyncObj::Mutex(ms) = &mut *s else { return Err(Throw::Fatal("Lock of a non-mutex".into())) };
        let retry = matches!(g.resume, Resume::RetryLock);
        g.resume = Resume::Continue;
        if !ms.locked {
            ms.locked = true;
            let id = ms.id;
            drop(s);
            if self.trace.on() {
                self.trace.emit(self.now, Some(p as u32), line, EventKind::MutexLock { m: id, g: g.id });
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
        self.park(p, g, WaitReason::SyncMutexLock, Some(id), line);
        Ok(false)
    }

    pub fn unlock(&mut self, p: usize, g: &mut G, obj: &Value, line: u32) -> Result<(), Throw> {
        let Value::Obj(o) = obj else { return Err(Throw::nil_deref()) };
        let mut s = o.borrow_mut();
        let SyncObj::Mutex(ms) = &mut *s else { return Err(Throw::Fatal("Unlock of a non-mutex".into())) };
        if !ms.locked {
            return Err(Throw::Fatal("sync: unlock of unlocked mutex".into()));
        }
        ms.locked = false;
        let id = ms.id;
        let waiter = ms.waiters.pop_front();
        drop(s);
        if self.trace.on() {
            self.trace.emit(self.now, Some(p as u32), line, EventKind::MutexUnlock { m: id, g: g.id });
        }
        if let Some(w) = waiter {
            if let Some(wg) = self.sched.g_mut(w) {
                wg.resume = Resume::RetryLock;
            }
            self.goready(p, w, g.id);
        }
        Ok(())
    }

    /// `WaitGroup.Add(delta)`; reaching zero releases every waiter.
    pub fn wg_add(&mut self, p: usize, g: &mut G, obj: &Value, delta: i64, line: u32) -> Result<(), Throw> {
        let Value::Obj(o) = obj else { return Err(Throw::nil_deref()) };
        let mut s = o.borrow_mut();
        let SyncObj::WaitGroup(ws) = &mut *s else { return Err(Throw::Fatal("Add on a non-WaitGroup".into())) };
        ws.counter += delta;
        let (id, counter) = (ws.id, ws.counter);
        if counter < 0 {
            drop(s);
            return Err(Throw::Panic(Value::iface(crate::types::consts::STRING, Value::str("sync: negative WaitGroup counter"))));
        }
        let waiters = if counter == 0 { std::mem::take(&mut ws.waiters) } else { Vec::new() };
        drop(s);
        if self.trace.on() {
            self.trace.emit(self.now, Some(p as u32), line, EventKind::WgAdd { wg: id, g: g.id, delta, counter });
        }
        for w in waiters {
            self.goready(p, w, g.id);
        }
        Ok(())
    }

    /// `WaitGroup.Wait`: true when the counter is already zero.
    pub fn wg_wait(&mut self, p: usize, gi: GIdx, g: &mut G, obj: &Value, line: u32) -> Result<bool, Throw> {
        let Value::Obj(o) = obj else { return Err(Throw::nil_deref()) };
        let mut s = o.borrow_mut();
        let SyncObj::WaitGroup(ws) = &mut *s else { return Err(Throw::Fatal("Wait on a non-WaitGroup".into())) };
        if ws.counter == 0 {
            return Ok(true);
        }
        ws.waiters.push(gi);
        let id = ws.id;
        drop(s);
        if self.trace.on() {
            self.trace.emit(self.now, Some(p as u32), line, EventKind::WgWait { wg: id, g: g.id });
        }
        self.park(p, g, WaitReason::SyncWaitGroupWait, Some(id), line);
        Ok(false)
    }
}
