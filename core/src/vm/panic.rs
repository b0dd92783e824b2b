//! Ways a goroutine's execution can be thrown off its normal path.

use crate::vm::value::Value;

#[derive(Clone, Debug)]
pub enum Throw {
    /// `panic(v)` with an interface value; recoverable.
    Panic(Value),
    /// A run-time error (`index out of range [5] with length 3`): a
    /// recoverable panic whose value is a `runtime.Error`. Printed as
    /// `panic: runtime error: <msg>`.
    Runtime(String),
    /// An unrecoverable `fatal error: <msg>` (e.g. `sync: unlock of
    /// unlocked mutex`, `all goroutines are asleep - deadlock!`).
    Fatal(String),
}

impl Throw {
    pub fn runtime(msg: impl Into<String>) -> Throw {
        Throw::Runtime(msg.into())
    }
}
