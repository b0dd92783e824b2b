//! Expressions: checking and code generation in one walk.

use crate::syntax::ast::{BinOp, Expr, ExprKind, UnOp};
use crate::types::{consts as tc, BasicKind, ChanDir, Type, TypeId};
use crate::vm::op::{IntKind, Op, Reg};

use super::consts::{self as cv, represent, ConstErr, ConstVal, Misfit};
use super::func::Local;
use super::operand::{Builtin, Mode, Operand};
use super::stackbuf;
use super::vars::Found;
use super::{Compiler, Entity};

pub fn int_kind(k: BasicKind) -> Option<IntKind> {
    use BasicKind::*;
    Some(match k {
        Int8 => IntKind::I8,
        Int16 => IntKind::I16,
        Int32 => IntKind::I32,
        Uint8 => IntKind::U8,
        Uint16 => IntKind::U16,
        Uint32 => IntKind::U32,
        Uint | Uint64 | Uintptr => IntKind::U64,
        Int | Int64 => IntKind::I64,
        _ => return None,
    })
}

fn builtin(name: &str) -> Option<Builtin> {
    use Builtin::*;
    Some(match name {
        "append" => Append,
        "cap" => Cap,
        "close" => Close,
        "copy" => Copy,
        "delete" => Delete,
        "len" => Len,
        "make" => Make,
        "new" => New,
        "panic" => Panic,
        "print" => Print,
        "println" => Println,
        "recover" => Recover,
        "min" => Min,
        "max" => Max,
        "clear" => Clear,
        _ => return None,
    })
}

impl Compiler<'_> {
    /// Checks and compiles `e`; the result may be a type, package, etc.
    pub fn expr(&mut self, e: &Expr) -> Operand {
        let op = self.expr_untyped(e);
        self.settle(op)
    }

    /// Like `expr`, but an untyped non-constant shift stays deferred
    /// (untyped_shift.rs) for a consumer that gives it a type.
    pub fn expr_untyped(&mut self, e: &Expr) -> Operand {
        let op = self.expr_inner(e);
        if let Some(rec) = &mut self.rec {
            if op.ty != tc::INVALID {
                rec.types.insert(stackbuf::addr(e), op.ty);
            }
            if matches!(op.mode, Mode::Const(_)) {
                rec.consts.insert(stackbuf::addr(e));
            }
        }
        op
    }

    fn expr_inner(&mut self, e: &Expr) -> Operand {
        match &e.kind {
            ExprKind::Ident(n) => self.ident(n, e),
            ExprKind::Int(i) => Operand::konst(ConstVal::Int(*i), tc::UNTYPED_INT),
            ExprKind::Float(f) => Operand::konst(ConstVal::Float(*f), tc::UNTYPED_FLOAT),
            ExprKind::Rune(r) => Operand::konst(ConstVal::Int(*r as i128), tc::UNTYPED_RUNE),
            ExprKind::Str(s) => {
                Operand::konst(ConstVal::Str(s.as_slice().into()), tc::UNTYPED_STRING)
            }
            ExprKind::Imag => {
                self.unsupported(e.pos, "complex numbers");
                Operand::invalid()
            }
            ExprKind::Paren(x) => self.expr_untyped(x),
            ExprKind::Type(t) => {
                let ty = self.resolve_type(t);
                Operand {
                    mode: Mode::Type,
                    ty,
                }
            }
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(x, i) => self.index(e, x, i),
            ExprKind::IndexList(_, _) => {
                self.unsupported(e.pos, "generics");
                Operand::invalid()
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref())
            }
            ExprKind::TypeAssert(x, t) => self.type_assert(e, x, t.as_deref()),
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call(e, func, args, *ellipsis),
            ExprKind::Star(x) => self.star(e, x),
            ExprKind::Unary(op, x) => self.unary(e, *op, x),
            ExprKind::Binary(op, a, b) => self.binary(e, *op, a, b),
            ExprKind::Composite { ty, elems } => self.composite(e, ty.as_deref(), elems, None),
            ExprKind::FuncLit { sig, body } => self.func_lit(e, sig, body),
        }
    }

    /// An expression that must produce exactly one value.
    pub fn value(&mut self, e: &Expr) -> Operand {
        let op = self.expr(e);
        self.single(e, op)
    }

    pub fn single(&mut self, e: &Expr, op: Operand) -> Operand {
        match &op.mode {
            Mode::NoValue => {
                self.err(
                    e.pos,
                    format!("{} (no value) used as value", self.expr_text(e)),
                );
                Operand::invalid()
            }
            Mode::Type => {
                self.err(
                    e.pos,
                    format!("{} (type) is not an expression", self.expr_text(e)),
                );
                Operand::invalid()
            }
            Mode::Builtin(_) => {
                self.err(
                    e.pos,
                    format!("{} (built-in) must be called", self.expr_text(e)),
                );
                Operand::invalid()
            }
            Mode::Package(p) => {
                self.err(e.pos, format!("use of package {} without selector", p));
                Operand::invalid()
            }
            Mode::Lib(_, Some(_)) | Mode::Method { .. } | Mode::IfaceMethod { .. } => {
                let ty = op.ty;
                self.method_value(&op, ty)
            }
            Mode::Lib(l, None) => {
                let (l, ty) = (*l, op.ty);
                self.lib_func_value(l, ty)
            }
            Mode::Multi(_) => {
                let n = match self.types.get(op.ty) {
                    Type::Tuple(ts) => ts.len(),
                    _ => 2,
                };
                self.err(
                    e.pos,
                    format!(
                        "multiple-value {} (value of type {}) in single-value context",
                        self.expr_text(e),
                        self.tname(op.ty)
                    ),
                );
                let _ = n;
                Operand::invalid()
            }
            _ => op,
        }
    }

    /// Compiles `e` where a constant is required (nothing is emitted for
    /// constant expressions).
    pub fn const_expr(&mut self, e: &Expr) -> Operand {
        self.value_untyped(e)
    }

    pub(super) fn ident(&mut self, n: &str, e: &Expr) -> Operand {
        if n == "_" {
            self.err(e.pos, "cannot use _ as value");
            return Operand::invalid();
        }
        let found = self.lookup_at(n, e.pos);
        if self.rec.is_some() {
            let name = match &found {
                Found::Local(Local::Var(v)) => stackbuf::Name::Var(*v),
                Found::Pkg(Entity::Var { g }) => stackbuf::Name::Var(self.globals[*g as usize]),
                Found::Pkg(Entity::Func { f, .. }) => stackbuf::Name::Func(*f),
                Found::None if n == "nil" => stackbuf::Name::Nil,
                _ => stackbuf::Name::Other,
            };
            self.record_name(e, name);
        }
        match found {
            Found::Local(Local::Var(v)) => {
                let ty = self.vars[v].ty;
                let reg = self.read_var(v);
                Operand {
                    mode: Mode::Value { reg, var: true },
                    ty,
                }
            }
            Found::Local(Local::Const(v, ty)) => Operand::konst(v, ty),
            Found::Local(Local::Type(ty)) | Found::Pkg(Entity::Type(ty)) => Operand {
                mode: Mode::Type,
                ty,
            },
            Found::Pkg(Entity::Var { g }) => {
                let v = self.globals[g as usize];
                let ty = self.vars[v].ty;
                let reg = self.read_var(v);
                Operand {
                    mode: Mode::Value { reg, var: true },
                    ty,
                }
            }
            Found::Pkg(Entity::Const(v, ty)) => Operand::konst(v, ty),
            Found::Pkg(Entity::LazyConst { .. }) => self.lazy_const(n, e.pos),
            Found::Pkg(Entity::Func { f, ty }) => Operand {
                mode: Mode::Func(f),
                ty,
            },
            Found::Import(p) => Operand {
                mode: Mode::Package(p),
                ty: tc::INVALID,
            },
            Found::None => self.universe(n, e),
        }
    }

    fn universe(&mut self, n: &str, e: &Expr) -> Operand {
        match n {
            "true" | "false" => {
                return Operand::konst(ConstVal::Bool(n == "true"), tc::UNTYPED_BOOL)
            }
            "nil" => {
                return Operand {
                    mode: Mode::Nil,
                    ty: tc::UNTYPED_NIL,
                }
            }
            "iota" => {
                if let Some(i) = self.iota {
                    return Operand::konst(ConstVal::Int(i), tc::UNTYPED_INT);
                }
                self.err(e.pos, "cannot use iota outside constant declaration");
                return Operand::invalid();
            }
            _ => {}
        }
        if let Some(t) = super::typexpr::universe_type(n) {
            return Operand {
                mode: Mode::Type,
                ty: t,
            };
        }
        if let Some(b) = builtin(n) {
            return Operand {
                mode: Mode::Builtin(b),
                ty: tc::INVALID,
            };
        }
        if let Some(op) = self.prelude_native(n) {
            return op;
        }
        match n {
            "complex64" | "complex128" | "complex" | "real" | "imag" => {
                self.unsupported(e.pos, "complex numbers")
            }
            _ => self.err(e.pos, format!("undefined: {}", n)),
        }
        Operand::invalid()
    }

    fn selector(&mut self, e: &Expr, x: &Expr, sel: &crate::syntax::ast::Ident) -> Operand {
        let xo = self.expr(x);
        if let Mode::Package(p) = &xo.mode {
            let p = p.clone();
            return self.lib_member(&p, sel, e);
        }
        if let Mode::Type = xo.mode {
            return self.method_expr(x, xo.ty, sel);
        }
        let xo = self.single(x, xo);
        if xo.is_invalid() {
            return Operand::invalid();
        }
        let by_addr = self.needs_addr(xo.ty, &[], xo.ty, &super::methods::MethodKind::Lib, &sel.name);
        if !by_addr {
            if let Some(op) = self.lib_method(&xo, sel) {
                return op;
            }
        }
        if let Type::Pointer(b) = self.types.get(xo.ty) {
            if self.types.is_interface(*b) {
                self.err(
                    sel.pos,
                    format!(
                        "{}.{} undefined (type {} is pointer to interface, not interface)",
                        self.expr_text(x),
                        sel.name,
                        self.tname(xo.ty)
                    ),
                );
                return Operand::invalid();
            }
        }
        match self.lookup_member(xo.ty, &sel.name) {
            Ok(m) => return self.select_member(e, x, &xo, sel, m),
            Err(super::methods::LookupErr::Ambiguous) => {
                self.err(sel.pos, format!("ambiguous selector {}.{}", self.expr_text(x), sel.name));
                return Operand::invalid();
            }
            Err(super::methods::LookupErr::NotFound) => {}
        }
        let what = if self.is_untyped(xo.ty) {
            String::new()
        } else {
            format!(
                "type {} has no field or method {}{}",
                self.tname(xo.ty),
                sel.name,
                self.fold_case_hint(xo.ty, &sel.name)
            )
        };
        self.err(
            sel.pos,
            format!("{}.{} undefined ({})", self.expr_text(x), sel.name, what),
        );
        Operand::invalid()
    }

    fn index(&mut self, e: &Expr, x: &Expr, i: &Expr) -> Operand {
        let xo = self.value(x);
        if xo.is_invalid() {
            self.value(i);
            return Operand::invalid();
        }
        let (xt, ptr_arr) = match self.types.under(xo.ty) {
            Type::Pointer(b) if matches!(self.types.under(*b), Type::Array(..)) => (*b, true),
            _ => (xo.ty, false),
        };
        let under = self.types.under(xt).clone();
        if let Type::Map(k, v) = under {
            let ko = self.value_untyped(i);
            self.check_assign(&ko, k, i, "map index");
            let xr = self.to_reg(&xo, tc::INVALID);
            let kr = self.to_reg(&ko, k);
            let dst = self.f().alloc();
            self.f().emit(Op::MapGet {
                dst,
                m: xr,
                k: kr,
                zero: v,
            });
            return Operand::value(dst, v);
        }
        let (elem, len) = match under {
            Type::Slice(el) => (el, None),
            Type::Array(n, el) => (el, Some(n)),
            Type::Basic(k) if matches!(k, BasicKind::String | BasicKind::UntypedString) => {
                let len = xo.const_val().and_then(|v| {
                    if let ConstVal::Str(s) = v {
                        Some(s.len() as u64)
                    } else {
                        None
                    }
                });
                (tc::UINT8, len)
            }
            _ => {
                self.err(
                    crate::diag::Pos::new(x.pos.line, x.pos.col + self.expr_text(x).len() as u32),
                    format!("cannot index {}", self.describe(x, &xo)),
                );
                self.value(i);
                return Operand::invalid();
            }
        };
        let io = self.index_value(i, len);
        if io.is_invalid() {
            return Operand::invalid();
        }
        let mut xr = self.to_reg(&xo, tc::INVALID);
        if ptr_arr {
            let t = self.f().alloc();
            self.f().emit(Op::Load { dst: t, ptr: xr });
            xr = t;
        }
        let ir = self.to_reg(&io, tc::INT);
        let dst = self.f().alloc();
        self.f().emit(Op::Index { dst, x: xr, i: ir });
        let var = !matches!(
            self.types.basic(xt),
            Some(BasicKind::String | BasicKind::UntypedString)
        );
        let _ = e;
        Operand {
            mode: Mode::Value { reg: dst, var },
            ty: elem,
        }
    }

    /// An index operand: an integer, in bounds when constant.
    pub fn index_value(&mut self, i: &Expr, len: Option<u64>) -> Operand {
        let io = self.int_value(i);
        if io.is_invalid() {
            return io;
        }
        if !self.is_kind(io.ty, |k| k.is_integer())
            && !(self.is_untyped(io.ty) && io.const_val().and_then(|v| v.as_int()).is_some())
        {
            self.err(
                i.pos,
                format!(
                    "invalid argument: index {} must be integer",
                    self.describe(i, &io)
                ),
            );
            return Operand::invalid();
        }
        if let Some(v) = io.const_val() {
            let n = v.as_int().unwrap_or(0);
            if n < 0 {
                self.err(
                    i.pos,
                    format!(
                        "invalid argument: index {} must not be negative",
                        self.describe(i, &io)
                    ),
                );
                return Operand::invalid();
            }
            if let Some(l) = len {
                if n as u128 >= l as u128 {
                    self.err(
                        i.pos,
                        format!(
                            "invalid argument: index {} out of bounds [0:{}]",
                            self.expr_text(i),
                            l
                        ),
                    );
                    return Operand::invalid();
                }
            }
            return Operand::konst(ConstVal::Int(n), tc::INT);
        }
        io
    }

    fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        lo: Option<&Expr>,
        hi: Option<&Expr>,
        max: Option<&Expr>,
    ) -> Operand {
        let xo = self.value(x);
        if xo.is_invalid() {
            return Operand::invalid();
        }
        let ty = match self.types.under(xo.ty).clone() {
            Type::Slice(_) => xo.ty,
            // Arrays are values with copy-on-write storage here; a slice
            // of one would not share it as Go's does, so refuse rather
            // than run differently.
            Type::Array(..) => {
                self.unsupported(e.pos, "slicing arrays");
                return Operand::invalid();
            }
            Type::Pointer(b) => match self.types.under(b).clone() {
                Type::Array(..) => {
                    self.unsupported(e.pos, "slicing arrays");
                    return Operand::invalid();
                }
                _ => tc::INVALID,
            },
            Type::Basic(k) if matches!(k, BasicKind::String | BasicKind::UntypedString) => {
                if max.is_some() {
                    self.err(e.pos, "invalid operation: 3-index slice of string");
                    return Operand::invalid();
                }
                if self.is_untyped(xo.ty) {
                    tc::STRING
                } else {
                    xo.ty
                }
            }
            _ => tc::INVALID,
        };
        if ty == tc::INVALID {
            self.err(x.pos, format!("cannot slice {}", self.describe(x, &xo)));
            return Operand::invalid();
        }
        let mut xr = self.to_reg(&xo, tc::INVALID);
        if let Type::Pointer(_) = self.types.under(xo.ty) {
            let t = self.f().alloc();
            self.f().emit(Op::Load { dst: t, ptr: xr });
            xr = t;
        }
        let mut regs = [crate::vm::op::NO_REG; 3];
        // Constant indices, to catch `s[2:1]` as Go's checker does.
        let mut consts: [Option<(i128, crate::diag::Pos)>; 3] = [None; 3];
        for (k, b) in [lo, hi, max].into_iter().enumerate() {
            if let Some(b) = b {
                let bo = self.index_value(b, None);
                if !bo.is_invalid() {
                    if let Some(ConstVal::Int(v)) = bo.const_val() {
                        consts[k] = Some((*v, b.pos));
                    }
                    regs[k] = self.to_reg(&bo, tc::INT);
                }
            }
        }
        'swapped: for i in 0..2 {
            let Some((x, _)) = consts[i] else { continue };
            for (y, at) in consts[i + 1..].iter().flatten() {
                if *y < x {
                    self.err(*at, format!("invalid slice indices: {} < {}", y, x));
                    break 'swapped;
                }
            }
        }
        let dst = self.f().alloc();
        self.f().emit(Op::SliceOf {
            dst,
            x: xr,
            lo: regs[0],
            hi: regs[1],
            max: regs[2],
        });
        Operand::value(dst, ty)
    }

    fn star(&mut self, e: &Expr, x: &Expr) -> Operand {
        let xo = self.expr(x);
        if let Mode::Type = xo.mode {
            let ty = self.types.intern(Type::Pointer(xo.ty));
            return Operand {
                mode: Mode::Type,
                ty,
            };
        }
        let xo = self.single(x, xo);
        if xo.is_invalid() {
            return xo;
        }
        let Type::Pointer(b) = self.types.under(xo.ty).clone() else {
            if matches!(xo.mode, Mode::Nil) {
                self.err(e.pos, "invalid operation: cannot indirect nil");
            } else {
                self.err(
                    e.pos,
                    format!(
                        "invalid operation: cannot indirect {}",
                        self.describe(x, &xo)
                    ),
                );
            }
            return Operand::invalid();
        };
        let p = self.to_reg(&xo, tc::INVALID);
        let dst = self.f().alloc();
        self.f().emit(Op::Load { dst, ptr: p });
        Operand {
            mode: Mode::Value {
                reg: dst,
                var: true,
            },
            ty: b,
        }
    }

    fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr) -> Operand {
        match op {
            UnOp::Addr => return self.address_of(e, x),
            UnOp::Recv => return self.recv_expr(e, x),
            _ => {}
        }
        let xo = self.value_untyped(x);
        if xo.is_invalid() {
            return xo;
        }
        let kind = self.types.basic(xo.ty).unwrap_or(BasicKind::Invalid);
        if let (Mode::Deferred(d), UnOp::Neg | UnOp::Xor | UnOp::Pos) = (&xo.mode, op) {
            if op == UnOp::Pos {
                return xo;
            }
            let d = super::untyped_shift::Deferred::Unary { op, x: d.clone() };
            return Operand { mode: Mode::Deferred(Box::new(d)), ty: xo.ty };
        }
        let xo = self.settle(xo);
        let ok = match op {
            UnOp::Not => matches!(kind, BasicKind::Bool | BasicKind::UntypedBool),
            UnOp::Xor => kind.is_integer(),
            _ => kind.is_numeric(),
        };
        if !ok {
            let sym = match op {
                UnOp::Not => "!",
                UnOp::Xor => "^",
                UnOp::Neg => "-",
                _ => "+",
            };
            self.err(
                x.pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    sym,
                    self.describe(x, &xo)
                ),
            );
            return Operand::invalid();
        }
        if let Some(v) = xo.const_val() {
            let r = match (op, v) {
                (UnOp::Not, ConstVal::Bool(b)) => ConstVal::Bool(!b),
                (UnOp::Pos, v) => v.clone(),
                (UnOp::Neg, ConstVal::Int(i)) => ConstVal::Int(-i),
                // No negative zero among constants.
                (UnOp::Neg, ConstVal::Float(f)) => ConstVal::Float(0.0 - f),
                (UnOp::Xor, ConstVal::Int(i)) => {
                    // Typed unsigned constants complement within their width.
                    if kind.is_unsigned() {
                        let (_, hi) = cv::int_range(kind);
                        ConstVal::Int(hi ^ i)
                    } else {
                        ConstVal::Int(!i)
                    }
                }
                _ => v.clone(),
            };
            return self.typed_const(e, r, xo.ty);
        }
        if op == UnOp::Pos {
            return xo;
        }
        let a = self.to_reg(&xo, tc::INVALID);
        let dst = self.f().alloc();
        let ty = xo.ty;
        match op {
            UnOp::Not => {
                self.f().emit(Op::Not { dst, a });
            }
            UnOp::Neg if kind.is_float() => {
                self.f().emit(Op::NegF { dst, a });
                if kind == BasicKind::Float32 {
                    self.f().emit(Op::RoundF32 { dst });
                }
            }
            UnOp::Neg => {
                self.f().emit(Op::NegI { dst, a });
                self.wrap(dst, kind);
            }
            _ => {
                self.f().emit(Op::BitNotI { dst, a });
                self.wrap(dst, kind);
            }
        }
        Operand::value(dst, ty)
    }

    pub fn wrap(&mut self, dst: Reg, kind: BasicKind) {
        if let Some(k) = int_kind(kind) {
            if !matches!(k, IntKind::I64 | IntKind::U64) {
                self.f().emit(Op::Wrap { dst, kind: k });
            }
        }
    }

    /// A constant result of type `ty`, checked against the type's range.
    pub fn typed_const(&mut self, e: &Expr, v: ConstVal, ty: TypeId) -> Operand {
        if self.is_untyped(ty) || ty == tc::INVALID {
            return Operand::konst(v, ty);
        }
        let kind = self.types.basic(ty).unwrap_or(BasicKind::Invalid);
        match represent(&v, kind) {
            Ok(v) => Operand::konst(v, ty),
            Err(_) => {
                let op = Operand::konst(v, ty);
                self.err(
                    e.pos,
                    format!("{} overflows {}", self.describe(e, &op), self.tname(ty)),
                );
                Operand::invalid()
            }
        }
    }

    fn address_of(&mut self, e: &Expr, x: &Expr) -> Operand {
        let inner = strip_parens(x);
        if let ExprKind::Composite { ty, elems } = &inner.kind {
            let v = self.composite(inner, ty.as_deref(), elems, None);
            if v.is_invalid() {
                return v;
            }
            let r = self.to_reg(&v, tc::INVALID);
            let dst = self.f().alloc();
            self.f().emit(Op::NewCell { dst, src: r });
            let ty = self.types.intern(Type::Pointer(v.ty));
            return Operand::value(dst, ty);
        }
        match self.addr_of(x) {
            Ok(op) => return op,
            Err(super::addr::NoAddr::Reported) => return Operand::invalid(),
            Err(super::addr::NoAddr::NotAddressable) => {}
        }
        let xo = self.value_untyped(x);
        if !xo.is_invalid() {
            // Go names and points at the operand inside any parentheses.
            let inner = strip_parens(x);
            let map_index = matches!(&inner.kind, ExprKind::Index(b, _) if self.peek_type_of(b).is_some_and(|t| matches!(self.types.under(t), Type::Map(..))));
            let what = if map_index {
                let kind = self.describe(inner, &xo);
                // types2 names the operand's mode: a map index expression.
                kind.replacen("(value of ", "(map index expression of ", 1)
            } else {
                self.describe(inner, &xo)
            };
            self.err(start_pos(inner), format!("invalid operation: cannot take address of {}", what));
        }
        let _ = e;
        Operand::invalid()
    }

    /// Resolves a name to a variable id (globals map to their VarId).
    pub(super) fn lookup_var(&mut self, n: &str) -> Option<super::func::VarId> {
        match self.lookup(n) {
            Found::Pkg(Entity::Var { g }) => Some(self.globals[g as usize]),
            Found::Local(Local::Var(v)) => Some(v),
            _ => None,
        }
    }

    fn recv_expr(&mut self, e: &Expr, x: &Expr) -> Operand {
        let xo = self.value(x);
        if xo.is_invalid() {
            return xo;
        }
        let Some(elem) = self.chan_elem(e, x, &xo, ChanDir::Recv, "receive from") else {
            return Operand::invalid();
        };
        let ch = self.to_reg(&xo, tc::INVALID);
        let dst = self.f().alloc();
        self.f().emit(Op::Recv { dst, ch });
        Operand::value(dst, elem)
    }

    /// Checks that `xo` is a channel usable in direction `need`; returns
    /// its element type.
    pub fn chan_elem(
        &mut self,
        at: &Expr,
        x: &Expr,
        xo: &Operand,
        need: ChanDir,
        verb: &str,
    ) -> Option<TypeId> {
        let _ = at;
        match self.types.under(xo.ty).clone() {
            Type::Chan(dir, el) => {
                let bad = match need {
                    ChanDir::Recv => dir == ChanDir::Send,
                    ChanDir::Send => dir == ChanDir::Recv,
                    ChanDir::Both => false,
                };
                if bad {
                    let which = if need == ChanDir::Recv {
                        "send-only"
                    } else {
                        "receive-only"
                    };
                    let pos = if need == ChanDir::Recv { x.pos } else { at.pos };
                    self.err(
                        pos,
                        format!(
                            "invalid operation: cannot {} {} channel {} {}",
                            verb,
                            which,
                            self.tname(xo.ty),
                            self.describe(x, xo)
                        ),
                    );
                    return None;
                }
                Some(el)
            }
            _ => {
                self.err(
                    x.pos,
                    format!(
                        "invalid operation: cannot {} non-channel {} {}",
                        verb,
                        self.tname(xo.ty),
                        self.describe(x, xo)
                    ),
                );
                None
            }
        }
    }

    fn binary(&mut self, e: &Expr, op: BinOp, a: &Expr, b: &Expr) -> Operand {
        if matches!(op, BinOp::LAnd | BinOp::LOr) {
            return self.logical(e, op, a, b);
        }
        let ao = self.value_untyped(a);
        self.binary_operands(e, op, a, ao, b)
    }

    /// A binary operation whose left operand is already evaluated.
    pub fn binary_operands(
        &mut self,
        e: &Expr,
        op: BinOp,
        a: &Expr,
        ao: Operand,
        b: &Expr,
    ) -> Operand {
        if matches!(op, BinOp::Shl | BinOp::Shr) {
            return self.shift(e, op, a, ao, b);
        }
        let bo = self.value_untyped(b);
        if ao.is_invalid() || bo.is_invalid() {
            return Operand::invalid();
        }
        let cmp = matches!(
            op,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        );
        if cmp {
            return self.compare_operands(e, op, a, ao, b, bo);
        }
        let Some(ty) = self.match_types(e, op, a, &ao, b, &bo) else {
            return Operand::invalid();
        };
        let kind = self.types.basic(ty).unwrap_or(BasicKind::Invalid);
        let allowed = match op {
            BinOp::Add => {
                kind.is_numeric() || matches!(kind, BasicKind::String | BasicKind::UntypedString)
            }
            BinOp::Sub | BinOp::Mul | BinOp::Div => kind.is_numeric(),
            _ => kind.is_integer(),
        };
        if !allowed {
            let (x, xo) = if self.types.basic(ao.ty).is_some() || self.is_untyped(bo.ty) {
                (a, &ao)
            } else {
                (b, &bo)
            };
            self.err(
                a.pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.describe(x, xo)
                ),
            );
            return Operand::invalid();
        }
        let zero_div = matches!(op, BinOp::Div | BinOp::Rem)
            && matches!(bo.const_val(), Some(v) if v.as_f64() == 0.0 && !matches!(v, ConstVal::Str(_)));
        if zero_div && (kind.is_integer() || ao.const_val().is_some()) {
            self.err(b.pos, "invalid operation: division by zero");
            return Operand::invalid();
        }
        if self.is_untyped(ty) {
            let deferred = (self.deferred_node(a, &ao, false), self.deferred_node(b, &bo, false));
            if let (Some(x), Some(y), true) = (deferred.0, deferred.1, self.any_deferred(&[&ao, &bo])) {
                let d = super::untyped_shift::Deferred::Binary { op, a: Box::new(x), b: Box::new(y) };
                return Operand { mode: Mode::Deferred(Box::new(d)), ty };
            }
        }
        if let (Some(x), Some(y)) = (ao.const_val(), bo.const_val()) {
            let int_div = kind.is_integer();
            return match cv::binary(op, &cv::operand_in(x, kind), &cv::operand_in(y, kind), int_div) {
                Ok(v) => self.typed_const(e, v, ty),
                Err(ConstErr::DivByZero) => {
                    self.err(b.pos, "invalid operation: division by zero");
                    Operand::invalid()
                }
                Err(_) => {
                    self.unsupported(e.pos, "constants this large");
                    Operand::invalid()
                }
            };
        }
        // `x + k` with a small constant: one instruction.
        if matches!(op, BinOp::Add | BinOp::Sub) && kind.is_integer() {
            if let Some(ConstVal::Int(k)) = bo.const_val() {
                let k = if op == BinOp::Sub { -k } else { *k };
                if (i16::MIN as i128..=i16::MAX as i128).contains(&k) {
                    let ar = self.to_reg(&ao, ty);
                    let dst = self.f().alloc();
                    self.f().emit(Op::AddIK {
                        dst,
                        a: ar,
                        k: k as i16,
                    });
                    self.wrap(dst, kind);
                    return Operand::value(dst, ty);
                }
            }
        }
        let ar = self.to_reg(&ao, ty);
        let br = self.to_reg(&bo, ty);
        let dst = self.f().alloc();
        self.emit_arith(op, kind, dst, ar, br);
        Operand::value(dst, ty)
    }

    pub fn compare_operands(
        &mut self,
        e: &Expr,
        op: BinOp,
        a: &Expr,
        ao: Operand,
        b: &Expr,
        bo: Operand,
    ) -> Operand {
        if ao.is_invalid() || bo.is_invalid() {
            return Operand::invalid();
        }
        // `1<<s == 1<<33`, `1<<s > 1.5`: nothing gives the shift a type
        // but the default type of both operands' untyped kind.
        let both_untyped = self.is_untyped(ao.ty) && self.is_untyped(bo.ty);
        let nil = matches!(ao.mode, Mode::Nil) || matches!(bo.mode, Mode::Nil);
        let (ao, bo) = if both_untyped && !nil && self.any_deferred(&[&ao, &bo]) {
            let Some(joint) = self.match_types(e, op, a, &ao, b, &bo) else {
                return Operand::invalid();
            };
            let t = self.default_type(joint);
            (self.settle_as(ao, t), self.settle_as(bo, t))
        } else {
            (ao, bo)
        };
        let Some(ty) = self.match_types(e, op, a, &ao, b, &bo) else {
            return Operand::invalid();
        };
        self.comparison(e, op, ty, a, &ao, b, &bo)
    }

    /// The common type of a binary operation's operands (untyped constants
    /// convert to the other side's type), or an error.
    fn match_types(
        &mut self,
        e: &Expr,
        op: BinOp,
        a: &Expr,
        ao: &Operand,
        b: &Expr,
        bo: &Operand,
    ) -> Option<TypeId> {
        let (ua, ub) = (self.is_untyped(ao.ty), self.is_untyped(bo.ty));
        if matches!(ao.mode, Mode::Nil) || matches!(bo.mode, Mode::Nil) {
            let (other, oe) = if matches!(ao.mode, Mode::Nil) {
                (bo, b)
            } else {
                (ao, a)
            };
            if matches!(other.mode, Mode::Nil) {
                self.err(
                    e.pos,
                    format!(
                        "invalid operation: {} (operator {} not defined on nil)",
                        self.expr_text(e),
                        op.as_str()
                    ),
                );
                return None;
            }
            if self
                .assignable(
                    &Operand {
                        mode: Mode::Nil,
                        ty: tc::UNTYPED_NIL,
                    },
                    other.ty,
                )
                .is_err()
            {
                // Go converts the right operand to the left's type and
                // reports there, naming the types in source order.
                let msg = format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    self.expr_text(e),
                    self.tname(ao.ty),
                    self.tname(bo.ty)
                );
                self.err(start_pos(b), msg);
                let _ = oe;
                return None;
            }
            return Some(other.ty);
        }
        if ua && ub {
            let (ka, kb) = (self.types.basic(ao.ty)?, self.types.basic(bo.ty)?);
            if ka.is_numeric() && kb.is_numeric() {
                let rank = |k: BasicKind| match k {
                    BasicKind::UntypedInt => 0,
                    BasicKind::UntypedRune => 1,
                    _ => 2,
                };
                return Some(if rank(ka) >= rank(kb) { ao.ty } else { bo.ty });
            }
            if ka == kb {
                return Some(ao.ty);
            }
            self.mismatch(e, ao, bo);
            return None;
        }
        if ua || ub {
            let (c, ce, t) = if ua { (ao, a, bo.ty) } else { (bo, b, ao.ty) };
            if self.convert_untyped(ce, c, t) {
                return Some(t);
            }
            if matches!(c.mode, Mode::Const(_))
                && self.types.basic(t).is_some_and(|k| k.is_numeric())
                && self.types.basic(c.ty).is_some_and(|k| k.is_numeric())
            {
                return None;
            }
            self.mismatch_at(ce.pos, e, ao, bo);
            return None;
        }
        if ao.ty != bo.ty {
            // An interface compares with a value of a type implementing it.
            if self.types.is_interface(ao.ty) && self.assignable(bo, ao.ty).is_ok() {
                return Some(ao.ty);
            }
            if self.types.is_interface(bo.ty) && self.assignable(ao, bo.ty).is_ok() {
                return Some(bo.ty);
            }
            self.mismatch(e, ao, bo);
            return None;
        }
        Some(ao.ty)
    }

    fn mismatch_at(&mut self, pos: crate::diag::Pos, e: &Expr, ao: &Operand, bo: &Operand) {
        let n = self.diags.len();
        self.mismatch(e, ao, bo);
        if let Some(d) = self.diags.get_mut(n) {
            d.pos = pos;
        }
    }

    fn mismatch(&mut self, e: &Expr, ao: &Operand, bo: &Operand) {
        let pos = match &e.kind {
            ExprKind::Binary(_, a, _) => a.pos,
            _ => e.pos,
        };
        self.err(
            pos,
            format!(
                "invalid operation: {} (mismatched types {} and {})",
                self.expr_text(e),
                self.tname(ao.ty),
                self.tname(bo.ty)
            ),
        );
    }

    /// Whether untyped `c` can become type `t` inside an expression; reports
    /// overflow/truncation with Go's wording.
    fn convert_untyped(&mut self, ce: &Expr, c: &Operand, t: TypeId) -> bool {
        if self.types.is_interface(t) {
            return true;
        }
        let Some(tk) = self.types.basic(t) else {
            return false;
        };
        let ck = self.types.basic(c.ty).unwrap_or(BasicKind::Invalid);
        let ok = match ck {
            BasicKind::UntypedBool => tk == BasicKind::Bool,
            BasicKind::UntypedString => tk == BasicKind::String,
            _ => tk.is_numeric(),
        };
        if !ok {
            return false;
        }
        if let Mode::Const(v) = &c.mode {
            match represent(v, tk) {
                Ok(_) => {}
                Err(Misfit::Overflows) => {
                    self.err(
                        ce.pos,
                        format!("{} overflows {}", self.describe(ce, c), self.tname(t)),
                    );
                    return false;
                }
                Err(Misfit::Truncated) => {
                    self.err(
                        ce.pos,
                        format!("{} truncated to {}", self.describe(ce, c), self.tname(t)),
                    );
                    return false;
                }
                Err(Misfit::Kind) => return false,
            }
        }
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn comparison(
        &mut self,
        e: &Expr,
        op: BinOp,
        ty: TypeId,
        a: &Expr,
        ao: &Operand,
        _b: &Expr,
        bo: &Operand,
    ) -> Operand {
        let ordered = matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge);
        let kind = self.types.basic(ty);
        if ordered
            && !kind.is_some_and(|k| {
                k.is_numeric() || matches!(k, BasicKind::String | BasicKind::UntypedString)
            })
        {
            self.err(
                a.pos,
                format!(
                    "invalid operation: {} (operator {} not defined on {})",
                    self.expr_text(e),
                    op.as_str(),
                    self.kind_word(ty)
                ),
            );
            return Operand::invalid();
        }
        let nil_cmp = matches!(ao.mode, Mode::Nil) || matches!(bo.mode, Mode::Nil);
        if !ordered && !nil_cmp && !self.comparable(ty) {
            // types2's incomparableCause: a struct or array names the
            // first element type that cannot be compared.
            if let Some(bad) = self.incomparable_part(ty) {
                let what = match self.types.under(ty) {
                    Type::Struct(_) => format!("struct containing {}", self.tname(bad)),
                    _ => self.tname(ty),
                };
                self.err(
                    a.pos,
                    format!("invalid operation: {} ({} cannot be compared)", self.expr_text(e), what),
                );
                return Operand::invalid();
            }
            let w = self.kind_word(ty);
            self.err(
                a.pos,
                format!(
                    "invalid operation: {} ({} can only be compared to nil)",
                    self.expr_text(e),
                    w
                ),
            );
            return Operand::invalid();
        }
        if let (Some(x), Some(y)) = (ao.const_val(), bo.const_val()) {
            let k = kind.unwrap_or(BasicKind::Invalid);
            if let Ok(v) = cv::binary(op, &cv::operand_in(x, k), &cv::operand_in(y, k), false) {
                return Operand::konst(v, tc::UNTYPED_BOOL);
            }
        }
        let (mut ar, mut br) = (self.to_reg(ao, ty), self.to_reg(bo, ty));
        let dst = self.f().alloc();
        let k = kind.unwrap_or(BasicKind::Invalid);
        let op = match op {
            BinOp::Gt => {
                std::mem::swap(&mut ar, &mut br);
                BinOp::Lt
            }
            BinOp::Ge => {
                std::mem::swap(&mut ar, &mut br);
                BinOp::Le
            }
            o => o,
        };
        let (a, b) = (ar, br);
        let code = match op {
            BinOp::Eq if k.is_integer() => Op::EqI { dst, a, b },
            BinOp::Ne if k.is_integer() => Op::NeI { dst, a, b },
            BinOp::Eq => Op::Eq { dst, a, b },
            BinOp::Ne => Op::Ne { dst, a, b },
            BinOp::Lt if k.is_unsigned() => Op::LtU { dst, a, b },
            BinOp::Le if k.is_unsigned() => Op::LeU { dst, a, b },
            BinOp::Lt if k.is_integer() => Op::LtI { dst, a, b },
            BinOp::Le if k.is_integer() => Op::LeI { dst, a, b },
            BinOp::Lt if k.is_float() => Op::LtF { dst, a, b },
            BinOp::Le if k.is_float() => Op::LeF { dst, a, b },
            BinOp::Lt => Op::LtS { dst, a, b },
            _ => Op::LeS { dst, a, b },
        };
        self.f().emit(code);
        Operand::value(dst, tc::UNTYPED_BOOL)
    }

    fn kind_word(&self, t: TypeId) -> &'static str {
        match self.types.under(t) {
            Type::Slice(_) => "slice",
            Type::Map(..) => "map",
            Type::Func(_) => "func",
            Type::Struct(_) => "struct",
            Type::Chan(..) => "chan",
            Type::Pointer(_) => "pointer",
            Type::Interface(_) => "interface",
            Type::Array(..) => "array",
            Type::Basic(BasicKind::Bool | BasicKind::UntypedBool) => "bool",
            _ => "operand",
        }
    }

    pub fn emit_arith(&mut self, op: BinOp, kind: BasicKind, dst: Reg, a: Reg, b: Reg) {
        use BinOp::*;
        if matches!(kind, BasicKind::String | BasicKind::UntypedString) {
            self.f().emit(Op::Concat { dst, a, b });
            return;
        }
        if kind.is_float() {
            let code = match op {
                Add => Op::AddF { dst, a, b },
                Sub => Op::SubF { dst, a, b },
                Mul => Op::MulF { dst, a, b },
                _ => Op::DivF { dst, a, b },
            };
            self.f().emit(code);
            if kind == BasicKind::Float32 {
                self.f().emit(Op::RoundF32 { dst });
            }
            return;
        }
        let u = kind.is_unsigned();
        let code = match op {
            Add => Op::AddI { dst, a, b },
            Sub => Op::SubI { dst, a, b },
            Mul => Op::MulI { dst, a, b },
            Div if u => Op::DivU { dst, a, b },
            Div => Op::DivI { dst, a, b },
            Rem if u => Op::RemU { dst, a, b },
            Rem => Op::RemI { dst, a, b },
            And => Op::AndI { dst, a, b },
            Or => Op::OrI { dst, a, b },
            Xor => Op::XorI { dst, a, b },
            AndNot => Op::AndNotI { dst, a, b },
            Shl => Op::ShlI { dst, a, b },
            Shr if u => Op::ShrU { dst, a, b },
            _ => Op::ShrI { dst, a, b },
        };
        self.f().emit(code);
        if matches!(op, Add | Sub | Mul | Shl) || (op == Div && !u) {
            // Division can overflow only for MinInt / -1 of signed types.
            self.wrap(dst, kind);
        }
    }

    fn shift(&mut self, e: &Expr, op: BinOp, a: &Expr, ao: Operand, b: &Expr) -> Operand {
        let bo = self.value(b);
        if ao.is_invalid() || bo.is_invalid() {
            return Operand::invalid();
        }
        let bk = self.types.basic(bo.ty).unwrap_or(BasicKind::Invalid);
        let b_int = bk.is_integer() || bo.const_val().and_then(|v| v.as_int()).is_some();
        if !b_int {
            self.err(
                b.pos,
                format!(
                    "invalid operation: shift count {} must be integer",
                    self.describe(b, &bo)
                ),
            );
            return Operand::invalid();
        }
        if let Some(n) = bo.const_val().and_then(|v| v.as_int()) {
            if n < 0 {
                self.err(
                    b.pos,
                    format!(
                        "invalid shift: shift count {} must not be negative",
                        self.describe(b, &bo)
                    ),
                );
                return Operand::invalid();
            }
        }
        let ak = self.types.basic(ao.ty).unwrap_or(BasicKind::Invalid);
        let deferred = matches!(ao.mode, Mode::Deferred(_));
        let a_int = ak.is_integer()
            || deferred
            || (self.is_untyped(ao.ty) && ao.const_val().and_then(|v| v.as_int()).is_some());
        if !a_int {
            self.err(
                a.pos,
                format!(
                    "invalid operation: shifted operand {} must be integer",
                    self.describe(a, &ao)
                ),
            );
            return Operand::invalid();
        }
        if let (Some(x), Some(y)) = (ao.const_val(), bo.const_val()) {
            let n = y.as_int().unwrap_or(0);
            let ty = if ak == BasicKind::UntypedFloat {
                tc::UNTYPED_INT
            } else {
                ao.ty
            };
            return match cv::shift(op, x, n) {
                Ok(v) => self.typed_const(e, v, ty),
                Err(_) => {
                    self.unsupported(e.pos, "constants this large");
                    Operand::invalid()
                }
            };
        }
        if self.is_untyped(ao.ty) {
            // The count is read now, in evaluation order, into a register
            // nothing else writes before the shift is emitted.
            let count = match bo.mode {
                Mode::Value { reg, var: false } => reg,
                _ => {
                    let r = self.f().alloc();
                    self.load_into(&bo, tc::UINT, r);
                    r
                }
            };
            return self.defer_shift(op, a, &ao, count);
        }
        let ty = ao.ty;
        let kind = self.types.basic(ty).unwrap_or(BasicKind::Int);
        let ar = self.to_reg(&ao, ty);
        let br = self.to_reg(&bo, tc::UINT);
        let dst = self.f().alloc();
        self.emit_arith(op, kind, dst, ar, br);
        Operand::value(dst, ty)
    }

    fn logical(&mut self, e: &Expr, op: BinOp, a: &Expr, b: &Expr) -> Operand {
        let ao = self.value(a);
        let is_bool = |c: &Self, o: &Operand| {
            o.is_invalid()
                || c.is_kind(o.ty, |k| {
                    matches!(k, BasicKind::Bool | BasicKind::UntypedBool)
                })
        };
        if !is_bool(self, &ao) {
            self.err(
                a.pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.describe(a, &ao)
                ),
            );
            return Operand::invalid();
        }
        if let Some(ConstVal::Bool(x)) = ao.const_val().cloned() {
            let bo = self.value(b);
            if let Some(ConstVal::Bool(y)) = bo.const_val() {
                let v = if op == BinOp::LAnd { x && *y } else { x || *y };
                return Operand::konst(
                    ConstVal::Bool(v),
                    if self.is_untyped(ao.ty) { bo.ty } else { ao.ty },
                );
            }
            // A constant left side decides statically.
            let short = if op == BinOp::LAnd { !x } else { x };
            if short {
                return Operand::konst(ConstVal::Bool(x), ao.ty);
            }
            return bo;
        }
        let dst = self.f().alloc();
        self.load_into(&ao, tc::BOOL, dst);
        let j = if op == BinOp::LAnd {
            self.f().emit(Op::JmpIfNot { cond: dst, to: 0 })
        } else {
            self.f().emit(Op::JmpIf { cond: dst, to: 0 })
        };
        let mark = self.f().next;
        let bo = self.value(b);
        if !is_bool(self, &bo) {
            self.err(
                b.pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.describe(b, &bo)
                ),
            );
        } else if !bo.is_invalid()
            && !ao.is_invalid()
            && !self.is_untyped(ao.ty)
            && !self.is_untyped(bo.ty)
            && ao.ty != bo.ty
        {
            self.mismatch(e, &ao, &bo);
        }
        self.load_into(&bo, tc::BOOL, dst);
        self.f().next = mark;
        self.f().patch_here(j);
        let ty = if self.is_untyped(ao.ty) { bo.ty } else { ao.ty };
        Operand::value(dst, ty)
    }
}

/// Where an expression starts (a binary expression's position is its
/// operator's).
pub fn start_pos(e: &Expr) -> crate::diag::Pos {
    match &e.kind {
        ExprKind::Binary(_, a, _) => start_pos(a),
        _ => e.pos,
    }
}

pub fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}
