//! Go's `doPrintf`, `doPrint` and `doPrintln` over interface values.

use super::printer::{unpack, Printer};
use super::quote::decode_rune;
use crate::types::{BasicKind, Type};
use crate::vm::value::Value;

/// Widths and precisions beyond this are treated as absent (Go's `tooLarge`).
const MAX_NUM: i64 = 1_000_000;

/// Go's `parsenum`: the number at `s[start..]`, whether there was one, and
/// where it ended.
fn parse_num(s: &[u8], start: usize, end: usize) -> (usize, bool, usize) {
    let mut num: i64 = 0;
    let mut isnum = false;
    let mut i = start;
    while i < end && s[i].is_ascii_digit() {
        if num > MAX_NUM {
            return (0, false, end);
        }
        num = num * 10 + (s[i] - b'0') as i64;
        isnum = true;
        i += 1;
    }
    (num as usize, isnum, i)
}

/// Go's `parseArgNumber` on `s` starting at `[`: zero-based index, bytes
/// consumed, and whether it parsed.
fn parse_arg_number(s: &[u8]) -> (i64, usize, bool) {
    if s.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..s.len() {
        if s[i] == b']' {
            let (n, ok, newi) = parse_num(s, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (n as i64 - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

/// State of one `Printf` pass that Go keeps in `pp`.
struct Cursor {
    arg_num: usize,
    reordered: bool,
    good_arg_num: bool,
}

impl Printer<'_> {
    /// An integer operand for `*` width or precision.
    fn int_from_arg(&self, args: &[Value], c: &mut Cursor) -> (i64, bool) {
        let Some(arg) = args.get(c.arg_num) else {
            return (0, false);
        };
        c.arg_num += 1;
        let (num, ok) = match unpack(arg) {
            Some((ty, v)) => match self.types.under(ty) {
                Type::Basic(k) if k.is_integer() => {
                    let n = v.as_int();
                    if k.is_unsigned() && n < 0 {
                        (0, false)
                    } else {
                        (n, true)
                    }
                }
                _ => (0, false),
            },
            None => (0, false),
        };
        if !(-MAX_NUM..=MAX_NUM).contains(&num) {
            return (0, false);
        }
        (num, ok)
    }

    /// Go's `argNumber`: handles an explicit `[n]` at `format[i]`.
    fn arg_number(&self, c: &mut Cursor, format: &[u8], i: usize, nargs: usize) -> (usize, bool) {
        if i >= format.len() || format[i] != b'[' {
            return (i, false);
        }
        c.reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && 0 <= index && (index as usize) < nargs {
            c.arg_num = index as usize;
            return (i + wid, true);
        }
        c.good_arg_num = false;
        (i + wid, ok)
    }

    /// Sets `%v`'s `#`/`+` meanings (Go syntax, field names).
    fn set_v_flags(&mut self) {
        let f = &mut self.fmt.f;
        f.sharp_v = f.sharp;
        f.sharp = false;
        f.plus_v = f.plus;
        f.plus = false;
    }

    pub fn do_printf(&mut self, format: &[u8], args: &[Value]) {
        let end = format.len();
        let mut c = Cursor {
            arg_num: 0,
            reordered: false,
            good_arg_num: true,
        };
        let mut after_index;
        let mut i = 0;
        while i < end {
            if self.full() {
                return;
            }
            c.good_arg_num = true;
            let last = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            self.out().extend_from_slice(&format[last..i]);
            if i >= end {
                break;
            }
            i += 1;
            self.fmt.clear_flags();
            while i < end {
                match format[i] {
                    b'#' => self.fmt.f.sharp = true,
                    b'0' => self.fmt.f.zero = true,
                    b'+' => self.fmt.f.plus = true,
                    b'-' => self.fmt.f.minus = true,
                    b' ' => self.fmt.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            (i, after_index) = self.arg_number(&mut c, format, i, args.len());
            if i < end && format[i] == b'*' {
                i += 1;
                let (w, ok) = self.int_from_arg(args, &mut c);
                self.fmt.f.wid_present = ok;
                if !ok {
                    self.write_str("%!(BADWIDTH)");
                }
                if w < 0 {
                    self.fmt.f.minus = true;
                    self.fmt.f.zero = false;
                }
                self.fmt.wid = w.unsigned_abs() as usize;
                after_index = false;
            } else {
                let (w, ok, ni) = parse_num(format, i, end);
                (self.fmt.wid, self.fmt.f.wid_present, i) = (w, ok, ni);
                if after_index && ok {
                    c.good_arg_num = false;
                }
            }
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    c.good_arg_num = false;
                }
                (i, after_index) = self.arg_number(&mut c, format, i, args.len());
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (p, ok) = self.int_from_arg(args, &mut c);
                    (self.fmt.prec, self.fmt.f.prec_present) =
                        if p < 0 { (0, false) } else { (p as usize, ok) };
                    if !self.fmt.f.prec_present {
                        self.write_str("%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (p, ok, ni) = parse_num(format, i, end);
                    // A bare `.` means precision zero.
                    (self.fmt.prec, self.fmt.f.prec_present, i) =
                        (if ok { p } else { 0 }, true, ni);
                }
            }
            if !after_index {
                (i, _) = self.arg_number(&mut c, format, i, args.len());
            }
            if i >= end {
                self.write_str("%!(NOVERB)");
                break;
            }
            let (r, size) = decode_rune(&format[i..]);
            i += size.max(1);
            let verb = char::from_u32(r).unwrap_or('\u{FFFD}');
            if verb == '%' {
                self.out().push(b'%');
            } else if !c.good_arg_num {
                self.bad_arg(verb, "(BADINDEX)");
            } else if c.arg_num >= args.len() {
                self.bad_arg(verb, "(MISSING)");
            } else {
                if verb == 'w' {
                    self.wrapped_errs.push(c.arg_num);
                }
                if verb == 'v' || verb == 'w' {
                    self.set_v_flags();
                }
                self.print_arg(unpack(&args[c.arg_num]), verb);
                c.arg_num += 1;
            }
        }
        self.reordered = c.reordered;
        if !c.reordered && c.arg_num < args.len() {
            self.extra_args(&args[c.arg_num..]);
        }
    }

    fn bad_arg(&mut self, verb: char, what: &str) {
        self.write_str("%!");
        self.write_str(verb.encode_utf8(&mut [0; 4]));
        self.write_str(what);
    }

    /// `%!(EXTRA int=3, string=x)`.
    fn extra_args(&mut self, extra: &[Value]) {
        self.fmt.clear_flags();
        self.write_str("%!(EXTRA ");
        for (i, a) in extra.iter().enumerate() {
            if self.full() {
                return;
            }
            if i > 0 {
                self.write_str(", ");
            }
            match unpack(a) {
                None => self.write_str("<nil>"),
                Some((ty, v)) => {
                    let name = self.types.name(ty);
                    self.write_str(&name);
                    self.out().push(b'=');
                    self.print_arg(Some((ty, v)), 'v');
                }
            }
        }
        self.out().push(b')');
    }

    /// `Print`: a space between operands when neither is a string.
    pub fn do_print(&mut self, args: &[Value]) {
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            if self.full() {
                return;
            }
            let arg = unpack(a);
            let is_string = arg.is_some_and(|(ty, _)| {
                matches!(
                    self.types.under(ty),
                    Type::Basic(BasicKind::String | BasicKind::UntypedString)
                )
            });
            if i > 0 && !is_string && !prev_string {
                self.out().push(b' ');
            }
            self.fmt.clear_flags();
            self.print_arg(arg, 'v');
            prev_string = is_string;
        }
    }

    /// `Println`: always a space between operands, then a newline.
    pub fn do_println(&mut self, args: &[Value]) {
        for (i, a) in args.iter().enumerate() {
            if self.full() {
                return;
            }
            if i > 0 {
                self.out().push(b' ');
            }
            self.fmt.clear_flags();
            self.print_arg(unpack(a), 'v');
        }
        self.out().push(b'\n');
    }
}
