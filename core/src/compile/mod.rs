//! Type checking and code generation: syntax tree to `Program`.
//!
//! One pass per function body both checks and emits code: every expression
//! yields an `Operand` (a constant, a register, a type, ...) whose static
//! type drives the choice of typed opcodes. Package-level declarations are
//! collected first (`decls.rs`) so bodies can refer to anything.

mod assign;
mod builtins;
mod call;
mod closure;
mod composite;
mod consts;
mod control;
mod decls;
mod describe;
pub mod disasm;
mod escape;
mod expr;
mod func;
mod lib;
mod operand;
mod stmt;
mod typexpr;
mod vars;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::syntax::ast;
use crate::types::{TypeId, TypeTable};
use crate::vm::program::{FuncProto, Program};

use consts::ConstVal;
pub use disasm::disasm;
use func::{FnState, VarId};

/// A package-level name.
#[derive(Clone, Debug)]
pub(crate) enum Entity {
    Var {
        g: u32,
    },
    Const(ConstVal, TypeId),
    /// A constant whose value is computed on first use (forward references).
    LazyConst {
        decl: usize,
        spec: usize,
    },
    Type(TypeId),
    Func {
        f: u32,
        ty: TypeId,
    },
}

#[derive(Clone, Debug)]
struct Import {
    path: String,
    pos: Pos,
    used: bool,
    /// Outside chanscope's library: reported where it is imported, if used.
    supported: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct VarInfo {
    pub name: String,
    pub ty: TypeId,
    pub pos: Pos,
    pub used: bool,
    pub store: vars::Store,
    /// Index in `Compiler::fns` of the declaring function.
    pub depth: usize,
}

pub(crate) struct Compiler<'a> {
    file: &'a ast::File,
    pub types: TypeTable,
    diags: Vec<Diagnostic>,
    funcs: Vec<Option<FuncProto>>,
    pkg: HashMap<String, Entity>,
    imports: HashMap<String, Import>,
    globals: Vec<VarId>,
    pub fns: Vec<FnState>,
    pub vars: Vec<VarInfo>,
    /// The value of `iota` while checking a constant spec.
    iota: Option<i128>,
    /// Lazily evaluated constants being evaluated (cycle guard).
    const_stack: Vec<String>,
    /// `time.Time`, created on first use (modelled as int64 nanoseconds).
    time_time: Option<TypeId>,
    /// Types already reported as too large (see `check_type_size`).
    too_large: HashSet<TypeId>,
}

/// Compiles a parsed file. All errors are collected and sorted by position.
pub fn compile(file: &ast::File) -> Result<Program, Diagnostics> {
    let mut c = Compiler::new(file);
    let entry = c.run();
    if !c.diags.is_empty() {
        return Err(limit_errors(Diagnostics(c.diags).sorted()));
    }
    let funcs = c
        .funcs
        .into_iter()
        .map(|f| f.unwrap_or_else(|| FnState::new("?".into(), Pos::default()).finish()))
        .collect();
    Ok(Program {
        funcs,
        types: c.types,
        nglobals: c.globals.len() as u32,
        entry,
        file: String::new(),
    })
}

/// `go build` stops after ten errors.
fn limit_errors(mut d: Diagnostics) -> Diagnostics {
    if d.0.len() > 10 {
        d.0.truncate(10);
        let pos = d.0[9].pos;
        d.0.push(Diagnostic::new(pos, "too many errors"));
    }
    d
}

impl<'a> Compiler<'a> {
    fn new(file: &'a ast::File) -> Compiler<'a> {
        Compiler {
            file,
            types: TypeTable::new(),
            diags: Vec::new(),
            funcs: Vec::new(),
            pkg: HashMap::new(),
            imports: HashMap::new(),
            globals: Vec::new(),
            fns: Vec::new(),
            vars: Vec::new(),
            iota: None,
            const_stack: Vec::new(),
            time_time: None,
            too_large: HashSet::new(),
        }
    }

    pub fn err(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(pos, msg));
    }

    pub fn unsupported(&mut self, pos: Pos, what: &str) {
        self.err(pos, format!("chanscope does not support {} yet", what));
    }

    /// The function being compiled.
    pub fn f(&mut self) -> &mut FnState {
        let n = self.fns.len();
        &mut self.fns[n - 1]
    }

    pub fn depth(&self) -> usize {
        self.fns.len() - 1
    }

    fn reserve_func(&mut self) -> u32 {
        self.funcs.push(None);
        (self.funcs.len() - 1) as u32
    }

    fn set_line(&mut self, p: Pos) {
        if p.line > 0 {
            self.f().line = p.line;
        }
    }

    /// Finishes the innermost function into slot `idx`; returns what it
    /// captured so the parent can build the closure.
    fn finish_fn(&mut self, idx: u32) -> Vec<func::Capture> {
        let st = self.fns.pop().expect("function stack");
        if st.too_large {
            self.err(st.pos, "function too large");
        }
        let caps = st.captures.clone();
        self.funcs[idx as usize] = Some(st.finish());
        caps
    }
}
