//! `&x` for every addressable `x` the spec lists: variables, pointer
//! indirections, fields of addressable structs or through pointers
//! (promoted ones included), elements of slices and of addressable
//! arrays or pointers to arrays.

use crate::syntax::ast::{Expr, ExprKind};
use crate::types::{consts as tc, Type, TypeId};
use crate::vm::op::{Op, Reg};

use super::expr::strip_parens;
use super::methods::{Cur, Member};
use super::operand::Operand;
use super::Compiler;

/// Why an expression has no address.
pub enum NoAddr {
    /// Not addressable: the caller reports it in its own words.
    NotAddressable,
    /// Reported already (an error inside the expression).
    Reported,
}

impl Compiler<'_> {
    /// The address of `x` as a pointer operand.
    pub fn addr_of(&mut self, x: &Expr) -> Result<Operand, NoAddr> {
        let inner = strip_parens(x);
        match &inner.kind {
            ExprKind::Ident(n) => {
                let Some(v) = self.lookup_var(n) else { return Err(NoAddr::NotAddressable) };
                self.record_name(inner, super::stackbuf::Name::Var(v));
                self.vars[v].used = true;
                let ty = self.types.intern(Type::Pointer(self.vars[v].ty));
                if !self.is_cell(v) {
                    // Pass one learns which variables need a cell; pass two
                    // gives them one (see `compile`).
                    self.note_needs_cell(v);
                    if self.rec.is_some() {
                        let r = self.read_var(v);
                        return Ok(Operand::value(r, ty));
                    }
                    self.unsupported(inner.pos, "taking the address of this variable");
                    return Err(NoAddr::Reported);
                }
                self.vars[v].mutated = true;
                let c = self.var_cell(v);
                Ok(Operand::value(c, ty))
            }
            ExprKind::Star(p) => {
                let po = self.value(p);
                if po.is_invalid() {
                    return Err(NoAddr::Reported);
                }
                match self.types.under(po.ty) {
                    Type::Pointer(_) => Ok(po),
                    _ => Err(NoAddr::NotAddressable),
                }
            }
            ExprKind::Selector(b, sel) => {
                let Some(bt) = self.peek_type_of(b) else { return Err(NoAddr::Reported) };
                let Ok(Member::Field { path, idx, ty }) = self.lookup_member(bt, &sel.name) else {
                    return Err(NoAddr::NotAddressable);
                };
                let start = if matches!(self.types.under(bt), Type::Pointer(_)) {
                    let bo = self.value(b);
                    self.to_reg(&bo, tc::INVALID)
                } else {
                    let bo = self.addr_of(b)?;
                    self.to_reg(&bo, tc::INVALID)
                };
                let Cur::Ptr(p) = self.walk_path(Cur::Ptr(start), &path) else {
                    return Err(NoAddr::NotAddressable);
                };
                let dst = self.f().alloc();
                self.f().emit(Op::FieldAddr { dst, p, i: idx });
                let pt = self.types.intern(Type::Pointer(ty));
                Ok(Operand::value(dst, pt))
            }
            ExprKind::Index(b, i) => {
                let Some(bt) = self.peek_type_of(b) else { return Err(NoAddr::Reported) };
                match self.types.under(bt).clone() {
                    Type::Slice(el) => {
                        let bo = self.value(b);
                        let io = self.index_value(i, None);
                        let br = self.to_reg(&bo, tc::INVALID);
                        let ir = self.to_reg(&io, tc::INT);
                        let dst = self.f().alloc();
                        self.f().emit(Op::ElemAddr { dst, x: br, i: ir });
                        Ok(Operand::value(dst, self.types.intern(Type::Pointer(el))))
                    }
                    Type::Array(n, el) => {
                        let p = self.addr_of(b)?;
                        let p = self.to_reg(&p, tc::INVALID);
                        Ok(self.array_elem_addr(p, i, n, el))
                    }
                    Type::Pointer(a) => {
                        let Type::Array(n, el) = self.types.under(a).clone() else {
                            return Err(NoAddr::NotAddressable);
                        };
                        let bo = self.value(b);
                        let p = self.to_reg(&bo, tc::INVALID);
                        Ok(self.array_elem_addr(p, i, n, el))
                    }
                    _ => Err(NoAddr::NotAddressable),
                }
            }
            _ => Err(NoAddr::NotAddressable),
        }
    }

    /// `&(*p)[i]` for a pointer `p` to `[n]el`.
    fn array_elem_addr(&mut self, p: Reg, i: &Expr, n: u64, el: TypeId) -> Operand {
        let io = self.index_value(i, Some(n));
        let ir = self.to_reg(&io, tc::INT);
        let dst = self.f().alloc();
        self.f().emit(Op::IndexAddr { dst, p, i: ir });
        Operand::value(dst, self.types.intern(Type::Pointer(el)))
    }
}
