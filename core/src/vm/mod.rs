//! The bytecode, values and the interpreter loop.

pub mod native;
pub mod op;
pub mod panic;
pub mod program;
pub mod value;
