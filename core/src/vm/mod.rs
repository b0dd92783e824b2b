//! The bytecode, values and the interpreter loop.

pub mod iface;
pub mod interp;
pub mod panicprint;
pub mod native;
pub mod objcell;
pub mod op;
pub mod ops;
pub mod ops_lock;
pub mod ops_std;
pub mod ops_sync;
pub mod panic;
pub mod program;
pub mod pure;
pub(crate) mod regops;
pub mod value;
pub mod zero;
