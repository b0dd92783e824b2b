//! Vector clocks and the happens-before operations of ThreadSanitizer as Go
//! uses them (`__tsan_acquire`, `__tsan_release` = release-store,
//! `__tsan_release_merge` = release-join, `__tsan_release_acquire`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A dense thread index (one per goroutine that ever ran an event).
pub type Tid = u32;

/// `(tid << 32) | clock`; clock 0 is "nothing", so 0 is the empty epoch.
pub type Epoch = u64;

pub fn epoch(t: Tid, c: u32) -> Epoch {
    ((t as u64) << 32) | c as u64
}

pub fn ep_tid(e: Epoch) -> Tid {
    (e >> 32) as Tid
}

pub fn ep_clock(e: Epoch) -> u32 {
    e as u32
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VC(pub Vec<u32>);

impl VC {
    #[inline]
    pub fn get(&self, t: Tid) -> u32 {
        self.0.get(t as usize).copied().unwrap_or(0)
    }

    pub fn set(&mut self, t: Tid, c: u32) {
        let i = t as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, 0);
        }
        self.0[i] = c;
    }

    pub fn join(&mut self, o: &VC) {
        if self.0.len() < o.0.len() {
            self.0.resize(o.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(o.0.iter()) {
            if *b > *a {
                *a = *b;
            }
        }
    }

    /// The epoch happened before a thread whose clock is `self`.
    #[inline]
    pub fn covers(&self, e: Epoch) -> bool {
        ep_clock(e) <= self.get(ep_tid(e))
    }
}

/// Identity of a synchronisation object (an address in Go's terms).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyncKey {
    /// A sync object (Mutex, RWMutex halves, WaitGroup, Once, Cond, Pool,
    /// sync.Map) by object serial and part.
    Obj(u64, u8),
    /// A channel's `raceaddr` (close, unbuffered hand-off, zero-size
    /// elements) by channel id.
    Chan(u32),
    /// Buffer slot `i` of channel `id`.
    Slot(u32, u32),
    /// The clock of an atomically accessed memory location.
    Atomic(u64, u64, u64),
}

/// The parts of an RWMutex (`readerSem`, `writerSem` in rwmutex.go).
pub const RW_READER: u8 = 1;
pub const RW_WRITER: u8 = 2;

/// FxHash: the shadow maps are hit on every instrumented access.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(b as u64);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64)
    }
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64)
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i)
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64)
    }
}

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The clocks of every goroutine and synchronisation object.
#[derive(Default)]
pub struct Clocks {
    pub threads: Vec<VC>,
    pub syncs: FxMap<SyncKey, VC>,
}

impl Clocks {
    pub fn new_thread(&mut self, parent: Option<Tid>) -> Tid {
        let t = self.threads.len() as Tid;
        let mut vc = match parent {
            Some(p) => self.threads[p as usize].clone(),
            None => VC::default(),
        };
        vc.set(t, 1);
        self.threads.push(vc);
        t
    }

    #[inline]
    pub fn now(&self, t: Tid) -> Epoch {
        epoch(t, self.threads[t as usize].get(t))
    }

    /// A release makes the thread's later accesses concurrent with the
    /// acquirer's: its own component moves on.
    pub fn tick(&mut self, t: Tid) {
        let vc = &mut self.threads[t as usize];
        let c = vc.get(t);
        vc.set(t, c.saturating_add(1));
    }

    pub fn acquire(&mut self, t: Tid, k: SyncKey) {
        if let Some(s) = self.syncs.get(&k) {
            self.threads[t as usize].join(s);
        }
    }

    /// `__tsan_release_merge`: the object's clock joins the thread's.
    pub fn release_merge(&mut self, t: Tid, k: SyncKey) {
        let vc = &self.threads[t as usize];
        self.syncs.entry(k).or_default().join(vc);
        self.tick(t);
    }

    /// `__tsan_release`: the object's clock becomes the thread's.
    pub fn release_store(&mut self, t: Tid, k: SyncKey) {
        let vc = self.threads[t as usize].clone();
        self.syncs.insert(k, vc);
        self.tick(t);
    }

    /// `__tsan_release_acquire` (racereleaseacquire, channel slots):
    /// acquire, then store.
    pub fn release_acquire(&mut self, t: Tid, k: SyncKey) {
        self.acquire(t, k);
        self.release_store(t, k);
    }

    /// An atomic read-modify-write (TSan's `ReleaseAcquire` of acq_rel
    /// atomics): the location keeps the thread's clock from before, the
    /// thread gains the location's.
    pub fn atomic_rmw(&mut self, t: Tid, k: SyncKey) {
        let before = self.threads[t as usize].clone();
        if let Some(s) = self.syncs.insert(k, before) {
            self.threads[t as usize].join(&s);
        }
        self.tick(t);
    }
}
