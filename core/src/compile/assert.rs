//! Type assertions `x.(T)` and type switches.

use crate::diag::Pos;
use crate::syntax::ast::{self, Expr, Stmt, TypeCaseClause, TypeExpr};
use crate::types::{consts as tc, TypeId};
use crate::vm::op::{Op, Reg};
use crate::vm::program::Assert;

use super::func::BreakKind;
use super::operand::Operand;
use super::Compiler;

impl Compiler<'_> {
    /// Checks `x.(T)` and compiles `x`; returns `x` in a register and `T`.
    fn assert_operands(&mut self, e: &Expr, x: &Expr, t: Option<&TypeExpr>) -> Option<(Reg, TypeId, TypeId)> {
        let xo = self.value(x);
        let Some(t) = t else {
            self.err(e.pos, "invalid syntax tree: use of .(type) outside type switch");
            return None;
        };
        let to = self.resolve_type(t);
        if xo.is_invalid() || to == tc::INVALID {
            return None;
        }
        if !self.types.is_interface(xo.ty) {
            self.err(x.pos, format!("invalid operation: {} is not an interface", self.describe(x, &xo)));
            return None;
        }
        if !self.check_possible(e.pos, &self.expr_text(e), xo.ty, to) {
            return None;
        }
        let r = self.to_reg(&xo, tc::INVALID);
        Some((r, xo.ty, to))
    }

    /// A concrete `T` must implement the static interface, else the
    /// assertion can never succeed (a compile error in Go).
    fn check_possible(&mut self, pos: Pos, text: &str, from: TypeId, to: TypeId) -> bool {
        if self.types.is_interface(to) {
            return true;
        }
        match self.implements(to, from) {
            Ok(()) => true,
            Err(cause) => {
                self.err(
                    pos,
                    format!(
                        "impossible type assertion: {}\n\t{} does not implement {} {}",
                        text,
                        self.tname(to),
                        self.tname(from),
                        cause
                    ),
                );
                false
            }
        }
    }

    fn push_assert(&mut self, to: TypeId, from: TypeId, ok: bool) -> u32 {
        self.asserts.push(Assert { to, from, ok });
        (self.asserts.len() - 1) as u32
    }

    /// `x.(T)` as a single value (panics on failure).
    pub fn type_assert(&mut self, e: &Expr, x: &Expr, t: Option<&TypeExpr>) -> Operand {
        let Some((r, from, to)) = self.assert_operands(e, x, t) else { return Operand::invalid() };
        let k = self.push_assert(to, from, false);
        let dst = self.f().alloc();
        self.f().emit(Op::Assert { dst, x: r, k });
        Operand::value(dst, to)
    }

    /// `v, ok := x.(T)`: the value and an untyped bool.
    pub fn type_assert_ok(&mut self, e: &Expr, x: &Expr, t: Option<&TypeExpr>) -> Vec<(Operand, Option<Expr>)> {
        let Some((r, from, to)) = self.assert_operands(e, x, t) else {
            return vec![(Operand::invalid(), None), (Operand::invalid(), None)];
        };
        let k = self.push_assert(to, from, true);
        let dst = self.f().alloc_n(2);
        self.f().emit(Op::Assert { dst, x: r, k });
        vec![(Operand::value(dst, to), None), (Operand::value(dst + 1, tc::UNTYPED_BOOL), None)]
    }

    /// `switch [init;] [v :=] x.(type) { case T1, T2: ... case nil: ... }`
    #[allow(clippy::too_many_arguments)]
    pub fn type_switch(
        &mut self,
        init: Option<&Stmt>,
        bind: Option<&ast::Ident>,
        x: &Expr,
        cases: &[TypeCaseClause],
        pos: Pos,
        label: Option<&ast::Ident>,
    ) {
        self.push_scope();
        if let Some(i) = init {
            self.stmt(i);
        }
        let xo = self.value(x);
        let valid = !xo.is_invalid();
        if valid && !self.types.is_interface(xo.ty) {
            self.err(x.pos, format!("{} is not an interface", self.describe(x, &xo)));
        }
        let iface = valid && self.types.is_interface(xo.ty);
        let xr = self.f().alloc();
        self.load_into(&xo, tc::INVALID, xr);
        self.f().locals_top = self.f().next;
        // Per clause: its types (None = nil) and the jumps into its body.
        let mut clause_types: Vec<Vec<Option<TypeId>>> = Vec::new();
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        let mut seen: Vec<Option<TypeId>> = Vec::new();
        let mut default = None;
        for (ci, c) in cases.iter().enumerate() {
            if c.is_default {
                if default.is_some() {
                    self.err(c.pos, "multiple defaults in switch");
                }
                default = Some(ci);
            }
            let mut ts = Vec::new();
            let mut js = Vec::new();
            for te in &c.types {
                let t = match te {
                    None => None,
                    Some(te) => {
                        let t = self.resolve_type(te);
                        if t == tc::INVALID {
                            ts.push(Some(tc::INVALID));
                            continue;
                        }
                        Some(t)
                    }
                };
                let at = te.as_ref().map(|t| t.pos()).unwrap_or(c.pos);
                if seen.contains(&t) {
                    let n = t.map(|t| self.tname(t)).unwrap_or_else(|| "nil".into());
                    self.err(at, format!("duplicate case {} in type switch", n));
                } else {
                    seen.push(t);
                }
                ts.push(t);
                if !iface {
                    continue;
                }
                if let Some(t) = t {
                    if !self.types.is_interface(t) {
                        if let Err(cause) = self.implements(t, xo.ty) {
                            let d = self.describe(x, &xo);
                            self.err(
                                at,
                                format!(
                                    "impossible type switch case: {}\n\t{} cannot have dynamic type {} {}",
                                    self.tname(t),
                                    d,
                                    self.tname(t),
                                    cause
                                ),
                            );
                            continue;
                        }
                    }
                }
                let k = self.push_assert(t.unwrap_or(tc::UNTYPED_NIL), xo.ty, true);
                let mark = self.f().next;
                let d = self.f().alloc_n(2);
                self.f().emit(Op::Assert { dst: d, x: xr, k });
                js.push(self.f().emit(Op::JmpIf { cond: d + 1, to: 0 }));
                self.f().next = mark;
            }
            clause_types.push(ts);
            body_jumps.push(js);
        }
        let to_default = self.f().emit(Op::Jmp { to: 0 });
        self.open_breakable(BreakKind::Switch, label);
        let mut ends = Vec::new();
        let mut bound_used = false;
        let mut bound_vars = Vec::new();
        for (ci, c) in cases.iter().enumerate() {
            let here = self.f().here();
            for j in &body_jumps[ci] {
                self.f().patch(*j, here);
            }
            if default == Some(ci) {
                self.f().patch(to_default, here);
            }
            self.push_scope();
            if let Some(b) = bind {
                let single = match clause_types[ci].as_slice() {
                    [Some(t)] => Some(*t),
                    _ => None,
                };
                let (ty, r) = match single {
                    Some(t) if t != tc::INVALID && iface => {
                        let k = self.push_assert(t, xo.ty, true);
                        let d = self.f().alloc_n(2);
                        self.f().emit(Op::Assert { dst: d, x: xr, k });
                        (t, d)
                    }
                    Some(t) => (t, xr),
                    None => (if valid { xo.ty } else { tc::INVALID }, xr),
                };
                let vr = self.f().alloc();
                self.f().emit(Op::Move { dst: vr, src: r });
                let cell = self.f().escapes.contains(&b.name);
                let v = if cell {
                    let c = self.f().alloc();
                    let v = self.declare_var(&b.name, ty, b.pos, c);
                    self.init_var(v, vr);
                    v
                } else {
                    self.declare_var(&b.name, ty, b.pos, vr)
                };
                bound_vars.push(v);
            }
            let (stmts, falls) = match c.body.last() {
                Some(Stmt::Fallthrough(p)) => {
                    self.err(*p, "cannot fallthrough in type switch");
                    (&c.body[..c.body.len() - 1], true)
                }
                _ => (&c.body[..], false),
            };
            self.block_stmts(stmts);
            if let Some(&v) = bound_vars.last() {
                bound_used |= self.vars[v].used;
                self.vars[v].used = true;
            }
            self.pop_scope();
            if !falls {
                ends.push(self.f().emit(Op::Jmp { to: 0 }));
            }
        }
        if let Some(b) = bind {
            if !bound_used {
                self.err(b.pos, format!("{} declared and not used", b.name));
            }
        }
        if default.is_none() {
            self.f().patch_here(to_default);
        }
        for j in ends {
            self.f().patch_here(j);
        }
        self.close_breakable(None);
        let _ = pos;
        self.pop_scope();
    }
}
