//! Copying a value that holds `sync` objects by value.
//!
//! chanscope keeps a `sync.Mutex` (WaitGroup, RWMutex, Once, Cond, atomic
//! values) as a shared runtime object, so an ordinary value copy would
//! alias it. Go copies the state instead: a copied locked mutex is a
//! second, locked mutex; a WaitGroup passed by value counts separately
//! (the classic bug `go vet`'s copylocks check warns about). The compiler
//! emits `Op::CopySync` where such values are copied; this makes the
//! copy's objects fresh, with the state copied and no waiters.

use std::sync::Arc;

use crate::runtime::sync::{MutexState, NotifyState, OnceState, RwState, SyncObj, WaitGroupState};
use crate::types::{Type, TypeId, TypeTable};
use crate::vm::value::{new_shared, Value};

/// Whether values of type `ty` hold sync objects by value.
pub fn holds_sync(types: &TypeTable, ty: TypeId, depth: u32) -> bool {
    if depth > 32 {
        return false;
    }
    match types.under(ty) {
        Type::Opaque(k) => !matches!(k, crate::types::OpaqueKind::SyncMap | crate::types::OpaqueKind::Pool | crate::types::OpaqueKind::Other | crate::types::OpaqueKind::Timer | crate::types::OpaqueKind::Ticker),
        Type::Struct(fs) => fs.iter().any(|f| holds_sync(types, f.ty, depth + 1)),
        Type::Array(n, e) => *n > 0 && holds_sync(types, *e, depth + 1),
        _ => false,
    }
}

/// Replaces the sync objects held by value in `v` (of type `ty`) with
/// copies.
pub fn copy_value(types: &TypeTable, ty: TypeId, v: &mut Value, id: &mut dyn FnMut() -> u32, depth: u32) {
    if depth > 32 {
        return;
    }
    match types.under(ty) {
        Type::Opaque(_) => match v {
            Value::Obj(o) => {
                let copy = copy_obj(&o.borrow(), id);
                if let Some(c) = copy {
                    *v = Value::Obj(new_shared(c));
                }
            }
            // Atomic values live in a cell of their own.
            Value::Cell(c) => {
                let inner = c.borrow().clone();
                *v = Value::Cell(new_shared(inner));
            }
            _ => {}
        },
        Type::Struct(fs) => {
            if let Value::Struct(vals) = v {
                let vals = Arc::make_mut(vals);
                for (f, x) in fs.iter().zip(vals.iter_mut()) {
                    if holds_sync(types, f.ty, depth + 1) {
                        copy_value(types, f.ty, x, id, depth + 1);
                    }
                }
            }
        }
        Type::Array(_, e) => {
            if let Value::Array(vals) = v {
                for x in Arc::make_mut(vals).iter_mut() {
                    copy_value(types, *e, x, id, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// The state a copy of `o` starts with: Go copies the words, not the
/// goroutines parked on them.
fn copy_obj(o: &SyncObj, id: &mut dyn FnMut() -> u32) -> Option<SyncObj> {
    Some(match o {
        SyncObj::Mutex(s) => SyncObj::Mutex(MutexState { id: id(), locked: s.locked, ..Default::default() }),
        SyncObj::WaitGroup(s) => SyncObj::WaitGroup(WaitGroupState { id: id(), counter: s.counter, ..Default::default() }),
        SyncObj::RWMutex(s) => SyncObj::RWMutex(RwState {
            id: id(),
            w_locked: s.w_locked,
            reader_count: s.reader_count,
            reader_wait: s.reader_wait,
            ..Default::default()
        }),
        SyncObj::Once(s) => SyncObj::Once(OnceState { id: id(), done: s.done, running: s.running, ..Default::default() }),
        SyncObj::Notify(s) => SyncObj::Notify(NotifyState { id: id(), wait: s.wait, notify: s.notify, ..Default::default() }),
        _ => return None,
    })
}
