//! Package `sort` for the built-in element types: sorting in place, in
//! the slice's shared backing array.

use super::{arg, set};
use crate::vm::panic::Throw;
use crate::vm::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum F {
    Ints,
    Strings,
    Float64s,
    IntsAreSorted,
    StringsAreSorted,
    Float64sAreSorted,
    SearchInts,
    SearchStrings,
    SearchFloat64s,
}

fn cmp(f: F, a: &Value, b: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        // Go orders NaNs before every other float64.
        (Value::Float(x), Value::Float(y)) => match (x.is_nan(), y.is_nan()) {
            (true, true) => Equal,
            (true, false) => Less,
            (false, true) => Greater,
            _ => x.partial_cmp(y).unwrap_or(Equal),
        },
        _ => {
            let _ = f;
            Equal
        }
    }
}

pub fn call(f: F, args: &mut [Value]) -> Result<(), Throw> {
    use F::*;
    let s = arg(args, 0);
    match f {
        Ints | Strings | Float64s => {
            if let Value::Slice { arr, off, len, .. } = &s {
                let mut a = arr.borrow_mut();
                let (lo, hi) = (*off as usize, (*off + *len) as usize);
                if let Some(w) = a.get_mut(lo..hi) {
                    w.sort_by(|x, y| cmp(f, x, y));
                }
            }
        }
        IntsAreSorted | StringsAreSorted | Float64sAreSorted => {
            let v = s.slice_to_vec();
            let ok = v.windows(2).all(|w| cmp(f, &w[1], &w[0]) != std::cmp::Ordering::Less);
            set(args, 0, Value::Bool(ok));
        }
        SearchInts | SearchStrings | SearchFloat64s => {
            let v = s.slice_to_vec();
            let x = arg(args, 1);
            let i = v.partition_point(|e| cmp(f, e, &x) == std::cmp::Ordering::Less);
            set(args, 0, Value::Int(i as i64));
        }
    }
    Ok(())
}
