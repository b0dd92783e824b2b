//! `sync.Mutex` and `sync.WaitGroup` state (runtime/sema.go's semaphores
//! reduced to FIFO wait queues of goroutines).

use std::collections::VecDeque;

use crate::runtime::sched::GId;

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
    pub waiters: VecDeque<GId>,
}

#[derive(Debug, Default)]
pub struct WaitGroupState {
    pub id: u32,
    pub counter: i64,
    /// Goroutines in `Wait`.
    pub waiters: Vec<GId>,
}
