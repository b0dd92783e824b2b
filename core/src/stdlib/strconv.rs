//! Package `strconv` (Go 1.27 strconv/number.go, internal/strconv).


use super::{arg, panic_str, set};
use crate::fmt::natives::new_error;
use crate::types::{consts, TypeTable};
use crate::vm::native::NativeCtx;
use crate::vm::panic::Throw;
use crate::vm::value::{new_shared, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum F {
    Itoa,
    Atoi,
    ParseInt,
    ParseUint,
    ParseFloat,
    ParseBool,
    FormatInt,
    FormatUint,
    FormatFloat,
    FormatBool,
    Quote,
    QuoteRune,
    QuoteToASCII,
    Unquote,
    /// The package variables `strconv.ErrSyntax` / `strconv.ErrRange`.
    ErrSyntax,
    ErrRange,
}

/// The package variables `ErrSyntax` and `ErrRange`: one error value each
/// per run (`err.Err == strconv.ErrSyntax` compares identity), made on
/// first use. They live in the machine, not the host thread: under the
/// parallel driver a run's goroutines use several threads.
fn pkg_errors(vars: &mut super::PkgVars) -> (Value, Value) {
    vars.strconv_errs
        .get_or_insert_with(|| (new_error(Value::str("invalid syntax")), new_error(Value::str("value out of range"))))
        .clone()
}

enum Why {
    Syntax,
    Range,
    Base(i64),
    BitSize(i64),
}

/// A `*strconv.NumError` as an `error` value.
fn num_error(types: &TypeTable, vars: &mut super::PkgVars, func: &str, num: &[u8], why: Why) -> Value {
    let (syn, rng) = pkg_errors(vars);
    let err = match why {
        Why::Syntax => syn,
        Why::Range => rng,
        Why::Base(b) => new_error(Value::str(&format!("invalid base {}", b))),
        Why::BitSize(b) => new_error(Value::str(&format!("invalid bit size {}", b))),
    };
    let fields = Value::Struct(std::sync::Arc::new(vec![Value::str(func), Value::bytes(num), err]));
    match super::find_ptr_type(types, "strconv", "NumError") {
        Some(t) => Value::iface(t, Value::Cell(new_shared(fields))),
        None => {
            let v = Value::Cell(new_shared(fields));
            new_error(Value::bytes(&num_error_text(types, &v)))
        }
    }
}

/// `(*NumError).Error()`.
pub fn num_error_text(types: &TypeTable, v: &Value) -> Vec<u8> {
    let Some(Value::Struct(f)) = super::deref(v) else {
        return b"<nil>".to_vec();
    };
    let mut out = b"strconv.".to_vec();
    out.extend_from_slice(f.first().map(|x| x.as_bytes()).unwrap_or(b""));
    out.extend_from_slice(b": parsing ");
    quote_into(&mut out, f.get(1).map(|x| x.as_bytes()).unwrap_or(b""), false);
    out.extend_from_slice(b": ");
    let err = f.get(2).cloned().unwrap_or(Value::Nil);
    out.extend_from_slice(&error_text(types, &err));
    out
}

fn error_text(types: &TypeTable, err: &Value) -> Vec<u8> {
    match err {
        Value::Iface(i) => crate::fmt::sprint(types, &[Value::Iface(i.clone())]),
        _ => b"<nil>".to_vec(),
    }
}

fn quote_into(out: &mut Vec<u8>, s: &[u8], ascii: bool) {
    let verb: &[u8] = if ascii { b"%+q" } else { b"%q" };
    let t = TypeTable::new();
    out.extend_from_slice(&crate::fmt::sprintf(
        &t,
        verb,
        &[Value::iface(consts::STRING, Value::bytes(s))],
    ));
}

fn lower(c: u8) -> u8 {
    c | 0x20
}

fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut s = s;
    if !s.is_empty() && (s[0] == b'-' || s[0] == b'+') {
        s = &s[1..];
    }
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

fn parse_uint(s0: &[u8], base: i64, bit_size: i64) -> Result<u64, (Why, u64)> {
    if s0.is_empty() {
        return Err((Why::Syntax, 0));
    }
    let base0 = base == 0;
    let mut s = s0;
    let mut base = base;
    if base == 0 {
        base = 10;
        if s[0] == b'0' {
            if s.len() >= 3 && matches!(lower(s[1]), b'b' | b'o' | b'x') {
                base = match lower(s[1]) {
                    b'b' => 2,
                    b'o' => 8,
                    _ => 16,
                };
                s = &s[2..];
            } else {
                base = 8;
                s = &s[1..];
            }
        }
    } else if !(2..=36).contains(&base) {
        return Err((Why::Base(base), 0));
    }
    let bits = if bit_size == 0 {
        64
    } else if !(0..=64).contains(&bit_size) {
        return Err((Why::BitSize(bit_size), 0));
    } else {
        bit_size
    };
    let cutoff = u64::MAX / base as u64 + 1;
    let max_val: u64 = if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in s {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => c - b'0',
            _ if (b'a'..=b'z').contains(&lower(c)) => lower(c) - b'a' + 10,
            _ => return Err((Why::Syntax, 0)),
        };
        if d as i64 >= base {
            return Err((Why::Syntax, 0));
        }
        if n >= cutoff {
            return Err((Why::Range, max_val));
        }
        n *= base as u64;
        let n1 = n.wrapping_add(d as u64);
        if n1 < n || n1 > max_val {
            return Err((Why::Range, max_val));
        }
        n = n1;
    }
    if underscores && !underscore_ok(s0) {
        return Err((Why::Syntax, 0));
    }
    Ok(n)
}

fn parse_int(s0: &[u8], base: i64, bit_size: i64) -> Result<i64, (Why, i64)> {
    if s0.is_empty() {
        return Err((Why::Syntax, 0));
    }
    let (neg, s) = match s0[0] {
        b'+' => (false, &s0[1..]),
        b'-' => (true, &s0[1..]),
        _ => (false, s0),
    };
    let un = match parse_uint(s, base, bit_size) {
        Ok(u) => u,
        Err((Why::Range, u)) => u,
        Err((w, _)) => return Err((w, 0)),
    };
    let bits = if bit_size == 0 { 64 } else { bit_size };
    let cutoff: u64 = 1u64 << (bits - 1);
    if !neg && un >= cutoff {
        return Err((Why::Range, (cutoff - 1) as i64));
    }
    if neg && un > cutoff {
        return Err((Why::Range, (cutoff as i64).wrapping_neg()));
    }
    let n = un as i64;
    Ok(if neg { n.wrapping_neg() } else { n })
}

fn atoi(s0: &[u8]) -> Result<i64, (Why, i64)> {
    if !s0.is_empty() && s0.len() < 19 {
        let s = if s0[0] == b'-' || s0[0] == b'+' { &s0[1..] } else { s0 };
        if s.is_empty() {
            return Err((Why::Syntax, 0));
        }
        let mut n: i64 = 0;
        for &c in s {
            let d = c.wrapping_sub(b'0');
            if d > 9 {
                return Err((Why::Syntax, 0));
            }
            n = n * 10 + d as i64;
        }
        return Ok(if s0[0] == b'-' { -n } else { n });
    }
    parse_int(s0, 10, 0)
}

fn special_float(s: &[u8]) -> Option<f64> {
    let (sign, rest) = match s.first() {
        Some(b'+') => (1.0, &s[1..]),
        Some(b'-') => (-1.0, &s[1..]),
        _ => (1.0, s),
    };
    let l = rest.to_ascii_lowercase();
    match &l[..] {
        b"inf" | b"infinity" => Some(sign * f64::INFINITY),
        b"nan" if rest.len() == s.len() => Some(f64::NAN),
        _ => None,
    }
}

/// A hexadecimal floating-point literal (`0x1.8p3`), without its sign.
fn hex_float(s: &[u8]) -> Option<f64> {
    let body = &s[2..];
    let p = body.iter().position(|&c| c == b'p' || c == b'P')?;
    let (mant, exp) = (&body[..p], &body[p + 1..]);
    let exp: i64 = std::str::from_utf8(exp).ok()?.parse().ok()?;
    let mut m = 0f64;
    let mut scale = 0i64;
    let mut seen_dot = false;
    let mut digits = 0;
    for &c in mant {
        if c == b'.' {
            if seen_dot {
                return None;
            }
            seen_dot = true;
            continue;
        }
        let d = (c as char).to_digit(16)? as f64;
        m = m * 16.0 + d;
        digits += 1;
        if seen_dot {
            scale -= 4;
        }
    }
    if digits == 0 {
        return None;
    }
    Some(m * 2f64.powi((exp + scale).clamp(-2000, 2000) as i32))
}

fn parse_float(s: &[u8], bit_size: i64) -> Result<f64, (Why, f64)> {
    if let Some(f) = special_float(s) {
        return Ok(f);
    }
    let (neg, body) = match s.first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if body.contains(&b'_') && !underscore_ok(s) {
        return Err((Why::Syntax, 0.0));
    }
    let clean: Vec<u8> = body.iter().copied().filter(|&c| c != b'_').collect();
    let valid_dec = !clean.is_empty()
        && clean
            .iter()
            .all(|&c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
        && clean.iter().any(|c| c.is_ascii_digit())
        && clean[0] != b'+'
        && clean[0] != b'-';
    let hex = clean.len() > 2 && clean[0] == b'0' && lower(clean[1]) == b'x';
    let v = if hex {
        hex_float(&clean)
    } else if valid_dec {
        let t = std::str::from_utf8(&clean).ok();
        if bit_size == 32 {
            t.and_then(|t| t.parse::<f32>().ok()).map(|f| f as f64)
        } else {
            t.and_then(|t| t.parse::<f64>().ok())
        }
    } else {
        None
    };
    let Some(mut v) = v else { return Err((Why::Syntax, 0.0)) };
    if bit_size == 32 {
        v = v as f32 as f64;
    }
    if neg {
        v = -v;
    }
    if v.is_infinite() {
        return Err((Why::Range, v));
    }
    Ok(v)
}

fn format_uint(mut u: u64, base: i64, neg: bool) -> Result<Vec<u8>, Throw> {
    if !(2..=36).contains(&base) {
        return Err(panic_str("strconv: illegal AppendInt/FormatInt base"));
    }
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(u % base as u64) as usize]);
        u /= base as u64;
        if u == 0 {
            break;
        }
    }
    if neg {
        out.push(b'-');
    }
    out.reverse();
    Ok(out)
}

fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    let n = s.len();
    if n < 2 {
        return None;
    }
    let q = s[0];
    if q != s[n - 1] {
        return None;
    }
    let body = &s[1..n - 1];
    match q {
        b'`' => {
            if body.contains(&b'`') {
                return None;
            }
            Some(body.iter().copied().filter(|&c| c != b'\r').collect())
        }
        b'"' | b'\'' => {
            let mut out = Vec::new();
            let mut i = 0;
            let mut nrunes = 0;
            while i < body.len() {
                let c = body[i];
                nrunes += 1;
                if c == q || c == b'\n' {
                    return None;
                }
                if c != b'\\' {
                    let (r, w) = super::strings::decode(&body[i..]);
                    if r == 0xFFFD && w == 1 && q == b'\'' {
                        return None;
                    }
                    out.extend_from_slice(&body[i..i + w]);
                    i += w;
                    continue;
                }
                i += 1;
                let e = *body.get(i)?;
                i += 1;
                let simple = match e {
                    b'a' => Some(7),
                    b'b' => Some(8),
                    b'f' => Some(12),
                    b'n' => Some(10),
                    b'r' => Some(13),
                    b't' => Some(9),
                    b'v' => Some(11),
                    b'\\' => Some(b'\\'),
                    b'\'' | b'"' => {
                        if e != q {
                            return None;
                        }
                        Some(e)
                    }
                    _ => None,
                };
                if let Some(b) = simple {
                    out.push(b);
                    continue;
                }
                let (len, radix) = match e {
                    b'x' => (2, 16),
                    b'u' => (4, 16),
                    b'U' => (8, 16),
                    b'0'..=b'7' => (3, 8),
                    _ => return None,
                };
                let start = if radix == 8 { i - 1 } else { i };
                let digits = body.get(start..start + len)?;
                let v = u32::from_str_radix(std::str::from_utf8(digits).ok()?, radix).ok()?;
                i = start + len;
                match e {
                    b'x' => out.push(v as u8),
                    b'0'..=b'7' => {
                        if v > 255 {
                            return None;
                        }
                        out.push(v as u8)
                    }
                    _ => {
                        if char::from_u32(v).is_none() {
                            return None;
                        }
                        super::strings::push_rune(&mut out, v)
                    }
                }
            }
            if q == b'\'' && nrunes != 1 {
                return None;
            }
            Some(out)
        }
        _ => None,
    }
}

pub fn call(f: F, ctx: &mut NativeCtx<'_>, args: &mut [Value]) -> Result<(), Throw> {
    use F::*;
    let types = ctx.types;
    let a0 = arg(args, 0);
    let s = a0.as_bytes().to_vec();
    let int_result = |args: &mut [Value], vars: &mut super::PkgVars, func: &str, r: Result<i64, (Why, i64)>| match r {
        Ok(n) => {
            set(args, 0, Value::Int(n));
            set(args, 1, Value::Nil);
        }
        Err((w, n)) => {
            set(args, 0, Value::Int(n));
            set(args, 1, num_error(types, vars, func, &s, w));
        }
    };
    match f {
        Itoa => set(
            args,
            0,
            Value::bytes(&format_uint(a0.as_int().unsigned_abs(), 10, a0.as_int() < 0)?),
        ),
        FormatInt => {
            let i = a0.as_int();
            set(
                args,
                0,
                Value::bytes(&format_uint(i.unsigned_abs(), arg(args, 1).as_int(), i < 0)?),
            )
        }
        FormatUint => set(
            args,
            0,
            Value::bytes(&format_uint(a0.as_int() as u64, arg(args, 1).as_int(), false)?),
        ),
        FormatBool => set(args, 0, Value::str(if a0.as_bool() { "true" } else { "false" })),
        FormatFloat => {
            let mut out = Vec::new();
            let fmtc = arg(args, 1).as_int() as u8;
            let size = if arg(args, 3).as_int() == 32 { 32 } else { 64 };
            crate::fmt::append_float(&mut out, a0.as_float(), fmtc, arg(args, 2).as_int(), size);
            set(args, 0, Value::bytes(&out));
        }
        Atoi => int_result(args, ctx.pkg_vars, "Atoi", atoi(&s)),
        ParseInt => {
            let r = parse_int(&s, arg(args, 1).as_int(), arg(args, 2).as_int());
            int_result(args, ctx.pkg_vars, "ParseInt", r)
        }
        ParseUint => {
            let r = parse_uint(&s, arg(args, 1).as_int(), arg(args, 2).as_int())
                .map(|u| u as i64)
                .map_err(|(w, u)| (w, u as i64));
            int_result(args, ctx.pkg_vars, "ParseUint", r)
        }
        ParseFloat => match parse_float(&s, arg(args, 1).as_int()) {
            Ok(v) => {
                set(args, 0, Value::Float(v));
                set(args, 1, Value::Nil);
            }
            Err((w, v)) => {
                set(args, 0, Value::Float(v));
                set(args, 1, num_error(types, ctx.pkg_vars, "ParseFloat", &s, w));
            }
        },
        ParseBool => {
            let v = match &s[..] {
                b"1" | b"t" | b"T" | b"TRUE" | b"true" | b"True" => Some(true),
                b"0" | b"f" | b"F" | b"FALSE" | b"false" | b"False" => Some(false),
                _ => None,
            };
            set(args, 0, Value::Bool(v.unwrap_or(false)));
            set(
                args,
                1,
                if v.is_some() {
                    Value::Nil
                } else {
                    num_error(types, ctx.pkg_vars, "ParseBool", &s, Why::Syntax)
                },
            );
        }
        Quote | QuoteToASCII => {
            let mut out = Vec::new();
            quote_into(&mut out, &s, f == QuoteToASCII);
            set(args, 0, Value::bytes(&out));
        }
        QuoteRune => {
            let t = TypeTable::new();
            let out = crate::fmt::sprintf(&t, b"%q", &[Value::iface(consts::INT32, Value::Int(a0.as_int()))]);
            set(args, 0, Value::bytes(&out));
        }
        Unquote => match unquote(&s) {
            Some(v) => {
                set(args, 0, Value::bytes(&v));
                set(args, 1, Value::Nil);
            }
            None => {
                set(args, 0, Value::str(""));
                set(args, 1, pkg_errors(ctx.pkg_vars).0);
            }
        },
        ErrSyntax => set(args, 0, pkg_errors(ctx.pkg_vars).0),
        ErrRange => set(args, 0, pkg_errors(ctx.pkg_vars).1),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_int_matches_go() {
        assert_eq!(parse_int(b"-128", 10, 8).ok(), Some(-128));
        assert!(matches!(parse_int(b"128", 10, 8), Err((Why::Range, 127))));
        assert!(matches!(parse_int(b"0x_1f", 0, 64), Ok(31)));
        assert!(matches!(parse_int(b"1__0", 0, 64), Err((Why::Syntax, 0))));
        assert!(matches!(parse_int(b"12", 1, 64), Err((Why::Base(1), 0))));
        assert!(matches!(atoi(b"99999999999999999999"), Err((Why::Range, i64::MAX))));
        assert!(matches!(atoi(b"+"), Err((Why::Syntax, 0))));
    }

    #[test]
    fn unquote_escapes() {
        assert_eq!(unquote(br#""a\tb\u00e9\x41""#).unwrap(), "a\tbéA".as_bytes());
        assert_eq!(unquote(b"'x'").unwrap(), b"x");
        assert!(unquote(b"'xy'").is_none());
        assert!(unquote(b"\"abc").is_none());
    }
}
