//! Composite literals and zero values.

use crate::syntax::ast::{Element, Expr, ExprKind, TypeExpr};
use crate::types::{consts as tc, BasicKind, Type, TypeId};
use crate::vm::op::{Op, Reg};
use crate::vm::value::Value;

use super::consts::ConstVal;
use super::operand::Operand;
use super::Compiler;

impl Compiler<'_> {
    /// The zero value of `ty` into `dst`.
    pub fn emit_zero(&mut self, ty: TypeId, dst: Reg) {
        let u = self.types.under(ty).clone();
        let f = self.f();
        match u {
            Type::Basic(k) if k.is_integer() => {
                f.emit(Op::Int { dst, v: 0 });
            }
            Type::Basic(k) if k.is_float() => {
                let k = f.konst(Value::Float(0.0));
                f.emit(Op::Const { dst, k });
            }
            Type::Basic(BasicKind::String | BasicKind::UntypedString) => {
                let k = f.konst(Value::str(""));
                f.emit(Op::Const { dst, k });
            }
            Type::Basic(BasicKind::Bool | BasicKind::UntypedBool) => {
                f.emit(Op::Bool { dst, v: false });
            }
            Type::Struct(_) | Type::Array(..) | Type::Opaque(_) => {
                f.emit(Op::Zero { dst, ty });
            }
            _ => {
                f.emit(Op::Nil { dst });
            }
        }
    }

    pub fn composite(
        &mut self,
        e: &Expr,
        ty: Option<&TypeExpr>,
        elems: &[Element],
        hint: Option<TypeId>,
    ) -> Operand {
        let t = match ty {
            Some(TypeExpr::Array(None, el, _)) => {
                let el = self.resolve_type(el);
                let n = self.literal_len(elems);
                self.types.intern(Type::Array(n, el))
            }
            Some(t) => self.resolve_type(t),
            None => match hint {
                Some(h) => h,
                None => {
                    self.err(e.pos, "invalid composite literal type: missing type");
                    return Operand::invalid();
                }
            },
        };
        if t == tc::INVALID {
            return Operand::invalid();
        }
        if let Some(rec) = &mut self.rec {
            // Elided inner literals are not checked through `expr`.
            rec.types.insert(super::stackbuf::addr(e), t);
        }
        match self.types.under(t).clone() {
            Type::Struct(fields) => self.struct_lit(e, t, &fields, elems),
            // `sync.Mutex{}`, `&sync.RWMutex{}`: a fresh zero object.
            Type::Opaque(_) if elems.is_empty() => {
                let dst = self.f().alloc();
                self.f().emit(Op::Zero { dst, ty: t });
                Operand::value(dst, t)
            }
            Type::Array(n, el) => {
                let dst = self.f().alloc();
                if !self.indexed_lit(t, el, Some(n), elems, dst) {
                    return Operand::invalid();
                }
                Operand::value(dst, t)
            }
            Type::Slice(el) => {
                let dst = self.f().alloc();
                if !self.indexed_lit(t, el, None, elems, dst) {
                    return Operand::invalid();
                }
                Operand::value(dst, t)
            }
            Type::Map(k, v) => {
                let dst = self.f().alloc();
                self.f().emit(Op::MakeMap { dst });
                // Constant keys seen so far, by their type (an interface
                // key holds the constant's default type) and value.
                let mut seen = std::collections::HashSet::new();
                for el in elems {
                    let mark = self.f().next;
                    let Some(key) = &el.key else {
                        self.err(el.value.pos, "missing key in map literal");
                        continue;
                    };
                    let ko = self.elem_value(key, k);
                    self.check_assign(&ko, k, key, "map literal");
                    if let Some(c) = ko.const_val().and_then(|c| self.map_key_const(c, ko.ty, k)) {
                        if !seen.insert(c.clone()) {
                            self.err(key.pos, format!("duplicate key {} in map literal", c.1));
                        }
                    }
                    let kr = self.to_reg(&ko, k);
                    let vo = self.elem_value(&el.value, v);
                    self.check_assign(&vo, v, &el.value, "map literal");
                    let vr = self.to_reg(&vo, v);
                    self.f().emit(Op::MapSet {
                        m: dst,
                        k: kr,
                        v: vr,
                    });
                    self.f().next = mark;
                }
                Operand::value(dst, t)
            }
            // A type already reported (an invalid recursive type).
            Type::Basic(BasicKind::Invalid) => Operand::invalid(),
            _ => {
                self.err(
                    e.pos,
                    format!("invalid composite literal type {}", self.tname(t)),
                );
                Operand::invalid()
            }
        }
    }

    /// An element value; elided literal types (`{1, 2}` in `[]Point{...}`)
    /// take the element type.
    fn elem_value(&mut self, v: &Expr, el: TypeId) -> Operand {
        if let ExprKind::Composite { ty: None, elems } = &v.kind {
            if let Type::Pointer(b) = self.types.under(el).clone() {
                let o = self.composite(v, None, elems, Some(b));
                if o.is_invalid() {
                    return o;
                }
                let r = self.to_reg(&o, b);
                let dst = self.f().alloc();
                self.f().emit(Op::NewCell { dst, src: r });
                return Operand::value(dst, el);
            }
            return self.composite(v, None, elems, Some(el));
        }
        self.value_untyped(v)
    }

    fn literal_len(&mut self, elems: &[Element]) -> u64 {
        let mut i: i128 = 0;
        let mut max: i128 = 0;
        for el in elems {
            if let Some(k) = &el.key {
                if let ExprKind::Int(n) = k.kind {
                    i = n;
                }
            }
            i += 1;
            max = max.max(i);
        }
        max as u64
    }

    fn struct_lit(
        &mut self,
        e: &Expr,
        t: TypeId,
        fields: &[crate::types::Field],
        elems: &[Element],
    ) -> Operand {
        let n = fields.len() as u32;
        let a = self.f().alloc_n(n.max(1));
        let keyed = elems.first().is_some_and(|el| el.key.is_some());
        let mut set = vec![false; fields.len()];
        for (i, el) in elems.iter().enumerate() {
            let idx = if keyed {
                let Some(ExprKind::Ident(name)) = el.key.as_ref().map(|k| &k.kind) else {
                    self.err(
                        el.value.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                    continue;
                };
                match fields.iter().position(|f| &f.name == name) {
                    Some(p) => p,
                    None => {
                        let kpos = el.key.as_ref().map(|k| k.pos).unwrap_or(e.pos);
                        self.err(
                            kpos,
                            format!(
                                "unknown field {} in struct literal of type {}",
                                name,
                                self.tname(t)
                            ),
                        );
                        continue;
                    }
                }
            } else {
                if el.key.is_some() {
                    self.err(
                        el.value.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                    continue;
                }
                if i >= fields.len() {
                    self.err(
                        el.value.pos,
                        format!(
                            "too many values in struct literal of type {}",
                            self.tname(t)
                        ),
                    );
                    break;
                }
                i
            };
            if set[idx] {
                self.err(
                    el.value.pos,
                    format!(
                        "duplicate field name {} in struct literal",
                        fields[idx].name
                    ),
                );
                continue;
            }
            set[idx] = true;
            let mark = self.f().next;
            let fty = fields[idx].ty;
            let vo = self.elem_value(&el.value, fty);
            self.check_assign(&vo, fty, &el.value, "struct literal");
            self.load_into(&vo, fty, a + idx as Reg);
            self.f().next = mark;
        }
        if !keyed && !elems.is_empty() && elems.len() < fields.len() {
            let p = self.rbrace(e);
            self.err(
                p,
                format!("too few values in struct literal of type {}", self.tname(t)),
            );
        }
        for (i, f) in fields.iter().enumerate() {
            if !set[i] {
                self.emit_zero(f.ty, a + i as Reg);
            }
        }
        let dst = self.f().alloc();
        self.f().emit(Op::StructLit {
            dst,
            a,
            n: n as u16,
        });
        Operand::value(dst, t)
    }

    fn rbrace(&self, e: &Expr) -> crate::diag::Pos {
        e.pos
    }

    fn indexed_lit(
        &mut self,
        t: TypeId,
        el: TypeId,
        len: Option<u64>,
        elems: &[Element],
        dst: Reg,
    ) -> bool {
        let mut idx: i128 = 0;
        let mut vals: Vec<(usize, Operand, &Expr)> = Vec::new();
        let mut ok = true;
        let mut max = 0usize;
        let kind = if len.is_some() { "array" } else { "slice" };
        for elem in elems {
            if let Some(k) = &elem.key {
                let ko = self.value(k);
                match ko.const_val().and_then(|v| v.as_int()) {
                    Some(n) if n >= 0 => idx = n,
                    _ => {
                        if !ko.is_invalid() {
                            self.err(
                                k.pos,
                                format!("index {} must be integer constant", self.expr_text(k)),
                            );
                        }
                        ok = false;
                        continue;
                    }
                }
            }
            if let Some(l) = len {
                if idx as u128 >= l as u128 {
                    self.err(
                        elem.value.pos,
                        format!("index {} is out of bounds (>= {})", idx, l),
                    );
                    ok = false;
                    break;
                }
            }
            if idx > 100_000 {
                self.unsupported(elem.value.pos, "literals this large");
                return false;
            }
            if vals.iter().any(|(i, _, _)| *i as i128 == idx) {
                self.err(
                    elem.value.pos,
                    format!("duplicate index {} in {} literal", idx, kind),
                );
                ok = false;
            }
            let vo = self.elem_value(&elem.value, el);
            ok &= self.check_assign(
                &vo,
                el,
                &elem.value,
                &format!("{} or slice literal", "array"),
            );
            vals.push((idx as usize, vo, &elem.value));
            idx += 1;
            max = max.max(idx as usize);
        }
        let n = len.map(|l| l as usize).unwrap_or(max);
        if n > 100_000 {
            let p = self.f().pos;
            self.unsupported(p, "literals this large");
            return false;
        }
        let a = self.f().alloc_n(n as u32);
        let mut set = vec![false; n];
        for (i, vo, _) in &vals {
            if *i < n {
                self.load_into(vo, el, a + *i as Reg);
                set[*i] = true;
            }
        }
        for (i, s) in set.iter().enumerate() {
            if !s {
                self.emit_zero(el, a + i as Reg);
            }
        }
        if len.is_some() {
            self.f().emit(Op::ArrayLit {
                dst,
                a,
                n: n as u16,
            });
        } else {
            self.f().emit(Op::SliceLit {
                dst,
                a,
                n: n as u16,
            });
        }
        let _ = (t, ConstVal::Bool(false));
        ok
    }
}

impl Compiler<'_> {
    /// A constant map key as `(type, Go's spelling)`, converted to the key
    /// type `k` as the map stores it (for an interface key, to the
    /// constant's default type); None if it does not convert.
    fn map_key_const(&mut self, c: &ConstVal, ty: TypeId, k: TypeId) -> Option<(TypeId, String)> {
        let kt = if self.types.is_interface(k) { self.default_type(ty) } else { k };
        let v = match self.types.basic(kt) {
            Some(b) => crate::compile::consts::represent(c, b).ok()?,
            None => c.clone(),
        };
        Some((kt, v.show()))
    }
}
