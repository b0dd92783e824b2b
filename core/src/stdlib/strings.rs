//! Package `strings` (Go 1.27 strings/strings.go, strings/builder.go).

use super::{arg, panic_str, set};
use crate::vm::native::NativeCtx;
use crate::vm::panic::Throw;
use crate::vm::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum F {
    Contains,
    ContainsRune,
    ContainsAny,
    HasPrefix,
    HasSuffix,
    Index,
    IndexByte,
    IndexRune,
    IndexAny,
    LastIndex,
    LastIndexByte,
    LastIndexAny,
    Split,
    SplitN,
    SplitAfter,
    Fields,
    Join,
    Repeat,
    Replace,
    ReplaceAll,
    ToUpper,
    ToLower,
    Title,
    TrimSpace,
    Trim,
    TrimLeft,
    TrimRight,
    TrimPrefix,
    TrimSuffix,
    Count,
    EqualFold,
    Cut,
    CutPrefix,
    CutSuffix,
    Compare,
    // (*Builder) methods; the receiver (the builder's cell) is args[0].
    WriteString,
    WriteByte,
    WriteRune,
    Write,
    String,
    Len,
    Cap,
    Reset,
    Grow,
}

fn s(args: &[Value], i: usize) -> Vec<u8> {
    arg(args, i).as_bytes().to_vec()
}

fn strv(b: &[u8]) -> Value {
    Value::bytes(b)
}

fn str_slice(parts: Vec<Vec<u8>>) -> Value {
    Value::slice(parts.into_iter().map(|p| Value::bytes(&p)).collect())
}

/// Decodes the rune at the start of `b`: (rune, width); invalid UTF-8
/// gives (U+FFFD, 1) as Go's utf8.DecodeRune.
pub fn decode(b: &[u8]) -> (u32, usize) {
    let Some(&c0) = b.first() else { return (0xFFFD, 0) };
    if c0 < 0x80 {
        return (c0 as u32, 1);
    }
    let n = match c0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (0xFFFD, 1),
    };
    if b.len() < n {
        return (0xFFFD, 1);
    }
    match std::str::from_utf8(&b[..n]) {
        Ok(st) => (st.chars().next().map(|c| c as u32).unwrap_or(0xFFFD), n),
        Err(_) => (0xFFFD, 1),
    }
}

/// The last rune of `b` and its width.
fn decode_last(b: &[u8]) -> (u32, usize) {
    let n = b.len();
    if n == 0 {
        return (0xFFFD, 0);
    }
    if b[n - 1] < 0x80 {
        return (b[n - 1] as u32, 1);
    }
    for w in 2..=4.min(n) {
        let (r, sz) = decode(&b[n - w..]);
        if sz == w {
            return (r, w);
        }
    }
    (0xFFFD, 1)
}

pub fn push_rune(out: &mut Vec<u8>, r: u32) {
    let c = char::from_u32(r).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

pub fn is_space(r: u32) -> bool {
    matches!(r, 0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

pub fn index(s: &[u8], sep: &[u8]) -> Option<usize> {
    if sep.is_empty() {
        return Some(0);
    }
    if sep.len() > s.len() {
        return None;
    }
    (0..=s.len() - sep.len()).find(|&i| &s[i..i + sep.len()] == sep)
}

fn last_index(s: &[u8], sep: &[u8]) -> Option<usize> {
    if sep.is_empty() {
        return Some(s.len());
    }
    if sep.len() > s.len() {
        return None;
    }
    (0..=s.len() - sep.len()).rev().find(|&i| &s[i..i + sep.len()] == sep)
}

fn to_i(o: Option<usize>) -> Value {
    Value::Int(o.map(|i| i as i64).unwrap_or(-1))
}

fn runes(s: &[u8]) -> Vec<(usize, u32, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode(&s[i..]);
        out.push((i, r, w));
        i += w;
    }
    out
}

fn index_rune(s: &[u8], r: i64) -> Option<usize> {
    if !(0..=0x10FFFF).contains(&r) || (0xD800..=0xDFFF).contains(&r) {
        return None;
    }
    runes(s).into_iter().find(|&(_, x, _)| x as i64 == r).map(|(i, _, _)| i)
}

fn count(s: &[u8], sep: &[u8]) -> usize {
    if sep.is_empty() {
        return runes(s).len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = index(&s[i..], sep) {
        n += 1;
        i += j + sep.len();
    }
    n
}

/// Go's genSplit: `keep` bytes of the separator stay with each piece.
fn gen_split(s: &[u8], sep: &[u8], keep: usize, n: i64) -> Value {
    if n == 0 {
        return Value::Nil;
    }
    if sep.is_empty() {
        return explode(s, n);
    }
    let mut n = if n < 0 { count(s, sep) as i64 + 1 } else { n };
    if n > s.len() as i64 + 1 {
        n = s.len() as i64 + 1;
    }
    let mut parts = Vec::new();
    let mut rest = s;
    while (parts.len() as i64) < n - 1 {
        let Some(m) = index(rest, sep) else { break };
        parts.push(rest[..m + keep].to_vec());
        rest = &rest[m + sep.len()..];
    }
    parts.push(rest.to_vec());
    str_slice(parts)
}

fn explode(s: &[u8], n: i64) -> Value {
    let rs = runes(s);
    let l = rs.len() as i64;
    let n = if n < 0 || n > l { l } else { n } as usize;
    let mut parts = Vec::with_capacity(n);
    // An invalid byte stays as it is: Go's explode slices s by the
    // decoded width.
    for (k, &(i, _, w)) in rs.iter().enumerate().take(n) {
        if k == n - 1 {
            parts.push(s[i..].to_vec());
        } else {
            parts.push(s[i..i + w].to_vec());
        }
    }
    str_slice(parts)
}

fn fields(s: &[u8]) -> Value {
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    for (i, r, w) in runes(s) {
        // An invalid byte decodes as U+FFFD with width 1: not a space.
        let sp = w > 0 && is_space(r) && !(r == 0xFFFD && w == 1);
        match (sp, start) {
            (true, Some(st)) => {
                parts.push(s[st..i].to_vec());
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        parts.push(s[st..].to_vec());
    }
    str_slice(parts)
}

fn replace(s: &[u8], old: &[u8], new: &[u8], n: i64) -> Vec<u8> {
    let m = count(s, old) as i64;
    if old == new || m == 0 || n == 0 {
        return s.to_vec();
    }
    let n = if n < 0 || m < n { m } else { n };
    let mut out = Vec::with_capacity(s.len());
    let mut start = 0;
    for i in 0..n {
        let mut j = start;
        if old.is_empty() {
            if i > 0 {
                j += decode(&s[start..]).1;
            }
        } else {
            j += index(&s[start..], old).unwrap_or(0);
        }
        out.extend_from_slice(&s[start..j]);
        out.extend_from_slice(new);
        start = j + old.len();
    }
    out.extend_from_slice(&s[start.min(s.len())..]);
    out
}

/// Go's unicode.ToUpper/ToLower: simple (one-rune) case mapping.
fn map_case(s: &[u8], upper: bool) -> Vec<u8> {
    if s.is_ascii() {
        return if upper {
            s.to_ascii_uppercase()
        } else {
            s.to_ascii_lowercase()
        };
    }
    let mut out = Vec::with_capacity(s.len());
    for (_, r, _) in runes(s) {
        push_rune(&mut out, simple_case(r, upper));
    }
    out
}

pub fn simple_case(r: u32, upper: bool) -> u32 {
    // Where Unicode's full mapping (Rust's) has several runes, the simple
    // one (Go's) may still map: İ lowers to i, and the Greek letters with
    // ypogegrammeni upper to their prosgegrammeni forms.
    match (upper, r) {
        (false, 0x130) => return 0x69,
        (true, 0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7) => return r + 8,
        (true, 0x1FB3 | 0x1FC3 | 0x1FF3) => return r + 9,
        _ => {}
    }
    let Some(c) = char::from_u32(r) else { return r };
    let mut it: Box<dyn Iterator<Item = char>> = if upper {
        Box::new(c.to_uppercase())
    } else {
        Box::new(c.to_lowercase())
    };
    match (it.next(), it.next()) {
        (Some(m), None) => m as u32,
        _ => r,
    }
}

/// Go's unicode.ToTitle: the upper case, but for the four digraphs that
/// have a title case of their own (ǅ, ǈ, ǋ, ǲ).
fn title_case(r: u32) -> u32 {
    match r {
        0x1C4..=0x1C6 => 0x1C5,
        0x1C7..=0x1C9 => 0x1C8,
        0x1CA..=0x1CC => 0x1CB,
        0x1F1..=0x1F3 => 0x1F2,
        _ => simple_case(r, true),
    }
}

fn title(s: &[u8]) -> Vec<u8> {
    let is_sep = |r: u32| -> bool {
        if r <= 0x7F {
            let c = r as u8;
            return !(c.is_ascii_alphanumeric() || c == b'_');
        }
        let c = char::from_u32(r).unwrap_or(' ');
        if c.is_alphanumeric() {
            return false;
        }
        is_space(r)
    };
    let mut prev = ' ' as u32;
    let mut out = Vec::with_capacity(s.len());
    for (_, r, _) in runes(s) {
        let m = if is_sep(prev) {
            title_case(r)
        } else {
            r
        };
        push_rune(&mut out, m);
        prev = r;
    }
    out
}

fn trim_left<'a>(s: &'a [u8], cut: &[u32]) -> &'a [u8] {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode(&s[i..]);
        if !cut.contains(&r) {
            break;
        }
        i += w;
    }
    &s[i..]
}

fn trim_right<'a>(s: &'a [u8], cut: &[u32]) -> &'a [u8] {
    let mut j = s.len();
    while j > 0 {
        let (r, w) = decode_last(&s[..j]);
        if !cut.contains(&r) {
            break;
        }
        j -= w;
    }
    &s[..j]
}

fn cutset(c: &[u8]) -> Vec<u32> {
    runes(c).into_iter().map(|(_, r, _)| r).collect()
}

fn trim_space(s: &[u8]) -> &[u8] {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode(&s[i..]);
        if !is_space(r) || (r == 0xFFFD && w == 1) {
            break;
        }
        i += w;
    }
    let mut j = s.len();
    while j > i {
        let (r, w) = decode_last(&s[i..j]);
        if !is_space(r) || (r == 0xFFFD && w == 1) {
            break;
        }
        j -= w;
    }
    &s[i..j]
}

fn equal_fold(a: &[u8], b: &[u8]) -> bool {
    let (ra, rb) = (runes(a), runes(b));
    ra.len() == rb.len()
        && ra.iter().zip(rb.iter()).all(|(&(_, x, _), &(_, y, _))| {
            // İ and ı map to i and I but fold with nothing (unicode.SimpleFold
            // leaves them out of i's orbit).
            let turkish = |r: u32| r == 0x130 || r == 0x131;
            x == y
                || !turkish(x) && !turkish(y) && (simple_case(x, false) == simple_case(y, false) || simple_case(x, true) == simple_case(y, true))
        })
}

// ---- strings.Builder: `struct { buf []byte }`; methods get a pointer.

fn builder_buf(p: &Value) -> Result<Value, Throw> {
    match crate::vm::ops::load(p)? {
        Value::Struct(f) => Ok(f.first().cloned().unwrap_or(Value::Nil)),
        _ => Ok(Value::Nil),
    }
}

/// The bytes of the builder `p` points at.
pub fn builder_bytes(p: &Value) -> Vec<u8> {
    builder_buf(p)
        .map(|b| b.slice_to_vec().iter().map(|x| x.as_int() as u8).collect())
        .unwrap_or_default()
}

fn builder_store(p: &Value, buf: Value) -> Result<(), Throw> {
    crate::vm::ops::store(p, Value::Struct(std::sync::Arc::new(vec![buf])))
}

/// The builder's backing array, length and capacity (a fresh array for
/// an empty builder).
fn builder_parts(p: &Value) -> Result<(crate::vm::value::Shared<Vec<Value>>, usize, u64), Throw> {
    Ok(match builder_buf(p)? {
        Value::Slice { arr, off: 0, len, cap } => (arr, len as usize, cap as u64),
        _ => (crate::vm::value::new_shared(Vec::new()), 0, 0),
    })
}

fn builder_append(ctx: &mut NativeCtx<'_>, p: &Value, bytes: &[u8]) -> Result<(), Throw> {
    let (arr, len, cap) = builder_parts(p)?;
    let total = len + bytes.len();
    if total > ctx.max_alloc {
        ctx.limit = Some(format!(
            "a strings.Builder of more than {} bytes exceeds the allocation limit",
            ctx.max_alloc
        ));
        return Ok(());
    }
    {
        let mut a = arr.borrow_mut();
        a.truncate(len);
        a.extend(bytes.iter().map(|&x| Value::Int(x as i64)));
    }
    // `append(b.buf, p...)`: Go's growth, so Cap() reads as Go's does.
    let cap = if total as u64 <= cap { cap } else { crate::vm::ops::grow_cap(len as u64, cap, total as u64, 1) };
    let cap = cap.min(u32::MAX as u64) as u32;
    builder_store(
        p,
        Value::Slice {
            arr,
            off: 0,
            len: total as u32,
            cap,
        },
    )
}

fn builder_len(p: &Value) -> Result<(i64, i64), Throw> {
    Ok(match builder_buf(p)? {
        Value::Slice { len, cap, .. } => (len as i64, cap as i64),
        _ => (0, 0),
    })
}

pub fn call(f: F, ctx: &mut NativeCtx<'_>, args: &mut [Value]) -> Result<(), Throw> {
    use F::*;
    let a0 = s(args, 0);
    let r = match f {
        Contains => Value::Bool(index(&a0, &s(args, 1)).is_some()),
        ContainsRune => Value::Bool(index_rune(&a0, arg(args, 1).as_int()).is_some()),
        ContainsAny => {
            let cs = cutset(&s(args, 1));
            Value::Bool(runes(&a0).iter().any(|(_, r, _)| cs.contains(r)))
        }
        IndexAny => {
            let cs = cutset(&s(args, 1));
            to_i(runes(&a0).iter().find(|(_, r, _)| cs.contains(r)).map(|x| x.0))
        }
        LastIndexAny => {
            let cs = cutset(&s(args, 1));
            to_i(runes(&a0).iter().rev().find(|(_, r, _)| cs.contains(r)).map(|x| x.0))
        }
        HasPrefix => Value::Bool(a0.starts_with(&s(args, 1))),
        HasSuffix => Value::Bool(a0.ends_with(&s(args, 1))),
        Index => to_i(index(&a0, &s(args, 1))),
        IndexByte => {
            let c = arg(args, 1).as_int() as u8;
            to_i(a0.iter().position(|&x| x == c))
        }
        IndexRune => to_i(index_rune(&a0, arg(args, 1).as_int())),
        LastIndex => to_i(last_index(&a0, &s(args, 1))),
        LastIndexByte => {
            let c = arg(args, 1).as_int() as u8;
            to_i(a0.iter().rposition(|&x| x == c))
        }
        Split => gen_split(&a0, &s(args, 1), 0, -1),
        SplitN => gen_split(&a0, &s(args, 1), 0, arg(args, 2).as_int()),
        SplitAfter => {
            let sep = s(args, 1);
            gen_split(&a0, &sep, sep.len(), -1)
        }
        Fields => fields(&a0),
        Join => {
            let elems = arg(args, 0).slice_to_vec();
            let sep = s(args, 1);
            let total: usize =
                elems.iter().map(|e| e.as_bytes().len()).sum::<usize>() + sep.len() * elems.len().saturating_sub(1);
            if total > ctx.max_alloc {
                ctx.limit = Some(format!(
                    "a string of more than {} bytes exceeds the allocation limit",
                    ctx.max_alloc
                ));
                return Ok(());
            }
            let mut out = Vec::with_capacity(total);
            for (i, e) in elems.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(&sep);
                }
                out.extend_from_slice(e.as_bytes());
            }
            strv(&out)
        }
        Repeat => {
            let n = arg(args, 1).as_int();
            if n < 0 {
                return Err(panic_str("strings: negative Repeat count"));
            }
            let total = (a0.len() as u128) * (n as u128);
            if total > i64::MAX as u128 {
                return Err(panic_str("strings: Repeat output length overflow"));
            }
            if total as usize > ctx.max_alloc {
                ctx.limit = Some(format!(
                    "a string of more than {} bytes exceeds the allocation limit",
                    ctx.max_alloc
                ));
                return Ok(());
            }
            strv(&a0.repeat(n as usize))
        }
        Replace => strv(&replace(&a0, &s(args, 1), &s(args, 2), arg(args, 3).as_int())),
        ReplaceAll => strv(&replace(&a0, &s(args, 1), &s(args, 2), -1)),
        ToUpper => strv(&map_case(&a0, true)),
        ToLower => strv(&map_case(&a0, false)),
        Title => strv(&title(&a0)),
        TrimSpace => strv(trim_space(&a0)),
        Trim => {
            let cs = cutset(&s(args, 1));
            strv(trim_right(trim_left(&a0, &cs), &cs))
        }
        TrimLeft => strv(trim_left(&a0, &cutset(&s(args, 1)))),
        TrimRight => strv(trim_right(&a0, &cutset(&s(args, 1)))),
        TrimPrefix => {
            let p = s(args, 1);
            strv(a0.strip_prefix(&p[..]).unwrap_or(&a0))
        }
        TrimSuffix => {
            let p = s(args, 1);
            strv(a0.strip_suffix(&p[..]).unwrap_or(&a0))
        }
        Count => Value::Int(count(&a0, &s(args, 1)) as i64),
        EqualFold => Value::Bool(equal_fold(&a0, &s(args, 1))),
        Compare => Value::Int(match a0.cmp(&s(args, 1)) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        Cut => {
            let sep = s(args, 1);
            match index(&a0, &sep) {
                Some(i) => {
                    set(args, 1, strv(&a0[i + sep.len()..]));
                    set(args, 2, Value::Bool(true));
                    strv(&a0[..i])
                }
                None => {
                    set(args, 1, strv(b""));
                    set(args, 2, Value::Bool(false));
                    strv(&a0)
                }
            }
        }
        CutPrefix | CutSuffix => {
            let p = s(args, 1);
            let cut = if f == CutPrefix {
                a0.strip_prefix(&p[..])
            } else {
                a0.strip_suffix(&p[..])
            };
            set(args, 1, Value::Bool(cut.is_some()));
            strv(cut.unwrap_or(&a0))
        }
        WriteString | WriteByte | WriteRune | Write => {
            let b = arg(args, 0);
            let bytes = match f {
                WriteString => s(args, 1),
                WriteByte => vec![arg(args, 1).as_int() as u8],
                WriteRune => {
                    let mut v = Vec::new();
                    let r = arg(args, 1).as_int();
                    push_rune(&mut v, if (0..=0x10FFFF).contains(&r) { r as u32 } else { 0xFFFD });
                    v
                }
                _ => arg(args, 1).slice_to_vec().iter().map(|x| x.as_int() as u8).collect(),
            };
            builder_append(ctx, &b, &bytes)?;
            match f {
                // WriteByte returns only an error.
                WriteByte => Value::Nil,
                _ => {
                    set(args, 1, Value::Nil);
                    Value::Int(bytes.len() as i64)
                }
            }
        }
        String => {
            builder_buf(&arg(args, 0))?;
            strv(&builder_bytes(&arg(args, 0)))
        }
        Len => Value::Int(builder_len(&arg(args, 0))?.0),
        Cap => Value::Int(builder_len(&arg(args, 0))?.1),
        Reset => {
            builder_store(&arg(args, 0), Value::Nil)?;
            Value::Nil
        }
        Grow => {
            let n = arg(args, 1).as_int();
            if n < 0 {
                return Err(panic_str("strings.Builder.Grow: negative count"));
            }
            // `grow`: a new buffer of 2*cap+n bytes, as the allocator
            // rounds it (`bytealg.MakeNoZero`).
            let (arr, len, cap) = builder_parts(&arg(args, 0))?;
            if ((cap - len as u64) as i64) < n {
                let c = crate::vm::ops::roundupsize(2 * cap + n as u64, true).min(u32::MAX as u64) as u32;
                builder_store(&arg(args, 0), Value::Slice { arr, off: 0, len: len as u32, cap: c })?;
            }
            Value::Nil
        }
    };
    set(args, 0, r);
    Ok(())
}
