//! Go's `printValue`: walks a value alongside its type.

use super::format::{LDIGITS, UDIGITS};
use super::methods::deref;
use super::printer::{Printer, MAX_DEPTH};
use super::sort::sorted_entries;
use crate::runtime::sync::SyncObj;
use crate::types::{BasicKind, Field, OpaqueKind, Type, TypeId};
use crate::vm::value::Value;

/// Go prints a struct field's methods only when the field is exported
/// (reflect's `CanInterface`).
fn exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}

impl Printer<'_> {
    /// True once the output cap is reached; composite walks stop then.
    pub(super) fn full(&mut self) -> bool {
        if self.fmt.buf.len() <= self.limit {
            return false;
        }
        if !self.truncated {
            self.truncated = true;
            self.write_str("...");
        }
        true
    }

    /// `ro` marks values reached through unexported fields: fmt may not
    /// call their methods.
    pub fn print_value(&mut self, ty: TypeId, v: &Value, verb: char, depth: usize, ro: bool) {
        if self.full() {
            return;
        }
        if depth > MAX_DEPTH {
            self.write_str("...");
            return;
        }
        if !ro && self.handle_methods(ty, v, verb) {
            return;
        }
        let types = self.types;
        match types.under(ty) {
            Type::Basic(k) => self.print_basic(ty, *k, v, verb),
            Type::Map(k, e) => self.print_map(ty, (*k, *e), v, verb, depth, ro),
            Type::Struct(fields) => self.print_struct(ty, fields, v, verb, depth, ro),
            Type::Interface(_) => match v {
                Value::Iface(i) => self.print_value(i.ty, &i.val, verb, depth + 1, ro),
                _ if self.fmt.f.sharp_v => {
                    let name = types.name(ty);
                    self.write_str(&name);
                    self.write_str("(nil)");
                }
                _ => self.write_str("<nil>"),
            },
            Type::Array(_, e) | Type::Slice(e) => self.print_list(ty, *e, v, verb, depth, ro),
            Type::Pointer(e) => {
                // Only at top level, to avoid loops.
                if depth == 0 && !v.is_nil() {
                    if let Type::Array(..)
                    | Type::Slice(_)
                    | Type::Struct(_)
                    | Type::Map(..)
                    | Type::Opaque(_) = types.under(*e)
                    {
                        // A `*sync.Mutex` may be the sync object itself.
                        let inner = match v {
                            Value::Obj(_) => Some(v.clone()),
                            _ => deref(types, *e, v),
                        };
                        if let Some(inner) = inner {
                            self.out().push(b'&');
                            self.print_value(*e, &inner, verb, depth + 1, ro);
                            return;
                        }
                    }
                }
                self.fmt_pointer(ty, v, verb)
            }
            Type::Chan(..) | Type::Func(_) => self.fmt_pointer(ty, v, verb),
            Type::Opaque(k) => self.print_opaque(*k, v, verb),
            Type::Tuple(_) | Type::Named { .. } => {
                let name = types.name(ty);
                self.write_str(&format!("?{}?", name));
            }
        }
    }

    fn print_map(
        &mut self,
        ty: TypeId,
        (kt, et): (TypeId, TypeId),
        v: &Value,
        verb: char,
        depth: usize,
        ro: bool,
    ) {
        let sharp_v = self.fmt.f.sharp_v;
        if sharp_v {
            let name = self.types.name(ty);
            self.write_str(&name);
            if v.is_nil() {
                self.write_str("(nil)");
                return;
            }
            self.out().push(b'{');
        } else {
            self.write_str("map[");
        }
        let entries = match v {
            Value::Map(m) => match m.try_borrow() {
                Ok(m) => sorted_entries(self.types, kt, &m),
                Err(_) => Vec::new(),
            },
            _ => Vec::new(),
        };
        for (i, (k, e)) in entries.iter().enumerate() {
            if self.full() {
                return;
            }
            if i > 0 {
                self.write_str(if sharp_v { ", " } else { " " });
            }
            self.print_value(kt, k, verb, depth + 1, ro);
            self.out().push(b':');
            self.print_value(et, e, verb, depth + 1, ro);
        }
        self.out().push(if sharp_v { b'}' } else { b']' });
    }

    fn print_struct(
        &mut self,
        ty: TypeId,
        fields: &[Field],
        v: &Value,
        verb: char,
        depth: usize,
        ro: bool,
    ) {
        let sharp_v = self.fmt.f.sharp_v;
        if sharp_v {
            let name = self.types.name(ty);
            self.write_str(&name);
        }
        let Value::Struct(vals) = v else {
            let name = self.types.name(ty);
            self.write_str(&format!("?{}?", name));
            return;
        };
        self.out().push(b'{');
        for (i, (f, fv)) in fields.iter().zip(vals.iter()).enumerate() {
            if i > 0 {
                self.write_str(if sharp_v { ", " } else { " " });
            }
            if (self.fmt.f.plus_v || sharp_v) && !f.name.is_empty() {
                self.write_str(&f.name);
                self.out().push(b':');
            }
            self.print_value(f.ty, fv, verb, depth + 1, ro || !exported(&f.name));
            if self.full() {
                return;
            }
        }
        self.out().push(b'}');
    }

    fn print_list(
        &mut self,
        ty: TypeId,
        elem: TypeId,
        v: &Value,
        verb: char,
        depth: usize,
        ro: bool,
    ) {
        // Borrow rather than copy: slices can be huge.
        let slice_arr = match v {
            Value::Slice { arr, off, len, .. } => Some((arr.clone(), *off as usize, *len as usize)),
            _ => None,
        };
        let guard = slice_arr.as_ref().map(|(arr, _, _)| arr.try_borrow());
        let items: &[Value] = match (v, &guard, &slice_arr) {
            (Value::Array(a), _, _) => a,
            (_, Some(Ok(arr)), Some((_, off, len))) => {
                let start = (*off).min(arr.len());
                &arr[start..(start + len).min(arr.len())]
            }
            _ => &[],
        };
        if matches!(verb, 's' | 'q' | 'x' | 'X') && self.types.basic(elem) == Some(BasicKind::Uint8)
        {
            let bytes: Vec<u8> = items.iter().map(|b| b.as_int() as u8).collect();
            match verb {
                's' => self.fmt.fmt_s(&bytes),
                'x' => self.fmt.fmt_sbx(&bytes, LDIGITS),
                'X' => self.fmt.fmt_sbx(&bytes, UDIGITS),
                _ => self.fmt.fmt_q(&bytes),
            }
            return;
        }
        let sharp_v = self.fmt.f.sharp_v;
        if sharp_v {
            // fmt's fast path spells a top-level `[]byte` operand that way;
            // reflect says `[]uint8` everywhere else.
            let name =
                if depth == 0 && *self.types.get(ty) == Type::Slice(crate::types::consts::UINT8) {
                    "[]byte".to_string()
                } else {
                    self.types.name(ty)
                };
            self.write_str(&name);
            if v.is_nil() && matches!(self.types.under(ty), Type::Slice(_)) {
                self.write_str("(nil)");
                return;
            }
            self.out().push(b'{');
        } else {
            self.out().push(b'[');
        }
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.write_str(if sharp_v { ", " } else { " " });
            }
            self.print_value(elem, x, verb, depth + 1, ro);
            if self.full() {
                return;
            }
        }
        self.out().push(if sharp_v { b'}' } else { b']' });
    }

    /// `sync.Mutex` and `sync.WaitGroup` print their internal structs, as
    /// Go 1.27 lays them out.
    fn print_opaque(&mut self, kind: OpaqueKind, v: &Value, verb: char) {
        let obj = match v {
            Value::Obj(o) => o.try_borrow().ok(),
            _ => None,
        };
        let plus = self.fmt.f.plus_v;
        let text = match (kind, obj.as_deref()) {
            (OpaqueKind::Mutex, m) => {
                let state = matches!(m, Some(SyncObj::Mutex(s)) if s.locked) as u64;
                if plus {
                    format!("{{_:{{}} mu:{{state:{} sema:0}}}}", state)
                } else {
                    format!("{{{{}} {{{} 0}}}}", state)
                }
            }
            (OpaqueKind::WaitGroup, w) => {
                let state = match w {
                    Some(SyncObj::WaitGroup(s)) => {
                        ((s.counter as u64) << 32) | s.waiters.len() as u64
                    }
                    _ => 0,
                };
                if plus {
                    format!("{{noCopy:{{}} state:{{_:{{}} _:{{}} v:{}}} sema:0}}", state)
                } else {
                    format!("{{{{}} {{{{}} {{}} {}}} 0}}", state)
                }
            }
            _ => "{}".to_string(),
        };
        let _ = verb;
        self.write_str(&text);
    }
}
