//! The result of checking an expression, and turning it into a register.

use crate::types::{consts as tc, BasicKind, Type, TypeId};
use crate::vm::op::{Op, Reg};
use crate::vm::value::Value;

use super::consts::{represent, ConstVal};
use super::lib::LibFn;
use super::Compiler;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Append,
    Cap,
    Close,
    Copy,
    Delete,
    Len,
    Make,
    New,
    Panic,
    Print,
    Println,
    Recover,
    Min,
    Max,
    Clear,
}

#[derive(Clone, Debug)]
pub enum Mode {
    /// An error was reported already; stay quiet about this operand.
    Invalid,
    /// A call without results.
    NoValue,
    Const(ConstVal),
    /// A value in a register. `var` is true for variables (messages say
    /// "variable of type").
    Value {
        reg: Reg,
        var: bool,
    },
    /// Several results of a call in consecutive registers.
    Multi(Reg),
    Nil,
    Type,
    Builtin(Builtin),
    /// An imported package name.
    Package(String),
    /// A top-level function, not yet loaded into a register.
    Func(u32),
    /// A library function or bound library method (receiver in `recv`).
    Lib(LibFn, Option<Reg>),
    /// A method bound to its receiver (already adjusted to the method's
    /// receiver kind) in `recv`: called directly, or a method value.
    Method { f: u32, recv: Reg },
    /// A method of the interface value in `recv`, dispatched at run time.
    IfaceMethod { recv: Reg, mid: u32 },
    /// An untyped non-constant shift (`1<<s`) waiting for the type its
    /// context gives it (untyped_shift.rs).
    Deferred(Box<super::untyped_shift::Deferred>),
}

#[derive(Clone, Debug)]
pub struct Operand {
    pub mode: Mode,
    pub ty: TypeId,
}

impl Operand {
    pub fn invalid() -> Operand {
        Operand {
            mode: Mode::Invalid,
            ty: tc::INVALID,
        }
    }
    pub fn value(reg: Reg, ty: TypeId) -> Operand {
        Operand {
            mode: Mode::Value { reg, var: false },
            ty,
        }
    }
    pub fn konst(v: ConstVal, ty: TypeId) -> Operand {
        Operand {
            mode: Mode::Const(v),
            ty,
        }
    }
    pub fn is_invalid(&self) -> bool {
        matches!(self.mode, Mode::Invalid)
            || self.ty == tc::INVALID
                && !matches!(
                    self.mode,
                    Mode::NoValue | Mode::Builtin(_) | Mode::Package(_) | Mode::Lib(..)
                )
    }
    pub fn const_val(&self) -> Option<&ConstVal> {
        match &self.mode {
            Mode::Const(v) => Some(v),
            _ => None,
        }
    }
}

impl Compiler<'_> {
    pub fn is_untyped(&self, ty: TypeId) -> bool {
        matches!(self.types.get(ty), Type::Basic(k) if k.is_untyped())
    }

    /// The type an untyped value gets when nothing else decides.
    pub fn default_type(&self, ty: TypeId) -> TypeId {
        match self.types.get(ty) {
            Type::Basic(BasicKind::UntypedBool) => tc::BOOL,
            Type::Basic(BasicKind::UntypedInt) => tc::INT,
            Type::Basic(BasicKind::UntypedRune) => tc::INT32,
            Type::Basic(BasicKind::UntypedFloat) => tc::FLOAT64,
            Type::Basic(BasicKind::UntypedString) => tc::STRING,
            _ => ty,
        }
    }

    /// Writes the value of `op`, converted to `target` (already checked as
    /// assignable), into `dst`.
    pub fn load_into(&mut self, op: &Operand, target: TypeId, dst: Reg) {
        let target = if target == tc::INVALID {
            self.default_type(op.ty)
        } else {
            target
        };
        let iface = self.types.is_interface(target);
        match &op.mode {
            Mode::Const(v) => {
                let vty = if iface {
                    self.default_type(op.ty)
                } else {
                    target
                };
                self.emit_const(v, vty, dst);
                if iface && !self.types.is_interface(vty) {
                    self.f().emit(Op::ToIface {
                        dst,
                        a: dst,
                        ty: vty,
                    });
                }
            }
            Mode::Nil => {
                self.f().emit(Op::Nil { dst });
            }
            Mode::Deferred(d) => {
                let t = self.deferred_type(op, target);
                let d = d.clone();
                self.emit_deferred(&d, t, dst);
                if iface {
                    self.f().emit(Op::ToIface { dst, a: dst, ty: t });
                }
            }
            Mode::Value { reg, .. } | Mode::Multi(reg) => {
                let reg = *reg;
                if iface && !self.types.is_interface(op.ty) {
                    let ty = self.default_type(op.ty);
                    self.f().emit(Op::ToIface { dst, a: reg, ty });
                } else if reg != dst {
                    self.f().emit(Op::Move { dst, src: reg });
                }
            }
            Mode::Func(f) => {
                let f = *f;
                self.f().emit(Op::Func { dst, f });
                if iface {
                    self.f().emit(Op::ToIface {
                        dst,
                        a: dst,
                        ty: op.ty,
                    });
                }
            }
            _ => {
                self.f().emit(Op::Nil { dst });
            }
        }
    }

    /// The value of `op` converted to `target` in some register: the
    /// operand's own register when no conversion is needed.
    /// `load_into` for an operand that is consumed here (call arguments,
    /// results): a temporary computed by the last instruction is written
    /// straight into `dst`.
    pub fn load_consumed(&mut self, op: &Operand, target: TypeId, dst: Reg) {
        if let Mode::Value { reg, var: false } = op.mode {
            let conv = target != tc::INVALID && self.types.is_interface(target) && !self.types.is_interface(op.ty);
            if !conv && reg != dst && self.f().retarget_last(reg, dst) {
                return;
            }
        }
        self.load_into(op, target, dst)
    }

    pub fn to_reg(&mut self, op: &Operand, target: TypeId) -> Reg {
        if let Mode::Value { reg, .. } = op.mode {
            let conv = target != tc::INVALID
                && self.types.is_interface(target)
                && !self.types.is_interface(op.ty);
            if !conv {
                return reg;
            }
        }
        let r = self.f().alloc();
        self.load_into(op, target, r);
        r
    }

    pub fn emit_const(&mut self, v: &ConstVal, ty: TypeId, dst: Reg) {
        let kind = self.types.basic(ty).unwrap_or(BasicKind::Invalid);
        let v = represent(v, kind).unwrap_or_else(|_| v.clone());
        let f = self.f();
        match v {
            ConstVal::Bool(b) => {
                f.emit(Op::Bool { dst, v: b });
            }
            ConstVal::Int(i) if kind.is_float() => {
                let k = f.konst(Value::Float(i as f64));
                f.emit(Op::Const { dst, k });
            }
            ConstVal::Int(i) => {
                if i >= i32::MIN as i128 && i <= i32::MAX as i128 {
                    f.emit(Op::Int { dst, v: i as i32 });
                } else {
                    // uint64 constants above MaxInt64 are stored as their bits.
                    let k = f.konst(Value::Int(i as u64 as i64));
                    f.emit(Op::Const { dst, k });
                }
            }
            ConstVal::Float(x) => {
                let k = f.konst(Value::Float(x));
                f.emit(Op::Const { dst, k });
            }
            ConstVal::Str(s) => {
                let k = f.konst(Value::Str(s));
                f.emit(Op::Const { dst, k });
            }
        }
    }
}
