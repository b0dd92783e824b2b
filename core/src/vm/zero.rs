//! Zero values of types.

use std::sync::Arc;

use crate::types::{BasicKind, Type, TypeId, TypeTable};
use crate::vm::value::Value;

/// Arrays larger than this are refused by the checker; here they only
/// bound the work a corrupt type could cause.
const MAX_ZERO_ARRAY: u64 = crate::types::MAX_FLAT_LEN;

/// The zero value of `ty`, and whether it may be cached and shared (false
/// when it holds runtime objects with identity, such as a `sync.Mutex`,
/// which every variable needs its own copy of). `obj_id` numbers new objects.
pub fn zero_value(types: &TypeTable, ty: TypeId, obj_id: &mut dyn FnMut() -> u32) -> (Value, bool) {
    zero_in(types, ty, obj_id, 0)
}

fn zero_in(types: &TypeTable, ty: TypeId, obj_id: &mut dyn FnMut() -> u32, depth: u32) -> (Value, bool) {
    if depth > 64 {
        return (Value::Nil, true);
    }
    match types.under(ty) {
        Type::Basic(k) => (
            match k {
                BasicKind::Bool | BasicKind::UntypedBool => Value::Bool(false),
                BasicKind::String | BasicKind::UntypedString => Value::Str(Arc::from(&b""[..])),
                k if k.is_float() => Value::Float(0.0),
                k if k.is_integer() => Value::Int(0),
                _ => Value::Nil,
            },
            true,
        ),
        Type::Struct(fields) => {
            let mut cacheable = true;
            let vals = fields
                .iter()
                .map(|f| {
                    let (v, c) = zero_in(types, f.ty, obj_id, depth + 1);
                    cacheable &= c;
                    v
                })
                .collect();
            (Value::Struct(Arc::new(vals)), cacheable)
        }
        Type::Array(n, elem) => {
            let n = (*n).min(MAX_ZERO_ARRAY) as usize;
            let (v, c) = zero_in(types, *elem, obj_id, depth + 1);
            if c {
                (Value::Array(Arc::new(vec![v; n])), true)
            } else {
                let mut vals = Vec::with_capacity(n);
                vals.push(v);
                for _ in 1..n {
                    vals.push(zero_in(types, *elem, obj_id, depth + 1).0);
                }
                (Value::Array(Arc::new(vals)), false)
            }
        }
        Type::Opaque(k) => match crate::runtime::sync::zero_obj(*k, obj_id) {
            Some(v) => (v, false),
            None => (Value::Nil, true),
        },
        _ => (Value::Nil, true),
    }
}
