//! Interface dispatch and type assertions (runtime/iface.go).
//!
//! An interface value is `Value::Iface { ty, val }` (or `Nil`): it carries
//! the dynamic type only, so a method call looks the function up in the
//! program's method table by (dynamic type, method id), which plays the
//! part of Go's itab.

use crate::types::{consts, Type, TypeId};
use crate::vm::panic::Throw;
use crate::vm::program::{Assert, Program};
use crate::vm::native::{Native, NativeCtx};
use crate::vm::value::Value;

/// The function implementing method `m` for the dynamic type of `x`, and
/// the receiver to pass it.
pub fn lookup(prog: &Program, x: &Value, m: u32) -> Result<(u32, Value), Throw> {
    let Value::Iface(i) = x else {
        return Err(Throw::nil_deref());
    };
    let f = prog
        .itab_dense
        .get(i.ty as usize)
        .and_then(|row| row.get(m as usize))
        .copied()
        .unwrap_or(crate::vm::program::NO_METHOD);
    match f {
        f if f != crate::vm::program::NO_METHOD => Ok((f, i.val.clone())),
        _ => {
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
        .find(|m| match prog.method_ids.get(&crate::vm::program::method_key(&m.name, m.sig)) {
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
        // panicnildottype (interface targets) has no static type to name.
        _ if prog.types.is_interface(a.to) => format!("interface conversion: interface is nil, not {}", t(a.to)),
        _ => format!("interface conversion: {} is nil, not {}", inter, t(a.to)),
    }
}

/// The host functions behind the `errors` package's reflection.
pub fn native(n: Native, ctx: &mut NativeCtx<'_>, args: &mut [Value]) -> Result<(), Throw> {
    let types = ctx.types;
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Nil);
    let target_elem = |t: &Value| -> Option<(TypeId, Value)> {
        let Value::Iface(i) = t else { return None };
        let Type::Pointer(e) = types.under(i.ty) else { return None };
        if matches!(i.val, Value::Nil) {
            return None;
        }
        Some((*e, i.val.clone()))
    };
    match n {
        Native::RuntimeComparable => {
            let ok = match arg(0) {
                Value::Iface(i) => types.comparable(i.ty),
                _ => true,
            };
            args[0] = Value::Bool(ok);
        }
        Native::RuntimeCheckAsTarget => {
            let Some((elem, _)) = target_elem(&arg(0)) else {
                return Err(Throw::Panic(crate::vm::value::Value::iface(consts::STRING, Value::str("errors: target must be a non-nil pointer"))));
            };
            let implements_error = |t: TypeId| match ctx.prog {
                Some(p) => missing_method(p, t, consts::ERROR).is_none(),
                None => false,
            };
            if !types.is_interface(elem) && !implements_error(elem) {
                return Err(Throw::Panic(crate::vm::value::Value::iface(
                    consts::STRING,
                    Value::str("errors: *target must be interface or implement error"),
                )));
            }
        }
        Native::RuntimeAsTarget => {
            let (err, target) = (arg(0), arg(1));
            let (Value::Iface(e), Some((elem, ptr))) = (&err, target_elem(&target)) else {
                args[0] = Value::Bool(false);
                return Ok(());
            };
            let fits = if types.is_interface(elem) {
                ctx.prog.is_some_and(|p| missing_method(p, e.ty, elem).is_none())
            } else {
                e.ty == elem
            };
            if fits {
                let v = if types.is_interface(elem) { err.clone() } else { e.val.clone() };
                crate::vm::ops::store(&ptr, v)?;
            }
            args[0] = Value::Bool(fits);
        }
        Native::RuntimeLen | Native::RuntimeSwap => {
            let x = arg(0);
            let inner = match &x {
                Value::Iface(i) => i.val.clone(),
                other => other.clone(),
            };
            let Value::Slice { arr, off, len, .. } = inner else {
                let what = match &x {
                    Value::Iface(i) => types.name(i.ty),
                    _ => "nil".into(),
                };
                let name = if n == Native::RuntimeLen { "Len" } else { "Swapper" };
                return Err(Throw::Panic(Value::iface(
                    consts::STRING,
                    Value::str(&format!("reflect: call of {} on {} Value", name, what)),
                )));
            };
            if n == Native::RuntimeLen {
                args[0] = Value::Int(len as i64);
                return Ok(());
            }
            let (i, j) = (arg(1).as_int(), arg(2).as_int());
            if i < 0 || j < 0 || i >= len as i64 || j >= len as i64 {
                let bad = if i < 0 || i >= len as i64 { i } else { j };
                return Err(crate::vm::ops::bounds_error("index out of range [{x}] with length {y}", bad, len as i64));
            }
            arr.borrow_mut().swap(off as usize + i as usize, off as usize + j as usize);
        }
        _ => {}
    }
    Ok(())
}

/// What `recover` returns for a run-time panic with message `msg`: a value
/// of the runtime error type Go uses for it.
pub fn runtime_error(prog: &Program, msg: &str) -> Value {
    let [es, plain, bounds, assert, nilp] = prog.runtime_errors[..] else {
        return crate::vm::ops::runtime_error_value(msg);
    };
    let text = Value::str(msg);
    if msg.starts_with("runtime error: panic called with nil argument") {
        let v = Value::Cell(crate::vm::value::new_shared(Value::Struct(std::sync::Arc::new(vec![Value::Array(std::sync::Arc::new(vec![]))]))));
        return Value::iface(nilp, v);
    }
    if msg.starts_with("interface conversion:") {
        let v = Value::Cell(crate::vm::value::new_shared(Value::Struct(std::sync::Arc::new(vec![text]))));
        return Value::iface(assert, v);
    }
    let ty = if msg.starts_with("runtime error: index out of range") || msg.starts_with("runtime error: slice bounds out of range") {
        bounds
    } else if msg.starts_with("runtime error: ") {
        es
    } else {
        plain
    };
    Value::iface(ty, text)
}
