//! The per-verb formatter, Go's `fmt.fmt`: flags, width, precision and the
//! primitive formatting of integers, strings, runes and floats into a
//! byte buffer.

use super::float;
use super::quote;

pub const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
pub const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// Flags of one verb. `plus_v`/`sharp_v` are `%+v`/`%#v`, kept apart from
/// `plus`/`sharp` because they change how composite values print.
#[derive(Clone, Copy, Debug, Default)]
pub struct Flags {
    pub wid_present: bool,
    pub prec_present: bool,
    pub minus: bool,
    pub plus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    pub plus_v: bool,
    pub sharp_v: bool,
}

#[derive(Default)]
pub struct Fmt {
    pub buf: Vec<u8>,
    pub f: Flags,
    pub wid: usize,
    pub prec: usize,
    /// Reusable digit buffer for `fmt_integer`.
    scratch: Vec<u8>,
}

impl Fmt {
    pub fn clear_flags(&mut self) {
        self.f = Flags::default();
        self.wid = 0;
        self.prec = 0;
    }

    pub fn write_padding(&mut self, n: usize) {
        let b = if self.f.zero && !self.f.minus {
            b'0'
        } else {
            b' '
        };
        self.buf.resize(self.buf.len() + n, b);
    }

    /// Writes `b` padded to the width, counting runes as Go does.
    pub fn pad(&mut self, b: &[u8]) {
        if !self.f.wid_present || self.wid == 0 {
            self.buf.extend_from_slice(b);
            return;
        }
        let width = self.wid.saturating_sub(quote::rune_count(b));
        if self.f.minus {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        } else {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        }
    }

    /// `pad` with zero padding switched off (Go does this for values that
    /// do not look like numbers).
    fn pad_no_zero(&mut self, b: &[u8]) {
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(b);
        self.f.zero = old;
    }

    pub fn fmt_boolean(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    /// `U+0078`, or `U+0078 'x'` with `#`.
    pub fn fmt_unicode(&mut self, u: u64) {
        let mut out = Vec::new();
        let mut hex = Vec::new();
        let mut x = u;
        loop {
            hex.push(UDIGITS[(x & 0xF) as usize]);
            x >>= 4;
            if x == 0 {
                break;
            }
        }
        let prec = if self.f.prec_present && self.prec > 4 {
            self.prec
        } else {
            4
        };
        out.extend_from_slice(b"U+");
        out.resize(out.len() + prec.saturating_sub(hex.len()), b'0');
        out.extend(hex.iter().rev());
        if self.f.sharp && u <= quote::MAX_RUNE as u64 && quote::is_print(u as u32) {
            out.extend_from_slice(b" '");
            quote::push_rune(&mut out, u as u32);
            out.push(b'\'');
        }
        self.pad_no_zero(&out);
    }

    /// Go's `fmtInteger`: `u` holds the bits; `signed` says how to read them.
    pub fn fmt_integer(&mut self, u: u64, base: u64, signed: bool, verb: char, digits: &[u8; 17]) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let mut prec = 0usize;
        if self.f.prec_present {
            prec = self.prec;
            if prec == 0 && u == 0 {
                let old = self.f.zero;
                self.f.zero = false;
                self.write_padding(self.wid);
                self.f.zero = old;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid_present {
            prec = self.wid;
            if negative || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        // Digits are produced right to left, then reversed, in a buffer
        // reused across calls (big slices format millions of integers).
        let mut rev = std::mem::take(&mut self.scratch);
        rev.clear();
        loop {
            rev.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while rev.len() < prec {
            rev.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => rev.extend_from_slice(b"b0"),
                8 if rev.last() != Some(&b'0') => rev.push(b'0'),
                16 => {
                    rev.push(digits[16]);
                    rev.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            rev.extend_from_slice(b"o0");
        }
        if negative {
            rev.push(b'-');
        } else if self.f.plus {
            rev.push(b'+');
        } else if self.f.space {
            rev.push(b' ');
        }
        rev.reverse();
        self.pad_no_zero(&rev);
        self.scratch = rev;
    }

    /// Cuts `s` to the precision, counted in runes.
    fn truncate<'a>(&self, s: &'a [u8]) -> &'a [u8] {
        if !self.f.prec_present {
            return s;
        }
        let mut n = self.prec;
        let mut i = 0;
        while i < s.len() {
            if n == 0 {
                return &s[..i];
            }
            n -= 1;
            i += quote::decode_rune(&s[i..]).1.max(1);
        }
        s
    }

    pub fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    /// `%x` / `%X` of a string or byte slice: two hex digits per byte.
    pub fn fmt_sbx(&mut self, s: &[u8], digits: &[u8; 17]) {
        let mut length = s.len();
        if self.f.prec_present && self.prec < length {
            length = self.prec;
        }
        if length == 0 {
            if self.f.wid_present {
                self.write_padding(self.wid);
            }
            return;
        }
        let mut width = 2 * length;
        if self.f.space {
            if self.f.sharp {
                width *= 2;
            }
            width += length - 1;
        } else if self.f.sharp {
            width += 2;
        }
        if self.f.wid_present && self.wid > width && !self.f.minus {
            self.write_padding(self.wid - width);
        }
        if self.f.sharp {
            self.buf.push(b'0');
            self.buf.push(digits[16]);
        }
        for (i, &c) in s[..length].iter().enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(b' ');
                if self.f.sharp {
                    self.buf.push(b'0');
                    self.buf.push(digits[16]);
                }
            }
            self.buf.push(digits[(c >> 4) as usize]);
            self.buf.push(digits[(c & 0xF) as usize]);
        }
        if self.f.wid_present && self.wid > width && self.f.minus {
            self.write_padding(self.wid - width);
        }
    }

    pub fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        let mut out = Vec::with_capacity(s.len() + 2);
        if self.f.sharp && quote::can_backquote(s) {
            out.push(b'`');
            out.extend_from_slice(s);
            out.push(b'`');
        } else {
            quote::quote(&mut out, s, self.f.plus);
        }
        self.pad(&out);
    }

    fn to_rune(c: u64) -> u32 {
        if c > quote::MAX_RUNE as u64 {
            quote::RUNE_ERROR
        } else {
            c as u32
        }
    }

    pub fn fmt_c(&mut self, c: u64) {
        let mut out = Vec::with_capacity(4);
        quote::push_rune(&mut out, Self::to_rune(c));
        self.pad(&out);
    }

    pub fn fmt_qc(&mut self, c: u64) {
        let mut out = Vec::with_capacity(8);
        quote::quote_rune(&mut out, Self::to_rune(c), self.f.plus);
        self.pad(&out);
    }

    /// Go's `fmt.fmtFloat`: `prec` is the verb's default (-1 = shortest).
    pub fn fmt_float(&mut self, v: f64, size: u32, verb: u8, prec: i64) {
        let prec = if self.f.prec_present {
            self.prec as i64
        } else {
            prec
        };
        // num[0] is always a sign so the code below can treat it uniformly.
        let mut num = vec![b'+'];
        float::append_float(&mut num, v, verb, prec, size);
        if num[1] == b'-' || num[1] == b'+' {
            num.remove(0);
        }
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad_no_zero(&num);
            return;
        }
        if self.f.sharp && verb != b'b' {
            keep_decimal_point(&mut num, verb, prec);
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && !self.f.minus && self.f.wid_present && self.wid > num.len() {
                self.buf.push(num[0]);
                self.write_padding(self.wid - num.len());
                self.buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }
}

/// The `#` flag on floats: always print a decimal point and, for `%g`,
/// keep trailing zeros up to the precision.
fn keep_decimal_point(num: &mut Vec<u8>, verb: u8, prec: i64) {
    let mut digits: i64 = match verb {
        b'v' | b'g' | b'G' | b'x' => {
            if prec == -1 {
                6
            } else {
                prec
            }
        }
        _ => 0,
    };
    let mut tail = Vec::new();
    let mut has_point = false;
    let mut saw_nonzero = false;
    let mut i = 1;
    while i < num.len() {
        match num[i] {
            b'.' => has_point = true,
            b'p' | b'P' => {
                tail = num.split_off(i);
                break;
            }
            b'e' | b'E' if verb != b'x' && verb != b'X' => {
                tail = num.split_off(i);
                break;
            }
            c => {
                if c != b'0' {
                    saw_nonzero = true;
                }
                if saw_nonzero {
                    digits -= 1;
                }
            }
        }
        i += 1;
    }
    if !has_point {
        if num.len() == 2 && num[1] == b'0' {
            digits -= 1;
        }
        num.push(b'.');
    }
    while digits > 0 {
        num.push(b'0');
        digits -= 1;
    }
    num.extend_from_slice(&tail);
}
