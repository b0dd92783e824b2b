//! The runtime's own printing: builtin `print`/`println`, the `panic: `
//! line, and short previews of values for the event trace.

use super::addr;
use super::float::append_float;
use super::methods::{self, Method};
use super::printer::{unpack, Printer};
use crate::types::{consts, BasicKind, Type, TypeId, TypeTable};
use crate::vm::value::Value;

/// Go's builtin `print`/`println` (runtime/print.go): numbers, bools and
/// strings plainly, floats shortest, pointers as hex, slices as
/// `[len/cap]0xADDR`, nil interfaces as `(0x0,0x0)`.
pub fn builtin_print(types: &TypeTable, args: &[Value], ln: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, a) in args.iter().enumerate() {
        if ln && i > 0 {
            out.push(b' ');
        }
        match unpack(a) {
            Some((ty, v)) => print_one(types, ty, v, &mut out),
            None => out.extend_from_slice(b"(0x0,0x0)"),
        }
    }
    if ln {
        out.push(b'\n');
    }
    out
}

fn print_one(types: &TypeTable, ty: TypeId, v: &Value, out: &mut Vec<u8>) {
    match types.under(ty) {
        Type::Basic(k) => print_basic(*k, v, out),
        Type::Slice(_) => {
            let (len, cap) = match v {
                Value::Slice { len, cap, .. } => (*len, *cap),
                _ => (0, 0),
            };
            out.extend_from_slice(format!("[{}/{}]{:#x}", len, cap, addr::address(v)).as_bytes());
        }
        Type::Interface(_) => match v {
            Value::Iface(i) => {
                let data = addr::address(&i.val).max(0xc000012000);
                out.extend_from_slice(
                    format!("({:#x},{:#x})", type_address(i.ty), data).as_bytes(),
                );
            }
            _ => out.extend_from_slice(b"(0x0,0x0)"),
        },
        _ => out.extend_from_slice(format!("{:#x}", addr::address(v)).as_bytes()),
    }
}

/// A stand-in for a type descriptor's address.
fn type_address(ty: TypeId) -> u64 {
    0x4a0000 + ty as u64 * 0x40
}

fn print_basic(k: BasicKind, v: &Value, out: &mut Vec<u8>) {
    use BasicKind::*;
    match k {
        Bool | UntypedBool => out.extend_from_slice(if v.as_bool() { b"true" } else { b"false" }),
        Float32 => append_float(out, v.as_float(), b'g', -1, 32),
        Float64 | UntypedFloat => append_float(out, v.as_float(), b'g', -1, 64),
        String | UntypedString => out.extend_from_slice(v.as_bytes()),
        k if k.is_unsigned() => out.extend_from_slice((v.as_int() as u64).to_string().as_bytes()),
        k if k.is_integer() => out.extend_from_slice(v.as_int().to_string().as_bytes()),
        _ => out.extend_from_slice(b"nil"),
    }
}

/// Go's `printindented`: continuation lines of a panic value get a tab.
fn indented(s: &[u8], out: &mut Vec<u8>) {
    for &b in s {
        out.push(b);
        if b == b'\n' {
            out.push(b'\t');
        }
    }
}

/// What follows `panic: ` for a goroutine panicking with interface value
/// `v` (runtime's `preprintpanics` + `printpanicval`): an error's or
/// Stringer's text, basic values as `print` shows them, named basic types
/// as `main.T(5)`, anything else as `(main.T) 0xADDR`.
pub fn panic_message(types: &TypeTable, v: &Value) -> String {
    let Some((ty, val)) = unpack(v) else {
        return "runtime error: panic called with nil argument".into();
    };
    let mut out = Vec::new();
    if let Some(Method::Text(s)) = methods::find(types, ty, val) {
        indented(&s, &mut out);
        return String::from_utf8_lossy(&out).into_owned();
    }
    let named = types.is_named(ty);
    match types.under(ty) {
        Type::Basic(k) if !named => {
            if matches!(k, BasicKind::String | BasicKind::UntypedString) {
                indented(val.as_bytes(), &mut out);
            } else {
                print_basic(*k, val, &mut out);
            }
        }
        Type::Basic(k) => {
            out.extend_from_slice(types.name(ty).as_bytes());
            if matches!(k, BasicKind::String) {
                out.extend_from_slice(b"(\"");
                indented(val.as_bytes(), &mut out);
                out.extend_from_slice(b"\")");
            } else {
                out.push(b'(');
                print_basic(*k, val, &mut out);
                out.push(b')');
            }
        }
        _ => {
            let a = match addr::address(val) {
                0 => 0xc000012000,
                a => a,
            };
            out.extend_from_slice(format!("({}) {:#x}", types.name(ty), a).as_bytes());
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `%v` of a value of static type `ty`, cut to `max_chars` characters with
/// a trailing `…` when longer. For the event trace (channel messages).
pub fn preview(types: &TypeTable, ty: TypeId, v: &Value, max_chars: usize) -> String {
    let mut p = Printer::new(types);
    // Enough bytes for max_chars characters of any width, plus the mark
    // that shows there was more.
    p.limit = max_chars.saturating_mul(4).saturating_add(8);
    let ty = if ty == consts::UNTYPED_NIL {
        consts::ANY
    } else {
        ty
    };
    p.print_value(ty, v, 'v', 0, false);
    let s = String::from_utf8_lossy(&p.fmt.buf).into_owned();
    if s.chars().count() <= max_chars && !p.truncated {
        return s;
    }
    let mut cut: String = s.chars().take(max_chars.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
