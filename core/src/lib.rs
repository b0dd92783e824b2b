//! chanscope-core: a Go-subset compiler, bytecode VM and a model of Go's GMP
//! scheduler, channels and select.

pub mod analysis;
pub mod compile;
pub mod diag;
pub mod fmt;
pub mod runtime;
pub mod parallel_session;
pub mod session;
pub mod stdlib;
pub mod syntax;
pub mod trace;
pub mod types;
pub mod vm;

use diag::{Diagnostic, Diagnostics, Pos};
use vm::program::Program;

/// Source bytes to a runnable program: parse, check, compile. Errors come
/// sorted, ready for `Diagnostics::render(file)`.
pub fn compile_source(src: &[u8], file: &str) -> Result<Program, Diagnostics> {
    let text = match std::str::from_utf8(src) {
        Ok(t) => t,
        Err(e) => {
            let prefix = &src[..e.valid_up_to()];
            let line = prefix.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let col = (prefix.len() - prefix.iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0)) as u32 + 1;
            return Err(Diagnostics(vec![Diagnostic::new(Pos::new(line, col), "invalid UTF-8 encoding")]));
        }
    };
    if let Some(d) = unsupported_directive(text) {
        return Err(Diagnostics(vec![d]));
    }
    let file_ast = syntax::parse_file(text)?;
    let mut prog = compile::compile(&file_ast).map_err(|d| d.sorted())?;
    prog.file = file.to_string();
    Ok(prog)
}

/// Compiler directives that change what a program means: `//go:embed`
/// would silently leave a variable empty, and `//go:linkname` reaches into
/// other packages.
fn unsupported_directive(text: &str) -> Option<Diagnostic> {
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        for d in ["//go:embed", "//go:linkname"] {
            if t.starts_with(d) {
                let col = (line.len() - t.len()) as u32 + 1;
                return Some(Diagnostic::new(
                    Pos::new(i as u32 + 1, col),
                    format!("chanscope does not support {} yet", &d[2..]),
                ));
            }
        }
    }
    None
}
