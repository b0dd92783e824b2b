//! Ways a goroutine's execution can be thrown off its normal path.

use crate::vm::value::Value;

#[derive(Clone, Debug)]
pub enum Throw {
    /// `panic(v)` with an interface value; recoverable.
    Panic(Value),
    /// A run-time error: a recoverable panic whose value is a
    /// `runtime.Error`. The string is the whole `Error()` text, e.g.
    /// `runtime error: index out of range [5] with length 3`, or a plain
    /// one such as `send on closed channel`.
    Runtime(String),
    /// An unrecoverable `fatal error: <msg>` (e.g. `sync: unlock of
    /// unlocked mutex`, `all goroutines are asleep - deadlock!`).
    Fatal(String),
    /// Not an error: a host function (fmt) needs the result of method
    /// `method` (`String`/`Error`) of a value of dynamic type `ty` before
    /// it can finish. The VM calls the method and runs the host function
    /// again with the result (see `vm::interp`, `G::fmt_memo`).
    Call { ty: crate::types::TypeId, recv: Value, method: &'static str },
}

impl Throw {
    /// `runtime error: <msg>`.
    pub fn runtime(msg: impl Into<String>) -> Throw {
        Throw::Runtime(format!("runtime error: {}", msg.into()))
    }

    /// A runtime panic whose message has no `runtime error:` prefix.
    pub fn plain(msg: &str) -> Throw {
        Throw::Runtime(msg.to_string())
    }

    pub fn nil_deref() -> Throw {
        Throw::runtime("invalid memory address or nil pointer dereference")
    }
}
