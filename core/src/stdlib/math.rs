//! Package `math`. Special cases follow Go's documentation; `Log2` is
//! computed as Go computes it (exact for powers of two). Other functions
//! use the host's libm, which may differ from Go's in the last bit.

use super::{arg, set};
use crate::vm::panic::Throw;
use crate::vm::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum F {
    Sqrt,
    Abs,
    Floor,
    Ceil,
    Round,
    RoundToEven,
    Trunc,
    Exp,
    Exp2,
    Log,
    Log2,
    Log10,
    Log1p,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Cbrt,
    Pow,
    Atan2,
    Hypot,
    Max,
    Min,
    Mod,
    Dim,
    Copysign,
    Inf,
    IsInf,
    NaN,
    IsNaN,
    Signbit,
    Float64bits,
    Float32bits,
    Float32frombits,
    Float64frombits,
    Modf,
    Frexp,
}

const LN2: f64 = std::f64::consts::LN_2;

fn frexp(f: f64) -> (f64, i64) {
    if f == 0.0 || f.is_infinite() || f.is_nan() {
        return (f, 0);
    }
    let (mut f, mut exp) = (f, 0i64);
    if f.abs() < f64::MIN_POSITIVE {
        f *= (1u64 << 52) as f64;
        exp = -52;
    }
    let bits = f.to_bits();
    exp += ((bits >> 52) & 0x7ff) as i64 - 1022;
    let bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(bits), exp)
}

fn log2(x: f64) -> f64 {
    let (frac, exp) = frexp(x);
    if frac == 0.5 {
        return (exp - 1) as f64;
    }
    frac.ln() * (1.0 / LN2) + exp as f64
}

fn max(x: f64, y: f64) -> f64 {
    if x.is_infinite() && x > 0.0 || y.is_infinite() && y > 0.0 {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

fn min(x: f64, y: f64) -> f64 {
    if x.is_infinite() && x < 0.0 || y.is_infinite() && y < 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}

fn pow(x: f64, y: f64) -> f64 {
    // Go: Pow(x, ±0) = 1 and Pow(1, y) = 1 for any y, even NaN.
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    x.powf(y)
}

pub fn call(f: F, args: &mut [Value]) -> Result<(), Throw> {
    use F::*;
    let x = arg(args, 0).as_float();
    let y = arg(args, 1).as_float();
    let v = match f {
        Sqrt => Value::Float(x.sqrt()),
        Abs => Value::Float(x.abs()),
        Floor => Value::Float(x.floor()),
        Ceil => Value::Float(x.ceil()),
        Round => Value::Float(x.round()),
        RoundToEven => Value::Float(x.round_ties_even()),
        Trunc => Value::Float(x.trunc()),
        Exp => Value::Float(x.exp()),
        Exp2 => Value::Float(x.exp2()),
        Log => Value::Float(x.ln()),
        Log2 => Value::Float(log2(x)),
        Log10 => Value::Float(x.log10()),
        Log1p => Value::Float(x.ln_1p()),
        Sin => Value::Float(x.sin()),
        Cos => Value::Float(x.cos()),
        Tan => Value::Float(x.tan()),
        Asin => Value::Float(x.asin()),
        Acos => Value::Float(x.acos()),
        Atan => Value::Float(x.atan()),
        Sinh => Value::Float(x.sinh()),
        Cosh => Value::Float(x.cosh()),
        Tanh => Value::Float(x.tanh()),
        Cbrt => Value::Float(x.cbrt()),
        Pow => Value::Float(pow(x, y)),
        Atan2 => Value::Float(x.atan2(y)),
        Hypot => Value::Float(x.hypot(y)),
        Max => Value::Float(max(x, y)),
        Min => Value::Float(min(x, y)),
        Mod => Value::Float(x % y),
        Dim => Value::Float(if x - y <= 0.0 { 0.0 } else { x - y }),
        Copysign => Value::Float(x.copysign(y)),
        Inf => Value::Float(if arg(args, 0).as_int() >= 0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        }),
        IsInf => {
            let sign = arg(args, 1).as_int();
            Value::Bool(sign >= 0 && x == f64::INFINITY || sign <= 0 && x == f64::NEG_INFINITY)
        }
        NaN => Value::Float(f64::NAN),
        IsNaN => Value::Bool(x.is_nan()),
        Signbit => Value::Bool(x.is_sign_negative()),
        Float64bits => Value::Int(x.to_bits() as i64),
        Float64frombits => Value::Float(f64::from_bits(arg(args, 0).as_int() as u64)),
        Float32bits => Value::Int((x as f32).to_bits() as i64),
        Float32frombits => Value::Float(f32::from_bits(arg(args, 0).as_int() as u32) as f64),
        Modf => {
            let int = if x.abs() < 1.0 { 0.0f64.copysign(x) } else { x.trunc() };
            let frac = if x.is_infinite() {
                f64::NAN
            } else {
                (x - int).copysign(x)
            };
            set(args, 1, Value::Float(frac));
            Value::Float(int)
        }
        Frexp => {
            let (fr, e) = frexp(x);
            set(args, 1, Value::Int(e));
            Value::Float(fr)
        }
    };
    set(args, 0, v);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_special_cases() {
        assert_eq!(log2(8.0), 3.0);
        assert!(max(1.0, f64::NAN).is_nan());
        assert_eq!(max(f64::NAN, f64::INFINITY), f64::INFINITY);
        assert!(min(0.0, -0.0).is_sign_negative());
        assert_eq!(pow(1.0, f64::NAN), 1.0);
        assert_eq!(frexp(8.0), (0.5, 4));
    }
}
