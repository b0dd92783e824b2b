//! Memory locations: which shadow word an access touches.
//!
//! A location is (object, index, field path). Heap objects (cells, backing
//! arrays, maps, sync objects) get a serial number the first time they are
//! seen, keyed by their allocation address; a `Weak` pin keeps the
//! allocation alive while the serial is in use, so an address can never be
//! reused by a later object under the same serial (that would turn two
//! objects into one and invent races). Dead objects are swept in batches.
//!
//! Structs and arrays are values (copy-on-write `Arc`s) inside those
//! objects: a field or element is a path below the object, one byte per
//! level (index + 1), at most `MAX_DEPTH` levels.

use crate::vm::objcell::ObjCell;
use std::sync::{Arc, Weak};

use super::clock::FxMap;
use crate::runtime::sync::SyncObj;
use crate::vm::value::{MapObj, Pointer, Shared, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    pub obj: u64,
    pub idx: u64,
    pub path: u64,
}

/// Object serials of globals and channels live in their own ranges.
pub const GLOBAL_BASE: u64 = 1 << 62;
pub const CHAN_BASE: u64 = 1 << 61;

pub const MAX_DEPTH: u32 = 7;
/// Structs and arrays with more parts than this are one location.
const MAX_FANOUT: usize = 64;
/// A whole-value access of a huge nested value checks this many parts.
const MAX_LEAVES: usize = 4096;

/// `path` extended by part `i` at `depth` (unchanged past the limits, so
/// deeper parts fold into their ancestor).
pub fn push(path: u64, depth: u32, i: usize) -> (u64, u32) {
    if depth >= MAX_DEPTH || i >= MAX_FANOUT {
        return (path, depth);
    }
    (path | (((i + 1) as u64) << (8 * depth)), depth + 1)
}

/// The leaf locations a whole-value access of `v` at `path` touches.
pub fn leaves(v: &Value, path: u64, depth: u32, out: &mut Vec<u64>) {
    match v {
        Value::Struct(f) | Value::Array(f) if depth < MAX_DEPTH && !f.is_empty() && f.len() <= MAX_FANOUT => {
            for (i, x) in f.iter().enumerate() {
                if out.len() >= MAX_LEAVES {
                    return;
                }
                let (p, d) = push(path, depth, i);
                leaves(x, p, d, out);
            }
        }
        _ => out.push(path),
    }
}

/// The part of `v` at path suffix `path` starting at `depth`.
pub fn descend<'a>(mut v: &'a Value, path: u64, from: u32, to: u32) -> &'a Value {
    for d in from..to {
        let i = ((path >> (8 * d)) & 0xff) as usize;
        if i == 0 {
            break;
        }
        match v {
            Value::Struct(f) | Value::Array(f) => match f.get(i - 1) {
                Some(x) => v = x,
                None => break,
            },
            _ => break,
        }
    }
    v
}

enum Pin {
    Cell(Weak<ObjCell<Value>>),
    Arr(Weak<ObjCell<Vec<Value>>>),
    Map(Weak<ObjCell<MapObj>>),
    Sync(Weak<ObjCell<SyncObj>>),
}

impl Pin {
    fn live(&self) -> bool {
        match self {
            Pin::Cell(w) => w.strong_count() > 0,
            Pin::Arr(w) => w.strong_count() > 0,
            Pin::Map(w) => w.strong_count() > 0,
            Pin::Sync(w) => w.strong_count() > 0,
        }
    }
}

#[derive(Default)]
pub struct Pins {
    map: FxMap<usize, (Pin, u64)>,
    next: u64,
    /// Pins at the last sweep: sweep again when the table doubles.
    swept_at: usize,
}

macro_rules! serial_fn {
    ($name:ident, $t:ty, $variant:ident) => {
        pub fn $name(&mut self, o: &Shared<$t>) -> u64 {
            let addr = Arc::as_ptr(o) as *const u8 as usize;
            if let Some((_, s)) = self.map.get(&addr) {
                return *s;
            }
            self.next += 1;
            let s = self.next;
            self.map.insert(addr, (Pin::$variant(Arc::downgrade(o)), s));
            s
        }
    };
}

impl Pins {
    serial_fn!(cell, Value, Cell);
    serial_fn!(arr, Vec<Value>, Arr);
    serial_fn!(map, MapObj, Map);
    serial_fn!(sync, SyncObj, Sync);

    /// Drops pins of dead objects when the table has doubled since the
    /// last sweep; returns the serials that died (their shadow goes too).
    pub fn sweep(&mut self) -> Option<Vec<u64>> {
        if self.map.len() < 2 * self.swept_at + 4096 {
            return None;
        }
        let mut dead = Vec::new();
        self.map.retain(|_, (p, s)| {
            let live = p.live();
            if !live {
                dead.push(*s);
            }
            live
        });
        self.swept_at = self.map.len();
        Some(dead)
    }
}

/// Where a pointer points: object serial, element index and field path.
pub struct Target {
    pub obj: u64,
    pub idx: u64,
    pub path: u64,
    pub depth: u32,
}

/// Resolves a pointer value (`Cell`, `Ptr`); `None` for nil and for sync
/// objects (their own pointers), which are not memory the program sees.
pub fn resolve(pins: &mut Pins, p: &Value) -> Option<Target> {
    resolve_depth(pins, p, 0)
}

fn resolve_depth(pins: &mut Pins, p: &Value, n: u32) -> Option<Target> {
    if n > 16 {
        return None;
    }
    match p {
        Value::Cell(c) => Some(Target {
            obj: pins.cell(c),
            idx: 0,
            path: 0,
            depth: 0,
        }),
        Value::Ptr(ptr) => match &**ptr {
            Pointer::Elem(a, i) => Some(Target {
                obj: pins.arr(a),
                idx: *i as u64,
                path: 0,
                depth: 0,
            }),
            Pointer::Field(base, i) => {
                let mut t = resolve_depth(pins, base, n + 1)?;
                let (p, d) = push(t.path, t.depth, *i as usize);
                t.path = p;
                t.depth = d;
                Some(t)
            }
        },
        _ => None,
    }
}

/// A synthetic address for reports, shaped like Go's heap (0xc000...) and
/// data-segment (0x6...) addresses.
pub fn address(l: &Loc) -> u64 {
    let mut off = 0u64;
    for d in 0..MAX_DEPTH {
        off += (l.path >> (8 * d)) & 0xff;
    }
    if l.obj >= GLOBAL_BASE {
        0x60_a000 + (l.obj - GLOBAL_BASE) * 0x10 + off * 8
    } else if l.obj >= CHAN_BASE {
        0xc0_0010_0000 + (l.obj - CHAN_BASE) * 0x60
    } else {
        0xc0_0001_0000u64
            .wrapping_add(l.obj.wrapping_mul(0x40))
            .wrapping_add(l.idx.wrapping_mul(8))
            .wrapping_add(off * 8)
    }
}
