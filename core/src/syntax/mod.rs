//! Go source text to syntax tree, with `nom`.

pub mod ast;
