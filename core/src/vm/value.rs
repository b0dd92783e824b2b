//! Runtime values.
//!
//! A `Value` is 24 bytes. Go's value semantics for arrays and structs are
//! kept with copy-on-write (`Arc::make_mut`): copying a struct is a reference
//! count bump, writing a field of a shared struct copies it first. Slices,
//! maps, channels, functions, pointers and sync objects are references, as
//! in Go.
//!
//! Heap objects are `Arc`s, because the parallel driver runs Ps on their
//! own threads and a goroutine's values move between them; mutable ones sit
//! in an `ObjCell` (vm/objcell.rs: who may borrow them, and when). Code
//! outside this module goes through `Shared`/`new_shared`.

use crate::vm::objcell::ObjCell;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use indexmap::IndexMap;

use crate::runtime::chan::ChanRef;
use crate::runtime::sync::SyncObj;
use crate::types::TypeId;

pub type Shared<T> = Arc<ObjCell<T>>;

pub fn new_shared<T>(v: T) -> Shared<T> {
    Arc::new(ObjCell::new(v))
}

/// Go strings are immutable byte sequences (not necessarily UTF-8).
pub type Str = Arc<[u8]>;

#[derive(Clone, Debug, Default)]
pub enum Value {
    /// The zero value of pointers, slices, maps, channels, functions and
    /// interfaces.
    #[default]
    Nil,
    Bool(bool),
    /// Every integer type. Sized types are kept wrapped to their width
    /// (see `Op::Wrap`); unsigned 64-bit values are stored as their bits.
    Int(i64),
    /// float64, and float32 rounded after each operation.
    Float(f64),
    Str(Str),
    /// A slice header: window `off..off+len` of a shared backing array
    /// whose usable capacity ends at `off+cap`. The fields sit inline so a
    /// `Value` stays 24 bytes.
    Slice { arr: Shared<Vec<Value>>, off: u32, len: u32, cap: u32 },
    /// `[N]T`, copy-on-write.
    Array(Arc<Vec<Value>>),
    /// A struct's fields in declaration order, copy-on-write.
    Struct(Arc<Vec<Value>>),
    Map(Shared<MapObj>),
    Chan(ChanRef),
    Func(Arc<Closure>),
    /// A variable that lives on the heap because a closure captured it or
    /// its address was taken; `&x` and the variable itself share this cell.
    Cell(Shared<Value>),
    /// Pointers into slice elements and struct fields.
    Ptr(Arc<Pointer>),
    /// A non-nil interface value: dynamic type and value. A nil interface is
    /// `Nil`.
    Iface(Arc<Iface>),
    /// Runtime objects with identity: `sync.Mutex`, `sync.WaitGroup`, timers.
    Obj(Shared<SyncObj>),
}

#[derive(Debug)]
pub struct Iface {
    pub ty: TypeId,
    pub val: Value,
}

#[derive(Debug)]
pub struct Closure {
    /// Index into `Program::funcs`.
    pub func: u32,
    /// Captured variables, each a `Value::Cell`'s shared slot.
    pub upvals: Box<[Shared<Value>]>,
}

#[derive(Debug)]
pub enum Pointer {
    /// `&s[i]`: element `idx` of a backing array.
    Elem(Shared<Vec<Value>>, u32),
    /// `&p.f`: field `idx` of the struct that `base` points at.
    Field(Value, u32),
}

/// A Go map. Keys keep insertion order; `range` starts at a random offset
/// (Go randomises iteration order) drawn from the seeded PRNG, so runs stay
/// replayable. SipHash with fixed keys keeps hashing deterministic.
#[derive(Debug, Default)]
pub struct MapObj {
    pub entries: IndexMap<MapKey, Value, std::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>>,
}

/// A map key: a comparable value with Go's equality (`+0 == -0`,
/// `NaN != NaN`, interfaces compare type and value).
#[derive(Clone, Debug)]
pub struct MapKey(pub Value);

impl PartialEq for MapKey {
    fn eq(&self, other: &MapKey) -> bool {
        values_equal(&self.0, &other.0).unwrap_or(false)
    }
}

impl Eq for MapKey {}

impl Hash for MapKey {
    fn hash<H: Hasher>(&self, h: &mut H) {
        hash_value(&self.0, h, 0)
    }
}

fn hash_value<H: Hasher>(v: &Value, h: &mut H, depth: u32) {
    if depth > 64 {
        return;
    }
    match v {
        Value::Nil => 0u8.hash(h),
        Value::Bool(b) => b.hash(h),
        Value::Int(i) => i.hash(h),
        Value::Float(f) => {
            // +0 and -0 are equal keys; NaN never finds itself anyway.
            let f = if *f == 0.0 { 0.0 } else { *f };
            f.to_bits().hash(h)
        }
        Value::Str(s) => s.hash(h),
        Value::Array(a) | Value::Struct(a) => {
            for x in a.iter() {
                hash_value(x, h, depth + 1)
            }
        }
        Value::Iface(i) => {
            i.ty.hash(h);
            hash_value(&i.val, h, depth + 1)
        }
        Value::Chan(c) => (Arc::as_ptr(c) as *const u8 as usize).hash(h),
        Value::Cell(c) => (Arc::as_ptr(c) as *const u8 as usize).hash(h),
        Value::Obj(c) => (Arc::as_ptr(c) as *const u8 as usize).hash(h),
        Value::Ptr(p) => match &**p {
            Pointer::Elem(a, i) => {
                (Arc::as_ptr(a) as *const u8 as usize).hash(h);
                i.hash(h)
            }
            Pointer::Field(b, i) => {
                hash_value(b, h, depth + 1);
                i.hash(h)
            }
        },
        // Not comparable: the checker or `values_equal` rejects them first.
        Value::Slice { .. } | Value::Map(_) | Value::Func(_) => 1u8.hash(h),
    }
}

/// Go's `==` on two values of the same (comparable) type. `Err` carries the
/// dynamic type's problem for the runtime panic
/// `comparing uncomparable type ...`; the caller renders the type name.
pub fn values_equal(a: &Value, b: &Value) -> Result<bool, Uncomparable> {
    Ok(match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Array(x), Value::Array(y)) | (Value::Struct(x), Value::Struct(y)) => {
            if Arc::ptr_eq(x, y) {
                // Still walk: NaN fields make a struct unequal to itself.
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !values_equal(p, q)? {
                    return Ok(false);
                }
            }
            true
        }
        (Value::Iface(x), Value::Iface(y)) => {
            if x.ty != y.ty {
                return Ok(false);
            }
            match (&x.val, &y.val) {
                (Value::Slice { .. }, _) | (Value::Map(_), _) | (Value::Func(_), _) => return Err(Uncomparable(x.ty)),
                _ => values_equal(&x.val, &y.val)?,
            }
        }
        (Value::Chan(x), Value::Chan(y)) => Arc::ptr_eq(x, y),
        (Value::Cell(x), Value::Cell(y)) => Arc::ptr_eq(x, y),
        (Value::Obj(x), Value::Obj(y)) => Arc::ptr_eq(x, y),
        (Value::Func(x), Value::Func(y)) => Arc::ptr_eq(x, y),
        (Value::Ptr(x), Value::Ptr(y)) => match (&**x, &**y) {
            (Pointer::Elem(a, i), Pointer::Elem(b, j)) => Arc::ptr_eq(a, b) && i == j,
            (Pointer::Field(a, i), Pointer::Field(b, j)) => i == j && values_equal(a, b)?,
            _ => false,
        },
        _ => false,
    })
}

/// The dynamic type that made `==` panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uncomparable(pub TypeId);

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s.as_bytes()))
    }

    pub fn bytes(b: &[u8]) -> Value {
        Value::Str(Arc::from(b))
    }

    /// A slice whose backing array is exactly `items`.
    pub fn slice(items: Vec<Value>) -> Value {
        let n = items.len() as u32;
        Value::Slice { arr: new_shared(items), off: 0, len: n, cap: n }
    }

    /// A copy of a slice's visible elements (empty for nil or non-slices).
    pub fn slice_to_vec(&self) -> Vec<Value> {
        match self {
            Value::Slice { arr, off, len, .. } => arr.borrow()[*off as usize..(*off + *len) as usize].to_vec(),
            _ => Vec::new(),
        }
    }

    pub fn iface(ty: TypeId, val: Value) -> Value {
        Value::Iface(Arc::new(Iface { ty, val }))
    }

    /// `clone` with the scalar cases inlined: the derived `clone` of a
    /// 16-variant enum is an out-of-line call, too slow for the VM's
    /// register moves.
    #[inline(always)]
    pub fn fast_clone(&self) -> Value {
        match self {
            Value::Int(i) => Value::Int(*i),
            Value::Nil => Value::Nil,
            Value::Bool(b) => Value::Bool(*b),
            Value::Float(f) => Value::Float(*f),
            Value::Obj(o) => Value::Obj(Arc::clone(o)),
            Value::Chan(c) => Value::Chan(Arc::clone(c)),
            Value::Cell(c) => Value::Cell(Arc::clone(c)),
            Value::Func(f) => Value::Func(Arc::clone(f)),
            Value::Str(s) => Value::Str(Arc::clone(s)),
            other => other.clone(),
        }
    }

    /// `*dst = src.clone()` without a temporary: scalars are written in
    /// place, and a reference to the object `dst` already holds costs
    /// nothing. (Moving a freshly built `Value` through a stack temporary
    /// makes the CPU stall on store forwarding in the dispatch loop.)
    #[inline(always)]
    pub fn assign_from(dst: &mut Value, src: &Value) {
        match (src, &mut *dst) {
            (Value::Int(s), Value::Int(d)) => *d = *s,
            (Value::Int(s), _) => Value::store(dst, Value::Int(*s)),
            (Value::Bool(s), _) => Value::store(dst, Value::Bool(*s)),
            (Value::Float(s), _) => Value::store(dst, Value::Float(*s)),
            (Value::Nil, _) => Value::store(dst, Value::Nil),
            (Value::Obj(s), Value::Obj(d)) if Arc::ptr_eq(s, d) => {}
            (Value::Cell(s), Value::Cell(d)) if Arc::ptr_eq(s, d) => {}
            (Value::Chan(s), Value::Chan(d)) if Arc::ptr_eq(s, d) => {}
            (Value::Func(s), Value::Func(d)) if Arc::ptr_eq(s, d) => {}
            _ => Value::store(dst, src.fast_clone()),
        }
    }

    /// True for values without heap parts (dropping them is a no-op).
    #[inline(always)]
    pub fn is_scalar(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Nil | Value::Bool(_) | Value::Float(_))
    }

    /// Overwrites `*slot`, skipping the out-of-line drop when the old value
    /// is a scalar.
    #[inline(always)]
    pub fn store(slot: &mut Value, v: Value) {
        if slot.is_scalar() {
            // SAFETY: the old value has no heap parts, so not running its
            // destructor leaks nothing; `slot` is a valid, aligned Value.
            unsafe { std::ptr::write(slot, v) }
        } else {
            *slot = v;
        }
    }

    #[inline]
    pub fn as_int(&self) -> i64 {
        match self {
            Value::Int(i) => *i,
            _ => 0,
        }
    }

    #[inline]
    pub fn as_float(&self) -> f64 {
        match self {
            Value::Float(f) => *f,
            _ => 0.0,
        }
    }

    #[inline]
    pub fn as_bool(&self) -> bool {
        matches!(self, Value::Bool(true))
    }

    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Value::Str(s) => s,
            _ => &[],
        }
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_small() {
        assert!(std::mem::size_of::<Value>() <= 24, "Value grew to {}", std::mem::size_of::<Value>());
    }

    #[test]
    fn map_keys_follow_go_equality() {
        let mut m = MapObj::default();
        m.entries.insert(MapKey(Value::Float(0.0)), Value::Int(1));
        assert!(m.entries.contains_key(&MapKey(Value::Float(-0.0))));
        m.entries.insert(MapKey(Value::Float(f64::NAN)), Value::Int(2));
        assert!(!m.entries.contains_key(&MapKey(Value::Float(f64::NAN))));
        m.entries.insert(MapKey(Value::str("a")), Value::Int(3));
        assert!(m.entries.contains_key(&MapKey(Value::str("a"))));
    }
}
