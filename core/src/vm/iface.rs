//! Interface dispatch and type assertions (runtime/iface.go).
//!
//! An interface value is `Value::Iface { ty, val }` (or `Nil`): it carries
//! the dynamic type only, so a method call looks the function up in the
//! program's method table by (dynamic type, method id), which plays the
//! part of Go's itab.

use crate::types::{consts, Type, TypeId};
use crate::vm::panic::Throw;
use crate::vm::program::{Assert, Program};
use crate::vm::value::Value;

/// The function implementing method `m` for the dynamic type of `x`, and
/// the receiver to pass it.
pub fn lookup(prog: &Program, x: &Value, m: u32) -> Result<(u32, Value), Throw> {
    let Value::Iface(i) = x else {
        return Err(Throw::nil_deref());
    };
    match prog.itab.get(&(i.ty, m)) {
        Some(&f) => Ok((f, i.val.clone())),
        None => {
            let name = prog.method_names.get(m as usize).map(String::as_str).unwrap_or("?");
            Err(Throw::Fatal(format!(
                "chanscope: method {} of {} is not available",
                name,
                prog.types.name(i.ty)
            )))
        }
    }
}

/// The first method of interface `iface` that dynamic type `ty` lacks.
pub fn missing_method(prog: &Program, ty: TypeId, iface: TypeId) -> Option<String> {
    let Type::Interface(ms) = prog.types.under(iface) else { return None };
    ms.iter()
        .find(|m| match prog.method_ids.get(&m.name) {
            Some(id) => !prog.itab.contains_key(&(ty, *id)),
            None => true,
        })
        .map(|m| m.name.clone())
}

/// Outcome of `x.(T)`: the value, or `None` when the assertion fails
/// (the caller then makes `T`'s zero value for the comma-ok form).
pub fn assert(prog: &Program, a: &Assert, x: &Value) -> Result<Option<Value>, Throw> {
    if a.to == consts::UNTYPED_NIL {
        return Ok(if matches!(x, Value::Nil) { Some(Value::Nil) } else { None });
    }
    let target_iface = prog.types.is_interface(a.to);
    let hit = match x {
        Value::Iface(i) => {
            if target_iface {
                if missing_method(prog, i.ty, a.to).is_none() {
                    Some(x.clone())
                } else {
                    None
                }
            } else if i.ty == a.to {
                Some(i.val.clone())
            } else {
                None
            }
        }
        _ => None,
    };
    if hit.is_some() || a.ok {
        return Ok(hit);
    }
    Err(Throw::plain(&assertion_error(prog, a, x)))
}

/// `runtime.TypeAssertionError.Error()`.
fn assertion_error(prog: &Program, a: &Assert, x: &Value) -> String {
    let t = |id: TypeId| prog.types.name(id);
    let inter = if prog.types.is_interface(a.from) { t(a.from) } else { "interface".into() };
    let inter = if inter == "interface {}" { "interface {}".to_string() } else { inter };
    match x {
        Value::Iface(i) => {
            if prog.types.is_interface(a.to) {
                let m = missing_method(prog, i.ty, a.to).unwrap_or_default();
                format!("interface conversion: {} is not {}: missing method {}", t(i.ty), t(a.to), m)
            } else {
                format!("interface conversion: {} is {}, not {}", inter, t(i.ty), t(a.to))
            }
        }
        _ => format!("interface conversion: {} is nil, not {}", inter, t(a.to)),
    }
}
