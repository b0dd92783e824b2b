//! Compiler tests: error messages (checked against Go 1.27) and code shape.

mod decl_order;
mod errors;
mod shape;
mod stackbuf;
