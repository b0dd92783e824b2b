//! A compiled program: functions, types and globals, ready to run.

use crate::diag::Pos;
use crate::types::TypeTable;
use crate::vm::op::{Op, SelectTable};
use crate::vm::value::Value;

#[derive(Debug)]
pub struct FuncProto {
    /// Go's name for tracebacks: `main.main`, `main.worker`,
    /// `main.main.func1` (closures), `main.(*T).M` (methods).
    pub name: String,
    /// Parameters occupy registers `0..nparams` (the receiver first for
    /// methods; a variadic parameter is one slice register).
    pub nparams: u16,
    pub nresults: u16,
    /// Registers the frame needs, parameters included.
    pub nregs: u16,
    /// Number of captured variables (closures only).
    pub nupvals: u16,
    /// Bit i: captured variable i is never written once initialised (no
    /// assignment, no address taken), so its cell holds one value for
    /// good and `vm/pure.rs` may load it without the runtime lock (Go
    /// would capture such a variable by value).
    pub const_upvals: u64,
    pub code: Vec<Op>,
    /// The source line of each instruction (same length as `code`).
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub selects: Vec<SelectTable>,
    /// Position of the declaration (`func` keyword).
    pub pos: Pos,
}

#[derive(Debug)]
pub struct Program {
    pub funcs: Vec<FuncProto>,
    pub types: TypeTable,
    pub nglobals: u32,
    /// The synthetic `runtime.main`: initialises package variables in
    /// dependency order, calls `main.main`, then returns (exit status 0).
    pub entry: u32,
    /// The user's file name as given, for tracebacks.
    pub file: String,
    /// Method tables: (dynamic type, method id) to the function to call
    /// with the interface's value as receiver (wrappers included).
    pub itab: std::collections::HashMap<(crate::types::TypeId, u32), u32>,
    /// `itab` as a dense table for the dispatch loop: by dynamic type, the
    /// function of each method id (`NO_METHOD` where there is none).
    pub itab_dense: Vec<Box<[u32]>>,
    /// Method ids by name, and names by id.
    pub method_ids: std::collections::HashMap<String, u32>,
    pub method_names: Vec<String>,
    /// Type assertions and type-switch cases (`Op::Assert`).
    pub asserts: Vec<Assert>,
    /// The prelude's runtime error types, for what `recover` returns for
    /// a run-time panic: `errorString`, `plainError`, `boundsError`,
    /// `*TypeAssertionError`, `*PanicNilError` (empty without them).
    pub runtime_errors: Vec<crate::types::TypeId>,
    /// The prelude's `*fmt.wrapErrors`: `fmt.Errorf` with several `%w`.
    pub wrap_errors: Option<crate::types::TypeId>,
}

/// No such method in `Program::itab_dense`.
pub const NO_METHOD: u32 = u32::MAX;

/// `itab` as `Program::itab_dense`.
pub fn dense_itab(itab: &std::collections::HashMap<(crate::types::TypeId, u32), u32>, nmethods: usize) -> Vec<Box<[u32]>> {
    let ntypes = itab.keys().map(|(t, _)| *t as usize + 1).max().unwrap_or(0);
    let mut out: Vec<Box<[u32]>> = vec![Box::new([]); ntypes];
    for (&(t, m), &f) in itab {
        let row = &mut out[t as usize];
        if row.is_empty() {
            *row = vec![NO_METHOD; nmethods].into_boxed_slice();
        }
        if let Some(slot) = row.get_mut(m as usize) {
            *slot = f;
        }
    }
    out
}

/// The key of `Program::method_ids`: a method's name and signature.
pub fn method_key(name: &str, sig: crate::types::TypeId) -> String {
    format!("{}#{}", name, sig)
}

/// One type assertion `x.(T)`.
#[derive(Clone, Debug)]
pub struct Assert {
    /// `T`; `UNTYPED_NIL` for a type switch's `case nil`.
    pub to: crate::types::TypeId,
    /// The static (interface) type of `x`, for the panic message.
    pub from: crate::types::TypeId,
    /// The comma-ok form: never panics.
    pub ok: bool,
}
