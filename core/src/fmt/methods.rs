//! The `Error`/`String` methods fmt calls, found by Go's method-set rules.
//!
//! Library methods (`errors.errorString`, `fmt.wrapError`, `time.Duration`)
//! run here; a user-defined one would need the VM and is reported instead.

use super::duration::duration_string;
use crate::types::{consts, Type, TypeId, TypeTable};
use crate::vm::value::{Pointer, Value};

pub enum Method {
    /// The method's result.
    Text(Vec<u8>),
    /// A user-defined method, spelled `main.T.String`.
    User(String),
}

const MAX_DEPTH: u32 = 16;

/// The value a pointer points at, viewed as `pointee` type. Library error
/// structs with a single field are stored as that field alone.
pub fn deref(types: &TypeTable, pointee: TypeId, v: &Value) -> Option<Value> {
    let raw = deref_raw(v, 0)?;
    if let (Type::Struct(fields), Value::Str(_)) = (types.under(pointee), &raw) {
        if fields.len() == 1 {
            return Some(Value::Struct(std::sync::Arc::new(vec![raw])));
        }
    }
    Some(raw)
}

fn deref_raw(v: &Value, depth: u32) -> Option<Value> {
    if depth > 256 {
        return None;
    }
    match v {
        Value::Cell(c) => c.try_borrow().ok().map(|x| x.clone()),
        Value::Ptr(p) => match &**p {
            Pointer::Elem(arr, i) => arr.try_borrow().ok()?.get(*i as usize).cloned(),
            Pointer::Field(base, i) => match deref_raw(base, depth + 1)? {
                Value::Struct(fields) => fields.get(*i as usize).cloned(),
                _ => None,
            },
        },
        _ => None,
    }
}

/// The message of a library error value (`errors.New`, `fmt.Errorf`).
pub fn library_error(ty: TypeId, v: &Value) -> Option<Vec<u8>> {
    if ty != consts::PTR_ERROR_STRING && ty != consts::PTR_WRAP_ERROR {
        return None;
    }
    match deref_raw(v, 0)? {
        Value::Str(s) => Some(s.to_vec()),
        Value::Struct(fields) => Some(fields.first()?.as_bytes().to_vec()),
        _ => None,
    }
}

fn is_string_func(types: &TypeTable, sig: TypeId) -> bool {
    match types.get(sig) {
        Type::Func(s) => s.params.is_empty() && s.results == [consts::STRING] && !s.variadic,
        _ => false,
    }
}

/// A user method among `names` in the method set of `ty` (all methods of
/// `T` for `*T`, value-receiver ones for `T`).
pub fn user_method(types: &TypeTable, ty: TypeId, names: &[&str]) -> Option<String> {
    direct_method(types, ty, names, false)
}

fn direct_method(
    types: &TypeTable,
    ty: TypeId,
    names: &[&str],
    addressable: bool,
) -> Option<String> {
    let (named, ptr_set) = match types.get(ty) {
        Type::Pointer(e) => (*e, true),
        _ => (ty, addressable),
    };
    let Type::Named { methods, .. } = types.get(named) else {
        return None;
    };
    for want in names {
        let hit = methods
            .iter()
            .find(|m| m.name == *want && (ptr_set || !m.ptr_recv) && is_string_func(types, m.sig));
        if hit.is_some() {
            return Some(format!("{}.{}", types.name(named), want));
        }
    }
    None
}

/// Finds method `name` (`Error` or `String`, both `func() string`) on a
/// dynamic value, including methods promoted from embedded fields.
fn lookup(
    types: &TypeTable,
    ty: TypeId,
    v: &Value,
    name: &str,
    addressable: bool,
    depth: u32,
) -> Option<Method> {
    if depth > MAX_DEPTH {
        return None;
    }
    if let Some(text) = crate::stdlib::method_text(types, ty, v, name) {
        return Some(Method::Text(text));
    }
    if name == "Error" {
        if let Some(msg) = library_error(ty, v) {
            return Some(Method::Text(msg));
        }
    } else if let Some(text) = crate::runtime::signal::signal_text(types, ty, v) {
        return Some(Method::Text(text.into_bytes()));
    } else if ty == consts::DURATION {
        return Some(Method::Text(duration_string(v.as_int()).into_bytes()));
    } else if matches!(types.get(ty), Type::Pointer(e) if *e == consts::DURATION) {
        // Go's catchPanic prints a nil receiver as <nil>.
        let text = match deref_raw(v, 0) {
            Some(d) => duration_string(d.as_int()),
            None => "<nil>".into(),
        };
        return Some(Method::Text(text.into_bytes()));
    }
    if let Some(m) = direct_method(types, ty, &[name], addressable) {
        return Some(Method::User(m));
    }
    match types.under(ty) {
        Type::Interface(ms) if ms.iter().any(|m| m.name == name) => {
            let Value::Iface(i) = v else { return None };
            lookup(types, i.ty, &i.val, name, false, depth + 1)
        }
        Type::Struct(fields) => {
            let Value::Struct(vals) = v else { return None };
            promoted(types, fields, vals, name, addressable, depth)
        }
        Type::Pointer(e) => {
            let Type::Struct(fields) = types.under(*e) else {
                return None;
            };
            if !fields.iter().any(|f| f.embedded) {
                return None;
            }
            let Some(Value::Struct(vals)) = deref(types, *e, v) else {
                return None;
            };
            promoted(types, fields, &vals, name, true, depth)
        }
        _ => None,
    }
}

fn promoted(
    types: &TypeTable,
    fields: &[crate::types::Field],
    vals: &[Value],
    name: &str,
    addressable: bool,
    depth: u32,
) -> Option<Method> {
    fields
        .iter()
        .zip(vals.iter())
        .filter(|(f, _)| f.embedded)
        .find_map(|(f, fv)| lookup(types, f.ty, fv, name, addressable, depth + 1))
}

/// Cheap pre-check: only named types, pointers, interfaces and structs
/// with embedded fields can have methods (most elements of big values are
/// plain numbers and strings).
pub fn may_have_methods(types: &TypeTable, ty: TypeId) -> bool {
    match types.get(ty) {
        Type::Named { .. } | Type::Pointer(_) | Type::Interface(_) => true,
        Type::Struct(fields) => fields.iter().any(|f| f.embedded),
        _ => false,
    }
}

/// What fmt prints for `%v`/`%s` when the value has an `Error` or `String`
/// method (`Error` wins, as in fmt's type switch).
pub fn find(types: &TypeTable, ty: TypeId, v: &Value) -> Option<Method> {
    lookup(types, ty, v, "Error", false, 0).or_else(|| lookup(types, ty, v, "String", false, 0))
}

/// The dynamic type implements `error`.
pub fn is_error(types: &TypeTable, ty: TypeId, v: &Value) -> bool {
    lookup(types, ty, v, "Error", false, 0).is_some()
}
