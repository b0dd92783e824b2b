//! The non-trivial instructions on values: indexing, slicing, append with
//! Go's growth rule, maps, conversions, pointers and equality.

use std::sync::Arc;

use rand::Rng;
use rand_pcg::Pcg64Mcg;

use crate::types::{consts, TypeTable};
use crate::vm::op::{esize_bytes, ESIZE_BUF, ESIZE_NOESC, ESIZE_PTRS, STACK_BUF_BYTES};
use crate::vm::panic::Throw;
use crate::vm::value::{new_shared, values_equal, MapKey, Pointer, Shared, Value};

pub fn len(x: &Value) -> i64 {
    match x {
        Value::Str(s) => s.len() as i64,
        Value::Slice { len, .. } => *len as i64,
        Value::Array(a) => a.len() as i64,
        Value::Map(m) => m.borrow().entries.len() as i64,
        Value::Chan(c) => c.borrow().buf.len() as i64,
        Value::Cell(c) => len(&c.borrow()),
        _ => 0,
    }
}

pub fn cap(x: &Value) -> i64 {
    match x {
        Value::Slice { cap, .. } => *cap as i64,
        Value::Array(a) => a.len() as i64,
        Value::Chan(c) => c.borrow().cap as i64,
        Value::Cell(c) => cap(&c.borrow()),
        _ => 0,
    }
}

fn out_of_range(i: i64, n: usize) -> Throw {
    bounds_error("index out of range [{x}] with length {y}", i, n as i64)
}

/// The runtime's `boundsError.Error`: `format` has `{x}` for the bad
/// index and `{y}` for what it was checked against. A negative `x` needs
/// no `y`, so Go drops it (its `boundsNegErrorFmts`): `[-1]`, `[-1:]`,
/// `[:-1]`, `[::-1]`, `[:-1:]`, `[-1::]`.
pub fn bounds_error(format: &str, x: i64, y: i64) -> Throw {
    let msg = if x < 0 {
        let f = match format.find(" with ") {
            Some(i) => &format[..i],
            None => format,
        };
        // `[{x}:{y}]` keeps the colon after x, `[:{x}:{y}]` the one before y.
        f.replace("{y}", "")
    } else {
        format.replace("{y}", &y.to_string())
    };
    Throw::runtime(msg.replace("{x}", &x.to_string()))
}

pub fn index(x: &Value, i: i64) -> Result<Value, Throw> {
    match x {
        Value::Slice { arr, off, len, .. } => {
            if i < 0 || i >= *len as i64 {
                return Err(out_of_range(i, *len as usize));
            }
            Ok(arr.borrow()[*off as usize + i as usize].clone())
        }
        Value::Array(a) => a.get(i as usize).filter(|_| i >= 0).cloned().ok_or_else(|| out_of_range(i, a.len())),
        Value::Str(s) => {
            s.get(i as usize).filter(|_| i >= 0).map(|b| Value::Int(*b as i64)).ok_or_else(|| out_of_range(i, s.len()))
        }
        // Indexing through a pointer to an array.
        Value::Cell(c) => index(&c.borrow(), i),
        Value::Nil => Err(out_of_range(i, 0)),
        _ => Err(Throw::nil_deref()),
    }
}

pub fn set_index(x: &mut Value, i: i64, v: Value) -> Result<(), Throw> {
    match x {
        Value::Slice { arr, off, len, .. } => {
            if i < 0 || i >= *len as i64 {
                return Err(out_of_range(i, *len as usize));
            }
            arr.borrow_mut()[*off as usize + i as usize] = v;
            Ok(())
        }
        Value::Array(a) => {
            let n = a.len();
            match Arc::make_mut(a).get_mut(i as usize).filter(|_| i >= 0) {
                Some(slot) => {
                    *slot = v;
                    Ok(())
                }
                None => Err(out_of_range(i, n)),
            }
        }
        Value::Cell(c) => set_index(&mut c.borrow_mut(), i, v),
        Value::Nil => Err(out_of_range(i, 0)),
        _ => Err(Throw::nil_deref()),
    }
}

pub fn field(x: &Value, i: u16) -> Value {
    elem_or_field(x, i as u32)
}

/// Field `i` of a struct or element `i` of an array (what a
/// `Pointer::Field` points into).
pub fn elem_or_field(x: &Value, i: u32) -> Value {
    match x {
        Value::Struct(f) | Value::Array(f) => f.get(i as usize).cloned().unwrap_or_default(),
        Value::Cell(c) => elem_or_field(&c.borrow(), i),
        _ => Value::Nil,
    }
}

/// `[n]T(s)` (Go 1.20).
pub fn slice_to_array(s: &Value, n: u32) -> Result<Value, Throw> {
    let (elems, len) = match s {
        Value::Slice { arr, off, len, .. } => {
            let a = arr.borrow();
            let lo = *off as usize;
            (a.get(lo..lo + (*len as usize).min(n as usize)).map(|x| x.to_vec()).unwrap_or_default(), *len)
        }
        _ => (Vec::new(), 0),
    };
    if len < n {
        return Err(Throw::runtime(format!(
            "cannot convert slice with length {} to array or pointer to array with length {}",
            len, n
        )));
    }
    Ok(Value::Array(Arc::new(elems)))
}

/// `&(*p)[i]` for a pointer to an array.
pub fn index_addr(p: &Value, i: i64) -> Result<Value, Throw> {
    let n = match load(p)? {
        Value::Array(a) => a.len(),
        _ => return Err(Throw::nil_deref()),
    };
    if i < 0 || i as usize >= n {
        return Err(out_of_range(i, n));
    }
    Ok(Value::Ptr(Arc::new(Pointer::Field(p.clone(), i as u32))))
}

pub fn set_field(x: &mut Value, i: u16, v: Value) {
    set_elem_or_field(x, i as u32, v)
}

pub fn set_elem_or_field(x: &mut Value, i: u32, v: Value) {
    match x {
        Value::Struct(f) | Value::Array(f) => {
            if let Some(slot) = Arc::make_mut(f).get_mut(i as usize) {
                *slot = v;
            }
        }
        Value::Cell(c) => set_elem_or_field(&mut c.borrow_mut(), i, v),
        _ => {}
    }
}

/// `x[lo:hi:max]` with Go's bounds checks and messages.
pub fn slice_of(x: &Value, lo: Option<i64>, hi: Option<i64>, max: Option<i64>) -> Result<Value, Throw> {
    match x {
        Value::Str(s) => {
            let n = s.len() as i64;
            let (l, h) = (lo.unwrap_or(0), hi.unwrap_or(n));
            if h < 0 || h > n {
                return Err(bounds_error("slice bounds out of range [:{x}] with length {y}", h, n));
            }
            if l < 0 || l > h {
                return Err(bounds_error("slice bounds out of range [{x}:{y}]", l, h));
            }
            Ok(Value::bytes(&s[l as usize..h as usize]))
        }
        Value::Slice { arr, off, len, cap } => {
            let (l, h, m) = check_bounds(*len as i64, *cap as i64, lo, hi, max, "capacity")?;
            Ok(Value::Slice { arr: arr.clone(), off: off + l as u32, len: (h - l) as u32, cap: (m - l) as u32 })
        }
        Value::Nil => {
            let (l, h, m) = check_bounds(0, 0, lo, hi, max, "capacity")?;
            let _ = (l, h, m);
            Ok(Value::Nil)
        }
        Value::Cell(c) => {
            let v = c.borrow().clone();
            slice_of(&v, lo, hi, max)
        }
        // Slicing an array copies it: Go would alias the array variable, so
        // the checker only lets array values be sliced where that cannot be
        // observed (see compile/); arrays in cells are read through.
        Value::Array(a) => {
            let n = a.len() as i64;
            let (l, h, m) = check_bounds(n, n, lo, hi, max, "length")?;
            let arr: Shared<Vec<Value>> = new_shared(a.as_ref().clone());
            Ok(Value::Slice { arr, off: l as u32, len: (h - l) as u32, cap: (m - l) as u32 })
        }
        _ => Err(Throw::nil_deref()),
    }
}

fn check_bounds(
    len: i64,
    cap: i64,
    lo: Option<i64>,
    hi: Option<i64>,
    max: Option<i64>,
    what: &str,
) -> Result<(i64, i64, i64), Throw> {
    let l = lo.unwrap_or(0);
    if let Some(m) = max {
        let h = hi.unwrap_or(len);
        if m < 0 || m > cap {
            return Err(bounds_error(&format!("slice bounds out of range [::{{x}}] with {} {{y}}", what), m, cap));
        }
        if h < 0 || h > m {
            return Err(bounds_error("slice bounds out of range [:{x}:{y}]", h, m));
        }
        if l < 0 || l > h {
            return Err(bounds_error("slice bounds out of range [{x}:{y}:]", l, h));
        }
        return Ok((l, h, m));
    }
    let h = hi.unwrap_or(len);
    if h < 0 || h > cap {
        return Err(bounds_error(&format!("slice bounds out of range [:{{x}}] with {} {{y}}", what), h, cap));
    }
    if l < 0 || l > h {
        return Err(bounds_error("slice bounds out of range [{x}:{y}]", l, h));
    }
    Ok((l, h, cap))
}

pub fn make_slice(n: usize, c: usize, zero: Value, mut fresh: impl FnMut() -> Value) -> Value {
    let mut items = Vec::with_capacity(c);
    // Values with identity (sync objects) need one object per element.
    let shared_ok = !matches!(zero, Value::Obj(_)) && !contains_obj(&zero);
    if shared_ok {
        items.resize(c, zero);
    } else {
        items.push(zero);
        for _ in 1..c {
            items.push(fresh());
        }
    }
    Value::Slice { arr: new_shared(items), off: 0, len: n as u32, cap: c as u32 }
}

fn contains_obj(v: &Value) -> bool {
    match v {
        Value::Obj(_) => true,
        Value::Struct(f) | Value::Array(f) => f.iter().any(contains_obj),
        _ => false,
    }
}

/// The elements of a slice, or the bytes of a string (for `append(b, s...)`).
pub fn elements(x: &Value) -> Vec<Value> {
    match x {
        Value::Str(s) => s.iter().map(|b| Value::Int(*b as i64)).collect(),
        Value::Cell(c) => elements(&c.borrow()),
        other => other.slice_to_vec(),
    }
}

// Go's allocator size classes (internal/runtime/gc/sizeclasses.go).
const SIZE_CLASSES: [u32; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448,
    480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096,
    4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
    20480, 21760, 24576, 27264, 28672, 32768,
];
const MAX_SMALL_SIZE: u64 = 32768;
const MALLOC_HEADER: u64 = 8;
const MIN_SIZE_FOR_HEADER: u64 = 512;
const PAGE_SIZE: u64 = 8192;

/// `roundupsize`: the size the allocator really hands out.
pub fn roundupsize(size: u64, noscan: bool) -> u64 {
    if size <= MAX_SMALL_SIZE - MALLOC_HEADER {
        let mut req = size;
        if !noscan && req > MIN_SIZE_FOR_HEADER {
            req += MALLOC_HEADER;
        }
        let class = SIZE_CLASSES.iter().copied().find(|&c| c as u64 >= req).unwrap_or(MAX_SMALL_SIZE as u32) as u64;
        return class - (req - size);
    }
    size.div_ceil(PAGE_SIZE) * PAGE_SIZE
}

/// The capacity after growing a slice of `old_len`/`old_cap` to `new_len`
/// elements: `nextslicecap` + `growslice`'s rounding to size classes, or
/// Go's stack-buffer rules when `esize` has `ESIZE_NOESC` (see op.rs).
pub fn grow_cap(old_len: u64, old_cap: u64, new_len: u64, esize: u16) -> u64 {
    let size = esize_bytes(esize);
    if size == 0 {
        return new_len;
    }
    let noscan = esize & ESIZE_PTRS == 0;
    if esize & ESIZE_NOESC != 0 && size <= STACK_BUF_BYTES {
        let k = STACK_BUF_BYTES / size;
        if esize & ESIZE_BUF != 0 {
            // growsliceBuf: one size class up while the buffer holds it.
            if new_len <= k {
                return roundupsize(new_len * size, noscan) / size;
            }
        } else if old_len == 0 && new_len <= k {
            // ssagen's inline `store[:newLen:K]`.
            return k;
        }
    }
    let doublecap = old_cap + old_cap;
    let newcap = if new_len > doublecap {
        new_len
    } else if old_cap < 256 {
        doublecap
    } else {
        let mut c = old_cap;
        while c < new_len {
            c += (c + 3 * 256) >> 2;
        }
        c
    };
    roundupsize(newcap.saturating_mul(size), noscan) / size
}

/// `append(s, items...)`: in place when capacity allows (the backing array
/// is shared, as in Go), otherwise into a new array grown by Go's rule.
pub fn append(s: Value, items: Vec<Value>, esize: u16, max_alloc: usize) -> Result<Value, String> {
    if items.is_empty() {
        return Ok(s);
    }
    let (arr, off, len, cap) = match s {
        Value::Slice { arr, off, len, cap } => (Some(arr), off, len as u64, cap as u64),
        _ => (None, 0, 0, 0),
    };
    let new_len = len + items.len() as u64;
    if new_len <= cap {
        if let Some(arr) = arr {
            {
                let mut a = arr.borrow_mut();
                let start = (off as u64 + len) as usize;
                for (k, v) in items.into_iter().enumerate() {
                    if start + k < a.len() {
                        a[start + k] = v;
                    } else {
                        a.push(v);
                    }
                }
            }
            return Ok(Value::Slice { arr, off, len: new_len as u32, cap: cap as u32 });
        }
    }
    let new_cap = grow_cap(len, cap, new_len, esize).max(new_len);
    if new_cap > max_alloc as u64 || new_cap > u32::MAX as u64 {
        return Err(format!("append grows a slice to {} elements, beyond the limit of {}", new_cap, max_alloc));
    }
    let mut v = Vec::with_capacity(new_cap as usize);
    if let Some(arr) = &arr {
        let a = arr.borrow();
        v.extend_from_slice(&a[off as usize..(off as u64 + len) as usize]);
    }
    v.extend(items);
    // Slots past the length hold zero values in Go; reslicing up to cap
    // exposes them, so keep them as the element's zero (`Nil` is close
    // enough for every reslice-then-write pattern; reads see zero ints
    // through `as_int`).
    let fill = v.first().map(zero_like).unwrap_or_default();
    v.resize(new_cap as usize, fill);
    Ok(Value::Slice { arr: new_shared(v), off: 0, len: new_len as u32, cap: new_cap as u32 })
}

/// A zero value shaped like `v` (for the unused tail of a grown slice).
fn zero_like(v: &Value) -> Value {
    match v {
        Value::Int(_) => Value::Int(0),
        Value::Float(_) => Value::Float(0.0),
        Value::Bool(_) => Value::Bool(false),
        Value::Str(_) => Value::Str(Arc::from(&b""[..])),
        Value::Struct(f) => Value::Struct(Arc::new(f.iter().map(zero_like).collect())),
        Value::Array(f) => Value::Array(Arc::new(f.iter().map(zero_like).collect())),
        _ => Value::Nil,
    }
}

/// `copy(dst, src)`: `min(len(dst), len(src))` elements; overlapping is fine.
pub fn copy(d: &Value, s: &Value) -> i64 {
    let Value::Slice { arr, off, len, .. } = d else { return 0 };
    let src = elements(s);
    let n = (*len as usize).min(src.len());
    let mut a = arr.borrow_mut();
    for (k, v) in src.into_iter().take(n).enumerate() {
        a[*off as usize + k] = v;
    }
    n as i64
}

pub fn concat(a: &Value, b: &Value) -> Value {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if x.is_empty() {
        return b.clone();
    }
    if y.is_empty() {
        return a.clone();
    }
    let mut v = Vec::with_capacity(x.len() + y.len());
    v.extend_from_slice(x);
    v.extend_from_slice(y);
    Value::Str(Arc::from(v))
}

pub fn equal(types: &TypeTable, a: &Value, b: &Value) -> Result<bool, Throw> {
    values_equal(a, b).map_err(|u| Throw::runtime(format!("comparing uncomparable type {}", types.name(u.0))))
}

pub fn map_get(m: &Value, k: &Value) -> Option<Value> {
    match m {
        Value::Map(m) => m.borrow().entries.get(&MapKey(k.clone())).cloned(),
        _ => None,
    }
}

pub fn map_set(types: &TypeTable, m: &Value, k: Value, v: Value) -> Result<(), Throw> {
    match m {
        Value::Map(m) => {
            if let Value::Iface(i) = &k {
                if matches!(i.val, Value::Slice { .. } | Value::Map(_) | Value::Func(_)) {
                    return Err(Throw::runtime(format!("hash of unhashable type {}", types.name(i.ty))));
                }
            }
            m.borrow_mut().entries.insert(MapKey(k), v);
            Ok(())
        }
        _ => Err(Throw::plain("assignment to entry in nil map")),
    }
}

pub fn map_delete(m: &Value, k: &Value) {
    if let Value::Map(m) = m {
        m.borrow_mut().entries.shift_remove(&MapKey(k.clone()));
    }
}

/// A map iterator: the keys at the start of the loop, rotated by a random
/// offset (Go randomises iteration order), and the position.
pub fn map_iter(m: &Value, rng: &mut Pcg64Mcg) -> Value {
    let Value::Map(mo) = m else { return Value::Nil };
    let keys: Vec<Value> = mo.borrow().entries.keys().map(|k| k.0.clone()).collect();
    let n = keys.len();
    let start = if n > 1 { rng.random_range(0..n) } else { 0 };
    let mut rotated = Vec::with_capacity(n + 2);
    rotated.push(Value::Int(0));
    rotated.push(m.clone());
    rotated.extend(keys[start..].iter().cloned());
    rotated.extend(keys[..start].iter().cloned());
    Value::Slice { arr: new_shared(rotated), off: 0, len: 0, cap: 0 }
}

/// The next entry still in the map (deleted keys are skipped, as in Go).
pub fn map_next(it: &Value) -> Option<(Value, Value)> {
    let Value::Slice { arr, .. } = it else { return None };
    let mut a = arr.borrow_mut();
    let m = a.get(1).cloned()?;
    loop {
        let pos = a[0].as_int() as usize + 2;
        if pos >= a.len() {
            return None;
        }
        a[0] = Value::Int((pos - 1) as i64);
        let k = a[pos].clone();
        if let Some(v) = map_get(&m, &k) {
            return Some((k, v));
        }
    }
}

pub fn decode_rune(s: &[u8], i: i64) -> (i64, i64) {
    if i < 0 || i as usize >= s.len() {
        return (0xFFFD, 1);
    }
    let rest = &s[i as usize..];
    let end = rest.len().min(4);
    for w in 1..=end {
        if let Ok(st) = std::str::from_utf8(&rest[..w]) {
            if let Some(c) = st.chars().next() {
                return (c as i64, w as i64);
            }
        }
    }
    (0xFFFD, 1)
}

pub fn rune_to_str(r: i64) -> Value {
    let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    Value::str(c.encode_utf8(&mut [0; 4]))
}

pub fn bytes_to_str(x: &Value) -> Value {
    let bytes: Vec<u8> = x.slice_to_vec().iter().map(|v| v.as_int() as u8).collect();
    Value::Str(Arc::from(bytes))
}

pub fn str_to_bytes(x: &Value) -> Value {
    let items: Vec<Value> = x.as_bytes().iter().map(|b| Value::Int(*b as i64)).collect();
    if items.is_empty() {
        return Value::Slice { arr: new_shared(Vec::new()), off: 0, len: 0, cap: 0 };
    }
    let n = items.len() as u64;
    let cap = grow_cap(0, 0, n, 1).max(n);
    let mut items = items;
    items.resize(cap as usize, Value::Int(0));
    Value::Slice { arr: new_shared(items), off: 0, len: n as u32, cap: cap as u32 }
}

pub fn runes_to_str(x: &Value) -> Value {
    let mut s = String::new();
    for v in x.slice_to_vec() {
        s.push(u32::try_from(v.as_int()).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}'));
    }
    Value::str(&s)
}

pub fn str_to_runes(x: &Value) -> Value {
    let s = x.as_bytes();
    let mut out = Vec::new();
    let mut i = 0i64;
    while (i as usize) < s.len() {
        let (r, w) = decode_rune(s, i);
        out.push(Value::Int(r));
        i += w;
    }
    Value::slice(out)
}

pub fn load(p: &Value) -> Result<Value, Throw> {
    match p {
        Value::Cell(c) => Ok(c.borrow().clone()),
        Value::Ptr(ptr) => match &**ptr {
            Pointer::Elem(a, i) => Ok(a.borrow().get(*i as usize).cloned().unwrap_or_default()),
            Pointer::Field(base, i) => Ok(elem_or_field(&load(base)?, *i)),
        },
        // Sync objects are their own pointers (`&wg` is the object).
        Value::Obj(_) => Ok(p.clone()),
        _ => Err(Throw::nil_deref()),
    }
}

pub fn store(p: &Value, v: Value) -> Result<(), Throw> {
    match p {
        Value::Cell(c) => {
            *c.borrow_mut() = v;
            Ok(())
        }
        Value::Ptr(ptr) => match &**ptr {
            Pointer::Elem(a, i) => {
                if let Some(slot) = a.borrow_mut().get_mut(*i as usize) {
                    *slot = v;
                }
                Ok(())
            }
            Pointer::Field(base, i) => {
                // Through a variable's cell: change it in place (a copy of
                // the whole struct per store otherwise).
                if let Value::Cell(c) = base {
                    set_elem_or_field(&mut c.borrow_mut(), *i, v);
                    return Ok(());
                }
                let mut s = load(base)?;
                set_elem_or_field(&mut s, *i, v);
                store(base, s)
            }
        },
        _ => Err(Throw::nil_deref()),
    }
}

pub fn elem_addr(x: &Value, i: i64) -> Result<Value, Throw> {
    match x {
        Value::Slice { arr, off, len, .. } => {
            if i < 0 || i >= *len as i64 {
                return Err(out_of_range(i, *len as usize));
            }
            Ok(Value::Ptr(Arc::new(Pointer::Elem(arr.clone(), *off + i as u32))))
        }
        _ => Err(Throw::nil_deref()),
    }
}

pub fn field_addr(p: &Value, i: u16) -> Result<Value, Throw> {
    match p {
        Value::Nil => Err(Throw::nil_deref()),
        _ => Ok(Value::Ptr(Arc::new(Pointer::Field(p.clone(), i as u32)))),
    }
}

/// The value `recover()` returns for a runtime error: a `runtime.Error`
/// whose `Error()` is the message. Modelled as an error-string value.
pub fn runtime_error_value(msg: &str) -> Value {
    Value::iface(consts::PTR_ERROR_STRING, Value::Cell(new_shared(Value::str(msg))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_matches_go() {
        // append one int at a time to a nil []int: Go's caps.
        let mut caps = vec![];
        let (mut len, mut cap) = (0u64, 0u64);
        for _ in 0..600 {
            if len + 1 > cap {
                cap = grow_cap(len, cap, len + 1, 8);
                caps.push(cap);
            }
            len += 1;
        }
        assert_eq!(caps, vec![1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848]);
        // append 5 ints to nil: 40 bytes round up to the 48-byte class.
        assert_eq!(grow_cap(0, 0, 5, 8), 6);
        // bytes: 5 -> 8
        assert_eq!(grow_cap(0, 0, 5, 1), 8);
    }

    /// Caps seen appending one element at a time to a nil slice.
    fn caps_one_by_one(n: u64, mut esize_at: impl FnMut(u64, u64) -> u16) -> Vec<u64> {
        let mut caps = vec![];
        let (mut len, mut cap) = (0u64, 0u64);
        for _ in 0..n {
            if len + 1 > cap {
                cap = grow_cap(len, cap, len + 1, esize_at(len, cap));
                caps.push(cap);
            }
            len += 1;
        }
        caps
    }

    #[test]
    fn stack_store_growth_matches_go() {
        use crate::vm::op::{elem_size_code, ESIZE_NOESC};
        let int = elem_size_code(8, false);
        let byte = elem_size_code(1, false);
        let string = elem_size_code(16, true);
        // Go 1.27: `var s []int` appended one by one, s not escaping: the
        // first growth takes the 32-byte store (4 ints), then the heap rule.
        let c = caps_one_by_one(2000, |len, _| if len == 0 { int | ESIZE_NOESC } else { int });
        assert_eq!(c, vec![4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560]);
        // The flag is harmless on later growths: they have old_len > 0.
        assert_eq!(caps_one_by_one(2000, |_, _| int | ESIZE_NOESC), c);
        // []byte: 32 elements; []int32: 8; []string (16 bytes): 2.
        assert_eq!(grow_cap(0, 0, 1, byte | ESIZE_NOESC), 32);
        assert_eq!(grow_cap(0, 0, 1, elem_size_code(4, false) | ESIZE_NOESC), 8);
        assert_eq!(grow_cap(0, 0, 1, string | ESIZE_NOESC), 2);
        assert_eq!(grow_cap(0, 0, 2, string | ESIZE_NOESC), 2);
        // More than K elements at once: normal growslice (5 ints: 48-byte class).
        assert_eq!(grow_cap(0, 0, 5, int | ESIZE_NOESC), 6);
        assert_eq!(grow_cap(0, 0, 3, string | ESIZE_NOESC), 3);
        // Only from an empty slice: append(make([]int, 1), 2) grows normally.
        assert_eq!(grow_cap(1, 1, 2, int | ESIZE_NOESC), 2);
        // Empty but with some capacity: still the store.
        assert_eq!(grow_cap(0, 1, 2, int | ESIZE_NOESC), 4);
        // Elements of 24 and 32 bytes: K = 1.
        assert_eq!(grow_cap(0, 0, 1, elem_size_code(24, false) | ESIZE_NOESC), 1);
        assert_eq!(grow_cap(0, 0, 1, elem_size_code(32, false) | ESIZE_NOESC), 1);
        // The size decodes the same with and without the flag.
        assert_eq!(grow_cap(3, 3, 4, int | ESIZE_NOESC), grow_cap(3, 3, 4, int));
    }

    #[test]
    fn stack_buf_growth_matches_go() {
        use crate::vm::op::{elem_size_code, ESIZE_BUF, ESIZE_NOESC};
        let buf = ESIZE_NOESC | ESIZE_BUF;
        // growsliceBuf: one size class at a time inside the 32-byte buffer.
        let int = elem_size_code(8, false) | buf;
        assert_eq!(caps_one_by_one(20, |_, _| int), vec![1, 2, 3, 4, 8, 16, 32]);
        let byte = elem_size_code(1, false) | buf;
        assert_eq!(caps_one_by_one(70, |_, _| byte), vec![8, 16, 24, 32, 64, 128]);
        let string = elem_size_code(16, true) | buf;
        assert_eq!(caps_one_by_one(10, |_, _| string), vec![1, 2, 4, 8, 16]);
        // Several at once, still inside the buffer.
        assert_eq!(grow_cap(0, 0, 3, elem_size_code(2, false) | buf), 4);
    }

    #[test]
    fn esize_codes() {
        use crate::vm::op::{elem_size_code, esize_bytes, ESIZE_BUF, ESIZE_NOESC};
        assert_eq!(esize_bytes(elem_size_code(8, true)), 8);
        assert_eq!(esize_bytes(elem_size_code(8, true) | ESIZE_NOESC | ESIZE_BUF), 8);
        assert_eq!(esize_bytes(elem_size_code(9000, false)), 9000);
        assert_eq!(esize_bytes(elem_size_code(1 << 20, false)), 0x3fff);
    }

    #[test]
    fn slice_bounds_messages() {
        let s = Value::slice(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        let e = slice_of(&s, None, Some(5), None).unwrap_err();
        assert!(matches!(e, Throw::Runtime(m) if m == "runtime error: slice bounds out of range [:5] with capacity 3"));
        let e = slice_of(&s, Some(2), Some(1), None).unwrap_err();
        assert!(matches!(e, Throw::Runtime(m) if m == "runtime error: slice bounds out of range [2:1]"));
    }
}
