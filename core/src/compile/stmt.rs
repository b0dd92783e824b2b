//! Statements (loops, switch and select are in `control.rs`).

use crate::diag::Pos;
use crate::syntax::ast::{self, Block, Expr, ExprKind, Stmt, UnOp};
use crate::types::{consts as tc, BasicKind, ChanDir, Type, TypeId};
use crate::vm::op::{Op, Reg};

use super::call::{CallPlan, Callee};
use super::func::{BreakKind, FnState, Local};
use super::operand::{Builtin, Mode, Operand};
use super::Compiler;

impl Compiler<'_> {
    pub fn block_stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    pub fn block(&mut self, b: &Block) {
        self.push_scope();
        self.block_stmts(&b.stmts);
        self.pop_scope();
    }

    pub fn stmt(&mut self, s: &Stmt) {
        self.set_line(s.pos());
        let mark = self.f().next;
        self.stmt_inner(s, None);
        let f = self.f();
        f.next = mark.max(f.locals_top);
    }

    pub fn stmt_inner(&mut self, s: &Stmt, label: Option<&ast::Ident>) {
        if let Some(moves) = self.plan.moves.get(&super::stackbuf::addr(s)).cloned() {
            for m in &moves {
                self.emit_move2heap(m);
            }
        }
        match s {
            Stmt::Expr(e) => self.expr_stmt(e),
            Stmt::Var(specs) => {
                for sp in specs {
                    self.var_spec(sp);
                }
            }
            Stmt::Const(specs) => self.local_consts(specs),
            Stmt::Type(specs) => self.local_types(specs),
            Stmt::ShortVar { names, values, pos } => self.short_var(names, values, *pos),
            Stmt::Assign { lhs, rhs, op, pos } => self.assign(lhs, rhs, *op, *pos),
            Stmt::IncDec { target, inc, pos } => self.inc_dec(target, *inc, *pos),
            Stmt::Send { ch, value, pos } => self.send(ch, value, *pos),
            Stmt::Go(e, pos) => self.go_defer(e, *pos, true),
            Stmt::Defer(e, pos) => self.go_defer(e, *pos, false),
            Stmt::Return(es, pos) => self.ret(es, *pos),
            Stmt::Break(l, pos) => self.branch(l.as_ref(), *pos, true),
            Stmt::Continue(l, pos) => self.branch(l.as_ref(), *pos, false),
            Stmt::Goto(l, pos) => {
                let _ = pos;
                let j = self.f().emit(Op::Jmp { to: 0 });
                self.f().gotos.push((l.name.clone(), j, l.pos));
            }
            Stmt::Fallthrough(pos) => self.err(*pos, "fallthrough statement out of place"),
            Stmt::Block(b) => self.block(b),
            Stmt::If {
                init,
                cond,
                then,
                els,
                ..
            } => self.if_stmt(init.as_deref(), cond, then, els.as_deref()),
            Stmt::For {
                init,
                cond,
                post,
                body,
                ..
            } => self.for_stmt(init.as_deref(), cond.as_ref(), post.as_deref(), body, label),
            Stmt::Range {
                key,
                value,
                define,
                expr,
                body,
                pos,
            } => self.range_stmt(
                key.as_ref(),
                value.as_ref(),
                *define,
                expr,
                body,
                *pos,
                label,
            ),
            Stmt::Switch {
                init,
                tag,
                cases,
                pos,
            } => self.switch_stmt(init.as_deref(), tag.as_ref(), cases, *pos, label),
            Stmt::TypeSwitch { init, bind, expr, cases, pos } => {
                self.type_switch(init.as_deref(), bind.as_ref(), expr, cases, *pos, label)
            }
            Stmt::Select { cases, pos } => self.select_stmt(cases, *pos, label),
            Stmt::Labeled { label: l, stmt } => {
                if l.name != "_" {
                    if self.f().labels.contains_key(&l.name) {
                        self.err(l.pos, format!("label {} already defined", l.name));
                    }
                    self.f().labels.insert(l.name.clone(), (l.pos, false));
                    let here = self.f().here();
                    self.f().label_pc.insert(l.name.clone(), here);
                }
                self.stmt_inner(stmt, Some(l));
            }
            Stmt::Empty(_) => {}
        }
    }

    fn expr_stmt(&mut self, e: &Expr) {
        let inner = super::expr::strip_parens(e);
        if let ExprKind::Call { func, .. } = &inner.kind {
            // Builtins whose value must be used.
            if let ExprKind::Ident(n) = &func.kind {
                if matches!(
                    n.as_str(),
                    "len" | "cap" | "append" | "make" | "new" | "min" | "max" | "complex"
                ) && matches!(self.lookup(n), super::vars::Found::None)
                {
                    let op = self.expr(e);
                    if !op.is_invalid() {
                        self.err(e.pos, format!("{} is not used", self.describe(e, &op)));
                    }
                    return;
                }
            }
            let op = self.expr(e);
            if let Mode::Const(_) | Mode::Type = op.mode {
                if !op.is_invalid() {
                    self.err(e.pos, format!("{} is not used", self.describe(e, &op)));
                }
            }
            return;
        }
        if let ExprKind::Unary(UnOp::Recv, _) = &inner.kind {
            self.expr(e);
            return;
        }
        let op = self.expr(e);
        if !op.is_invalid() {
            self.err(e.pos, format!("{} is not used", self.describe(e, &op)));
        }
    }

    /// Declares `names` with values already in registers (or zero).
    pub fn var_spec(&mut self, sp: &ast::VarSpec) {
        let ty = sp.ty.as_ref().map(|t| self.resolve_type(t));
        let n = sp.names.len();
        let regs: Vec<Reg> = (0..n).map(|_| self.f().alloc()).collect();
        if sp.values.is_empty() {
            let ty = ty.unwrap_or(tc::INVALID);
            for (i, id) in sp.names.iter().enumerate() {
                let v = self.declare_var(&id.name, ty, id.pos, regs[i]);
                let t = if self.is_cell(v) {
                    self.f().alloc()
                } else {
                    regs[i]
                };
                self.emit_zero(ty, t);
                self.init_var(v, t);
            }
            return;
        }
        let ops = self.rhs_values(n, &sp.values, sp.pos, "variable declaration", true);
        for (i, id) in sp.names.iter().enumerate() {
            let (op, e) = ops.get(i).cloned().unwrap_or((Operand::invalid(), None));
            let vty = match ty {
                Some(t) => {
                    if let Some(e) = &e {
                        self.check_assign(&op, t, e, "variable declaration");
                    }
                    t
                }
                None => self.infer_var_type(&op, e.as_ref(), id),
            };
            let v = self.declare_var(&id.name, vty, id.pos, regs[i]);
            let t = if self.is_cell(v) {
                self.f().alloc()
            } else {
                regs[i]
            };
            self.load_into(&op, vty, t);
            self.copy_sync_here(&op, vty, t);
            self.init_var(v, t);
        }
    }

    /// The type of `x := v` / `var x = v`.
    pub fn infer_var_type(
        &mut self,
        op: &Operand,
        e: Option<&Expr>,
        id: &ast::Ident,
    ) -> crate::types::TypeId {
        if matches!(op.mode, Mode::Nil) {
            if let Some(e) = e {
                self.err(e.pos, "use of untyped nil in assignment");
            }
            return tc::INVALID;
        }
        let _ = id;
        let t = self.default_type(op.ty);
        if let (Some(k), Some(v)) = (self.types.basic(t), op.const_val()) {
            if super::consts::represent(v, k).is_err() {
                if let Some(e) = e {
                    let d = self.describe(e, op);
                    self.err(
                        e.pos,
                        format!(
                            "cannot use {} as {} value in variable declaration (overflows)",
                            d,
                            self.tname(t)
                        ),
                    );
                }
            }
        }
        t
    }

    /// Evaluates the right side of an `n`-variable assignment: either `n`
    /// single values or one multi-valued expression.
    pub fn rhs_values(
        &mut self,
        n: usize,
        values: &[Expr],
        pos: Pos,
        ctx: &str,
        decl: bool,
    ) -> Vec<(Operand, Option<Expr>)> {
        let _ = (ctx, decl);
        if values.len() == 1 && n > 1 {
            let e = &values[0];
            if let Some(ops) = self.comma_ok(e, n) {
                return ops;
            }
            let op = self.expr(e);
            if let (Mode::Multi(r), Type::Tuple(ts)) =
                (op.mode.clone(), self.types.get(op.ty).clone())
            {
                if ts.len() != n {
                    let callee = match &e.kind {
                        ExprKind::Call { func, .. } => self.expr_text(func),
                        _ => self.expr_text(e),
                    };
                    self.err(
                        values[0].pos,
                        format!(
                            "assignment mismatch: {} variable{} but {} returns {} value{}",
                            n,
                            plural(n),
                            callee,
                            ts.len(),
                            plural(ts.len())
                        ),
                    );
                    return vec![];
                }
                return ts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (Operand::value(r + i as Reg, *t), None))
                    .collect();
            }
            if !op.is_invalid() {
                let what = if let ExprKind::Call { func, .. } = &e.kind {
                    let c = if matches!(op.mode, Mode::NoValue) {
                        0
                    } else {
                        1
                    };
                    format!("{} returns {} value{}", self.expr_text(func), c, plural(c))
                } else {
                    "1 value".to_string()
                };
                self.err(
                    e.pos,
                    format!(
                        "assignment mismatch: {} variable{} but {}",
                        n,
                        plural(n),
                        what
                    ),
                );
            }
            return vec![];
        }
        if values.len() != n {
            for v in values {
                self.expr(v);
            }
            self.err(
                values.first().map(|v| v.pos).unwrap_or(pos),
                format!(
                    "assignment mismatch: {} variable{} but {} value{}",
                    n,
                    plural(n),
                    values.len(),
                    plural(values.len())
                ),
            );
            return vec![];
        }
        let mut out = Vec::new();
        for v in values {
            let op = self.value_untyped(v);
            // Values are kept in registers of their own until every one is
            // evaluated (`a, b = b, a`).
            let op = match op.mode {
                Mode::Value { reg, var: true } if n > 1 => {
                    let t = self.f().alloc();
                    self.f().emit(Op::Move { dst: t, src: reg });
                    Operand::value(t, op.ty)
                }
                _ => op,
            };
            out.push((op, Some(v.clone())));
        }
        out
    }

    /// `v, ok = m[k]` and `v, ok = <-ch`.
    fn comma_ok(&mut self, e: &Expr, n: usize) -> Option<Vec<(Operand, Option<Expr>)>> {
        if n != 2 {
            return None;
        }
        let inner = super::expr::strip_parens(e);
        match &inner.kind {
            ExprKind::Index(x, i) => {
                let xt = self.peek_expr_type(x)?;
                let Type::Map(k, v) = self.types.under(xt).clone() else {
                    return None;
                };
                let xo = self.value(x);
                let ko = self.value_untyped(i);
                self.check_assign(&ko, k, i, "map index");
                let xr = self.to_reg(&xo, tc::INVALID);
                let kr = self.to_reg(&ko, k);
                let dst = self.f().alloc_n(2);
                self.f().emit(Op::MapGet2 {
                    dst,
                    m: xr,
                    k: kr,
                    zero: v,
                });
                Some(vec![
                    (Operand::value(dst, v), None),
                    (Operand::value(dst + 1, tc::UNTYPED_BOOL), None),
                ])
            }
            ExprKind::Unary(UnOp::Recv, x) => {
                let xo = self.value(x);
                if xo.is_invalid() {
                    return Some(vec![(Operand::invalid(), None), (Operand::invalid(), None)]);
                }
                let el = self.chan_elem(inner, x, &xo, ChanDir::Recv, "receive from")?;
                let ch = self.to_reg(&xo, tc::INVALID);
                let dst = self.f().alloc_n(2);
                self.f().emit(Op::Recv2 { dst, ch });
                Some(vec![
                    (Operand::value(dst, el), None),
                    (Operand::value(dst + 1, tc::UNTYPED_BOOL), None),
                ])
            }
            ExprKind::TypeAssert(x, t) => Some(self.type_assert_ok(inner, x, t.as_deref())),
            _ => None,
        }
    }

    /// The type of a map-ish expression without emitting code for it.
    fn peek_expr_type(&mut self, x: &Expr) -> Option<crate::types::TypeId> {
        // Compile into a scratch function and throw the code away.
        let mut scratch = FnState::new(String::new(), Pos::default());
        scratch.scopes.clear();
        scratch.scope_vars.clear();
        scratch.next = self.f().next;
        scratch.closure = true;
        let nd = self.diags.len();
        self.fns.push(scratch);
        let op = self.expr(x);
        let st = self.fns.pop();
        // Captures made while peeking would be lost: only trust simple cases.
        let _ = st;
        self.diags.truncate(nd);
        if op.is_invalid() {
            return None;
        }
        Some(op.ty)
    }

    fn short_var(&mut self, names: &[ast::Ident], values: &[Expr], pos: Pos) {
        let n = names.len();
        // Which names are new in this scope.
        let mut fresh = Vec::new();
        let mut any_new = false;
        for (i, id) in names.iter().enumerate() {
            let dup = names[..i]
                .iter()
                .any(|p| p.name == id.name && id.name != "_");
            if dup {
                self.err(id.pos, format!("{} repeated on left side of :=", id.name));
            }
            let existing = if id.name == "_" {
                None
            } else {
                self.f()
                    .scopes
                    .last()
                    .and_then(|s| s.get(&id.name))
                    .cloned()
            };
            let is_new = existing.is_none() && !dup;
            if is_new && id.name != "_" {
                any_new = true;
            }
            fresh.push((is_new, existing));
        }
        if !any_new {
            self.err(pos, "no new variables on left side of :=");
            // Go checks the statement as an assignment: the variables are
            // not reported as unused on top of that.
            for (_, e) in &fresh {
                if let Some(Local::Var(v)) = e {
                    self.vars[*v].used = true;
                }
            }
        }
        let regs: Vec<Option<Reg>> = fresh
            .iter()
            .map(|(new, _)| if *new { Some(self.f().alloc()) } else { None })
            .collect();
        // A single value goes straight into the new variable's register.
        let ops = self.rhs_values(n, values, pos, "assignment", true);
        if ops.len() != n {
            for (i, id) in names.iter().enumerate() {
                if let Some(r) = regs[i] {
                    let v = self.declare_var(&id.name, tc::INVALID, id.pos, r);
                    self.vars[v].used = true;
                }
            }
            return;
        }
        for (i, id) in names.iter().enumerate() {
            let (op, e) = ops[i].clone();
            match (&fresh[i].1, regs[i]) {
                (_, Some(r)) => {
                    let ty = self.infer_var_type(&op, e.as_ref(), id);
                    let v = self.declare_var(&id.name, ty, id.pos, r);
                    let t = if self.is_cell(v) { self.f().alloc() } else { r };
                    self.load_into(&op, ty, t);
                    self.copy_sync_here(&op, ty, t);
                    self.init_var(v, t);
                }
                (Some(Local::Var(v)), None) => {
                    let v = *v;
                    if let Some(rec) = &mut self.rec {
                        rec.decls.insert(id.pos, v);
                    }
                    let ty = self.vars[v].ty;
                    if let Some(e) = &e {
                        self.check_assign(&op, ty, e, "assignment");
                    }
                    let src = self.to_reg(&op, ty);
                    self.write_var(v, src);
                }
                _ => {
                    if id.name == "_" {
                        if matches!(op.mode, Mode::Nil) {
                            self.err(id.pos, "use of untyped nil in assignment");
                        }
                        continue;
                    }
                    self.err(id.pos, format!("cannot assign to {}", id.name));
                }
            }
        }
    }

    fn send(&mut self, ch: &Expr, value: &Expr, pos: Pos) {
        let co = self.value(ch);
        let vo = self.value_untyped(value);
        if co.is_invalid() {
            return;
        }
        let _ = pos;
        let Some(el) = self.chan_elem(ch, ch, &co, ChanDir::Send, "send to") else {
            return;
        };
        if vo.is_invalid() || !self.check_assign(&vo, el, value, "send") {
            return;
        }
        let c = self.to_reg(&co, tc::INVALID);
        let v = self.to_reg(&vo, el);
        self.f().emit(Op::Send { ch: c, v });
    }

    fn go_defer(&mut self, e: &Expr, pos: Pos, go: bool) {
        let kw = if go { "go" } else { "defer" };
        let inner = super::expr::strip_parens(e);
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &inner.kind
        else {
            self.expr(e);
            self.err(e.pos, format!("expression in {} must be function call", kw));
            return;
        };
        let _ = pos;
        match self.prepare_call(inner, func, args, *ellipsis) {
            CallPlan::Done(op) => {
                if !op.is_invalid() {
                    let what = if matches!(op.mode, Mode::Const(_)) || self.is_conversion(func) {
                        "conversion"
                    } else {
                        "call"
                    };
                    if what == "conversion" {
                        self.err(
                            e.pos,
                            format!("{} requires function call, not conversion", kw),
                        );
                    } else {
                        self.err(
                            e.pos,
                            format!("{} discards result of {}", kw, self.expr_text(e)),
                        );
                    }
                }
            }
            CallPlan::Call(p) => {
                if let Callee::Builtin(b, _, _) = &p.callee {
                    if matches!(
                        b,
                        Builtin::Append
                            | Builtin::Len
                            | Builtin::Cap
                            | Builtin::Make
                            | Builtin::New
                    ) {
                        self.err(
                            e.pos,
                            format!("{} discards result of {}", kw, self.expr_text(e)),
                        );
                        return;
                    }
                }
                let fv = match &p.callee {
                    Callee::Func(f) => {
                        let r = self.f().alloc();
                        self.f().emit(Op::Func { dst: r, f: *f });
                        r
                    }
                    Callee::Value(r) => *r,
                    _ => {
                        let idx = self.wrapper(&p, go);
                        let r = self.f().alloc();
                        self.f().emit(Op::Func { dst: r, f: idx });
                        r
                    }
                };
                let (a, nargs) = (p.base, p.nargs);
                self.f().reserve(a as u32 + nargs as u32);
                self.f().emit(if go {
                    Op::Go { fv, a, nargs }
                } else {
                    Op::Defer { fv, a, nargs }
                });
            }
        }
    }

    fn is_conversion(&mut self, func: &Expr) -> bool {
        matches!(func.kind, ExprKind::Type(_))
    }

    /// A synthetic function running a builtin or library call on arguments
    /// evaluated at the `go`/`defer` statement.
    fn wrapper(&mut self, p: &super::call::Prepared, go: bool) -> u32 {
        let n = {
            let f = self.f();
            if go {
                f.ngowrap += 1;
                format!("{}.gowrap{}", f.name, f.ngowrap)
            } else {
                f.ndeferwrap += 1;
                format!("{}.deferwrap{}", f.name, f.ndeferwrap)
            }
        };
        let name = if n.starts_with("runtime.main.") {
            n.replacen("runtime.main", "main.init", 1)
        } else {
            n
        };
        let idx = self.reserve_func();
        let line = self.f().line;
        let mut st = FnState::new(name, self.f().pos);
        st.line = line;
        st.nparams = p.nargs;
        self.fns.push(st);
        self.f().alloc_n(p.nargs as u32);
        let q = super::call::Prepared {
            callee: p.callee.clone(),
            base: 0,
            nargs: p.nargs,
            results: p.results.clone(),
        };
        self.invoke(&q);
        self.f().emit(Op::Ret { a: 0, n: 0 });
        self.finish_fn(idx);
        idx
    }

    fn ret(&mut self, es: &[Expr], pos: Pos) {
        let results = self.f().results.clone();
        if es.is_empty() {
            if results.is_empty() {
                self.f().emit(Op::Ret { a: 0, n: 0 });
                return;
            }
            let named = self.f().named_results.clone();
            if named.len() != results.len() {
                self.err(
                    pos,
                    format!(
                        "not enough return values\n\thave ()\n\twant ({})",
                        self.tnames(&results)
                    ),
                );
                return;
            }
            self.emit_named_epilogue();
            return;
        }
        let ops: Vec<(Operand, Option<Expr>)> = if es.len() == 1 && results.len() > 1 {
            let op = self.expr(&es[0]);
            match (op.mode.clone(), self.types.get(op.ty).clone()) {
                (Mode::Multi(r), Type::Tuple(ts)) => ts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (Operand::value(r + i as Reg, *t), None))
                    .collect(),
                _ => vec![(self.single(&es[0], op), Some(es[0].clone()))],
            }
        } else {
            es.iter()
                .map(|e| (self.value_untyped(e), Some(e.clone())))
                .collect()
        };
        if ops.len() != results.len() {
            if ops.iter().any(|(o, _)| o.is_invalid()) {
                return;
            }
            let have: Vec<String> = ops.iter().map(|(o, _)| self.have_type(o)).collect();
            let (q, at) = if ops.len() > results.len() {
                (
                    "too many",
                    es.get(results.len()).map(|e| e.pos).unwrap_or(pos),
                )
            } else {
                ("not enough", es[0].pos)
            };
            self.err(
                at,
                format!(
                    "{} return values\n\thave ({})\n\twant ({})",
                    q,
                    have.join(", "),
                    self.tnames(&results)
                ),
            );
            return;
        }
        let named = self.f().named_results.clone();
        if !named.is_empty() && named.len() == results.len() {
            // `return x, y` assigns the named results, then deferred calls
            // run (and may change them), then their values are returned.
            let base = self.f().alloc_n(ops.len() as u32);
            for (i, (op, e)) in ops.iter().enumerate() {
                if let Some(e) = e {
                    self.check_assign(op, results[i], e, "return statement");
                }
                self.load_into(op, results[i], base + i as Reg);
                self.copy_sync_here(op, results[i], base + i as Reg);
            }
            for (i, v) in named.iter().enumerate() {
                self.write_var(*v, base + i as Reg);
            }
            self.emit_named_epilogue();
            return;
        }
        if ops.len() == 1 {
            let (op, e) = &ops[0];
            if let Some(e) = e {
                self.check_assign(op, results[0], e, "return statement");
            }
            let mut r = self.to_reg(op, results[0]);
            if matches!(op.mode, Mode::Value { var: true, .. }) && self.holds_sync(results[0]) {
                let t = self.f().alloc();
                self.f().emit(Op::Move { dst: t, src: r });
                self.copy_sync_here(op, results[0], t);
                r = t;
            }
            self.f().emit(Op::Ret { a: r, n: 1 });
            return;
        }
        let base = self.f().alloc_n(ops.len() as u32);
        for (i, (op, e)) in ops.iter().enumerate() {
            if let Some(e) = e {
                self.check_assign(op, results[i], e, "return statement");
            }
            self.load_into(op, results[i], base + i as Reg);
            self.copy_sync_here(op, results[i], base + i as Reg);
        }
        self.f().emit(Op::Ret {
            a: base,
            n: ops.len() as u16,
        });
    }

    /// `RunDefers`, then the named results' current values, then `Ret`.
    pub(super) fn emit_named_epilogue(&mut self) {
        let named = self.f().named_results.clone();
        self.f().emit(Op::RunDefers);
        let base = self.f().alloc_n(named.len() as u32);
        for (i, v) in named.iter().enumerate() {
            let r = self.read_var_quiet(*v);
            self.f().emit(Op::Move { dst: base + i as Reg, src: r });
        }
        self.f().emit(Op::Ret { a: base, n: named.len() as u16 });
    }

    /// The function's last instructions, where a frame whose panic was
    /// recovered resumes (the VM looks for the last `RunDefers`): remaining
    /// deferred calls, then the named results, or zero values for unnamed
    /// ones, are returned.
    pub(super) fn emit_recover_epilogue(&mut self, results: &[TypeId]) {
        if results.is_empty() {
            self.f().emit(Op::RunDefers);
            self.f().emit(Op::Ret { a: 0, n: 0 });
            return;
        }
        if self.f().named_results.len() == results.len() {
            self.emit_named_epilogue();
            return;
        }
        self.f().emit(Op::RunDefers);
        let base = self.f().alloc_n(results.len() as u32);
        for (i, t) in results.iter().enumerate() {
            self.emit_zero(*t, base + i as Reg);
        }
        self.f().emit(Op::Ret { a: base, n: results.len() as u16 });
    }

    fn have_type(&self, o: &Operand) -> String {
        if matches!(o.mode, Mode::Nil) {
            return "nil".into();
        }
        match self.types.basic(o.ty) {
            Some(BasicKind::UntypedInt | BasicKind::UntypedFloat | BasicKind::UntypedRune) => {
                "number".into()
            }
            Some(BasicKind::UntypedString) => "string".into(),
            Some(BasicKind::UntypedBool) => "bool".into(),
            _ => self.tname(o.ty),
        }
    }

    pub fn tnames(&self, ts: &[crate::types::TypeId]) -> String {
        ts.iter()
            .map(|t| self.tname(*t))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn branch(&mut self, label: Option<&ast::Ident>, pos: Pos, brk: bool) {
        let kw = if brk { "break" } else { "continue" };
        let idx = match label {
            Some(l) => {
                if let Some(e) = self.f().labels.get_mut(&l.name) {
                    e.1 = true;
                }
                let i = self
                    .f()
                    .breakables
                    .iter()
                    .rposition(|b| b.label.as_deref() == Some(l.name.as_str()));
                match i {
                    Some(i) if brk || self.f().breakables[i].kind == BreakKind::Loop => i,
                    _ => {
                        if self.f().labels.contains_key(&l.name) {
                            self.err(l.pos, format!("invalid {} label {}", kw, l.name));
                        } else {
                            self.err(l.pos, format!("{} label not defined: {}", kw, l.name));
                        }
                        return;
                    }
                }
            }
            None => {
                let i = if brk {
                    self.f().breakables.len().checked_sub(1)
                } else {
                    self.f()
                        .breakables
                        .iter()
                        .rposition(|b| b.kind == BreakKind::Loop)
                };
                match i {
                    Some(i) => i,
                    None => {
                        let msg = if brk {
                            "break is not in a loop, switch, or select"
                        } else {
                            "continue is not in a loop"
                        };
                        self.err(pos, msg);
                        return;
                    }
                }
            }
        };
        let j = self.f().emit(Op::Jmp { to: 0 });
        let b = &mut self.f().breakables[idx];
        if brk {
            b.breaks.push(j);
        } else {
            b.continues.push(j);
        }
    }

    fn if_stmt(&mut self, init: Option<&Stmt>, cond: &Expr, then: &Block, els: Option<&Stmt>) {
        self.push_scope();
        if let Some(i) = init {
            self.stmt(i);
        }
        let exits = self.jump_if_false(cond, "if statement");
        self.block(then);
        if let Some(e) = els {
            let j = self.f().emit(Op::Jmp { to: 0 });
            for x in exits {
                self.f().patch_here(x);
            }
            self.stmt(e);
            self.f().patch_here(j);
        } else {
            for x in exits {
                self.f().patch_here(x);
            }
        }
        self.pop_scope();
    }

    /// Evaluates a condition and jumps (patch list returned) when false.
    pub fn jump_if_false(&mut self, cond: &Expr, what: &str) -> Vec<usize> {
        let c = super::expr::strip_parens(cond);
        let mark = self.f().next;
        if let ExprKind::Binary(ast::BinOp::LAnd, a, b) = &c.kind {
            let mut j = self.jump_if_false(a, what);
            j.extend(self.jump_if_false(b, what));
            return j;
        }
        if let ExprKind::Binary(op @ (ast::BinOp::Lt | ast::BinOp::Gt), a, b) = &c.kind {
            let ao = self.value_untyped(a);
            let bo = self.value_untyped(b);
            let int = |c: &Self, o: &Operand| {
                !o.is_invalid()
                    && !c.is_untyped(o.ty)
                    && c.is_kind(o.ty, |k| k.is_integer() && !k.is_unsigned())
            };
            let ok = (int(self, &ao)
                && (bo.ty == ao.ty || matches!(bo.mode, Mode::Const(_)) && self.is_untyped(bo.ty)))
                || (int(self, &bo) && matches!(ao.mode, Mode::Const(_)) && self.is_untyped(ao.ty));
            if ok {
                let t = if int(self, &ao) { ao.ty } else { bo.ty };
                let okc = |c: &mut Self, o: &Operand, e: &Expr| match o.const_val() {
                    Some(v) => {
                        super::consts::represent(v, c.types.basic(t).unwrap_or(BasicKind::Int))
                            .is_ok()
                            || {
                                c.err(
                                    e.pos,
                                    format!("{} overflows {}", c.describe(e, o), c.tname(t)),
                                );
                                false
                            }
                    }
                    None => true,
                };
                if okc(self, &ao, a) && okc(self, &bo, b) {
                    // `x < k` with a small constant k: one fused instruction.
                    let (var_op, k_op) = if *op == ast::BinOp::Lt { (&ao, &bo) } else { (&bo, &ao) };
                    let k = k_op.const_val().and_then(|v| v.as_int()).and_then(|i| i16::try_from(i).ok());
                    if let (Some(k), false) = (k, matches!(var_op.mode, Mode::Const(_))) {
                        let a = self.to_reg(var_op, t);
                        let j = self.f().emit(Op::JmpIfNotLtIK { a, k, to: 0 });
                        self.f().next = mark;
                        return vec![j];
                    }
                    let (ar, br) = (self.to_reg(&ao, t), self.to_reg(&bo, t));
                    let (x, y) = if *op == ast::BinOp::Lt {
                        (ar, br)
                    } else {
                        (br, ar)
                    };
                    let j = self.f().emit(Op::JmpIfNotLtI { a: x, b: y, to: 0 });
                    self.f().next = mark;
                    return vec![j];
                }
                self.f().next = mark;
                return vec![];
            }
            // Fall back to the generic path (re-evaluating would duplicate
            // side effects, so compare the operands we already have).
            let e2 = Expr {
                kind: ExprKind::Binary(*op, a.clone(), b.clone()),
                pos: c.pos,
            };
            let _ = e2;
            let r = self.compare_operands(c, *op, a, ao, b, bo);
            return self.cond_jump(c, r, what, mark);
        }
        let o = self.value(c);
        self.cond_jump(c, o, what, mark)
    }

    fn cond_jump(&mut self, c: &Expr, o: Operand, what: &str, mark: u32) -> Vec<usize> {
        if o.is_invalid() {
            return vec![];
        }
        if !self.is_kind(o.ty, |k| {
            matches!(k, BasicKind::Bool | BasicKind::UntypedBool)
        }) {
            self.err(c.pos, format!("non-boolean condition in {}", what));
            return vec![];
        }
        let r = self.to_reg(&o, tc::BOOL);
        let j = self.f().emit(Op::JmpIfNot { cond: r, to: 0 });
        self.f().next = mark;
        vec![j]
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Go's "terminating statement" (spec: Terminating statements).
pub fn terminating_list(stmts: &[Stmt]) -> bool {
    // Trailing empty statements do not count.
    let mut it = stmts
        .iter()
        .rev()
        .skip_while(|s| matches!(s, Stmt::Empty(_)));
    it.next().is_some_and(|s| terminating(s, None))
}

fn terminating(s: &Stmt, label: Option<&str>) -> bool {
    match s {
        Stmt::Return(..) | Stmt::Goto(..) => true,
        Stmt::Expr(e) => {
            matches!(&super::expr::strip_parens(e).kind, ExprKind::Call { func, .. } if matches!(&func.kind, ExprKind::Ident(n) if n == "panic"))
        }
        Stmt::Block(b) => terminating_list(&b.stmts),
        Stmt::If { then, els, .. } => els
            .as_ref()
            .is_some_and(|e| terminating_list(&then.stmts) && terminating(e, None)),
        Stmt::For { cond, body, .. } => cond.is_none() && !has_break(&body.stmts, label, true),
        Stmt::Labeled { label: l, stmt } => terminating(stmt, Some(&l.name)),
        Stmt::Switch { cases, .. } => {
            cases.iter().any(|c| c.is_default)
                && cases.iter().all(|c| {
                    !has_break(&c.body, label, true)
                        && (terminating_list(&c.body)
                            || matches!(c.body.last(), Some(Stmt::Fallthrough(_))))
                })
        }
        Stmt::Select { cases, .. } => cases
            .iter()
            .all(|c| !has_break(&c.body, label, true) && terminating_list(&c.body)),
        Stmt::TypeSwitch { cases, .. } => {
            cases.iter().any(|c| c.is_default)
                && cases.iter().all(|c| !has_break(&c.body, label, true) && terminating_list(&c.body))
        }
        _ => false,
    }
}

/// Whether `stmts` contain a break that targets the enclosing statement.
fn has_break(stmts: &[Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| stmt_breaks(s, label, top))
}

fn stmt_breaks(s: &Stmt, label: Option<&str>, top: bool) -> bool {
    match s {
        Stmt::Break(None, _) => top,
        Stmt::Break(Some(l), _) => label == Some(l.name.as_str()),
        Stmt::Block(b) => has_break(&b.stmts, label, top),
        Stmt::If { then, els, .. } => {
            has_break(&then.stmts, label, top)
                || els.as_ref().is_some_and(|e| stmt_breaks(e, label, top))
        }
        Stmt::Labeled { stmt, .. } => stmt_breaks(stmt, label, top),
        Stmt::For { body, .. } | Stmt::Range { body, .. } => has_break(&body.stmts, label, false),
        Stmt::Switch { cases, .. } => cases.iter().any(|c| has_break(&c.body, label, false)),
        Stmt::TypeSwitch { cases, .. } => cases.iter().any(|c| has_break(&c.body, label, false)),
        Stmt::Select { cases, .. } => cases.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}
