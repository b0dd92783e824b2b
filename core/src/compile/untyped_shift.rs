//! Shifts of untyped constants by non-constant counts (`x | 1<<s`).
//!
//! The spec: "If the left operand of a non-constant shift expression is an
//! untyped constant, it is first implicitly converted to the type it would
//! assume if the shift expression were replaced by its left operand
//! alone." So `1<<s` has no type of its own: with a `uint32` x it shifts a
//! uint32, assigned to a float64 it is an error, and alone (`y := 1<<s`)
//! it is an int. Code is generated in one walk, so such an expression (and
//! untyped arithmetic on it, `1<<s + 1`) is kept as a `Deferred` operand:
//! its shift counts are evaluated in order into registers of their own,
//! the rest is emitted once the consumer knows the type (`load_into`), or
//! at the default type by consumers that do not ask (`value`).

use crate::diag::Pos;
use crate::syntax::ast::{BinOp, Expr, UnOp};
use crate::types::{consts as tc, BasicKind, TypeId};
use crate::vm::op::{Op, Reg};

use super::consts::{represent, ConstVal, Misfit};
use super::operand::{Mode, Operand};
use super::Compiler;

/// An untyped non-constant expression built from a shifted constant.
#[derive(Clone, Debug)]
pub enum Deferred {
    /// An untyped constant operand: where it is written and its text,
    /// for the messages about the type it gets.
    Const {
        v: ConstVal,
        pos: Pos,
        text: String,
        /// The left operand of a shift ("shifted operand 1 ...").
        shifted: bool,
    },
    /// A shift whose count is already in a register (as a uint).
    Shift {
        op: BinOp,
        x: Box<Deferred>,
        count: Reg,
    },
    Binary {
        op: BinOp,
        a: Box<Deferred>,
        b: Box<Deferred>,
    },
    /// `-x` or `^x`.
    Unary { op: UnOp, x: Box<Deferred> },
}

impl Deferred {
    /// The first shifted constant, where Go reports a non-integer type.
    fn shifted_operand(&self) -> Option<(Pos, &str)> {
        match self {
            Deferred::Const {
                pos, text, shifted, ..
            } => shifted.then_some((*pos, text.as_str())),
            Deferred::Shift { x, .. } | Deferred::Unary { x, .. } => x.shifted_operand(),
            Deferred::Binary { a, b, .. } => a.shifted_operand().or_else(|| b.shifted_operand()),
        }
    }
}

impl Compiler<'_> {
    /// Like `value`, but an untyped non-constant shift stays deferred for
    /// a consumer that gives it its type.
    pub fn value_untyped(&mut self, e: &Expr) -> Operand {
        let op = self.expr_untyped(e);
        self.single(e, op)
    }

    /// A value where an integer is wanted (indices, sizes): there a
    /// deferred shift is an `int` (`b[1.0<<s]`).
    pub fn int_value(&mut self, e: &Expr) -> Operand {
        let op = self.value_untyped(e);
        if !matches!(op.mode, Mode::Deferred(_)) {
            return op;
        }
        let r = self.f().alloc();
        self.load_into(&op, tc::INT, r);
        Operand::value(r, tc::INT)
    }

    /// A deferred operand as a value of its default type (`int` for
    /// `1<<s`); any other operand unchanged.
    pub fn settle(&mut self, op: Operand) -> Operand {
        let t = self.default_type(op.ty);
        self.settle_as(op, t)
    }

    /// A deferred operand as a value of type `t`; any other unchanged.
    pub fn settle_as(&mut self, op: Operand, t: TypeId) -> Operand {
        if !matches!(op.mode, Mode::Deferred(_)) {
            return op;
        }
        let r = self.f().alloc();
        self.load_into(&op, t, r);
        Operand::value(r, t)
    }

    pub fn any_deferred(&self, ops: &[&Operand]) -> bool {
        ops.iter().any(|o| matches!(o.mode, Mode::Deferred(_)))
    }

    /// `x` (an untyped constant or deferred operand written as `e`) as a
    /// tree node.
    pub fn deferred_node(&self, e: &Expr, x: &Operand, shifted: bool) -> Option<Deferred> {
        match &x.mode {
            Mode::Const(v) => Some(Deferred::Const {
                v: v.clone(),
                pos: e.pos,
                text: self.expr_text(e),
                shifted,
            }),
            Mode::Deferred(d) => Some((**d).clone()),
            _ => None,
        }
    }

    /// `x << count` (or `>>`) for an untyped constant or deferred `x` of
    /// untyped type `ty`; `count` is a register holding a uint.
    pub fn defer_shift(&mut self, op: BinOp, a: &Expr, ao: &Operand, count: Reg) -> Operand {
        let Some(x) = self.deferred_node(a, ao, true) else {
            return Operand::invalid();
        };
        let d = Deferred::Shift {
            op,
            x: Box::new(x),
            count,
        };
        Operand {
            mode: Mode::Deferred(Box::new(d)),
            ty: ao.ty,
        }
    }

    /// Writes deferred `d` evaluated as type `target` into `dst`; the
    /// caller picked `target` (default type for interfaces and untyped).
    pub fn emit_deferred(&mut self, d: &Deferred, target: TypeId, dst: Reg) {
        let kind = self.types.basic(target).unwrap_or(BasicKind::Invalid);
        if !kind.is_integer() {
            if let Some((pos, text)) = d.shifted_operand() {
                // One error per position: a refused assignment has said it.
                if self.diags.iter().any(|d| d.pos == pos) {
                    return;
                }
                let msg = format!(
                    "invalid operation: shifted operand {} (type {}) must be integer",
                    text,
                    self.tname(target)
                );
                self.err(pos, msg);
            }
            return;
        }
        self.emit_deferred_int(d, target, kind, dst);
    }

    fn emit_deferred_int(&mut self, d: &Deferred, target: TypeId, kind: BasicKind, dst: Reg) {
        match d {
            Deferred::Const { v, pos, text, .. } => {
                if let Err(m) = represent(v, kind) {
                    let what = match v {
                        ConstVal::Float(_) => "untyped float constant",
                        _ => "untyped int constant",
                    };
                    let how = if m == Misfit::Truncated {
                        "truncated to"
                    } else {
                        "overflows"
                    };
                    // As `describe` shows a constant: its value when the
                    // text is not it (`1 << 31 (untyped int constant 2147483648)`).
                    let shown = v.show();
                    let value = if shown == *text {
                        String::new()
                    } else {
                        format!(" {}", shown)
                    };
                    let msg = format!(
                        "{} ({}{}) {} {}",
                        text,
                        what,
                        value,
                        how,
                        self.tname(target)
                    );
                    self.err(*pos, msg);
                    return;
                }
                self.emit_const(v, target, dst);
            }
            Deferred::Shift { op, x, count } => {
                self.emit_deferred_int(x, target, kind, dst);
                self.emit_arith(*op, kind, dst, dst, *count);
            }
            Deferred::Binary { op, a, b } => {
                self.emit_deferred_int(a, target, kind, dst);
                let r = self.f().alloc();
                self.emit_deferred_int(b, target, kind, r);
                self.emit_arith(*op, kind, dst, dst, r);
            }
            Deferred::Unary { op, x } => {
                self.emit_deferred_int(x, target, kind, dst);
                if *op == UnOp::Neg {
                    self.f().emit(Op::NegI { dst, a: dst });
                } else {
                    self.f().emit(Op::BitNotI { dst, a: dst });
                }
                self.wrap(dst, kind);
            }
        }
    }

    /// The type a deferred operand is evaluated as when loaded for
    /// `target`: the target itself unless it decides nothing.
    pub fn deferred_type(&self, op: &Operand, target: TypeId) -> TypeId {
        if target == tc::INVALID || self.is_untyped(target) || self.types.is_interface(target) {
            self.default_type(op.ty)
        } else {
            target
        }
    }
}
