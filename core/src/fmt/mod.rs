//! Go's `fmt` formatting of runtime values, and the host functions of the
//! `fmt`, `errors` and `time` packages that format.
//!
//! Everything works on runtime `Value`s walked alongside their `TypeId`,
//! following Go 1.27's `fmt/print.go` and `fmt/format.go`.

mod addr;
mod duration;
mod float;
mod format;
mod isprint_table;
pub mod methods;
pub mod natives;
mod print;
pub mod printer;
mod printf;
mod quote;
mod sort;
mod value;

pub use duration::duration_string;
pub use float::append_float;
pub use print::{builtin_print, panic_message, preview};

use crate::types::TypeTable;
use crate::vm::value::Value;

/// `fmt.Sprint` over interface values (no user methods: those print as
/// plain values).
pub fn sprint(types: &TypeTable, args: &[Value]) -> Vec<u8> {
    let mut p = printer::Printer::new(types);
    p.do_print(args);
    p.fmt.buf
}

/// `fmt.Sprintf` over interface values.
pub fn sprintf(types: &TypeTable, format: &[u8], args: &[Value]) -> Vec<u8> {
    let mut p = printer::Printer::new(types);
    p.do_printf(format, args);
    p.fmt.buf
}

/// `fmt.Sprintln` over interface values.
pub fn sprintln(types: &TypeTable, args: &[Value]) -> Vec<u8> {
    let mut p = printer::Printer::new(types);
    p.do_println(args);
    p.fmt.buf
}

#[cfg(test)]
mod tests;
