//! chanscope-core: a Go-subset compiler, bytecode VM and a model of Go's GMP
//! scheduler, channels and select.

pub mod compile;
pub mod diag;
pub mod fmt;
pub mod runtime;
pub mod syntax;
pub mod trace;
pub mod types;
pub mod vm;
