//! The predeclared functions: len, cap, append, make, close, ...

use crate::syntax::ast::Expr;
use crate::types::{consts as tc, BasicKind, ChanDir, Type, TypeId};
use crate::vm::op::{Op, Reg, ESIZE_BUF, ESIZE_NOESC, NO_REG};

use super::call::{CallPlan, Callee, Prepared};
use super::consts::ConstVal;
use super::func::{Local, StoreFlag};
use super::operand::{Builtin, Mode, Operand};
use super::stackbuf::{self, Site};
use super::vars::Found;
use super::Compiler;

fn name(b: Builtin) -> &'static str {
    use Builtin::*;
    match b {
        Append => "append",
        Cap => "cap",
        Close => "close",
        Copy => "copy",
        Delete => "delete",
        Len => "len",
        Make => "make",
        New => "new",
        Panic => "panic",
        Print => "print",
        Println => "println",
        Recover => "recover",
        Min => "min",
        Max => "max",
        Clear => "clear",
    }
}

fn done(op: Operand) -> CallPlan {
    CallPlan::Done(op)
}

/// Checks a builtin call and evaluates its arguments (phase one).
pub fn check(
    c: &mut Compiler<'_>,
    e: &Expr,
    b: Builtin,
    fname: &str,
    args: &[Expr],
    ellipsis: bool,
) -> CallPlan {
    use Builtin::*;
    let _ = fname;
    let want = |lo: usize, hi: usize| (lo, hi);
    let (lo, hi) = match b {
        Len | Cap | Close | New | Panic => want(1, 1),
        Copy | Delete => want(2, 2),
        Append | Make => want(1, usize::MAX),
        Print | Println => want(0, usize::MAX),
        Recover => want(0, 0),
        Min | Max | Clear => {
            c.unsupported(e.pos, &format!("the {} builtin", name(b)));
            return done(Operand::invalid());
        }
    };
    if args.len() < lo || args.len() > hi {
        let q = if args.len() < lo {
            "not enough"
        } else {
            "too many"
        };
        let at = if args.len() < lo { e.pos } else { args[hi].pos };
        c.err(
            at,
            format!(
                "{} arguments for {}(…) (expected {}, found {})",
                q,
                c.expr_text(e).split('(').next().unwrap_or(""),
                lo,
                args.len()
            ),
        );
        let _ = at;
        return done(Operand::invalid());
    }
    if ellipsis && b != Append {
        c.err(
            e.pos,
            format!(
                "invalid operation: invalid use of ... with built-in {}",
                name(b)
            ),
        );
        return done(Operand::invalid());
    }
    let plan = |base: Reg, callee: Callee, nargs: u16, results: Vec<TypeId>| {
        CallPlan::Call(Prepared {
            callee,
            base,
            nargs,
            results,
        })
    };
    match b {
        Len | Cap => {
            // Deferred `1<<s` is refused below as the untyped value it is.
            let o = c.value_untyped(&args[0]);
            if o.is_invalid() {
                return done(o);
            }
            let under = c.types.under(o.ty).clone();
            let under = match under {
                Type::Pointer(p) if matches!(c.types.under(p), Type::Array(..)) => {
                    c.types.under(p).clone()
                }
                u => u,
            };
            let ok = match &under {
                Type::Basic(k) => {
                    b == Len && matches!(k, BasicKind::String | BasicKind::UntypedString)
                }
                Type::Slice(_) | Type::Array(..) | Type::Chan(..) => true,
                Type::Map(..) => b == Len,
                _ => false,
            };
            if !ok {
                c.err(
                    args[0].pos,
                    format!(
                        "invalid argument: {} for built-in {}",
                        c.describe(&args[0], &o),
                        name(b)
                    ),
                );
                return done(Operand::invalid());
            }
            if let Some(ConstVal::Str(s)) = o.const_val() {
                return done(Operand::konst(ConstVal::Int(s.len() as i128), tc::INT));
            }
            if let Type::Array(n, _) = under {
                return done(Operand::konst(ConstVal::Int(n as i128), tc::INT));
            }
            let r = c.f().alloc();
            c.load_into(&o, tc::INVALID, r);
            plan(r, Callee::Builtin(b, tc::INVALID, 1), 1, vec![tc::INT])
        }
        Close => {
            let o = c.value(&args[0]);
            if o.is_invalid() {
                return done(o);
            }
            match c.types.under(o.ty).clone() {
                Type::Chan(ChanDir::Recv, _) => {
                    c.err(
                        args[0].pos,
                        format!(
                            "invalid operation: cannot close receive-only channel {}",
                            c.describe(&args[0], &o)
                        ),
                    );
                    return done(Operand::invalid());
                }
                Type::Chan(..) => {}
                _ => {
                    c.err(
                        args[0].pos,
                        format!(
                            "invalid operation: cannot close non-channel {}",
                            c.describe(&args[0], &o)
                        ),
                    );
                    return done(Operand::invalid());
                }
            }
            let r = c.f().alloc();
            c.load_into(&o, tc::INVALID, r);
            plan(r, Callee::Builtin(b, tc::INVALID, 1), 1, vec![])
        }
        Append => append(c, e, args, ellipsis),
        Copy => {
            let d = c.value(&args[0]);
            let s = c.value(&args[1]);
            if d.is_invalid() || s.is_invalid() {
                return done(Operand::invalid());
            }
            let de = match c.types.under(d.ty) {
                Type::Slice(el) => Some(*el),
                _ => None,
            };
            let src_ok = match c.types.under(s.ty) {
                Type::Slice(el) => Some(*el) == de,
                Type::Basic(BasicKind::String | BasicKind::UntypedString) => de == Some(tc::UINT8),
                _ => false,
            };
            if de.is_none() || !src_ok {
                c.err(
                    e.pos,
                    format!(
                        "invalid argument: copy expects slice arguments; found {} and {}",
                        c.describe(&args[0], &d),
                        c.describe(&args[1], &s)
                    ),
                );
                return done(Operand::invalid());
            }
            let r = c.f().alloc_n(2);
            c.load_into(&d, tc::INVALID, r);
            c.load_into(&s, tc::INVALID, r + 1);
            c.f().next = r as u32 + 2;
            plan(r, Callee::Builtin(b, tc::INVALID, 2), 2, vec![tc::INT])
        }
        Delete => {
            let m = c.value(&args[0]);
            let k = c.value_untyped(&args[1]);
            if m.is_invalid() || k.is_invalid() {
                return done(Operand::invalid());
            }
            let Type::Map(kt, _) = c.types.under(m.ty).clone() else {
                c.err(
                    args[0].pos,
                    format!(
                        "invalid argument: {} is not a map",
                        c.describe(&args[0], &m)
                    ),
                );
                return done(Operand::invalid());
            };
            c.check_assign(&k, kt, &args[1], "argument to delete");
            let r = c.f().alloc_n(2);
            c.load_into(&m, tc::INVALID, r);
            c.load_into(&k, kt, r + 1);
            c.f().next = r as u32 + 2;
            plan(r, Callee::Builtin(b, tc::INVALID, 2), 2, vec![])
        }
        Make => make(c, e, args),
        New => {
            let t = c.expr(&args[0]);
            if !matches!(t.mode, Mode::Type) {
                if !t.is_invalid() {
                    c.err(
                        args[0].pos,
                        format!("{} is not a type", c.expr_text(&args[0])),
                    );
                }
                return done(Operand::invalid());
            }
            let r = c.f().alloc();
            let pt = c.types.intern(Type::Pointer(t.ty));
            plan(r, Callee::Builtin(b, t.ty, 0), 0, vec![pt])
        }
        Panic => {
            let o = c.value(&args[0]);
            if o.is_invalid() {
                return done(o);
            }
            c.check_assign(&o, tc::ANY, &args[0], "argument to panic");
            let r = c.f().alloc();
            c.load_into(&o, tc::ANY, r);
            plan(r, Callee::Builtin(b, tc::INVALID, 1), 1, vec![])
        }
        Print | Println => {
            let ops: Vec<Operand> = args.iter().map(|a| c.value(a)).collect();
            let n = ops.len() as u32;
            let r = c.f().alloc_n(n.max(1));
            for (i, o) in ops.iter().enumerate() {
                if matches!(o.mode, Mode::Nil) {
                    c.err(
                        args[i].pos,
                        "use of untyped nil in argument to built-in print",
                    );
                }
                c.load_into(o, tc::ANY, r + i as Reg);
            }
            c.f().next = r as u32 + n;
            plan(
                r,
                Callee::Builtin(b, tc::INVALID, n as u16),
                n as u16,
                vec![],
            )
        }
        Recover => {
            let r = c.f().alloc();
            plan(r, Callee::Builtin(b, tc::INVALID, 0), 0, vec![tc::ANY])
        }
        Min | Max | Clear => done(Operand::invalid()),
    }
}

fn append(c: &mut Compiler<'_>, e: &Expr, args: &[Expr], ellipsis: bool) -> CallPlan {
    let s = c.value(&args[0]);
    if s.is_invalid() {
        return CallPlan::Done(s);
    }
    let st = if matches!(s.mode, Mode::Nil) {
        tc::INVALID
    } else {
        s.ty
    };
    let Type::Slice(el) = c.types.under(st).clone() else {
        if matches!(s.mode, Mode::Nil) {
            c.err(
                args[0].pos,
                "invalid argument: nil (untyped nil) is not a slice... ",
            );
        } else {
            c.err(
                args[0].pos,
                format!(
                    "invalid append: argument must be a slice; have {}",
                    c.describe(&args[0], &s)
                ),
            );
        }
        for a in &args[1..] {
            c.value(a);
        }
        return CallPlan::Done(Operand::invalid());
    };
    let rest = &args[1..];
    if ellipsis {
        if rest.len() != 1 {
            c.err(e.pos, "can only use ... with final argument in list");
            return CallPlan::Done(Operand::invalid());
        }
        let t = c.value(&rest[0]);
        let ok = match c.types.under(t.ty) {
            Type::Slice(x) => *x == el,
            Type::Basic(BasicKind::String | BasicKind::UntypedString) => el == tc::UINT8,
            _ => matches!(t.mode, Mode::Nil),
        };
        if !ok && !t.is_invalid() {
            c.err(
                rest[0].pos,
                format!(
                    "cannot use {} as {} value in argument to append",
                    c.describe(&rest[0], &t),
                    c.tname(st)
                ),
            );
        }
        let r = c.f().alloc_n(2);
        c.load_into(&s, st, r);
        c.load_into(&t, tc::INVALID, r + 1);
        c.f().next = r as u32 + 2;
        return CallPlan::Call(Prepared {
            callee: Callee::Builtin(Builtin::Append, st, u16::MAX),
            base: r,
            nargs: 2,
            results: vec![st],
        });
    }
    let ops: Vec<Operand> = rest.iter().map(|a| c.value_untyped(a)).collect();
    let n = ops.len() as u32;
    let r = c.f().alloc_n(n + 1);
    c.load_into(&s, st, r);
    for (i, o) in ops.iter().enumerate() {
        c.check_assign(o, el, &rest[i], "argument to append");
        c.load_into(o, el, r + 1 + i as Reg);
    }
    c.f().next = r as u32 + n + 1;
    if let Some(site) = c.plan.sites.get(&stackbuf::addr(e)).copied() {
        c.emit_stack_append(site, st, r, n as u16);
        c.f().next = r as u32 + 1;
        c.f().reserve(r as u32 + 1);
        return CallPlan::Done(Operand::value(r, st));
    }
    // Arguments were evaluated above `base`; the invocation reads `r`.
    CallPlan::Call(Prepared {
        callee: Callee::Builtin(Builtin::Append, st, n as u16),
        base: r,
        nargs: (n + 1) as u16,
        results: vec![st],
    })
}

fn make(c: &mut Compiler<'_>, e: &Expr, args: &[Expr]) -> CallPlan {
    let t = c.expr(&args[0]);
    if !matches!(t.mode, Mode::Type) {
        if !t.is_invalid() {
            c.err(
                args[0].pos,
                format!("{} is not a type", c.expr_text(&args[0])),
            );
        }
        return CallPlan::Done(Operand::invalid());
    }
    let (min, max) = match c.types.under(t.ty) {
        Type::Slice(_) => (2, 3),
        Type::Map(..) => (1, 2),
        Type::Chan(..) => (1, 2),
        _ => {
            if t.ty != tc::INVALID {
                c.err(
                    args[0].pos,
                    format!(
                        "invalid argument: cannot make {}; type must be slice, map, or channel",
                        c.expr_text(&args[0])
                    ),
                );
            }
            return CallPlan::Done(Operand::invalid());
        }
    };
    if args.len() < min || args.len() > max {
        let msg = if args.len() < min {
            format!(
                "invalid operation: {} expects {} or {} arguments; found {}",
                c.expr_text(e),
                min,
                max,
                args.len()
            )
        } else {
            format!(
                "invalid operation: {} expects {} or {} arguments; found {}",
                c.expr_text(e),
                min,
                max,
                args.len()
            )
        };
        c.err(e.pos, msg);
        return CallPlan::Done(Operand::invalid());
    }
    let sizes: Vec<Operand> = args[1..].iter().map(|a| c.index_value_sized(a)).collect();
    if let (Some(l), Some(h)) = (
        sizes.first().and_then(|o| o.const_val()),
        sizes.get(1).and_then(|o| o.const_val()),
    ) {
        if l.as_int() > h.as_int() {
            c.err(
                args[1].pos,
                format!("invalid argument: length and capacity swapped"),
            );
        }
    }
    let r = c.f().alloc_n(2);
    for (i, o) in sizes.iter().enumerate() {
        c.load_into(o, tc::INT, r + i as Reg);
    }
    c.f().next = r as u32 + 2;
    let n = sizes.len() as u16;
    CallPlan::Call(Prepared {
        callee: Callee::Builtin(Builtin::Make, t.ty, n),
        base: r,
        nargs: n,
        results: vec![t.ty],
    })
}

impl Compiler<'_> {
    fn index_value_sized(&mut self, a: &Expr) -> Operand {
        let o = self.int_value(a);
        if o.is_invalid() {
            return o;
        }
        let int = self.is_kind(o.ty, |k| k.is_integer())
            || o.const_val().and_then(|v| v.as_int()).is_some() && self.is_untyped(o.ty);
        if !int {
            self.err(
                a.pos,
                format!("cannot convert {} to type int", self.describe(a, &o)),
            );
            return Operand::invalid();
        }
        if let Some(v) = o.const_val() {
            if v.as_int().unwrap_or(0) < 0 {
                self.err(
                    a.pos,
                    format!(
                        "invalid argument: index {} must not be negative",
                        self.describe(a, &o)
                    ),
                );
                return Operand::invalid();
            }
            return Operand::konst(ConstVal::Int(v.as_int().unwrap_or(0)), tc::INT);
        }
        o
    }

    /// `r = append(r, r+1..r+1+n)` at a site the stack-buffer analysis
    /// picked (see stackbuf.rs).
    fn emit_stack_append(&mut self, site: Site, st: TypeId, r: Reg, n: u16) {
        let esize = self.esize(st);
        let append = |esize: u16| Op::Append {
            dst: r,
            s: r,
            a: r + 1,
            n,
            esize,
        };
        let (used, keep) = match site {
            Site::Buf => {
                self.f().emit(append(esize | ESIZE_NOESC | ESIZE_BUF));
                return;
            }
            Site::Store(slot) => match self.f().stack_stores.get(slot as usize) {
                Some(s) => *s,
                None => {
                    self.f().emit(append(esize));
                    return;
                }
            },
        };
        // Go's `if !used && oldLen == 0 && growing { s = store[:n:K] }`:
        // the flagged append takes the store, once per call.
        let (t, z) = (self.f().alloc(), self.f().alloc());
        let (flag, set) = match used {
            StoreFlag::Reg(u) => (u, None),
            StoreFlag::Ctx(ctx, i) => {
                let (k, b) = (self.f().alloc(), self.f().alloc());
                let f = self.f();
                f.emit(Op::Int {
                    dst: k,
                    v: i as i32,
                });
                f.emit(Op::Index {
                    dst: b,
                    x: ctx,
                    i: k,
                });
                (b, Some((ctx, k)))
            }
        };
        let f = self.f();
        let j_used = f.emit(Op::JmpIf { cond: flag, to: 0 });
        f.emit(Op::Len { dst: t, x: r });
        f.emit(Op::Int { dst: z, v: 0 });
        f.emit(Op::EqI { dst: t, a: t, b: z });
        let j_len = f.emit(Op::JmpIfNot { cond: t, to: 0 });
        f.emit(Op::Cap { dst: t, x: r });
        f.emit(Op::Int {
            dst: z,
            v: n as i32,
        });
        f.emit(Op::LtI { dst: t, a: t, b: z });
        let j_cap = f.emit(Op::JmpIfNot { cond: t, to: 0 });
        f.emit(Op::Bool { dst: flag, v: true });
        if let Some((ctx, k)) = set {
            f.emit(Op::SetIndex {
                x: ctx,
                i: k,
                src: flag,
            });
        }
        f.emit(append(esize | ESIZE_NOESC));
        if let Some(k) = keep {
            f.emit(Op::Move { dst: k, src: r });
        }
        let j_end = f.emit(Op::Jmp { to: 0 });
        for j in [j_used, j_len, j_cap] {
            f.patch_here(j);
        }
        f.emit(append(esize));
        f.patch_here(j_end);
    }

    /// Go's `s = move2heap(s)` without keeping the capacity (runtime
    /// `moveSliceNoCap`), before the statement where `s` stops being
    /// exclusive: a slice still on the function's stack store is copied to
    /// a new array sized for its length (see stackbuf.rs).
    pub(super) fn emit_move2heap(&mut self, m: &stackbuf::Move) {
        let Found::Local(Local::Var(v)) = self.lookup(&m.name) else {
            return;
        };
        let Some(&(_, Some(keep))) = self.f().stack_stores.get(m.slot as usize) else {
            return;
        };
        let esize = self.esize(self.vars[v].ty);
        let s = self.read_var_quiet(v);
        let (t, z, p, q) = (
            self.f().alloc(),
            self.f().alloc(),
            self.f().alloc(),
            self.f().alloc(),
        );
        let f = self.f();
        // `keep` is nil unless this call took the store.
        f.emit(Op::Nil { dst: z });
        f.emit(Op::Eq {
            dst: t,
            a: keep,
            b: z,
        });
        let j_used = f.emit(Op::JmpIf { cond: t, to: 0 });
        f.emit(Op::Len { dst: t, x: s });
        f.emit(Op::Int { dst: z, v: 0 });
        f.emit(Op::EqI { dst: t, a: t, b: z });
        let j_empty = f.emit(Op::JmpIf { cond: t, to: 0 });
        // On the store iff it shares the store's array (no reslicing here:
        // the slice pass only picks slices whose capacity is unobserved).
        f.emit(Op::ElemAddr { dst: p, x: s, i: z });
        f.emit(Op::ElemAddr {
            dst: q,
            x: keep,
            i: z,
        });
        f.emit(Op::Eq { dst: t, a: p, b: q });
        let j_other = f.emit(Op::JmpIfNot { cond: t, to: 0 });
        // append([]T(nil), s...) has cap roundupsize(len*size)/size.
        f.emit(Op::Nil { dst: p });
        f.emit(Op::AppendSlice {
            dst: p,
            s: p,
            t: s,
            esize,
        });
        self.write_var(v, p);
        let f = self.f();
        for j in [j_used, j_empty, j_other] {
            f.patch_here(j);
        }
    }

    /// `Append`'s element size code for slice type `st`.
    fn esize(&self, st: TypeId) -> u16 {
        let el = match self.types.under(st) {
            Type::Slice(el) => *el,
            _ => tc::INVALID,
        };
        let (size, _, ptrs) = self.types.layout(el);
        crate::vm::op::elem_size_code(size, ptrs)
    }

    /// Phase two of a builtin: arguments are in `base..`.
    pub fn emit_builtin(&mut self, b: Builtin, ty: TypeId, n: u16, base: Reg) {
        use Builtin::*;
        let f = self.f();
        match b {
            Len => {
                f.emit(Op::Len { dst: base, x: base });
            }
            Cap => {
                f.emit(Op::Cap { dst: base, x: base });
            }
            Close => {
                f.emit(Op::Close { ch: base });
            }
            Append if n == u16::MAX => {
                let esize = self.esize(ty);
                self.f().emit(Op::AppendSlice {
                    dst: base,
                    s: base,
                    t: base + 1,
                    esize,
                });
            }
            Append => {
                let esize = self.esize(ty);
                self.f().emit(Op::Append {
                    dst: base,
                    s: base,
                    a: base + 1,
                    n,
                    esize,
                });
            }
            Copy => {
                f.emit(Op::Copy {
                    dst: base,
                    d: base,
                    s: base + 1,
                });
            }
            Delete => {
                f.emit(Op::MapDelete {
                    m: base,
                    k: base + 1,
                });
            }
            Make => {
                let sz = |i: u16| if i < n { base + i } else { NO_REG };
                match self.types.under(ty).clone() {
                    Type::Slice(el) => {
                        self.f().emit(Op::MakeSlice {
                            dst: base,
                            ty: el,
                            len: sz(0),
                            cap: sz(1),
                        });
                    }
                    Type::Chan(_, el) => {
                        self.f().emit(Op::MakeChan {
                            dst: base,
                            ty: el,
                            cap: sz(0),
                        });
                    }
                    _ => {
                        self.f().emit(Op::MakeMap { dst: base });
                    }
                }
            }
            New => {
                self.emit_zero(ty, base);
                self.f().emit(Op::NewCell {
                    dst: base,
                    src: base,
                });
            }
            Panic => {
                f.emit(Op::Panic { v: base });
            }
            Print | Println => {
                f.emit(Op::Print {
                    a: base,
                    n,
                    ln: b == Println,
                });
            }
            Recover => {
                f.emit(Op::Recover { dst: base });
            }
            Min | Max | Clear => {}
        }
    }
}
