//! Library packages written in Go and compiled with every program.
//!
//! Their top-level names are `pkgꞏName` (U+A78F, a letter Go accepts in
//! identifiers, but no one types): `pkg.Name` in user code resolves to them
//! (see `lib_member`), and tracebacks and `%T` show them as `pkg.Name`.

use crate::syntax::ast;

const SOURCES: &[&str] = &[include_str!("errors.go"), include_str!("context.go"), include_str!("sort.go"), include_str!("signal.go")];

/// The Go package files the prelude stands for, by source (for tracebacks).
const FILES: &[&str] = &["errors/errors.go", "context/context.go", "sort/sort.go", "os/signal/signal.go"];

/// Where a prelude line is: the file it models and the line in
/// chanscope's source of it.
pub fn location(line: u32) -> Option<(&'static str, u32)> {
    if !is_prelude_line(line) {
        return None;
    }
    let i = (line / LINE_OFFSET) as usize;
    FILES.get(i.wrapping_sub(1)).map(|f| (*f, line % LINE_OFFSET))
}

/// Prelude lines are numbered from here, so their positions never equal
/// a user's (positions key several of the compiler's tables).
pub const LINE_OFFSET: u32 = 10_000_000;

/// The separator between package and name.
pub const SEP: char = 'ꞏ';

/// `file`'s declarations followed by the prelude's.
pub fn with_prelude(file: &ast::File) -> ast::File {
    let mut out = file.clone();
    for (i, src) in SOURCES.iter().enumerate() {
        // The prelude is part of chanscope and parses; a failure is a bug
        // caught by the tests, and leaves the program without it.
        if let Ok(p) = crate::syntax::parse_file_at(src, LINE_OFFSET * (i as u32 + 1)) {
            out.decls.extend(p.decls);
        }
    }
    out
}

/// Go's spelling of a prelude name: `errorsꞏJoin` is `errors.Join`.
pub fn go_name(name: &str) -> Option<String> {
    let n = name.replace(SEP, ".");
    // Function names carry the import path (`os/signal.NotifyContext`).
    name.contains(SEP).then(|| if n.starts_with("signal.") { format!("os/{}", n) } else { n })
}

/// The import path of a package the prelude uses without importing it.
pub fn implicit_path(local: &str) -> String {
    match local {
        "signal" => "os/signal".into(),
        other => other.into(),
    }
}

/// Prelude code uses the library without importing it: `time.Time` in
/// a prelude line means the package.
pub fn implicit_import(name: &str, at: crate::diag::Pos) -> bool {
    is_prelude_line(at.line) && matches!(name, "time" | "sync" | "errors" | "fmt" | "os" | "signal")
}

/// Whether position `line` is in the prelude.
pub fn is_prelude_line(line: u32) -> bool {
    line >= LINE_OFFSET
}

use super::lib::LibFn;
use super::operand::{Mode, Operand};
use super::Compiler;
use crate::types::{consts as tc, Signature, Type};
use crate::vm::native::Native;

impl Compiler<'_> {
    /// Host functions only the prelude can name (`runtimeꞏcomparable`).
    pub fn prelude_native(&mut self, n: &str) -> Option<Operand> {
        let (native, params, results) = match n {
            "runtimeꞏcomparable" => (Native::RuntimeComparable, vec![tc::ANY], vec![tc::BOOL]),
            "runtimeꞏcheckAsTarget" => (Native::RuntimeCheckAsTarget, vec![tc::ANY], vec![]),
            "runtimeꞏasTarget" => (Native::RuntimeAsTarget, vec![tc::ERROR, tc::ANY], vec![tc::BOOL]),
            "runtimeꞏlen" => (Native::RuntimeLen, vec![tc::ANY], vec![tc::INT]),
            "runtimeꞏswap" => (Native::RuntimeSwap, vec![tc::ANY, tc::INT, tc::INT], vec![]),
            _ => return None,
        };
        let ty = self.types.intern(Type::Func(Signature { params, results, variadic: false }));
        Some(Operand { mode: Mode::Lib(LibFn::Native(native), None), ty })
    }
}

/// The ids of the prelude's runtime error types, in `Program::runtime_errors`
/// order (the pointer types for the struct ones).
pub(crate) fn runtime_error_types(c: &mut Compiler<'_>) -> Vec<crate::types::TypeId> {
    let mut out = Vec::new();
    for (name, ptr) in [
        ("runtimeꞏerrorString", false),
        ("runtimeꞏplainError", false),
        ("runtimeꞏboundsError", false),
        ("runtimeꞏTypeAssertionError", true),
        ("runtimeꞏPanicNilError", true),
    ] {
        let Some(super::Entity::Type(t)) = c.pkg_entity(name) else { return Vec::new() };
        out.push(if ptr { c.types.intern(Type::Pointer(t)) } else { t });
    }
    out
}

/// The prelude's `*fmt.wrapErrors` (`Program::wrap_errors`).
pub(crate) fn wrap_errors_type(c: &mut Compiler<'_>) -> Option<crate::types::TypeId> {
    let Some(super::Entity::Type(t)) = c.pkg_entity("fmtꞏwrapErrors") else { return None };
    Some(c.types.intern(Type::Pointer(t)))
}
