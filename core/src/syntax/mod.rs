//! Go source text to syntax tree, with `nom`.
//!
//! A nom lexer turns the text into tokens (inserting semicolons the way
//! Go's scanner does), then nom parsers over the token slice build the
//! tree. Errors are phrased like cmd/compile's; only the first syntax
//! error is reported (plus the first lexical error, as Go prints both).

pub mod ast;
mod decl;
mod expr;
mod input;
mod lexer;
mod literal;
mod print;
mod stmt;
#[cfg(test)]
mod tests;
mod token;
mod types;

use crate::diag::{Diagnostic, Diagnostics};
use input::{PResult, Tokens};
use token::Kind;

/// Deepest nesting of parens, blocks, literals, types, unary and binary
/// chains, ... the parser accepts (constructs with a list level of their
/// own, like literal elements or switch clauses, count two). It bounds the
/// depth of the tree, so the parser and every later recursive pass stay
/// within the wasm build's 1 MiB stack: `tests/syntax_limits.rs` parses
/// every kind at the limit on a 1 MiB thread in a debug build, where frames
/// are largest. Real programs stay far below it.
pub const MAX_NESTING: usize = 100;

fn run<'a, O>(
    src: &'a str,
    parser: impl FnOnce(Tokens<'_>) -> PResult<'_, O>,
) -> Result<O, Diagnostics> {
    run_at(src, 0, parser)
}

/// `run` with every line number moved down by `line_offset`.
fn run_at<'a, O>(
    src: &'a str,
    line_offset: u32,
    parser: impl FnOnce(Tokens<'_>) -> PResult<'_, O>,
) -> Result<O, Diagnostics> {
    let (mut toks, lex_err) = lexer::lex(src);
    if line_offset > 0 {
        for t in toks.iter_mut() {
            t.pos.line += line_offset;
        }
    }
    let result = parser(Tokens::new(&toks));
    let mut diags = Vec::new();
    let out = match result {
        Ok((_, out)) => Some(out),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            // Like cmd/compile, say nothing about running into the end of
            // a file the lexer already complained about.
            let at_eof = e.at.is_none() && e.tok.kind == Kind::Eof
                || (e.tok.kind == Kind::Semi && e.tok.text == "EOF");
            if !(at_eof && lex_err.is_some()) {
                diags.push(e.into_diagnostic());
            }
            None
        }
        Err(nom::Err::Incomplete(_)) => {
            diags.push(Diagnostic::new(
                toks.last().map(|t| t.pos).unwrap_or_default(),
                "syntax error: unexpected EOF",
            ));
            None
        }
    };
    diags.extend(lex_err);
    match out {
        Some(out) if diags.is_empty() => Ok(out),
        _ => Err(Diagnostics(diags).sorted()),
    }
}

/// Parses library code written in Go (the compiler's prelude), numbering
/// its lines after `line_offset` so its positions never meet the user's.
pub fn parse_file_at(src: &str, line_offset: u32) -> Result<ast::File, Diagnostics> {
    run_at(src, line_offset, decl::file)
}

/// Parses a whole source file.
pub fn parse_file(src: &str) -> Result<ast::File, Diagnostics> {
    run(src, decl::file)
}

/// Parses a single expression (for tests and tools), allowing a trailing
/// newline.
pub fn parse_expr(src: &str) -> Result<ast::Expr, Diagnostics> {
    run(src, |i| {
        let (i, x) = expr::expr(i)?;
        let i = if i.peek().kind == Kind::Semi {
            i.advance(1)
        } else {
            i
        };
        if i.peek().kind != Kind::Eof {
            return input::fail(&i, "at end of expression");
        }
        Ok((i, *x))
    })
}
