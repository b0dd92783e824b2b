//! `ObjCell`: the interior-mutable cell of every heap object (slices'
//! backing arrays, maps, channels, cells, sync objects).
//!
//! It is a `RefCell` that may be shared between threads. That is sound
//! because of the runtime's locking rule, the one Go's runtime follows for
//! its own structures: a heap object's contents are only touched by the
//! thread that holds the runtime lock (`runtime/parallel.rs`), and a
//! buffered channel's only by the thread that holds its own lock as well
//! (`runtime/chanlock.rs`; debug builds check it at every borrow). The
//! deterministic driver is one thread, so it holds the locks trivially;
//! the parallel driver runs a goroutine without the runtime lock only
//! through `vm/pure.rs`, whose instructions never borrow a heap object
//! but a channel under its lock (they move, clone and drop `Arc`s, whose
//! counts are atomic). The borrow flag stays
//! non-atomic on purpose: an atomic flag tripled the cost of a contended
//! `sync.Mutex` round trip in the deterministic driver. ThreadSanitizer
//! runs over the parallel stress tests (`make tsan`) to catch a broken rule.

use std::cell::{BorrowError, BorrowMutError, Ref, RefCell, RefMut};

#[derive(Debug, Default)]
pub struct ObjCell<T>(RefCell<T>);

// SAFETY: see the module comment: every borrow happens under the runtime
// lock, which orders all accesses to the flag and the contents; `T: Send`
// because the contents are handed from thread to thread that way.
unsafe impl<T: Send> Sync for ObjCell<T> {}

impl<T> ObjCell<T> {
    pub const fn new(v: T) -> ObjCell<T> {
        ObjCell(RefCell::new(v))
    }

    #[inline(always)]
    pub fn borrow(&self) -> Ref<'_, T> {
        self.0.borrow()
    }

    #[inline(always)]
    pub fn borrow_mut(&self) -> RefMut<'_, T> {
        self.0.borrow_mut()
    }

    /// The contents, read without touching the borrow flag.
    ///
    /// # Safety
    /// No thread may write the contents while the reference lives: the
    /// cell of a captured variable that is never written once initialised
    /// (`FuncProto::const_upvals`), read by `vm/pure.rs` without the
    /// runtime lock while other threads may borrow it (which writes only
    /// the flag, never the contents).
    #[inline(always)]
    pub unsafe fn get_unsynced(&self) -> &T {
        // SAFETY: the caller guarantees there is no writer.
        unsafe { &*self.0.as_ptr() }
    }

    #[inline(always)]
    pub fn try_borrow(&self) -> Result<Ref<'_, T>, BorrowError> {
        self.0.try_borrow()
    }

    #[inline(always)]
    pub fn try_borrow_mut(&self) -> Result<RefMut<'_, T>, BorrowMutError> {
        self.0.try_borrow_mut()
    }
}
