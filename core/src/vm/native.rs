//! Host functions: library calls that never block (formatting, strings,
//! errors). Blocking library calls (`time.Sleep`, `sync.Mutex.Lock`, ...)
//! are opcodes instead, because they talk to the scheduler.
//!
//! The compiler emits `Op::CallNative { n, a, nargs }`; `call` dispatches to
//! the implementation. Arguments arrive in `args` (variadic `...any`
//! arguments packed in a slice of interface values, as Go passes them);
//! results are written back to `args[0..]`.

use crate::types::TypeTable;
use crate::vm::panic::Throw;
use crate::vm::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Native {
    // fmt
    FmtPrint,
    FmtPrintln,
    FmtPrintf,
    FmtSprint,
    FmtSprintln,
    FmtSprintf,
    /// Result: an `error` interface value.
    FmtErrorf,
    // errors
    /// `errors.New(text)`: an `error` interface value.
    ErrorsNew,
    /// `err.Error()` on an error value created by the library.
    ErrorError,
    // time
    /// `d.String()` for a `time.Duration`.
    DurationString,
    /// `runtimeꞏcomparable(x any) bool`: whether the dynamic type of `x`
    /// is comparable (for `errors.Is`).
    RuntimeComparable,
    /// `runtimeꞏcheckAsTarget(target any)`: `errors.As`'s panics for a
    /// bad target.
    RuntimeCheckAsTarget,
    /// `runtimeꞏasTarget(err error, target any) bool`: `errors.As`'s
    /// step: stores `err` in `*target` when its type fits.
    RuntimeAsTarget,
    /// `runtimeꞏlen(x any) int`: the length of the slice in `x` (for
    /// `sort.Slice`; Go's reflectlite panics the same way for non-slices).
    RuntimeLen,
    /// `runtimeꞏswap(x any, i, j int)`: `reflectlite.Swapper`.
    RuntimeSwap,
    /// strings, strconv, math, sort and time values (`crate::stdlib`).
    Std(crate::stdlib::Host),
}

/// What a host function may touch.
pub struct NativeCtx<'a> {
    pub types: &'a TypeTable,
    /// The program (method tables), when running in the VM.
    pub prog: Option<&'a crate::vm::program::Program>,
    pub stdout: &'a mut Vec<u8>,
    /// Virtual time in nanoseconds since the program started.
    pub now: i64,
    /// Bytes of output the run may still write (`Config::max_output`).
    pub output_left: usize,
    /// The largest string a call may build (`Config::max_alloc`).
    pub max_alloc: usize,
    /// Set when a call would have exceeded `max_alloc`: the run stops
    /// with this message.
    pub limit: Option<String>,
    /// Results of the `String`/`Error` methods this call asked for so far
    /// (`Throw::Call`), in the order it asked.
    pub memo: &'a [Value],
    /// The run's library package variables (`strconv.ErrSyntax`...).
    pub pkg_vars: &'a mut crate::stdlib::PkgVars,
}

pub fn call(n: Native, ctx: &mut NativeCtx<'_>, args: &mut [Value]) -> Result<(), Throw> {
    match n {
        Native::RuntimeComparable
        | Native::RuntimeCheckAsTarget
        | Native::RuntimeAsTarget
        | Native::RuntimeLen
        | Native::RuntimeSwap => {
            crate::vm::iface::native(n, ctx, args)
        }
        _ => crate::fmt::natives::call(n, ctx, args),
    }
}
