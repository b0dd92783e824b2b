//! The printer state (Go's `pp`) and its per-kind verb dispatch.

use super::addr;
use super::format::{Fmt, LDIGITS, UDIGITS};
use super::methods::{self, Method};
use crate::types::{BasicKind, TypeId, TypeTable};
use crate::vm::value::Value;

/// Output past this size stops the walk of composite values, so huge or
/// self-referencing values cannot exhaust memory.
pub const MAX_OUTPUT: usize = 256 << 20;
/// Nesting past this depth prints `...` (values can contain themselves
/// through interfaces; Go would overflow its stack).
pub const MAX_DEPTH: usize = 64;

/// A dynamic value to print: its type and value; `None` is a nil interface.
pub type Arg<'v> = Option<(TypeId, &'v Value)>;

/// Unpacks an interface value (`Value::Iface` or nil) into an `Arg`.
pub fn unpack(v: &Value) -> Arg<'_> {
    match v {
        Value::Iface(i) => Some((i.ty, &i.val)),
        _ => None,
    }
}

pub struct Printer<'a> {
    pub types: &'a TypeTable,
    pub fmt: Fmt,
    /// Inside `badVerb`: no methods are called, as in Go.
    pub erroring: bool,
    /// `Errorf` accepts `%w`.
    pub wrap_errs: bool,
    /// A user-defined `String`/`Error`/`GoString` method that would have to
    /// run; the host cannot call back into the VM yet.
    pub unsupported: Option<String>,
    /// The output reached `limit` and was cut.
    pub truncated: bool,
    /// Output size at which composite values stop printing.
    pub limit: usize,
    /// Operand indexes of `%w` verbs (for `Errorf`).
    pub wrapped_errs: Vec<usize>,
    /// The last `Printf` used explicit argument indexes.
    pub reordered: bool,
    /// Results of user `String`/`Error` methods the VM ran for this call,
    /// in call order, and how many were used so far. A result that is an
    /// `Array` holds the text of the panic the method raised.
    pub memo: &'a [Value],
    pub memo_pos: usize,
    /// The first user method whose result is not in `memo` yet: the VM
    /// runs it and formats again.
    pub request: Option<(TypeId, Value, &'static str)>,
    /// The VM can run user methods for this printer (`request`).
    pub callbacks: bool,
}

impl<'a> Printer<'a> {
    pub fn new(types: &'a TypeTable) -> Printer<'a> {
        Printer {
            types,
            fmt: Fmt::default(),
            erroring: false,
            wrap_errs: false,
            unsupported: None,
            memo: &[],
            memo_pos: 0,
            request: None,
            callbacks: false,
            truncated: false,
            limit: MAX_OUTPUT,
            wrapped_errs: Vec::new(),
            reordered: false,
        }
    }

    pub fn out(&mut self) -> &mut Vec<u8> {
        &mut self.fmt.buf
    }

    pub fn write_str(&mut self, s: &str) {
        self.fmt.buf.extend_from_slice(s.as_bytes());
    }

    /// Go's `printArg`: a top-level operand.
    pub fn print_arg(&mut self, arg: Arg<'_>, verb: char) {
        let Some((ty, v)) = arg else {
            match verb {
                'T' | 'v' => self.fmt.pad(b"<nil>"),
                _ => self.bad_verb(None, verb),
            }
            return;
        };
        match verb {
            'T' => {
                let name = self.types.name(ty);
                self.fmt.fmt_s(name.as_bytes());
            }
            'p' => self.fmt_pointer(ty, v, 'p'),
            _ => self.print_value(ty, v, verb, 0, false),
        }
    }

    /// Go's `badVerb`: `%!d(string=hi)`.
    pub fn bad_verb(&mut self, arg: Arg<'_>, verb: char) {
        self.erroring = true;
        self.write_str("%!");
        self.write_str(verb.encode_utf8(&mut [0; 4]));
        self.out().push(b'(');
        match arg {
            Some((ty, v)) => {
                let name = self.types.name(ty);
                self.write_str(&name);
                self.out().push(b'=');
                self.print_value(ty, v, 'v', 0, false);
            }
            None => self.write_str("<nil>"),
        }
        self.out().push(b')');
        self.erroring = false;
    }

    /// Go's `handleMethods` for the methods the library defines; `true`
    /// when the value was printed.
    pub fn handle_methods(&mut self, ty: TypeId, v: &Value, mut verb: char) -> bool {
        if self.erroring {
            return false;
        }
        if verb != 'w' && !methods::may_have_methods(self.types, ty) {
            return false;
        }
        if verb == 'w' {
            if !self.wrap_errs || !methods::is_error(self.types, ty, v) {
                self.bad_verb(Some((ty, v)), verb);
                return true;
            }
            verb = 'v';
        }
        if self.fmt.f.sharp_v {
            if let Some(name) = methods::user_method(self.types, ty, &["GoString"]) {
                self.unsupported.get_or_insert(name);
            }
            return false;
        }
        if !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return false;
        }
        match methods::find(self.types, ty, v) {
            Some(Method::Text(s)) => {
                self.fmt_string(ty, v, &s, verb);
                true
            }
            Some(Method::User(name)) => {
                let method: &'static str = if name.ends_with(".Error") { "Error" } else { "String" };
                // The method belongs to the dynamic type inside an interface.
                let (ty, v) = match (self.types.is_interface(ty), v) {
                    (true, Value::Iface(i)) => (i.ty, &i.val),
                    _ => (ty, v),
                };
                if self.request.is_some() {
                    return true;
                }
                match self.memo.get(self.memo_pos) {
                    Some(Value::Array(p)) => {
                        self.memo_pos += 1;
                        let msg = p.first().map(|m| m.as_bytes().to_vec()).unwrap_or_default();
                        // fmt's catchPanic.
                        let out = self.out();
                        out.extend_from_slice(b"%!");
                        let mut b = [0u8; 4];
                        out.extend_from_slice(verb.encode_utf8(&mut b).as_bytes());
                        out.extend_from_slice(b"(PANIC=");
                        out.extend_from_slice(method.as_bytes());
                        out.extend_from_slice(b" method: ");
                        out.extend_from_slice(&msg);
                        out.push(b')');
                        true
                    }
                    Some(s) => {
                        self.memo_pos += 1;
                        let s = s.as_bytes().to_vec();
                        self.fmt_string(ty, v, &s, verb);
                        true
                    }
                    None if self.callbacks => {
                        self.request = Some((ty, v.clone(), method));
                        true
                    }
                    None => {
                        // Previews and panic messages (no VM to ask) fall
                        // back to the plain value.
                        self.unsupported.get_or_insert(name);
                        false
                    }
                }
            }
            None => false,
        }
    }

    pub fn fmt_bool(&mut self, ty: TypeId, v: &Value, verb: char) {
        match verb {
            't' | 'v' => self.fmt.fmt_boolean(v.as_bool()),
            _ => self.bad_verb(Some((ty, v)), verb),
        }
    }

    /// `%x` with a leading `0x` as requested, whatever the `#` flag says.
    pub fn fmt_0x64(&mut self, u: u64, leading_0x: bool) {
        let sharp = self.fmt.f.sharp;
        self.fmt.f.sharp = leading_0x;
        self.fmt.fmt_integer(u, 16, false, 'v', LDIGITS);
        self.fmt.f.sharp = sharp;
    }

    pub fn fmt_integer(&mut self, arg: Arg<'_>, u: u64, signed: bool, verb: char) {
        let f = &mut self.fmt;
        match verb {
            'v' if f.f.sharp_v && !signed => self.fmt_0x64(u, true),
            'v' | 'd' => f.fmt_integer(u, 10, signed, verb, LDIGITS),
            'b' => f.fmt_integer(u, 2, signed, verb, LDIGITS),
            'o' | 'O' => f.fmt_integer(u, 8, signed, verb, LDIGITS),
            'x' => f.fmt_integer(u, 16, signed, verb, LDIGITS),
            'X' => f.fmt_integer(u, 16, signed, verb, UDIGITS),
            'c' => f.fmt_c(u),
            'q' => f.fmt_qc(u),
            'U' => f.fmt_unicode(u),
            _ => self.bad_verb(arg, verb),
        }
    }

    pub fn fmt_float(&mut self, ty: TypeId, v: &Value, size: u32, verb: char) {
        let x = v.as_float();
        match verb {
            'v' => self.fmt.fmt_float(x, size, b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt.fmt_float(x, size, verb as u8, -1),
            'f' | 'e' | 'E' => self.fmt.fmt_float(x, size, verb as u8, 6),
            'F' => self.fmt.fmt_float(x, size, b'f', 6),
            _ => self.bad_verb(Some((ty, v)), verb),
        }
    }

    /// Go's `fmtString`; `ty`/`v` are only for the bad-verb message.
    pub fn fmt_string(&mut self, ty: TypeId, v: &Value, s: &[u8], verb: char) {
        match verb {
            'v' if self.fmt.f.sharp_v => self.fmt.fmt_q(s),
            'v' | 's' => self.fmt.fmt_s(s),
            'x' => self.fmt.fmt_sbx(s, LDIGITS),
            'X' => self.fmt.fmt_sbx(s, UDIGITS),
            'q' => self.fmt.fmt_q(s),
            _ => self.bad_verb(Some((ty, v)), verb),
        }
    }

    /// Go's `fmtPointer` for chans, funcs, maps, pointers and slices.
    pub fn fmt_pointer(&mut self, ty: TypeId, v: &Value, verb: char) {
        use crate::types::Type;
        let pointer_like = matches!(
            self.types.under(ty),
            Type::Chan(..) | Type::Func(_) | Type::Map(..) | Type::Pointer(_) | Type::Slice(_)
        );
        if !pointer_like {
            self.bad_verb(Some((ty, v)), verb);
            return;
        }
        let u = addr::address(v);
        match verb {
            'v' if self.fmt.f.sharp_v => {
                let name = self.types.name(ty);
                self.write_str(&format!("({})(", name));
                if u == 0 {
                    self.write_str("nil");
                } else {
                    self.fmt_0x64(u, true);
                }
                self.out().push(b')');
            }
            'v' if u == 0 => self.fmt.pad(b"<nil>"),
            'v' | 'p' => {
                let lead = !self.fmt.f.sharp;
                self.fmt_0x64(u, lead);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(Some((ty, v)), u, false, verb),
            _ => self.bad_verb(Some((ty, v)), verb),
        }
    }

    /// Basic kinds: bool, integers, floats, strings.
    pub fn print_basic(&mut self, ty: TypeId, k: BasicKind, v: &Value, verb: char) {
        use BasicKind::*;
        match k {
            Bool | UntypedBool => self.fmt_bool(ty, v, verb),
            Float32 => self.fmt_float(ty, v, 32, verb),
            Float64 | UntypedFloat => self.fmt_float(ty, v, 64, verb),
            String | UntypedString => self.fmt_string(ty, v, v.as_bytes(), verb),
            k if k.is_integer() => {
                let u = v.as_int() as u64;
                self.fmt_integer(Some((ty, v)), u, !k.is_unsigned(), verb)
            }
            _ => self.fmt.pad(b"<nil>"),
        }
    }
}
