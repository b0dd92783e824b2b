//! Go's `fmt` formatting of runtime values, and the host functions of the
//! `fmt`, `errors` and `time` packages that format.

pub mod natives;
