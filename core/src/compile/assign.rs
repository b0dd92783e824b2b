//! Assignments: lvalues, `=`, op-assign and `++`/`--`, with Go's order of
//! evaluation (index and pointer operands first, then the right side, then
//! the stores from left to right).

use crate::diag::Pos;
use crate::syntax::ast::{BinOp, Expr, ExprKind};
use crate::types::{consts as tc, BasicKind, Type, TypeId};
use crate::vm::op::{Op, Reg};

use super::func::{Local, VarId};
use super::operand::{Mode, Operand};
use super::vars::{Found, Store};
use super::{Compiler, Entity};

#[derive(Clone, Debug)]
pub enum LValue {
    Blank,
    Var(VarId),
    /// `*p`, or a field/element reached through a pointer.
    Ptr(Reg),
    Map {
        m: Reg,
        k: Reg,
        v: TypeId,
    },
    /// An element of a slice (its backing array is shared).
    SliceElem {
        s: Reg,
        i: Reg,
    },
    /// A field of a struct value held by another lvalue.
    Field(Box<LValue>, u16),
    /// An element of an array value held by another lvalue.
    ArrayElem(Box<LValue>, Reg),
}

impl Compiler<'_> {
    /// A register holding `o` that later stores of the same statement
    /// cannot change (`i, x[i] = 1, 2` indexes with the old `i`).
    fn snapshot(&mut self, o: &Operand, ty: TypeId) -> Reg {
        if let Mode::Value { reg, var: true } = o.mode {
            let t = self.f().alloc();
            self.f().emit(Op::Move { dst: t, src: reg });
            return t;
        }
        self.to_reg(o, ty)
    }

    /// Resolves an assignable expression; `None` after reporting an error.
    pub fn lvalue(&mut self, e: &Expr, plain: bool) -> Option<(LValue, TypeId)> {
        match &e.kind {
            ExprKind::Paren(x) => self.lvalue(x, plain),
            ExprKind::Ident(n) if n == "_" => Some((LValue::Blank, tc::INVALID)),
            ExprKind::Ident(n) => match self.lookup(n) {
                Found::Local(Local::Var(v)) => {
                    if !plain {
                        self.vars[v].used = true;
                    }
                    self.record_name(e, super::stackbuf::Name::Var(v));
                    Some((LValue::Var(v), self.vars[v].ty))
                }
                Found::Pkg(Entity::Var { g }) => {
                    let v = self.globals[g as usize];
                    self.record_name(e, super::stackbuf::Name::Var(v));
                    Some((LValue::Var(v), self.vars[v].ty))
                }
                Found::None if !matches!(n.as_str(), "true" | "false" | "nil" | "iota") => {
                    self.err(e.pos, format!("undefined: {}", n));
                    None
                }
                _ => self.not_assignable(e),
            },
            ExprKind::Star(p) => {
                let po = self.value(p);
                if po.is_invalid() {
                    return None;
                }
                let Type::Pointer(b) = self.types.under(po.ty).clone() else {
                    self.err(
                        e.pos,
                        format!(
                            "invalid operation: cannot indirect {}",
                            self.describe(p, &po)
                        ),
                    );
                    return None;
                };
                let r = self.snapshot(&po, tc::INVALID);
                Some((LValue::Ptr(r), b))
            }
            ExprKind::Selector(x, sel) => {
                let xt = self.lvalue_base_type(x)?;
                let ptr = matches!(self.types.under(xt), Type::Pointer(_));
                let (path, idx, fty) = match self.lookup_member(xt, &sel.name) {
                    Ok(super::methods::Member::Field { path, idx, ty }) => (path, idx, ty),
                    Ok(_) => return self.not_assignable(e),
                    Err(super::methods::LookupErr::Ambiguous) => {
                        self.err(sel.pos, format!("ambiguous selector {}.{}", self.expr_text(x), sel.name));
                        return None;
                    }
                    Err(super::methods::LookupErr::NotFound) => {
                        if !matches!(self.types.under(xt), Type::Struct(_) | Type::Pointer(_)) {
                            let xo = self.value(e);
                            if !xo.is_invalid() {
                                return self.not_assignable(e);
                            }
                            return None;
                        }
                        self.err(
                            sel.pos,
                            format!(
                                "{}.{} undefined (type {} has no field or method {})",
                                self.expr_text(x),
                                sel.name,
                                self.tname(xt),
                                sel.name
                            ),
                        );
                        return None;
                    }
                };
                if !ptr {
                    if let ExprKind::Index(m, _) = &super::expr::strip_parens(x).kind {
                        let mt = self.peek_type_of(m);
                        if mt.is_some_and(|t| matches!(self.types.under(t), Type::Map(..))) {
                            self.err(e.pos, format!("cannot assign to struct field {} in map", self.expr_text(e)));
                            return None;
                        }
                    }
                }
                let mut cur = if ptr {
                    let po = self.value(x);
                    LValue::Ptr(self.to_reg(&po, tc::INVALID))
                } else {
                    self.lvalue(x, false)?.0
                };
                for step in path.iter().chain(std::iter::once(&super::methods::Step { idx, ptr: false })) {
                    cur = match cur {
                        LValue::Ptr(p) => {
                            let dst = self.f().alloc();
                            self.f().emit(Op::FieldAddr { dst, p, i: step.idx });
                            if step.ptr {
                                self.f().emit(Op::Load { dst, ptr: dst });
                            }
                            LValue::Ptr(dst)
                        }
                        other if step.ptr => {
                            let v = self.load_lvalue(&other);
                            let dst = self.f().alloc();
                            self.f().emit(Op::Field { dst, x: v, i: step.idx });
                            LValue::Ptr(dst)
                        }
                        other => LValue::Field(Box::new(other), step.idx),
                    };
                }
                Some((cur, fty))
            }
            ExprKind::Index(x, i) => {
                let xt = self.lvalue_base_type(x)?;
                match self.types.under(xt).clone() {
                    Type::Map(k, v) => {
                        let mo = self.value(x);
                        let ko = self.value_untyped(i);
                        self.check_assign(&ko, k, i, "map index");
                        let m = self.snapshot(&mo, tc::INVALID);
                        let kr = self.snapshot(&ko, k);
                        Some((LValue::Map { m, k: kr, v }, v))
                    }
                    Type::Slice(el) => {
                        let so = self.value(x);
                        let io = self.index_value(i, None);
                        let s = self.snapshot(&so, tc::INVALID);
                        let ir = self.snapshot(&io, tc::INT);
                        Some((LValue::SliceElem { s, i: ir }, el))
                    }
                    Type::Array(n, el) => {
                        let (inner, _) = self.lvalue(x, false)?;
                        let io = self.index_value(i, Some(n));
                        let ir = self.snapshot(&io, tc::INT);
                        Some((LValue::ArrayElem(Box::new(inner), ir), el))
                    }
                    Type::Pointer(b) => {
                        let Type::Array(n, el) = self.types.under(b).clone() else {
                            return self.not_assignable(e);
                        };
                        let po = self.value(x);
                        let p = self.to_reg(&po, tc::INVALID);
                        let io = self.index_value(i, Some(n));
                        let ir = self.snapshot(&io, tc::INT);
                        Some((LValue::ArrayElem(Box::new(LValue::Ptr(p)), ir), el))
                    }
                    Type::Basic(BasicKind::String) => {
                        let xo = self.value(x);
                        self.err(e.pos, format!("cannot assign to {} (neither addressable nor a map index expression)", self.describe(e, &Operand::value(0, tc::UINT8)).replace("(value of type uint8)", "(value of type byte)")));
                        let _ = xo;
                        None
                    }
                    _ => {
                        let xo = self.value(x);
                        if !xo.is_invalid() {
                            self.err(x.pos, format!("cannot index {}", self.describe(x, &xo)));
                        }
                        None
                    }
                }
            }
            _ => {
                let o = self.expr(e);
                if o.is_invalid() {
                    return None;
                }
                self.not_assignable(e)
            }
        }
    }

    fn not_assignable(&mut self, e: &Expr) -> Option<(LValue, TypeId)> {
        let n = self.diags.len();
        let o = self.value(e);
        self.diags.truncate(n);
        if !o.is_invalid() {
            let d = self.describe(e, &o);
            self.err(
                e.pos,
                format!(
                    "cannot assign to {} (neither addressable nor a map index expression)",
                    d
                ),
            );
        }
        None
    }

    /// The static type of the base of an lvalue, without emitting code
    /// when it is a plain variable.
    pub(super) fn lvalue_base_type(&mut self, x: &Expr) -> Option<TypeId> {
        if let ExprKind::Ident(n) = &super::expr::strip_parens(x).kind {
            return match self.lookup(n) {
                Found::Local(Local::Var(v)) => Some(self.vars[v].ty),
                Found::Pkg(Entity::Var { g }) => Some(self.vars[self.globals[g as usize]].ty),
                _ => {
                    let o = self.value(x);
                    if o.is_invalid() {
                        None
                    } else {
                        Some(o.ty)
                    }
                }
            };
        }
        self.peek_type_of(x)
    }

    pub(super) fn peek_type_of(&mut self, x: &Expr) -> Option<TypeId> {
        let n = self.diags.len();
        let save = (self.f().code.len(), self.f().next);
        let o = self.value(x);
        // Drop the code: the lvalue walk evaluates the operand itself.
        let f = self.f();
        f.code.truncate(save.0);
        f.lines.truncate(save.0);
        f.next = save.1;
        if o.is_invalid() {
            self.diags.truncate(n);
            let _ = self.value(x);
            return None;
        }
        self.diags.truncate(n);
        Some(o.ty)
    }

    pub fn load_lvalue(&mut self, lv: &LValue) -> Reg {
        match lv {
            LValue::Blank => self.f().alloc(),
            LValue::Var(v) => self.read_var_quiet(*v),
            LValue::Ptr(p) => {
                let t = self.f().alloc();
                self.f().emit(Op::Load { dst: t, ptr: *p });
                t
            }
            LValue::Map { m, k, v } => {
                let t = self.f().alloc();
                self.f().emit(Op::MapGet {
                    dst: t,
                    m: *m,
                    k: *k,
                    zero: *v,
                });
                t
            }
            LValue::SliceElem { s, i } => {
                let t = self.f().alloc();
                self.f().emit(Op::Index {
                    dst: t,
                    x: *s,
                    i: *i,
                });
                t
            }
            LValue::Field(inner, i) => {
                let x = self.load_lvalue(inner);
                let t = self.f().alloc();
                self.f().emit(Op::Field { dst: t, x, i: *i });
                t
            }
            LValue::ArrayElem(inner, i) => {
                let x = self.load_lvalue(inner);
                let t = self.f().alloc();
                self.f().emit(Op::Index { dst: t, x, i: *i });
                t
            }
        }
    }

    pub fn store_lvalue(&mut self, lv: &LValue, src: Reg) {
        match lv {
            LValue::Blank => {}
            LValue::Var(v) => self.write_var(*v, src),
            LValue::Ptr(p) => {
                self.f().emit(Op::Store { ptr: *p, src });
            }
            LValue::Map { m, k, .. } => {
                self.f().emit(Op::MapSet {
                    m: *m,
                    k: *k,
                    v: src,
                });
            }
            LValue::SliceElem { s, i } => {
                self.f().emit(Op::SetIndex { x: *s, i: *i, src });
            }
            LValue::Field(inner, i) | LValue::ArrayElem(inner, i) => {
                let field = matches!(lv, LValue::Field(..));
                let i = *i;
                // A struct/array living in this function's register is
                // updated in place; anything else is read, updated, written back.
                if let LValue::Var(v) = **inner {
                    if let Store::Reg(r) = self.vars[v].store {
                        if self.vars[v].depth == self.depth() {
                            self.emit_set(field, r, i, src);
                            return;
                        }
                    }
                }
                let x = self.load_lvalue(inner);
                let t = self.f().alloc();
                self.f().emit(Op::Move { dst: t, src: x });
                self.emit_set(field, t, i, src);
                self.store_lvalue(inner, t);
            }
        }
    }

    fn emit_set(&mut self, field: bool, x: Reg, i: u16, src: Reg) {
        if field {
            self.f().emit(Op::SetField { x, i, src });
        } else {
            self.f().emit(Op::SetIndex { x, i, src });
        }
    }

    pub fn assign(&mut self, lhs: &[Expr], rhs: &[Expr], op: Option<BinOp>, pos: Pos) {
        if let Some(op) = op {
            return self.op_assign(&lhs[0], &rhs[0], op);
        }
        let mut lvs = Vec::new();
        for l in lhs {
            lvs.push(self.lvalue(l, true));
        }
        let ops = self.rhs_values(lhs.len(), rhs, pos, "assignment", false);
        if ops.len() != lhs.len() {
            return;
        }
        // Evaluate everything, then store left to right.
        let mut srcs = Vec::new();
        for (i, (o, e)) in ops.iter().enumerate() {
            let Some((lv, ty)) = &lvs[i] else {
                srcs.push(None);
                continue;
            };
            if matches!(lv, LValue::Blank) {
                if matches!(o.mode, Mode::Nil) {
                    let at = e.as_ref().map(|e| e.pos).unwrap_or(lhs[i].pos);
                    self.err(at, "use of untyped nil in assignment to _ identifier");
                }
                srcs.push(None);
                continue;
            }
            let ok = match e {
                Some(e) => self.check_assign(o, *ty, e, "assignment"),
                None => self.assignable(o, *ty).is_ok(),
            };
            if !ok {
                srcs.push(None);
                continue;
            }
            let r = if lhs.len() > 1 || self.holds_sync(*ty) {
                let t = self.f().alloc();
                self.load_into(o, *ty, t);
                self.copy_sync_here(o, *ty, t);
                t
            } else {
                self.to_reg(o, *ty)
            };
            srcs.push(Some(r));
        }
        for (i, s) in srcs.iter().enumerate() {
            if let (Some(r), Some((lv, _))) = (s, &lvs[i]) {
                self.store_lvalue(lv, *r);
            }
        }
    }

    fn op_assign(&mut self, l: &Expr, r: &Expr, op: BinOp) {
        let Some((lv, ty)) = self.lvalue(l, false) else {
            self.value(r);
            return;
        };
        if matches!(lv, LValue::Blank) {
            self.err(l.pos, "cannot use _ as value");
            return;
        }
        let cur = self.load_lvalue(&lv);
        let cur_op = Operand {
            mode: Mode::Value {
                reg: cur,
                var: true,
            },
            ty,
        };
        let res = self.binary_operands(l, op, l, cur_op, r);
        if res.is_invalid() {
            return;
        }
        let src = self.to_reg(&res, ty);
        self.store_lvalue(&lv, src);
    }

    pub fn inc_dec(&mut self, target: &Expr, inc: bool, pos: Pos) {
        let _ = pos;
        let Some((lv, ty)) = self.lvalue(target, false) else {
            return;
        };
        if matches!(lv, LValue::Blank) {
            self.err(target.pos, "cannot use _ as value");
            return;
        }
        let Some(kind) = self.types.basic(ty).filter(|k| k.is_numeric()) else {
            let sym = if inc { "++" } else { "--" };
            self.err(
                target.pos,
                format!(
                    "invalid operation: {}{} (non-numeric type {})",
                    self.expr_text(target),
                    sym,
                    self.tname(ty)
                ),
            );
            return;
        };
        let cur = self.load_lvalue(&lv);
        let dst = match lv {
            LValue::Var(v) if !self.is_cell(v) => cur,
            _ => self.f().alloc(),
        };
        if kind.is_integer() {
            self.f().emit(Op::AddIK {
                dst,
                a: cur,
                k: if inc { 1 } else { -1 },
            });
            self.wrap(dst, kind);
        } else {
            let one = self.f().alloc();
            let k = self.f().konst(crate::vm::value::Value::Float(1.0));
            self.f().emit(Op::Const { dst: one, k });
            self.f().emit(if inc {
                Op::AddF {
                    dst,
                    a: cur,
                    b: one,
                }
            } else {
                Op::SubF {
                    dst,
                    a: cur,
                    b: one,
                }
            });
            if kind == BasicKind::Float32 {
                self.f().emit(Op::RoundF32 { dst });
            }
        }
        self.store_lvalue(&lv, dst);
    }
}
