//! Calls: user functions, function values, library functions, builtins and
//! conversions. A call is prepared in two phases — arguments checked and
//! evaluated into consecutive registers, then the invocation — so `go` and
//! `defer` can evaluate the arguments now and invoke later in a wrapper.

use crate::syntax::ast::{Expr, ExprKind};
use crate::types::{consts as tc, BasicKind, Signature, Type, TypeId};
use crate::vm::op::{Op, Reg};

use super::consts::{represent, ConstVal, Misfit};
use super::expr::int_kind;
use super::lib::LibFn;
use super::operand::{Builtin, Mode, Operand};
use super::typexpr::Refusal;
use super::Compiler;

#[derive(Clone, Debug)]
pub enum Callee {
    Func(u32),
    Value(Reg),
    /// A library function; `recv` says the receiver sits at `base`.
    Lib(LibFn, bool),
    Builtin(Builtin, TypeId, u16),
    /// A method with its receiver at `base`.
    Method(u32),
    /// Interface dispatch of method id `.0` on the interface at `base`.
    Iface(u32),
}

#[derive(Clone, Debug)]
pub struct Prepared {
    pub callee: Callee,
    pub base: Reg,
    pub nargs: u16,
    pub results: Vec<TypeId>,
}

pub enum CallPlan {
    /// Fully compiled already (a conversion, a constant `len`, an error).
    Done(Operand),
    Call(Prepared),
}

impl Compiler<'_> {
    pub fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], ellipsis: bool) -> Operand {
        match self.prepare_call(e, func, args, ellipsis) {
            CallPlan::Done(op) => op,
            CallPlan::Call(p) => self.invoke(&p),
        }
    }

    pub fn prepare_call(
        &mut self,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        ellipsis: bool,
    ) -> CallPlan {
        self.set_line(e.pos);
        let fo = self.expr(func);
        let fname = self.expr_text(func);
        if let Some(rec) = &mut self.rec {
            use super::stackbuf::CallKind;
            let kind = match fo.mode {
                Mode::Type => CallKind::Conversion(fo.ty),
                Mode::Builtin(b) => CallKind::Builtin(b),
                Mode::Lib(..) => CallKind::Lib,
                Mode::Func(f) => CallKind::Func(f),
                _ => CallKind::Value,
            };
            rec.calls.insert(super::stackbuf::addr(e), kind);
        }
        match fo.mode.clone() {
            Mode::Type => CallPlan::Done(self.conversion(e, fo.ty, args)),
            Mode::Builtin(b) => self.builtin(e, b, &fname, args, ellipsis),
            Mode::Lib(l, recv) => {
                let sig = l.sig(self);
                let base = self.f().next as Reg;
                let rbase = if let Some(r) = recv {
                    let b = self.f().alloc();
                    // A receiver loaded into a temporary just now is loaded
                    // straight into the call window instead.
                    if self.is_var_reg(r) || !self.f().retarget_last(r, b) {
                        self.f().emit(Op::Move { dst: b, src: r });
                    }
                    b
                } else {
                    base
                };
                let _ = rbase;
                if !self.call_args(e, &fname, &sig, args, ellipsis) {
                    return CallPlan::Done(Operand::invalid());
                }
                let nargs = (self.f().next as Reg - base) as u16;
                CallPlan::Call(Prepared {
                    callee: Callee::Lib(l, recv.is_some()),
                    base,
                    nargs,
                    results: sig.results,
                })
            }
            Mode::Method { recv, .. } | Mode::IfaceMethod { recv, .. } => {
                let Some(sig) = self.sig(fo.ty) else {
                    return CallPlan::Done(Operand::invalid());
                };
                let base = self.f().next as Reg;
                let b = self.f().alloc();
                if self.is_var_reg(recv) || !self.f().retarget_last(recv, b) {
                    self.f().emit(Op::Move { dst: b, src: recv });
                }
                if !self.call_args(e, &fname, &sig, args, ellipsis) {
                    return CallPlan::Done(Operand::invalid());
                }
                let callee = match fo.mode {
                    Mode::Method { f, .. } => Callee::Method(f),
                    Mode::IfaceMethod { mid, .. } => Callee::Iface(mid),
                    _ => return CallPlan::Done(Operand::invalid()),
                };
                CallPlan::Call(Prepared {
                    callee,
                    base,
                    nargs: sig.params.len() as u16 + 1,
                    results: sig.results,
                })
            }
            Mode::Invalid => {
                for a in args {
                    self.expr(a);
                }
                CallPlan::Done(Operand::invalid())
            }
            _ => {
                let fo = self.single(func, fo);
                if fo.is_invalid() {
                    return CallPlan::Done(Operand::invalid());
                }
                let Some(sig) = self.sig(fo.ty) else {
                    self.err(
                        e.pos,
                        format!(
                            "invalid operation: cannot call {}: {} is not a function",
                            self.describe(func, &fo),
                            self.tname(fo.ty)
                        ),
                    );
                    return CallPlan::Done(Operand::invalid());
                };
                let mut flags = None;
                let callee = match fo.mode {
                    Mode::Func(f) => match self.inlined_clone(e, f) {
                        Some((clone, ctx)) => {
                            flags = Some(ctx);
                            Callee::Func(clone)
                        }
                        None => Callee::Func(f),
                    },
                    _ => {
                        let r = self.f().alloc();
                        self.load_into(&fo, tc::INVALID, r);
                        Callee::Value(r)
                    }
                };
                let base = self.f().next as Reg;
                if !self.call_args(e, &fname, &sig, args, ellipsis) {
                    return CallPlan::Done(Operand::invalid());
                }
                let mut nargs = sig.params.len() as u16;
                if let Some(ctx) = flags {
                    // The clone's extra parameter: the caller's flags.
                    let r = base + nargs;
                    self.f().reserve(r as u32 + 1);
                    self.f().emit(Op::Move { dst: r, src: ctx });
                    nargs += 1;
                }
                CallPlan::Call(Prepared {
                    callee,
                    base,
                    nargs,
                    results: sig.results,
                })
            }
        }
    }

    /// For a call Go inlines into this function, whose callee (or what is
    /// inlined into it) has stack stores: a clone of the callee whose
    /// `used` flags live in this function's flags, and the register holding
    /// them (see `Plan::inline_flags`).
    fn inlined_clone(&mut self, e: &Expr, f: u32) -> Option<(u32, Reg)> {
        let at = super::stackbuf::addr(e);
        if self.plan.inlined.get(&at) != Some(&f) || self.inline_chain.contains(&f) {
            return None;
        }
        let ctx = self.f().inline_ctx?;
        let mut chain = self.inline_chain.clone();
        let n = self.plan.inline_flags(f, &mut chain);
        if n == 0 {
            return None;
        }
        let base = match self.f().inline_at.get(&at) {
            Some(b) => *b,
            None => {
                let fs = self.f();
                let b = fs.inline_next;
                fs.inline_next += n;
                fs.inline_at.insert(at, b);
                b
            }
        };
        Some((self.compile_inlined_clone(f, base), ctx))
    }

    /// Emits the invocation of a prepared call; results land at `base`.
    pub fn invoke(&mut self, p: &Prepared) -> Operand {
        let nres = p.results.len() as u32;
        self.f()
            .reserve(p.base as u32 + nres.max(p.nargs as u32).max(1));
        match &p.callee {
            Callee::Func(f) => {
                self.f().emit(Op::Call { f: *f, a: p.base });
            }
            Callee::Value(r) => {
                self.f().emit(Op::CallValue { fv: *r, a: p.base });
            }
            Callee::Lib(l, recv) => self.emit_lib(*l, p.base, p.nargs, *recv),
            Callee::Method(f) => {
                self.f().emit(Op::Call { f: *f, a: p.base });
            }
            Callee::Iface(m) => {
                self.f().emit(Op::CallIface { a: p.base, m: *m });
            }
            Callee::Builtin(b, ty, n) => self.emit_builtin(*b, *ty, *n, p.base),
        }
        self.f().next = p.base as u32 + nres.max(1);
        let nx = self.f().next;
        self.f().reserve(nx);
        match p.results.len() {
            0 => Operand {
                mode: Mode::NoValue,
                ty: tc::INVALID,
            },
            1 => Operand::value(p.base, p.results[0]),
            _ => {
                let ty = self.types.intern(Type::Tuple(p.results.clone()));
                Operand {
                    mode: Mode::Multi(p.base),
                    ty,
                }
            }
        }
    }

    /// Checks the arguments against `sig` and evaluates them into
    /// consecutive registers from the current top (variadic extras packed).
    pub fn call_args(
        &mut self,
        e: &Expr,
        fname: &str,
        sig: &Signature,
        args: &[Expr],
        ellipsis: bool,
    ) -> bool {
        let np = sig.params.len();
        let base = self.f().alloc_n(np as u32);
        // f(g()) with a multi-value g spreads its results.
        let mut ops: Vec<(Operand, Option<&Expr>)> = Vec::new();
        if args.len() == 1 && matches!(args[0].kind, ExprKind::Call { .. }) {
            let o = self.expr(&args[0]);
            if let (Mode::Multi(r), Type::Tuple(ts)) = (&o.mode, self.types.get(o.ty).clone()) {
                for (i, t) in ts.iter().enumerate() {
                    ops.push((Operand::value(*r + i as Reg, *t), None));
                }
            } else {
                let o = self.single(&args[0], o);
                ops.push((o, Some(&args[0])));
            }
        } else {
            for a in args {
                let mark = self.f().next;
                let o = self.value_untyped(a);
                // Keep each evaluated value alive until it is placed.
                let _ = mark;
                ops.push((o, Some(a)));
            }
        }
        let n = ops.len();
        let fixed = if sig.variadic { np - 1 } else { np };
        let count_ok = if sig.variadic && !ellipsis {
            n >= fixed
        } else {
            n == np
        };
        if !count_ok {
            let have: Vec<String> = ops.iter().map(|(o, _)| self.have_name(o)).collect();
            let want: Vec<String> = sig
                .params
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if sig.variadic && i + 1 == np {
                        match self.types.get(*p) {
                            Type::Slice(el) => format!("...{}", self.tname(*el)),
                            _ => self.tname(*p),
                        }
                    } else {
                        self.tname(*p)
                    }
                })
                .collect();
            let (q, pos) = if n > np && !sig.variadic {
                ("too many", args.get(np).map(|a| a.pos).unwrap_or(e.pos))
            } else {
                (
                    "not enough",
                    args.last().map(|a| a.pos).unwrap_or_else(|| self.rparen(e)),
                )
            };
            if !ops.iter().any(|(o, _)| o.is_invalid()) {
                self.err(
                    pos,
                    format!(
                        "{} arguments in call to {}\n\thave ({})\n\twant ({})",
                        q,
                        fname,
                        have.join(", "),
                        want.join(", ")
                    ),
                );
            }
            return false;
        }
        let ctx = format!("argument to {}", fname);
        let mut ok = true;
        for (i, (o, a)) in ops.iter().enumerate().take(fixed) {
            let ty = sig.params[i];
            ok &= self.check_assign_opt(o, ty, *a, &ctx);
            self.load_consumed(o, ty, base + i as Reg);
            self.copy_sync_here(o, ty, base + i as Reg);
        }
        if sig.variadic {
            let sty = sig.params[np - 1];
            let last = base + (np - 1) as Reg;
            if ellipsis {
                let (o, a) = &ops[n - 1];
                ok &= self.check_assign_opt(o, sty, *a, &ctx);
                self.load_into(o, sty, last);
            } else if n == fixed {
                self.f().emit(Op::Nil { dst: last });
            } else {
                let el = match self.types.get(sty) {
                    Type::Slice(el) => *el,
                    _ => tc::INVALID,
                };
                let k = (n - fixed) as u32;
                let t = self.f().alloc_n(k);
                for (j, (o, a)) in ops[fixed..].iter().enumerate() {
                    ok &= self.check_assign_opt(o, el, *a, &ctx);
                    self.load_into(o, el, t + j as Reg);
                }
                self.f().emit(Op::SliceLit {
                    dst: last,
                    a: t,
                    n: k as u16,
                });
            }
        }
        self.f().next = base as u32 + np as u32;
        ok
    }

    /// Where Go reports a call with too few arguments and none given: `)`.
    fn rparen(&self, e: &Expr) -> crate::diag::Pos {
        let mut p = e.pos;
        if let ExprKind::Call { func, .. } = &e.kind {
            let t = self.expr_text(func);
            p.col = func.pos.col + t.len() as u32 + 1;
        }
        p
    }

    /// How the "have (...)" line of a count mismatch spells an argument.
    fn have_name(&self, o: &Operand) -> String {
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

    fn check_assign_opt(&mut self, o: &Operand, ty: TypeId, a: Option<&Expr>, ctx: &str) -> bool {
        match a {
            Some(a) => self.check_assign(o, ty, a, ctx),
            None => {
                if self.assignable(o, ty).is_err() {
                    let msg = format!(
                        "cannot use {} value as {} value in {}",
                        self.tname(o.ty),
                        self.tname(ty),
                        ctx
                    );
                    let p = self.f().pos;
                    self.err(p, msg);
                    return false;
                }
                true
            }
        }
    }

    /// Reports `cannot use x (...) as T value in <ctx>` when needed.
    pub fn check_assign(&mut self, o: &Operand, ty: TypeId, a: &Expr, ctx: &str) -> bool {
        match self.assignable(o, ty) {
            Ok(()) => true,
            Err(r) => {
                let suffix = match r {
                    Refusal::Suffix(s) => format!(" ({})", s),
                    Refusal::Plain => self.missing_method_hint(o.ty, ty),
                };
                if matches!(o.mode, Mode::Nil) {
                    self.err(
                        a.pos,
                        format!("cannot use nil as {} value in {}", self.tname(ty), ctx),
                    );
                } else {
                    self.err(
                        a.pos,
                        format!(
                            "cannot use {} as {} value in {}{}",
                            self.describe(a, o),
                            self.tname(ty),
                            ctx,
                            suffix
                        ),
                    );
                }
                false
            }
        }
    }

    fn missing_method_hint(&self, from: TypeId, to: TypeId) -> String {
        if !self.types.is_interface(to) {
            if self.types.is_interface(from) && self.implements(to, from).is_ok() {
                return ": need type assertion".into();
            }
            return String::new();
        }
        match self.implements(from, to) {
            Err(cause) => format!(": {} does not implement {} {}", self.tname(from), self.tname(to), cause),
            Ok(()) => String::new(),
        }
    }

    /// `T(x)`.
    fn conversion(&mut self, e: &Expr, to: TypeId, args: &[Expr]) -> Operand {
        if args.len() != 1 {
            let q = if args.is_empty() {
                "missing argument in"
            } else {
                "too many arguments in"
            };
            self.err(e.pos, format!("{} conversion to {}", q, self.tname(to)));
            return Operand::invalid();
        }
        let a = &args[0];
        let o = self.value_untyped(a);
        if o.is_invalid() || to == tc::INVALID {
            return Operand::invalid();
        }
        // `uint8(1<<s)` shifts a uint8; `float64(1<<s)` is an error.
        if matches!(o.mode, Mode::Deferred(_)) && self.types.basic(to).is_some() {
            let r = self.f().alloc();
            self.load_into(&o, to, r);
            return Operand::value(r, to);
        }
        let o = self.settle(o);
        let tk = self.types.basic(to);
        if let (Some(v), Some(k)) = (o.const_val().cloned(), tk) {
            let fk = self.types.basic(o.ty).unwrap_or(BasicKind::Invalid);
            if k == BasicKind::String && fk.is_integer() {
                let r = v
                    .as_int()
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                return Operand::konst(ConstVal::Str(r.to_string().into_bytes().into()), to);
            }
            let numeric = fk.is_numeric() && k.is_numeric();
            let same = (fk == BasicKind::UntypedString || fk == BasicKind::String)
                && k == BasicKind::String
                || matches!(fk, BasicKind::Bool | BasicKind::UntypedBool) && k == BasicKind::Bool;
            if numeric || same {
                // Typed floats truncate when converted to integers; untyped must be exact.
                let v = if numeric && k.is_integer() && !self.is_untyped(o.ty) && fk.is_float() {
                    ConstVal::Int(v.as_f64().trunc() as i128)
                } else {
                    v
                };
                return match represent(&v, k) {
                    Ok(v) => Operand::konst(v, to),
                    Err(Misfit::Truncated) => {
                        self.err(
                            a.pos,
                            format!(
                                "cannot convert {} to type {} (truncated)",
                                self.describe(a, &o),
                                self.tname(to)
                            ),
                        );
                        Operand::invalid()
                    }
                    Err(_) => {
                        self.err(
                            a.pos,
                            format!(
                                "cannot convert {} to type {}",
                                self.describe(a, &o),
                                self.tname(to)
                            ),
                        );
                        Operand::invalid()
                    }
                }
                .map_overflow(self, a, &o, to);
            }
        }
        let from = if self.is_untyped(o.ty) {
            self.default_type(o.ty)
        } else {
            o.ty
        };
        let conv_ok = self.convertible(from, to)
            || (matches!(o.mode, Mode::Nil) && self.assignable(&o, to).is_ok());
        if let (Type::Slice(a), Type::Pointer(p)) = (self.types.under(from).clone(), self.types.under(to).clone()) {
            if matches!(self.types.under(p), Type::Array(_, b) if *b == a) {
                self.unsupported(a_pos(args), "converting a slice to an array pointer");
                return Operand::invalid();
            }
        }
        if !conv_ok {
            self.err(
                a.pos,
                format!(
                    "cannot convert {} to type {}",
                    self.describe(a, &o),
                    self.tname(to)
                ),
            );
            return Operand::invalid();
        }
        if matches!(o.mode, Mode::Nil) {
            // `error(nil)`, `[]int(nil)`: the type's nil, not a value of
            // type untyped nil in an interface.
            let r = self.to_reg(&o, to);
            return Operand::value(r, to);
        }
        let src = self.to_reg(&o, from);
        let dst = self.f().alloc();
        let fk = self.types.basic(from);
        let fu = self.types.under(from).clone();
        let tu = self.types.under(to).clone();
        match (fk, tk) {
            (Some(f), Some(t)) if f.is_integer() && t.is_integer() => {
                self.f().emit(Op::Move { dst, src });
                self.wrap_any(dst, t, f);
            }
            (Some(f), Some(t)) if f.is_integer() && t.is_float() => {
                self.f().emit(Op::IntToFloat {
                    dst,
                    a: src,
                    unsigned: f.is_unsigned(),
                });
                if t == BasicKind::Float32 {
                    self.f().emit(Op::RoundF32 { dst });
                }
            }
            (Some(f), Some(t)) if f.is_float() && t.is_integer() => {
                let kind = int_kind(t).unwrap_or(crate::vm::op::IntKind::I64);
                self.f().emit(Op::FloatToInt { dst, a: src, kind });
            }
            (Some(f), Some(t)) if f.is_float() && t.is_float() => {
                self.f().emit(Op::Move { dst, src });
                if t == BasicKind::Float32 {
                    self.f().emit(Op::RoundF32 { dst });
                }
            }
            (Some(f), Some(BasicKind::String)) if f.is_integer() => {
                self.f().emit(Op::RuneToStr { dst, a: src });
            }
            (Some(BasicKind::String), None) => {
                let runes =
                    matches!(tu, Type::Slice(el) if self.types.basic(el) == Some(BasicKind::Int32));
                self.f().emit(if runes {
                    Op::StrToRunes { dst, a: src }
                } else {
                    Op::StrToBytes { dst, a: src }
                });
            }
            (None, None) if matches!((&fu, &tu), (Type::Slice(_), Type::Array(..))) => {
                let Type::Array(n, _) = tu else { unreachable!() };
                self.f().emit(Op::SliceToArray { dst, a: src, n: n.min(u32::MAX as u64) as u32 });
            }
            (None, Some(BasicKind::String)) => {
                let runes =
                    matches!(fu, Type::Slice(el) if self.types.basic(el) == Some(BasicKind::Int32));
                self.f().emit(if runes {
                    Op::RunesToStr { dst, a: src }
                } else {
                    Op::BytesToStr { dst, a: src }
                });
            }
            _ => {
                if self.types.is_interface(to) && !self.types.is_interface(from) {
                    self.f().emit(Op::ToIface {
                        dst,
                        a: src,
                        ty: from,
                    });
                } else {
                    self.f().emit(Op::Move { dst, src });
                }
            }
        }
        Operand::value(dst, to)
    }

    /// Wraps after an integer conversion when the target is narrower or of
    /// different signedness.
    fn wrap_any(&mut self, dst: Reg, to: BasicKind, from: BasicKind) {
        if to.int_bits() == from.int_bits() && to.is_unsigned() == from.is_unsigned() {
            return;
        }
        if let Some(k) = int_kind(to) {
            if to.int_bits() != Some(64) {
                self.f().emit(Op::Wrap { dst, kind: k });
            }
        }
    }

    /// The argument of `go`/`defer` and friends, and the builtins.
    fn builtin(
        &mut self,
        e: &Expr,
        b: Builtin,
        fname: &str,
        args: &[Expr],
        ellipsis: bool,
    ) -> CallPlan {
        super::builtins::check(self, e, b, fname, args, ellipsis)
    }
}

trait MapOverflow {
    fn map_overflow(self, c: &mut Compiler<'_>, a: &Expr, o: &Operand, to: TypeId) -> Operand;
}

impl MapOverflow for Operand {
    fn map_overflow(self, c: &mut Compiler<'_>, a: &Expr, o: &Operand, to: TypeId) -> Operand {
        if self.is_invalid() {
            let tn = c.tname(to);
            let numeric = c.types.basic(to).is_some_and(|k| k.is_numeric());
            if let Some(d) = c.diags.last_mut() {
                if d.message.starts_with("cannot convert") && !d.message.ends_with("(truncated)") {
                    if let Some(v) = o.const_val() {
                        if matches!(v, ConstVal::Int(_) | ConstVal::Float(_)) && numeric {
                            d.message = format!("constant {} overflows {}", v.show(), tn);
                        }
                    }
                }
            }
            let _ = a;
        }
        self
    }
}

/// Where a conversion's operand starts.
fn a_pos(args: &[Expr]) -> crate::diag::Pos {
    args.first().map(|a| a.pos).unwrap_or_default()
}
