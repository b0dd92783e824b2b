//! Type checking and code generation: syntax tree to `Program`.
//!
//! One pass per function body both checks and emits code: every expression
//! yields an `Operand` (a constant, a register, a type, ...) whose static
//! type drives the choice of typed opcodes. Package-level declarations are
//! collected first (`decls.rs`) so bodies can refer to anything.

mod addr;
mod assert;
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
mod lib_sync;
mod lib_text;
mod lib_time;
mod methoddecl;
mod methods;
mod operand;
pub mod prelude;
mod stackbuf;
mod stmt;
mod typedecls;
mod typexpr;
mod untyped_shift;
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
    /// Written after its initialisation, or its address taken: its cell
    /// may change (see `FuncProto::const_upvals`).
    pub mutated: bool,
    pub store: vars::Store,
    /// Index in `Compiler::fns` of the declaring function.
    pub depth: usize,
}

pub(crate) struct Compiler<'a> {
    file: &'a ast::File,
    pub types: TypeTable,
    diags: Vec<Diagnostic>,
    funcs: Vec<Option<FuncProto>>,
    /// Each function with captures, and the variables it captured (in
    /// upvalue order), for `FuncProto::const_upvals` once all is compiled.
    captured: Vec<(u32, Vec<VarId>)>,
    pkg: HashMap<String, Entity>,
    /// Where each package name is declared (redeclaration reports).
    pkg_pos: HashMap<String, Pos>,
    imports: HashMap<String, Import>,
    globals: Vec<VarId>,
    pub fns: Vec<FnState>,
    pub vars: Vec<VarInfo>,
    /// The value of `iota` while checking a constant spec.
    iota: Option<i128>,
    /// Lazily evaluated constants being evaluated (cycle guard).
    const_stack: Vec<String>,
    /// Package type declarations while they are resolved (typedecls.rs).
    pending_types: typedecls::PendingTypes<'a>,
    /// Package variables whose declared types are not resolved yet.
    pending_vars: typedecls::PendingVars<'a>,
    /// `time.Time`, created on first use (modelled as int64 nanoseconds).
    time_time: Option<TypeId>,
    /// Pass one: what the stack-buffer analysis needs (see `compile`).
    rec: Option<Box<stackbuf::Recorder>>,
    /// Pass two: how to emit appends (see stackbuf.rs).
    plan: stackbuf::Plan,
    /// Top-level functions with bodies, by index (for inlined clones).
    func_decls: HashMap<u32, (&'a ast::FuncDecl, TypeId)>,
    /// The function being compiled and those it is inlined into.
    inline_chain: Vec<u32>,
    /// Set for `compile_body`: compile an inlined clone whose flags start
    /// at this index of the caller's flags (an extra last parameter).
    pending_clone: Option<u32>,
    /// Types already reported as too large (see `check_type_size`).
    too_large: HashSet<TypeId>,
    /// Method names interned for the runtime's method tables.
    pub method_ids: HashMap<String, u32>,
    pub method_names: Vec<String>,
    /// Synthesised method wrappers by (receiver type, method).
    pub wrappers: HashMap<(TypeId, String), u32>,
    /// Variables whose address a pointer-method call needs, keyed by the
    /// declaring function's position (default for globals) and name:
    /// found in pass one, given cells in pass two.
    pub cells_needed: HashSet<(Pos, String)>,
    /// Method tables: (dynamic type, method id) to function.
    pub itab: HashMap<(TypeId, u32), u32>,
    pub asserts: Vec<crate::vm::program::Assert>,
    /// Functions wrapping library functions used as values.
    pub lib_values: Vec<(lib::LibFn, u32)>,
}

/// Compiles a parsed file. All errors are collected and sorted by position.
///
/// Two passes: the first checks the program and records types and name
/// resolution for `stackbuf::analyze`, which decides which appends behave
/// as Go's non-escaping ones (Go's escape analysis needs the whole
/// function, and the code generator is single-pass); the second emits code.
pub fn compile(file: &ast::File) -> Result<Program, Diagnostics> {
    let merged = prelude::with_prelude(file);
    let file = &merged;
    let plan = {
        let mut c = Compiler::new(file);
        c.rec = Some(Box::default());
        c.run();
        if !c.diags.is_empty() {
            return Err(limit_errors(Diagnostics(c.diags).sorted()));
        }
        let rec = c.rec.take().unwrap_or_default();
        (stackbuf::analyze(file, &rec, &c.types, &c.vars), c.cells_needed)
    };
    let (plan, cells_needed) = plan;
    let mut c = Compiler::new(file);
    c.plan = plan;
    c.cells_needed = cells_needed;
    let entry = c.run();
    if !c.diags.is_empty() {
        return Err(limit_errors(Diagnostics(c.diags).sorted()));
    }
    let runtime_errors = prelude::runtime_error_types(&mut c);
    let wrap_errors = prelude::wrap_errors_type(&mut c);
    for (idx, vars) in std::mem::take(&mut c.captured) {
        let mask = vars.iter().take(64).enumerate().filter(|(_, v)| !c.vars[**v].mutated).fold(0u64, |m, (i, _)| m | 1 << i);
        if let Some(Some(f)) = c.funcs.get_mut(idx as usize) {
            f.const_upvals = mask;
        }
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
        itab_dense: crate::vm::program::dense_itab(&c.itab, c.method_names.len()),
        itab: c.itab,
        method_ids: c.method_ids,
        method_names: c.method_names,
        runtime_errors,
        wrap_errors,
        asserts: c.asserts,
    })
}

/// Pass one only: the estimated inlining cost of each top-level function.
#[cfg(test)]
pub(crate) fn inline_costs(file: &ast::File) -> HashMap<String, Option<i32>> {
    let mut c = Compiler::new(file);
    c.rec = Some(Box::default());
    c.run();
    assert!(c.diags.is_empty(), "{:?}", c.diags);
    let rec = c.rec.take().unwrap_or_default();
    stackbuf::inline_costs(file, &rec, &c.types, &c.vars)
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
            captured: Vec::new(),
            pkg: HashMap::new(),
            pkg_pos: HashMap::new(),
            imports: HashMap::new(),
            globals: Vec::new(),
            fns: Vec::new(),
            vars: Vec::new(),
            iota: None,
            const_stack: Vec::new(),
            pending_types: Default::default(),
            pending_vars: Default::default(),
            time_time: None,
            rec: None,
            plan: stackbuf::Plan::default(),
            func_decls: HashMap::new(),
            inline_chain: Vec::new(),
            pending_clone: None,
            too_large: HashSet::new(),
            method_ids: HashMap::new(),
            method_names: Vec::new(),
            wrappers: HashMap::new(),
            cells_needed: HashSet::new(),
            itab: HashMap::new(),
            asserts: Vec::new(),
            lib_values: Vec::new(),
        }
    }

    pub fn pkg_entity(&self, name: &str) -> Option<Entity> {
        self.pkg.get(name).cloned()
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
        if !caps.is_empty() {
            self.captured.push((idx, caps.iter().map(|c| c.var).collect()));
        }
        caps
    }
}
