//! Per-function code generation state: registers, code, scopes.

use std::collections::{HashMap, HashSet};

use crate::diag::Pos;
use crate::types::TypeId;
use crate::vm::op::{Op, Reg, SelectTable};
use crate::vm::program::FuncProto;
use crate::vm::value::Value;

use super::consts::ConstVal;

pub type VarId = usize;

/// Registers above this are refused: `Reg` is u16 and `NO_REG` is reserved.
pub const MAX_REGS: u32 = 65000;

#[derive(Clone, Debug)]
pub enum Local {
    Var(VarId),
    Const(ConstVal, TypeId),
    Type(TypeId),
}

/// Where a captured variable comes from, seen from the enclosing function.
#[derive(Clone, Copy, Debug)]
pub enum CapSrc {
    /// The enclosing function's cell register.
    Cell(Reg),
    /// The enclosing function's own upvalue.
    Upval(u16),
}

#[derive(Clone, Debug)]
pub struct Capture {
    pub var: VarId,
    pub src: CapSrc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakKind {
    Loop,
    Switch,
    Select,
}

/// An enclosing statement that `break`/`continue` may target.
#[derive(Debug)]
pub struct Breakable {
    pub kind: BreakKind,
    pub label: Option<String>,
    pub breaks: Vec<usize>,
    pub continues: Vec<usize>,
}

pub struct FnState {
    /// The last position made a jump target (see `retarget_last`).
    pub label_at: std::cell::Cell<u32>,
    pub name: String,
    pub pos: Pos,
    pub code: Vec<Op>,
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub selects: Vec<SelectTable>,
    pub nparams: u16,
    pub nresults: u16,
    pub next: u32,
    pub max: u32,
    pub scopes: Vec<HashMap<String, Local>>,
    /// Variables declared in each open scope, for "declared and not used".
    pub scope_vars: Vec<Vec<VarId>>,
    pub captures: Vec<Capture>,
    /// Names a nested closure mentions or whose address is taken: their
    /// variables live in cells.
    pub escapes: HashSet<String>,
    pub results: Vec<TypeId>,
    pub named_results: Vec<VarId>,
    pub breakables: Vec<Breakable>,
    pub line: u32,
    pub nclosures: u32,
    pub ngowrap: u32,
    pub ndeferwrap: u32,
    /// Labels defined in this function: name -> (pos, used).
    pub labels: HashMap<String, (Pos, bool)>,
    /// Where each label's statement starts, and the `goto`s to patch
    /// once every label is known.
    pub label_pc: HashMap<String, u32>,
    pub gotos: Vec<(String, usize, Pos)>,
    pub too_large: bool,
    /// A function literal (names its children `f.1`, not `f.func1`).
    pub closure: bool,
    /// Registers below this hold live locals; statement temporaries are
    /// freed down to it.
    pub locals_top: u32,
    /// `next` at each open scope's start.
    pub scope_marks: Vec<u32>,
    /// The function's stack stores for appends (see stackbuf.rs): where
    /// each one's `used` flag lives, and the register of the slice that
    /// took it when a `Move` needs it.
    pub stack_stores: Vec<(StoreFlag, Option<Reg>)>,
    /// The `[]bool` of `used` flags of the functions inlined into this
    /// one (its own, for a root; the caller's, for an inlined clone).
    pub inline_ctx: Option<Reg>,
    /// The next free flag in `inline_ctx`.
    pub inline_next: u32,
    /// Where each inlined call's flags start in `inline_ctx`.
    pub inline_at: HashMap<usize, u32>,
}

/// Where a stack store's `used` flag lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreFlag {
    Reg(Reg),
    /// Element `.1` of the `[]bool` in register `.0`.
    Ctx(Reg, u32),
}

impl FnState {
    pub fn new(name: String, pos: Pos) -> FnState {
        FnState {
            name,
            pos,
            code: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            selects: Vec::new(),
            nparams: 0,
            nresults: 0,
            next: 0,
            max: 0,
            label_at: std::cell::Cell::new(0),
            scopes: vec![HashMap::new()],
            scope_vars: vec![Vec::new()],
            captures: Vec::new(),
            escapes: HashSet::new(),
            results: Vec::new(),
            named_results: Vec::new(),
            breakables: Vec::new(),
            line: pos.line,
            nclosures: 0,
            ngowrap: 0,
            ndeferwrap: 0,
            labels: HashMap::new(),
            label_pc: HashMap::new(),
            gotos: Vec::new(),
            too_large: false,
            closure: false,
            locals_top: 0,
            scope_marks: vec![0],
            stack_stores: Vec::new(),
            inline_ctx: None,
            inline_next: 0,
            inline_at: HashMap::new(),
        }
    }

    pub fn emit(&mut self, op: Op) -> usize {
        self.code.push(op);
        self.lines.push(self.line);
        self.code.len() - 1
    }

    /// The current position as a jump target.
    pub fn here(&self) -> u32 {
        self.label_at.set(self.code.len() as u32);
        self.code.len() as u32
    }

    /// Makes the last instruction write `to` instead of the temporary
    /// `from` (saving a `Move`), when that is safe: the instruction only
    /// writes its `dst`, and no jump lands after it (another path could
    /// have written `from`). Callers guarantee `from` is a temporary that
    /// nothing reads later.
    pub fn retarget_last(&mut self, from: Reg, to: Reg) -> bool {
        if self.label_at.get() >= self.code.len() as u32 {
            return false;
        }
        let Some(op) = self.code.last_mut() else { return false };
        let d = match op {
            Op::Move { dst, .. }
            | Op::Const { dst, .. }
            | Op::Int { dst, .. }
            | Op::Nil { dst }
            | Op::Bool { dst, .. }
            | Op::LoadGlobal { dst, .. }
            | Op::Func { dst, .. }
            | Op::Load { dst, .. }
            | Op::LoadUpval { dst, .. }
            | Op::AddI { dst, .. }
            | Op::SubI { dst, .. }
            | Op::MulI { dst, .. }
            | Op::AddIK { dst, .. }
            | Op::AddF { dst, .. }
            | Op::SubF { dst, .. }
            | Op::MulF { dst, .. }
            | Op::DivF { dst, .. }
            | Op::Concat { dst, .. }
            | Op::Index { dst, .. }
            | Op::Field { dst, .. }
            | Op::Len { dst, .. }
            | Op::Cap { dst, .. } => dst,
            _ => return false,
        };
        if *d != from {
            return false;
        }
        *d = to;
        true
    }

    /// Points the jump at `at` to `to`.
    pub fn patch(&mut self, at: usize, to: u32) {
        if to as usize >= self.code.len() {
            self.label_at.set(to);
        }
        match &mut self.code[at] {
            Op::Jmp { to: t }
            | Op::JmpIf { to: t, .. }
            | Op::JmpIfNot { to: t, .. }
            | Op::JmpIfNotLtI { to: t, .. }
            | Op::JmpIfNotLtIK { to: t, .. }
            | Op::MapNext { done: t, .. } => *t = to,
            _ => {}
        }
    }

    pub fn patch_here(&mut self, at: usize) {
        let h = self.here();
        self.patch(at, h);
    }

    pub fn alloc(&mut self) -> Reg {
        self.alloc_n(1)
    }

    /// `n` consecutive registers.
    pub fn alloc_n(&mut self, n: u32) -> Reg {
        let r = self.next;
        self.next += n;
        self.reserve(self.next);
        if r >= MAX_REGS {
            self.too_large = true;
            return 0;
        }
        r as Reg
    }

    /// Makes sure the frame has at least `n` registers.
    pub fn reserve(&mut self, n: u32) {
        if n > self.max {
            self.max = n;
        }
        if n > MAX_REGS {
            self.too_large = true;
        }
    }

    pub fn konst(&mut self, v: Value) -> u32 {
        // Strings repeat a lot (format strings in loops): share them.
        if let Value::Str(s) = &v {
            for (i, k) in self.consts.iter().enumerate() {
                if let Value::Str(t) = k {
                    if t == s {
                        return i as u32;
                    }
                }
            }
        }
        self.consts.push(v);
        (self.consts.len() - 1) as u32
    }

    pub fn finish(self) -> FuncProto {
        FuncProto {
            name: self.name,
            nparams: self.nparams,
            nresults: self.nresults,
            nregs: self
                .max
                .max(self.nparams as u32)
                .max(self.nresults as u32)
                .min(u16::MAX as u32 - 1) as u16,
            nupvals: self.captures.len() as u16,
            const_upvals: 0,
            code: self.code,
            lines: self.lines,
            consts: self.consts,
            selects: self.selects,
            pos: self.pos,
        }
    }
}
