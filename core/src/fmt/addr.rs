//! Addresses for `%p` and for pointers, channels and funcs printed by `%v`.
//!
//! Go prints real heap addresses, which differ from run to run. Channels and
//! funcs get stable fake addresses from their ids so traces and goldens stay
//! reproducible; other pointers use the host address of their cell, moved
//! into the range Go's heap addresses usually have.

use std::sync::Arc;

use crate::vm::value::{Pointer, Value};

const HEAP_BASE: u64 = 0xc000000000;
const CHAN_BASE: u64 = 0xc000010000;
/// Text addresses of compiled functions (`main.main` is near here in Go).
const FUNC_BASE: u64 = 0x47b000;
/// Rough element size so `&s[1]` and `&s[2]` get distinct addresses.
const WORD: u64 = 8;

fn heap<T: ?Sized>(p: *const T) -> u64 {
    HEAP_BASE + ((p as *const u8 as usize as u64) & 0x0f_ffff_fff8)
}

/// The address a pointer-shaped value prints as; 0 for nil or a value
/// without identity.
pub fn address(v: &Value) -> u64 {
    match v {
        Value::Chan(c) => CHAN_BASE + c.id as u64 * 0x60,
        Value::Func(f) => FUNC_BASE + f.func as u64 * 0x40,
        Value::Cell(c) => heap(Arc::as_ptr(c)),
        Value::Map(m) => heap(Arc::as_ptr(m)),
        Value::Obj(o) => heap(Arc::as_ptr(o)),
        Value::Slice { arr, off, .. } => heap(Arc::as_ptr(arr)) + *off as u64 * WORD,
        Value::Ptr(p) => match &**p {
            Pointer::Elem(arr, i) => heap(Arc::as_ptr(arr)) + *i as u64 * WORD,
            Pointer::Field(base, i) => address(base).wrapping_add(*i as u64 * WORD),
        },
        _ => 0,
    }
}
