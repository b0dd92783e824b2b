//! The runtime: scheduler, channels, select, timers and sync primitives.

pub mod chan;
pub mod sched;
pub mod sync;
