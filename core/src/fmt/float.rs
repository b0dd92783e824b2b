//! `strconv.AppendFloat` for the formats fmt uses: `e E f g G b x X`.
//!
//! Decimal digits come from Rust's float formatting, which is exact and
//! rounds half to even on the exact binary value like Go's; the layout of
//! those digits (`fmtEFG`) follows Go.

/// Decimal digits of |v| without leading or trailing zeros; the value is
/// `0.d1d2d3... × 10^dp`. Zero has no digits.
struct Digits {
    d: Vec<u8>,
    dp: i64,
}

impl Digits {
    /// Parses Rust's `{:e}` output of a non-negative number (`1.25e-7`).
    fn from_exp(s: &str) -> Digits {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let d: Vec<u8> = mant.bytes().filter(|c| c.is_ascii_digit()).collect();
        Digits { d, dp: exp + 1 }.trimmed()
    }

    /// Parses Rust's fixed output of a non-negative number (`123.4500`).
    fn from_fixed(s: &str) -> Digits {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let mut d: Vec<u8> = int.bytes().collect();
        let dp = d.len() as i64;
        d.extend(frac.bytes());
        Digits { d, dp }.trimmed()
    }

    fn trimmed(mut self) -> Digits {
        let lead = self.d.iter().take_while(|&&c| c == b'0').count();
        if lead == self.d.len() {
            return Digits {
                d: Vec::new(),
                dp: 0,
            };
        }
        self.d.drain(..lead);
        self.dp -= lead as i64;
        while self.d.last() == Some(&b'0') {
            self.d.pop();
        }
        self
    }

    fn nd(&self) -> i64 {
        self.d.len() as i64
    }
}

fn shortest(a: f64, size: u32) -> Digits {
    if size == 32 {
        Digits::from_exp(&format!("{:e}", a as f32))
    } else {
        Digits::from_exp(&format!("{:e}", a))
    }
}

pub fn append_float(dst: &mut Vec<u8>, v: f64, fmt: u8, prec: i64, size: u32) {
    let v = if size == 32 { v as f32 as f64 } else { v };
    if v.is_nan() {
        dst.extend_from_slice(b"NaN");
        return;
    }
    if v.is_infinite() {
        dst.extend_from_slice(if v < 0.0 { b"-Inf" } else { b"+Inf" });
        return;
    }
    let neg = v.is_sign_negative();
    match fmt {
        b'b' => return fmt_b(dst, neg, v, size),
        b'x' | b'X' => return fmt_x(dst, prec, fmt, neg, v, size),
        _ => {}
    }
    let a = v.abs();
    if prec < 0 {
        let digs = if a == 0.0 {
            Digits {
                d: Vec::new(),
                dp: 0,
            }
        } else {
            shortest(a, size)
        };
        let nd = digs.nd();
        let prec = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' => (nd - digs.dp).max(0),
            _ => nd,
        };
        return fmt_efg(dst, neg, &digs, prec, fmt, true);
    }
    // Bound the work of absurd precisions; fmt already rejects > 1e6.
    let prec = prec.min(1_000_000);
    let mut prec_out = prec;
    let digs = match fmt {
        b'f' => Digits::from_fixed(&format!("{:.*}", prec as usize, a)),
        b'e' | b'E' => Digits::from_exp(&format!("{:.*e}", prec as usize, a)),
        _ => {
            if prec == 0 {
                prec_out = 1;
            }
            Digits::from_exp(&format!("{:.*e}", (prec_out - 1) as usize, a))
        }
    };
    fmt_efg(dst, neg, &digs, prec_out, fmt, false)
}

fn fmt_efg(
    dst: &mut Vec<u8>,
    neg: bool,
    digs: &Digits,
    mut prec: i64,
    mut fmt: u8,
    shortest: bool,
) {
    let (nd, dp) = (digs.nd(), digs.dp);
    if fmt == b'g' || fmt == b'G' {
        let mut eprec = prec;
        if eprec > nd && nd >= dp {
            eprec = nd;
        }
        if shortest {
            eprec = 6;
        }
        let exp = dp - 1;
        if exp < -4 || exp >= eprec {
            if prec > nd {
                prec = nd;
            }
            prec -= 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > dp {
                prec = nd;
            }
            prec = (prec - dp).max(0);
            fmt = b'f';
        }
    }
    if neg {
        dst.push(b'-');
    }
    match fmt {
        b'e' | b'E' => fmt_e(dst, digs, prec, fmt),
        b'f' => fmt_f(dst, digs, prec),
        _ => {
            dst.push(b'%');
            dst.push(fmt);
        }
    }
}

fn fmt_e(dst: &mut Vec<u8>, digs: &Digits, prec: i64, fmt: u8) {
    let d = &digs.d;
    dst.push(*d.first().unwrap_or(&b'0'));
    if prec > 0 {
        dst.push(b'.');
        let m = (d.len() as i64).min(prec + 1);
        let mut i = 1;
        if i < m {
            dst.extend_from_slice(&d[1..m as usize]);
            i = m;
        }
        for _ in 0..(prec + 1 - i) {
            dst.push(b'0');
        }
    }
    dst.push(fmt);
    let mut exp = if d.is_empty() { 0 } else { digs.dp - 1 };
    if exp < 0 {
        dst.push(b'-');
        exp = -exp;
    } else {
        dst.push(b'+');
    }
    if exp < 10 {
        dst.push(b'0');
    }
    dst.extend_from_slice(exp.to_string().as_bytes());
}

fn fmt_f(dst: &mut Vec<u8>, digs: &Digits, prec: i64) {
    let (d, dp) = (&digs.d, digs.dp);
    let nd = d.len() as i64;
    if dp > 0 {
        let m = nd.min(dp) as usize;
        dst.extend_from_slice(&d[..m]);
        for _ in 0..(dp - m as i64) {
            dst.push(b'0');
        }
    } else {
        dst.push(b'0');
    }
    if prec > 0 {
        dst.push(b'.');
        let lz = prec.min((-dp).max(0));
        let off = dp + lz;
        let m = (prec - lz).min((nd - off).max(0));
        let tz = (prec - lz - m).max(0);
        for _ in 0..lz {
            dst.push(b'0');
        }
        for i in 0..m {
            dst.push(d[(off + i) as usize]);
        }
        for _ in 0..tz {
            dst.push(b'0');
        }
    }
}

/// Mantissa and binary exponent as `strconv` splits them (`mant × 2^exp`
/// with `exp` not yet adjusted for the mantissa bits).
fn split(v: f64, size: u32) -> (u64, i64, u32) {
    let (bits, exp_bits, mant_bits, bias) = if size == 32 {
        ((v as f32).to_bits() as u64, 8u32, 23u32, -127i64)
    } else {
        (v.to_bits(), 11, 52, -1023)
    };
    let mut exp = ((bits >> mant_bits) & ((1 << exp_bits) - 1)) as i64;
    let mut mant = bits & ((1u64 << mant_bits) - 1);
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1 << mant_bits;
    }
    (mant, exp + bias, mant_bits)
}

/// `%b`: `-ddddp±ddd`, decimal mantissa and binary exponent.
fn fmt_b(dst: &mut Vec<u8>, neg: bool, v: f64, size: u32) {
    let (mant, exp, mant_bits) = split(v, size);
    if neg {
        dst.push(b'-');
    }
    dst.extend_from_slice(mant.to_string().as_bytes());
    let e = exp - mant_bits as i64;
    dst.push(b'p');
    if e >= 0 {
        dst.push(b'+');
    }
    dst.extend_from_slice(e.to_string().as_bytes());
}

/// `%x`: `-0x1.yyyyp±dd`, hexadecimal mantissa and binary exponent.
fn fmt_x(dst: &mut Vec<u8>, prec: i64, fmt: u8, neg: bool, v: f64, size: u32) {
    let (mut mant, mut exp, mant_bits) = split(v, size);
    if v == 0.0 {
        mant = 0;
        exp = 0;
    }
    mant <<= 60 - mant_bits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 17] = if fmt == b'X' {
        super::format::UDIGITS
    } else {
        super::format::LDIGITS
    };
    if neg {
        dst.push(b'-');
    }
    dst.push(b'0');
    dst.push(fmt);
    dst.push(b'0' + ((mant >> 60) & 1) as u8);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        dst.push(b'.');
        while mant != 0 {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        dst.push(b'.');
        for _ in 0..prec {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    dst.push(if fmt == b'X' { b'P' } else { b'p' });
    if exp < 0 {
        dst.push(b'-');
        exp = -exp;
    } else {
        dst.push(b'+');
    }
    if exp < 10 {
        dst.push(b'0');
    }
    dst.extend_from_slice(exp.to_string().as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64, fmt: u8, prec: i64, size: u32) -> String {
        let mut out = Vec::new();
        append_float(&mut out, v, fmt, prec, size);
        String::from_utf8(out).unwrap()
    }

    #[test]
    #[allow(clippy::approx_constant)]
    fn matches_strconv() {
        // Expected strings from Go 1.27.3 strconv.FormatFloat.
        assert_eq!(f(1e6, b'g', -1, 64), "1e+06");
        assert_eq!(f(123456.0, b'g', -1, 64), "123456");
        assert_eq!(f(123456789.0, b'g', -1, 64), "1.23456789e+08");
        assert_eq!(f(0.0001, b'g', -1, 64), "0.0001");
        assert_eq!(f(0.00001, b'g', -1, 64), "1e-05");
        assert_eq!(f(0.1, b'g', -1, 32), "0.1");
        assert_eq!(f(0.1f32 as f64, b'g', -1, 64), "0.10000000149011612");
        assert_eq!(f(3.14159, b'f', 2, 64), "3.14");
        assert_eq!(f(2.675, b'f', 2, 64), "2.67");
        assert_eq!(f(2.5, b'f', 0, 64), "2");
        assert_eq!(f(0.0, b'e', 6, 64), "0.000000e+00");
        assert_eq!(f(-1234.5678, b'e', 3, 64), "-1.235e+03");
        assert_eq!(f(1e100, b'e', -1, 64), "1e+100");
        assert_eq!(f(100.0, b'g', 3, 64), "100");
        assert_eq!(f(1000.0, b'g', 3, 64), "1e+03");
        assert_eq!(f(1.0, b'g', 0, 64), "1");
        assert_eq!(f(-0.0, b'g', -1, 64), "-0");
        assert_eq!(f(1.0, b'b', -1, 64), "4503599627370496p-52");
        assert_eq!(f(1.0, b'x', -1, 64), "0x1p+00");
        assert_eq!(f(3.5, b'X', 3, 64), "0X1.C00P+01");
        assert_eq!(f(f64::NEG_INFINITY, b'g', -1, 64), "-Inf");
    }
}
