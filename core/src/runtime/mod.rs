//! The runtime: scheduler, channels, select, timers and sync primitives.

pub mod chan;
pub mod chanlock;
pub mod machine;
pub mod memory;
pub mod parallel;
pub mod sched;
pub mod schedlog;
pub mod select;
pub mod signal;
pub mod sync;
pub mod synccopy;
pub mod time;
pub mod traceback;
