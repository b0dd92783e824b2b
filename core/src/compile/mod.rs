//! Type checking and code generation: syntax tree to `Program`.
