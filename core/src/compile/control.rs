//! Loops, switch and select.

use crate::diag::Pos;
use crate::syntax::ast::{self, Block, CaseClause, CommClause, Expr, ExprKind, Stmt, UnOp};
use crate::types::{consts as tc, BasicKind, ChanDir, Type, TypeId};
use crate::vm::op::{Op, Reg, SelDir, SelectCase, SelectTable, NO_REG};

use super::consts::ConstVal;
use super::func::{BreakKind, Breakable, VarId};
use super::operand::{Mode, Operand};
use super::Compiler;

impl Compiler<'_> {
    pub(super) fn open_breakable(&mut self, kind: BreakKind, label: Option<&ast::Ident>) {
        self.f().breakables.push(Breakable {
            kind,
            label: label.map(|l| l.name.clone()),
            breaks: vec![],
            continues: vec![],
        });
    }

    /// Closes the innermost breakable: breaks go here, continues to `cont`.
    pub(super) fn close_breakable(&mut self, cont: Option<u32>) {
        let Some(b) = self.f().breakables.pop() else {
            return;
        };
        let here = self.f().here();
        for j in b.breaks {
            self.f().patch(j, here);
        }
        for j in b.continues {
            self.f().patch(j, cont.unwrap_or(here));
        }
    }

    pub fn for_stmt(
        &mut self,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &Block,
        label: Option<&ast::Ident>,
    ) {
        self.push_scope();
        let before = self.vars.len();
        if let Some(i) = init {
            self.stmt(i);
        }
        // Go 1.22: each iteration has its own copy of the loop variables.
        let loop_cells: Vec<VarId> = (before..self.vars.len())
            .filter(|v| self.vars[*v].depth == self.depth() && self.is_cell(*v))
            .collect();
        let top = self.f().here();
        let exits = match cond {
            Some(c) => self.jump_if_false(c, "for statement"),
            None => vec![],
        };
        self.open_breakable(BreakKind::Loop, label);
        self.block(body);
        let cont = self.f().here();
        for v in &loop_cells {
            let cur = self.read_var_quiet(*v);
            if let super::vars::Store::Cell(c) = self.vars[*v].store {
                self.f().emit(Op::NewCell { dst: c, src: cur });
            }
        }
        if let Some(p) = post {
            self.stmt(p);
        }
        self.f().emit(Op::Jmp { to: top });
        for x in exits {
            self.f().patch_here(x);
        }
        self.close_breakable(Some(cont));
        self.pop_scope();
    }

    #[allow(clippy::too_many_arguments)]
    /// `for k = range n` with n an integer: Go assigns n to k ("range
    /// clause") first, so an untyped n (`3`, `1<<s`) takes k's type, and a
    /// typed n must be assignable to it. Other range operands unchanged
    /// (settled at their default type).
    fn range_int_operand(&mut self, xo: Operand, x: &Expr, key: &Expr) -> Operand {
        let integer = self.is_kind(xo.ty, |k| k.is_integer());
        if xo.is_invalid() || !integer {
            return if self.is_deferred_float(&xo) { xo } else { self.settle(xo) };
        }
        let Some(lty) = self.lvalue_base_type(key).filter(|t| *t != tc::INVALID) else {
            return self.settle(xo);
        };
        if !self.check_assign(&xo, lty, x, "range clause") {
            return Operand::invalid();
        }
        let t = if self.is_untyped(xo.ty) {
            self.deferred_type(&xo, lty)
        } else {
            xo.ty
        };
        if !self.is_kind(t, |k| k.is_integer()) {
            let msg = format!("cannot use iteration variable of type {}", self.tname(t));
            self.err(key.pos, msg);
            return Operand::invalid();
        }
        if !self.is_untyped(xo.ty) {
            return xo;
        }
        let r = self.f().alloc();
        self.load_into(&xo, t, r);
        Operand::value(r, t)
    }

    /// `1.0 << s`: Go reports ranging over it, not the float shift.
    fn is_deferred_float(&self, xo: &Operand) -> bool {
        matches!(xo.mode, Mode::Deferred(_)) && !self.is_kind(xo.ty, |k| k.is_integer())
    }

    pub fn range_stmt(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
        pos: Pos,
        label: Option<&ast::Ident>,
    ) {
        self.push_scope();
        let xo = self.value_untyped(x);
        let xo = match (define, key) {
            (false, Some(k)) => self.range_int_operand(xo, x, k),
            _ if self.is_deferred_float(&xo) => xo,
            _ => self.settle(xo),
        };
        if xo.is_invalid() {
            self.block(body);
            self.pop_scope();
            return;
        }
        let under = self.types.under(xo.ty).clone();
        let (kt, vt) = match &under {
            Type::Basic(k) if k.is_integer() => (self.default_type(xo.ty), None),
            Type::Basic(BasicKind::String | BasicKind::UntypedString) => (tc::INT, Some(tc::INT32)),
            Type::Slice(el) | Type::Array(_, el) => (tc::INT, Some(*el)),
            Type::Pointer(b) if matches!(self.types.under(*b), Type::Array(..)) => {
                match self.types.under(*b).clone() {
                    Type::Array(_, el) => (tc::INT, Some(el)),
                    _ => (tc::INT, None),
                }
            }
            Type::Map(k, v) => (*k, Some(*v)),
            Type::Chan(dir, el) => {
                if *dir == ChanDir::Send {
                    self.err(
                        x.pos,
                        format!(
                            "invalid operation: range {} receive from send-only channel {}",
                            self.expr_text(x),
                            self.tname(xo.ty)
                        ),
                    );
                }
                (*el, None)
            }
            Type::Func(_) => {
                self.unsupported(x.pos, "range over functions");
                self.pop_scope();
                return;
            }
            _ => {
                self.err(
                    x.pos,
                    format!("cannot range over {}", self.describe(x, &xo)),
                );
                self.pop_scope();
                return;
            }
        };
        if value.is_some() && vt.is_none() {
            let what = if matches!(under, Type::Chan(..)) {
                "range over {} permits only one iteration variable"
            } else {
                "range over {} permits only one iteration variable"
            };
            let v = value.map(|v| v.pos).unwrap_or(pos);
            self.err(v, what.replace("{}", &self.describe(x, &xo)));
            self.pop_scope();
            return;
        }
        let xr = self.f().alloc();
        self.load_into(&xo, tc::INVALID, xr);
        // Hidden loop state lives in registers of its own.
        let ctr = self.f().alloc();
        let lim = self.f().alloc();
        let aux = self.f().alloc_n(2);
        self.f().locals_top = self.f().next;
        let mut exits = Vec::new();
        let top;
        let kind = match &under {
            Type::Map(..) => 1,
            Type::Chan(..) => 2,
            Type::Basic(k) if k.is_integer() => 3,
            Type::Basic(_) => 4,
            _ => 0,
        };
        let mut key_src = ctr;
        let mut val_src = NO_REG;
        match kind {
            1 => {
                self.f().emit(Op::MapIter { dst: ctr, m: xr });
                top = self.f().here();
                let k = if key.is_some() { aux } else { NO_REG };
                let v = if value.is_some() { aux + 1 } else { NO_REG };
                exits.push(self.f().emit(Op::MapNext {
                    it: ctr,
                    k,
                    v,
                    done: 0,
                }));
                key_src = aux;
                val_src = aux + 1;
            }
            2 => {
                top = self.f().here();
                self.f().emit(Op::Recv2 { dst: aux, ch: xr });
                exits.push(self.f().emit(Op::JmpIfNot {
                    cond: aux + 1,
                    to: 0,
                }));
                key_src = aux;
            }
            _ => {
                self.f().emit(Op::Int { dst: ctr, v: 0 });
                let array_ptr_len = match &under {
                    Type::Pointer(b) if value.is_none() => match self.types.under(*b) {
                        Type::Array(n, _) => i32::try_from(*n).ok(),
                        _ => None,
                    },
                    _ => None,
                };
                if kind == 3 {
                    self.f().emit(Op::Move { dst: lim, src: xr });
                } else if let Some(n) = array_ptr_len {
                    // len(p) is constant: a nil *[N]T ranges N times, never
                    // dereferenced (the spec's exception for one variable).
                    self.f().emit(Op::Int { dst: lim, v: n });
                } else {
                    let src = if let Type::Pointer(_) = under {
                        self.f().emit(Op::Load { dst: xr, ptr: xr });
                        xr
                    } else {
                        xr
                    };
                    self.f().emit(Op::Len { dst: lim, x: src });
                }
                top = self.f().here();
                exits.push(self.f().emit(Op::JmpIfNotLtI {
                    a: ctr,
                    b: lim,
                    to: 0,
                }));
                if kind == 4 {
                    if value.is_some() {
                        self.f().emit(Op::DecodeRune {
                            dst: aux,
                            s: xr,
                            i: ctr,
                        });
                    }
                    val_src = aux;
                } else if value.is_some() {
                    self.f().emit(Op::Index {
                        dst: aux,
                        x: xr,
                        i: ctr,
                    });
                    val_src = aux;
                }
            }
        }
        self.open_breakable(BreakKind::Loop, label);
        self.push_scope();
        let pairs = [
            (key, kt, key_src),
            (value, vt.unwrap_or(tc::INVALID), val_src),
        ];
        for (e, ty, src) in pairs {
            let Some(e) = e else { continue };
            if define {
                let ExprKind::Ident(n) = &e.kind else {
                    self.err(
                        e.pos,
                        format!("non-name {} on left side of :=", self.expr_text(e)),
                    );
                    continue;
                };
                let r = self.f().alloc();
                let v = self.declare_var(n, ty, e.pos, r);
                self.init_var(v, src);
            } else if let Some((lv, lty)) = self.lvalue(e, true) {
                let op = Operand::value(src, ty);
                if self.check_assign(&op, lty, e, "assignment") {
                    // Converted: an interface variable gets the boxed value.
                    let r = self.to_reg(&op, lty);
                    self.store_lvalue(&lv, r);
                }
            }
        }
        self.block_stmts(&body.stmts);
        self.pop_scope();
        let cont = self.f().here();
        match kind {
            1 | 2 => {}
            4 => {
                if value.is_none() {
                    self.f().emit(Op::DecodeRune {
                        dst: aux,
                        s: xr,
                        i: ctr,
                    });
                }
                self.f().emit(Op::AddI {
                    dst: ctr,
                    a: ctr,
                    b: aux + 1,
                });
            }
            _ => {
                self.f().emit(Op::AddIK {
                    dst: ctr,
                    a: ctr,
                    k: 1,
                });
            }
        }
        self.f().emit(Op::Jmp { to: top });
        for j in exits {
            self.f().patch_here(j);
        }
        self.close_breakable(Some(cont));
        self.pop_scope();
    }

    pub fn switch_stmt(
        &mut self,
        init: Option<&Stmt>,
        tag: Option<&Expr>,
        cases: &[CaseClause],
        pos: Pos,
        label: Option<&ast::Ident>,
    ) {
        self.push_scope();
        if let Some(i) = init {
            self.stmt(i);
        }
        let (tag_op, tag_e) = match tag {
            Some(t) => {
                let o = self.value(t);
                let ty = self.default_type(o.ty);
                if matches!(o.mode, Mode::Nil) {
                    self.err(t.pos, "use of untyped nil in switch expression");
                }
                let r = self.f().alloc();
                self.load_into(&o, ty, r);
                (
                    Some(Operand {
                        mode: Mode::Value { reg: r, var: false },
                        ty: if o.is_invalid() { tc::INVALID } else { ty },
                    }),
                    Some(t),
                )
            }
            None => (None, None),
        };
        self.f().locals_top = self.f().next;
        let mut seen: Vec<(ConstVal, Pos)> = Vec::new();
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        let mut default = None;
        for (ci, c) in cases.iter().enumerate() {
            let mut js = Vec::new();
            if c.is_default {
                if default.is_some() {
                    self.err(c.pos, "multiple defaults in switch");
                }
                default = Some(ci);
            }
            for e in &c.exprs {
                let mark = self.f().next;
                let o = self.value_untyped(e);
                let cond = match &tag_op {
                    Some(t) => {
                        if let (Some(v), false) = (o.const_val(), t.is_invalid()) {
                            if let Some((_, p)) = seen.iter().find(|(s, _)| s == v) {
                                let _ = p;
                                let shown = Operand::konst(v.clone(), t.ty);
                                let d = self.describe(e, &shown).replacen(
                                    &format!("{} (constant {} of", self.expr_text(e), v.show()),
                                    &format!("{} (constant of", self.expr_text(e)),
                                    1,
                                );
                                self.err(
                                    e.pos,
                                    format!("duplicate case {} in expression switch", d),
                                );
                            } else {
                                seen.push((v.clone(), e.pos));
                            }
                        }
                        let te = tag_e.cloned().unwrap_or_else(|| e.clone());
                        let cmp = Expr {
                            kind: ExprKind::Binary(
                                ast::BinOp::Eq,
                                Box::new(te.clone()),
                                Box::new(e.clone()),
                            ),
                            pos: e.pos,
                        };
                        self.compare_operands(&cmp, ast::BinOp::Eq, &te, t.clone(), e, o)
                    }
                    None => {
                        if !o.is_invalid()
                            && !self.is_kind(o.ty, |k| {
                                matches!(k, BasicKind::Bool | BasicKind::UntypedBool)
                            })
                        {
                            self.err(
                                e.pos,
                                format!(
                                    "invalid case {} in switch (mismatched types {} and bool)",
                                    self.expr_text(e),
                                    self.tname(o.ty)
                                ),
                            );
                        }
                        o
                    }
                };
                if !cond.is_invalid() {
                    let r = self.to_reg(&cond, tc::BOOL);
                    js.push(self.f().emit(Op::JmpIf { cond: r, to: 0 }));
                }
                self.f().next = mark;
            }
            body_jumps.push(js);
        }
        let to_default = self.f().emit(Op::Jmp { to: 0 });
        self.open_breakable(BreakKind::Switch, label);
        let mut ends = Vec::new();
        for (ci, c) in cases.iter().enumerate() {
            let here = self.f().here();
            for j in &body_jumps[ci] {
                self.f().patch(*j, here);
            }
            if default == Some(ci) {
                self.f().patch(to_default, here);
            }
            self.push_scope();
            let (stmts, falls) = match c.body.last() {
                Some(Stmt::Fallthrough(p)) => {
                    if ci + 1 == cases.len() {
                        self.err(*p, "cannot fallthrough final case in switch");
                    }
                    (&c.body[..c.body.len() - 1], true)
                }
                _ => (&c.body[..], false),
            };
            self.block_stmts(stmts);
            self.pop_scope();
            if !falls {
                ends.push(self.f().emit(Op::Jmp { to: 0 }));
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

    pub fn select_stmt(&mut self, cases: &[CommClause], pos: Pos, label: Option<&ast::Ident>) {
        let _ = pos;
        let mut table = SelectTable {
            cases: vec![],
            has_default: false,
        };
        // Per case: how to bind the received values in the body.
        let mut binds: Vec<Option<(&Stmt, Reg, TypeId)>> = Vec::new();
        for c in cases {
            let line = c.pos.line;
            let Some(comm) = &c.comm else {
                if table.has_default {
                    self.err(c.pos, "multiple defaults in select");
                }
                table.has_default = true;
                binds.push(None);
                continue;
            };
            match &**comm {
                Stmt::Send { ch, value, pos } => {
                    let co = self.value(ch);
                    let vo = self.value_untyped(value);
                    if co.is_invalid() {
                        binds.push(None);
                        continue;
                    }
                    let _ = pos;
                    let el = self
                        .chan_elem(ch, ch, &co, ChanDir::Send, "send to")
                        .unwrap_or(tc::INVALID);
                    self.check_assign(&vo, el, value, "send");
                    let chr = self.f().alloc();
                    self.load_into(&co, tc::INVALID, chr);
                    let vr = self.f().alloc();
                    self.load_into(&vo, el, vr);
                    table.cases.push(SelectCase {
                        dir: SelDir::Send,
                        ch: chr,
                        val: vr,
                        ok: NO_REG,
                        line,
                    });
                    binds.push(None);
                }
                s => {
                    let recv = match s {
                        Stmt::Expr(e) => Some(e),
                        Stmt::ShortVar { values, .. }
                        | Stmt::Assign {
                            rhs: values,
                            op: None,
                            ..
                        } if values.len() == 1 => Some(&values[0]),
                        _ => None,
                    };
                    let ch = recv
                        .map(super::expr::strip_parens)
                        .and_then(|e| match &e.kind {
                            ExprKind::Unary(UnOp::Recv, ch) => Some((e, ch)),
                            _ => None,
                        });
                    let Some((re, ch)) = ch else {
                        self.err(s.pos(), "select case must be send or receive (possibly with assignment)");
                        binds.push(None);
                        continue;
                    };
                    let co = self.value(ch);
                    if co.is_invalid() {
                        binds.push(None);
                        continue;
                    }
                    let el = self
                        .chan_elem(re, ch, &co, ChanDir::Recv, "receive from")
                        .unwrap_or(tc::INVALID);
                    let chr = self.f().alloc();
                    self.load_into(&co, tc::INVALID, chr);
                    let dst = self.f().alloc_n(2);
                    let wants_ok = match s {
                        Stmt::ShortVar { names, .. } => names.len() == 2,
                        Stmt::Assign { lhs, .. } => lhs.len() == 2,
                        _ => false,
                    };
                    let has_val = !matches!(s, Stmt::Expr(_));
                    table.cases.push(SelectCase {
                        dir: SelDir::Recv,
                        ch: chr,
                        val: if has_val { dst } else { NO_REG },
                        ok: if wants_ok { dst + 1 } else { NO_REG },
                        line,
                    });
                    binds.push(if has_val { Some((s, dst, el)) } else { None });
                }
            }
        }
        self.f().locals_top = self.f().next;
        let ti = self.f().selects.len() as u32;
        self.f().selects.push(table.clone());
        let sel = self.f().alloc();
        self.f().locals_top = self.f().next;
        self.f().emit(Op::Select {
            table: ti,
            dst: sel,
        });
        self.open_breakable(BreakKind::Select, label);
        // Dispatch on the chosen case index.
        let k = self.f().alloc();
        self.f().locals_top = self.f().next;
        let mut jumps = Vec::new();
        let mut ci = 0usize;
        for c in cases.iter() {
            let idx = if c.comm.is_none() {
                table.cases.len()
            } else {
                ci
            };
            if c.comm.is_some() {
                ci += 1;
            }
            self.f().emit(Op::Int {
                dst: k,
                v: idx as i32,
            });
            self.f().emit(Op::EqI {
                dst: k,
                a: sel,
                b: k,
            });
            jumps.push(self.f().emit(Op::JmpIf { cond: k, to: 0 }));
        }
        let mut ends = vec![self.f().emit(Op::Jmp { to: 0 })];
        for (i, c) in cases.iter().enumerate() {
            self.f().patch_here(jumps[i]);
            self.push_scope();
            if let Some((s, dst, el)) = binds[i] {
                self.bind_recv(s, dst, el);
            }
            self.block_stmts(&c.body);
            self.pop_scope();
            ends.push(self.f().emit(Op::Jmp { to: 0 }));
        }
        for j in ends {
            self.f().patch_here(j);
        }
        self.close_breakable(None);
    }

    /// `case v, ok := <-ch:` / `case x = <-ch:` bindings.
    fn bind_recv(&mut self, s: &Stmt, dst: Reg, el: TypeId) {
        match s {
            Stmt::ShortVar { names, .. } => {
                for (i, id) in names.iter().enumerate() {
                    let ty = if i == 0 { el } else { tc::BOOL };
                    if id.name == "_" {
                        continue;
                    }
                    let r = self.f().alloc();
                    let v = self.declare_var(&id.name, ty, id.pos, r);
                    self.init_var(v, dst + i as Reg);
                }
            }
            Stmt::Assign { lhs, .. } => {
                for (i, l) in lhs.iter().enumerate() {
                    let ty = if i == 0 { el } else { tc::BOOL };
                    if let Some((lv, lty)) = self.lvalue(l, true) {
                        let op = Operand::value(dst + i as Reg, ty);
                        if matches!(lv, super::assign::LValue::Blank)
                            || self.check_assign(&op, lty, l, "assignment")
                        {
                            self.store_lvalue(&lv, dst + i as Reg);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    pub fn local_consts(&mut self, specs: &[ast::ConstSpec]) {
        for sp in specs {
            let vals = self.const_spec_values(sp);
            for (i, id) in sp.names.iter().enumerate() {
                let (v, ty) = vals
                    .get(i)
                    .cloned()
                    .unwrap_or((ConstVal::Int(0), tc::INVALID));
                if id.name == "_" {
                    continue;
                }
                if let Some(s) = self.f().scopes.last_mut() {
                    s.insert(id.name.clone(), super::func::Local::Const(v, ty));
                }
            }
        }
    }

    /// Evaluates one constant spec: (value, type) per name.
    pub fn const_spec_values(&mut self, sp: &ast::ConstSpec) -> Vec<(ConstVal, TypeId)> {
        let saved = self.iota.replace(sp.iota as i128);
        let ty = sp.ty.as_ref().map(|t| self.resolve_type(t));
        let mut out = Vec::new();
        if sp.values.len() != sp.names.len() {
            let p = sp.names.first().map(|n| n.pos).unwrap_or(sp.pos);
            if sp.values.is_empty() {
                self.err(p, "missing init expr for const declaration");
            } else if sp.values.len() < sp.names.len() {
                self.err(p, format!("missing init expr for const declaration"));
            } else {
                self.err(sp.values[sp.names.len()].pos, "extra init expr");
            }
        }
        for (i, _) in sp.names.iter().enumerate() {
            let Some(e) = sp.values.get(i) else {
                out.push((ConstVal::Int(0), tc::INVALID));
                continue;
            };
            let o = self.value_untyped(e);
            let Some(v) = o.const_val().cloned() else {
                if !o.is_invalid() {
                    self.err(e.pos, format!("{} is not constant", self.describe(e, &o)));
                }
                out.push((ConstVal::Int(0), tc::INVALID));
                continue;
            };
            match ty {
                Some(t) if t != tc::INVALID => {
                    if self.types.basic(t).is_none() {
                        self.err(e.pos, format!("invalid constant type {}", self.tname(t)));
                        out.push((v, tc::INVALID));
                    } else if self.check_assign(&o, t, e, "constant declaration") {
                        let k = self.types.basic(t).unwrap_or(BasicKind::Invalid);
                        out.push((super::consts::represent(&v, k).unwrap_or(v), t));
                    } else {
                        out.push((v, tc::INVALID));
                    }
                }
                _ => out.push((v, o.ty)),
            }
        }
        self.iota = saved;
        out
    }

    pub fn local_types(&mut self, specs: &[ast::TypeSpec]) {
        for sp in specs {
            if !sp.type_params.is_empty() {
                self.unsupported(sp.pos, "generics");
                continue;
            }
            if sp.alias {
                let t = self.resolve_type(&sp.ty);
                if let Some(s) = self.f().scopes.last_mut() {
                    s.insert(sp.name.name.clone(), super::func::Local::Type(t));
                }
                continue;
            }
            // Its scope starts at its name, so it can contain itself: only
            // through a pointer, slice, map, channel, function or interface.
            let mut itself = false;
            super::typedecls::direct_names(&sp.ty, &mut |n| itself |= n == sp.name.name);
            if itself {
                self.err(sp.name.pos, format!("invalid recursive type: {} refers to itself", sp.name.name));
                if let Some(s) = self.f().scopes.last_mut() {
                    s.insert(sp.name.name.clone(), super::func::Local::Type(tc::INVALID));
                }
                continue;
            }
            let named = self.types.push_named("main", &sp.name.name, tc::INVALID);
            if let Some(s) = self.f().scopes.last_mut() {
                s.insert(sp.name.name.clone(), super::func::Local::Type(named));
            }
            let u = self.resolve_type(&sp.ty);
            let u = self.types.underlying(u);
            self.types.set_underlying(named, u);
        }
    }
}
