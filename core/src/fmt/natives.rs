use crate::vm::native::{Native, NativeCtx};
use crate::vm::panic::Throw;
use crate::vm::value::Value;

pub fn call(n: Native, _ctx: &mut NativeCtx<'_>, _args: &mut [Value]) -> Result<(), Throw> {
    Err(Throw::Fatal(format!("native {:?} not implemented", n)))
}
