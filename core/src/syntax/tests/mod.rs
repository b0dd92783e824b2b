//! Unit tests for the lexer and literal decoding (the parser is tested
//! through the public API in `core/tests/syntax_*.rs`).

mod lexer;
mod literal;
