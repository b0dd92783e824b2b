//! Compile-time constants with Go's exact arithmetic.
//!
//! Untyped integer constants are arbitrary precision in Go; i128 covers
//! every program in scope (`1 << 100`). Anything beyond is reported as "not
//! supported" by the caller instead of silently producing a wrong value.

use std::sync::Arc;

use crate::syntax::ast::BinOp;
use crate::types::BasicKind;

#[derive(Clone, Debug, PartialEq)]
pub enum ConstVal {
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(Arc<[u8]>),
}

/// Why a constant does not fit a type; the suffix Go adds to the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misfit {
    Overflows,
    Truncated,
    /// Wrong kind altogether (e.g. a string as an int): no suffix.
    Kind,
}

impl ConstVal {
    pub fn as_f64(&self) -> f64 {
        match self {
            ConstVal::Int(i) => *i as f64,
            ConstVal::Float(f) => *f,
            _ => 0.0,
        }
    }

    /// The value as an exact integer, if it is one.
    pub fn as_int(&self) -> Option<i128> {
        match self {
            ConstVal::Int(i) => Some(*i),
            ConstVal::Float(f) if f.fract() == 0.0 && f.abs() < 1.6e38 => Some(*f as i128),
            _ => None,
        }
    }

    /// Go's spelling of the value in messages.
    pub fn show(&self) -> String {
        match self {
            ConstVal::Bool(b) => b.to_string(),
            ConstVal::Int(i) => i.to_string(),
            ConstVal::Float(f) => show_float(*f),
            ConstVal::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
        }
    }
}

pub fn show_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e21 {
        return format!("{}", f as i128);
    }
    let s = format!("{}", f);
    if s.len() > 12 {
        let e = format!("{:e}", f);
        // Rust writes `1e100`; Go writes `1e+100`.
        return match e.split_once('e') {
            Some((m, x)) if !x.starts_with('-') => format!("{}e+{}", m, x),
            _ => e,
        };
    }
    s
}

/// Checks that `v` is representable in `kind` and returns it in that kind's
/// representation (ints stay `Int`, floats become `Float`).
pub fn represent(v: &ConstVal, kind: BasicKind) -> Result<ConstVal, Misfit> {
    use BasicKind::*;
    match kind {
        Invalid => Ok(v.clone()),
        Bool | UntypedBool => match v {
            ConstVal::Bool(_) => Ok(v.clone()),
            _ => Err(Misfit::Kind),
        },
        String | UntypedString => match v {
            ConstVal::Str(_) => Ok(v.clone()),
            _ => Err(Misfit::Kind),
        },
        Float32 | Float64 | UntypedFloat => match v {
            ConstVal::Int(i) => Ok(ConstVal::Float(*i as f64)),
            ConstVal::Float(f) => {
                if kind == Float32 && f.is_finite() && (*f as f32).is_infinite() {
                    return Err(Misfit::Overflows);
                }
                Ok(ConstVal::Float(if kind == Float32 {
                    *f as f32 as f64
                } else {
                    *f
                }))
            }
            _ => Err(Misfit::Kind),
        },
        UntypedInt | UntypedRune => match v {
            ConstVal::Int(_) => Ok(v.clone()),
            ConstVal::Float(_) => v.as_int().map(ConstVal::Int).ok_or(Misfit::Truncated),
            _ => Err(Misfit::Kind),
        },
        UntypedNil => Err(Misfit::Kind),
        _ => {
            let i = match v {
                ConstVal::Int(i) => *i,
                ConstVal::Float(_) => v.as_int().ok_or(Misfit::Truncated)?,
                _ => return Err(Misfit::Kind),
            };
            let (lo, hi) = int_range(kind);
            if i < lo || i > hi {
                return Err(Misfit::Overflows);
            }
            Ok(ConstVal::Int(i))
        }
    }
}

/// A constant operand of an operation done in `kind`: an untyped value
/// meeting a float32 is rounded to float32 first, as the float32 side was
/// (`k == 0.1` with `const k float32 = 0.1` is true).
pub fn operand_in(v: &ConstVal, kind: BasicKind) -> ConstVal {
    match kind {
        BasicKind::Float32 => represent(v, kind).unwrap_or_else(|_| v.clone()),
        _ => v.clone(),
    }
}

pub fn int_range(kind: BasicKind) -> (i128, i128) {
    use BasicKind::*;
    match kind {
        Int8 => (i8::MIN as i128, i8::MAX as i128),
        Int16 => (i16::MIN as i128, i16::MAX as i128),
        Int32 => (i32::MIN as i128, i32::MAX as i128),
        Int | Int64 => (i64::MIN as i128, i64::MAX as i128),
        Uint8 => (0, u8::MAX as i128),
        Uint16 => (0, u16::MAX as i128),
        Uint32 => (0, u32::MAX as i128),
        _ => (0, u64::MAX as i128),
    }
}

/// Errors of constant arithmetic, as Go words them (without position).
#[derive(Clone, Debug, PartialEq)]
pub enum ConstErr {
    DivByZero,
    /// The exact value does not fit our representation.
    TooBig,
    /// A negative or huge shift count.
    BadShift(String),
}

/// The longest string constant `+` builds.
const MAX_CONST_STR: usize = 1 << 20;

/// `a op b` for two constants of the same kind. `int_div` selects integer
/// division (both operands integers).
pub fn binary(op: BinOp, a: &ConstVal, b: &ConstVal, int_div: bool) -> Result<ConstVal, ConstErr> {
    use BinOp::*;
    use ConstVal::*;
    if let (Str(x), Str(y)) = (a, b) {
        return Ok(match op {
            Add => {
                // Doubling a constant in each of a few dozen declarations
                // would otherwise build an exabyte string.
                if x.len() + y.len() > MAX_CONST_STR {
                    return Err(ConstErr::TooBig);
                }
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                Str(v.into())
            }
            Eq => Bool(x == y),
            Ne => Bool(x != y),
            Lt => Bool(x < y),
            Le => Bool(x <= y),
            Gt => Bool(x > y),
            Ge => Bool(x >= y),
            _ => return Err(ConstErr::TooBig),
        });
    }
    if let (Bool(x), Bool(y)) = (a, b) {
        return Ok(Bool(match op {
            LAnd => *x && *y,
            LOr => *x || *y,
            Eq => x == y,
            Ne => x != y,
            _ => return Err(ConstErr::TooBig),
        }));
    }
    if let (Int(x), Int(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let r = match op {
            Add => x.checked_add(y),
            Sub => x.checked_sub(y),
            Mul => x.checked_mul(y),
            Div if int_div => {
                if y == 0 {
                    return Err(ConstErr::DivByZero);
                }
                x.checked_div(y)
            }
            Div => {
                if y == 0 {
                    return Err(ConstErr::DivByZero);
                }
                return Ok(Float(x as f64 / y as f64 + 0.0));
            }
            Rem => {
                if y == 0 {
                    return Err(ConstErr::DivByZero);
                }
                x.checked_rem(y)
            }
            And => Some(x & y),
            Or => Some(x | y),
            Xor => Some(x ^ y),
            AndNot => Some(x & !y),
            Shl | Shr => return shift(op, a, y),
            Eq => return Ok(Bool(x == y)),
            Ne => return Ok(Bool(x != y)),
            Lt => return Ok(Bool(x < y)),
            Le => return Ok(Bool(x <= y)),
            Gt => return Ok(Bool(x > y)),
            Ge => return Ok(Bool(x >= y)),
            LAnd | LOr => return Err(ConstErr::TooBig),
        };
        return r.map(Int).ok_or(ConstErr::TooBig);
    }
    let (x, y) = (a.as_f64(), b.as_f64());
    // Constants have no negative zero (Go's are exact numbers): `+ 0.0`
    // turns -0 into 0 and leaves every other value alone.
    Ok(match op {
        Add => Float(x + y + 0.0),
        Sub => Float(x - y + 0.0),
        Mul => Float(x * y + 0.0),
        Div => {
            if y == 0.0 {
                return Err(ConstErr::DivByZero);
            }
            Float(x / y + 0.0)
        }
        Eq => Bool(x == y),
        Ne => Bool(x != y),
        Lt => Bool(x < y),
        Le => Bool(x <= y),
        Gt => Bool(x > y),
        Ge => Bool(x >= y),
        _ => return Err(ConstErr::TooBig),
    })
}

pub fn shift(op: BinOp, a: &ConstVal, n: i128) -> Result<ConstVal, ConstErr> {
    let x = a.as_int().ok_or(ConstErr::TooBig)?;
    if n < 0 {
        return Err(ConstErr::BadShift(format!(
            "invalid shift count {} (negative)",
            n
        )));
    }
    if op == BinOp::Shr {
        return Ok(ConstVal::Int(if n >= 127 {
            if x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> n
        }));
    }
    if x == 0 {
        return Ok(ConstVal::Int(0));
    }
    if n >= 127 || (x.unsigned_abs().leading_zeros() as i128) <= n + 1 {
        return Err(ConstErr::TooBig);
    }
    Ok(ConstVal::Int(x << n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_shifts_stay_exact() {
        let big = shift(BinOp::Shl, &ConstVal::Int(1), 100).unwrap();
        assert_eq!(shift(BinOp::Shr, &big, 98).unwrap(), ConstVal::Int(4));
        assert!(shift(BinOp::Shl, &ConstVal::Int(1), 200).is_err());
    }

    #[test]
    fn representability() {
        assert_eq!(
            represent(&ConstVal::Int(300), BasicKind::Int8),
            Err(Misfit::Overflows)
        );
        assert_eq!(
            represent(&ConstVal::Float(1.5), BasicKind::Int),
            Err(Misfit::Truncated)
        );
        assert_eq!(
            represent(&ConstVal::Float(2.0), BasicKind::Int),
            Ok(ConstVal::Int(2))
        );
        assert_eq!(
            represent(&ConstVal::Int(-1), BasicKind::Uint8),
            Err(Misfit::Overflows)
        );
    }
}
