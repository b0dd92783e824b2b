//! Map key order for printing, as `internal/fmtsort` defines it.

use std::cmp::Ordering;

use super::addr;
use crate::types::{Type, TypeId, TypeTable};
use crate::vm::value::{MapObj, Value};

const MAX_DEPTH: u32 = 64;

/// The entries of `m` sorted by key (stable, like `slices.SortStableFunc`).
pub fn sorted_entries(types: &TypeTable, key_ty: TypeId, m: &MapObj) -> Vec<(Value, Value)> {
    let mut v: Vec<(Value, Value)> = m
        .entries
        .iter()
        .map(|(k, v)| (k.0.clone(), v.clone()))
        .collect();
    v.sort_by(|a, b| compare(types, key_ty, &a.0, &b.0, 0));
    v
}

/// `cmp.Compare` on floats: NaN sorts first and equals NaN.
fn compare_float(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

/// Nil sorts before non-nil; `None` when both are non-nil.
fn nil_compare(a: &Value, b: &Value) -> Option<Ordering> {
    match (a.is_nil(), b.is_nil()) {
        (true, true) => Some(Ordering::Equal),
        (true, false) => Some(Ordering::Less),
        (false, true) => Some(Ordering::Greater),
        _ => None,
    }
}

fn compare_seq(
    types: &TypeTable,
    tys: &mut dyn Iterator<Item = TypeId>,
    a: &[Value],
    b: &[Value],
    depth: u32,
) -> Ordering {
    for (x, y) in a.iter().zip(b.iter()) {
        let Some(t) = tys.next() else { break };
        let c = compare(types, t, x, y, depth + 1);
        if c != Ordering::Equal {
            return c;
        }
    }
    Ordering::Equal
}

pub fn compare(types: &TypeTable, ty: TypeId, a: &Value, b: &Value, depth: u32) -> Ordering {
    if depth > MAX_DEPTH {
        return Ordering::Equal;
    }
    match types.under(ty) {
        Type::Basic(k) if k.is_unsigned() => (a.as_int() as u64).cmp(&(b.as_int() as u64)),
        Type::Basic(k) if k.is_float() => compare_float(a.as_float(), b.as_float()),
        Type::Basic(_) => match (a, b) {
            (Value::Str(x), Value::Str(y)) => x.cmp(y),
            (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
            _ => a.as_int().cmp(&b.as_int()),
        },
        Type::Struct(fields) => {
            let (Value::Struct(x), Value::Struct(y)) = (a, b) else {
                return Ordering::Equal;
            };
            compare_seq(types, &mut fields.iter().map(|f| f.ty), x, y, depth)
        }
        Type::Array(_, e) => {
            let (Value::Array(x), Value::Array(y)) = (a, b) else {
                return Ordering::Equal;
            };
            compare_seq(types, &mut std::iter::repeat(*e), x, y, depth)
        }
        Type::Interface(_) => {
            if let Some(c) = nil_compare(a, b) {
                return c;
            }
            let (Value::Iface(x), Value::Iface(y)) = (a, b) else {
                return Ordering::Equal;
            };
            // Go orders dynamic types by their descriptor address; type ids
            // are this program's stand-in for that.
            x.ty.cmp(&y.ty)
                .then_with(|| compare(types, x.ty, &x.val, &y.val, depth + 1))
        }
        Type::Chan(..) => {
            nil_compare(a, b).unwrap_or_else(|| addr::address(a).cmp(&addr::address(b)))
        }
        _ => addr::address(a).cmp(&addr::address(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::consts;
    use crate::vm::value::MapKey;

    #[test]
    fn orders_like_fmtsort() {
        let t = TypeTable::new();
        let mut m = MapObj::default();
        for f in [2.0, f64::NAN, -1.0, f64::NEG_INFINITY] {
            m.entries.insert(MapKey(Value::Float(f)), Value::Nil);
        }
        let keys: Vec<f64> = sorted_entries(&t, consts::FLOAT64, &m)
            .iter()
            .map(|e| e.0.as_float())
            .collect();
        assert!(keys[0].is_nan());
        assert_eq!(&keys[1..], &[f64::NEG_INFINITY, -1.0, 2.0]);

        let mut m = MapObj::default();
        for u in [1i64, -1, 0] {
            m.entries.insert(MapKey(Value::Int(u)), Value::Nil);
        }
        let keys: Vec<i64> = sorted_entries(&t, consts::UINT64, &m)
            .iter()
            .map(|e| e.0.as_int())
            .collect();
        assert_eq!(keys, vec![0, 1, -1]);
        let keys: Vec<i64> = sorted_entries(&t, consts::INT, &m)
            .iter()
            .map(|e| e.0.as_int())
            .collect();
        assert_eq!(keys, vec![-1, 0, 1]);
    }
}
