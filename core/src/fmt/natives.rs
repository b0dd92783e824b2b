//! Host functions of the `fmt`, `errors` and `time` packages.

use super::duration::duration_string;
use super::methods;
use super::printer::{unpack, Printer};
use crate::types::{consts, TypeTable};
use crate::vm::native::{Native, NativeCtx};
use crate::vm::panic::Throw;
use crate::vm::value::{new_shared, Value};

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Nil)
}

fn set(args: &mut [Value], i: usize, v: Value) {
    if let Some(slot) = args.get_mut(i) {
        *slot = v;
    }
}

/// Formats with a fresh printer; fails when a user method would be needed.
/// Output past `limit` bytes is cut (`Printer::truncated`).
fn render<'a>(
    types: &'a TypeTable,
    memo: &'a [Value],
    wrap_errs: bool,
    limit: usize,
    f: impl FnOnce(&mut Printer<'a>),
) -> Result<(Vec<u8>, Printer<'a>), Throw> {
    let mut p = Printer::new(types);
    p.memo = memo;
    p.callbacks = true;
    p.wrap_errs = wrap_errs;
    p.limit = p.limit.min(limit);
    f(&mut p);
    if let Some((ty, recv, method)) = p.request.take() {
        return Err(Throw::Call { ty, recv, method });
    }
    if let Some(m) = p.unsupported.take() {
        return Err(Throw::Fatal(format!(
            "chanscope: fmt would call the user-defined method {}, which is not supported yet",
            m
        )));
    }
    let out = std::mem::take(&mut p.fmt.buf);
    Ok((out, p))
}

/// `errors.New(text)`: a fresh pointer, so two errors never compare equal.
pub fn new_error(msg: Value) -> Value {
    Value::iface(consts::PTR_ERROR_STRING, Value::Cell(new_shared(msg)))
}

/// `fmt.Errorf`, as Go's fmt/errors.go: an `*errors.errorString` without
/// `%w`, a `*fmt.wrapError` with one, a `*fmt.wrapErrors` (the prelude's
/// type) with several.
fn errorf(ctx: &mut NativeCtx<'_>, format: &[u8], operands: &[Value]) -> Result<Value, Throw> {
    let types = ctx.types;
    let (msg, p) = render(types, ctx.memo, true, ctx.max_alloc, |p| p.do_printf(format, operands))?;
    string_limit(ctx, &p);
    let msg = Value::bytes(&msg);
    let mut wrapped = p.wrapped_errs.clone();
    let is_err = |v: &&Value| unpack(v).is_some_and(|(ty, x)| methods::is_error(types, ty, x));
    if p.reordered {
        wrapped.sort_unstable();
    }
    match (wrapped.len(), ctx.prog.and_then(|pr| pr.wrap_errors)) {
        (0, _) => Ok(new_error(msg)),
        (1, _) | (_, None) => {
            // With several %w and no prelude (the library's own tests):
            // a wrapError around the first error.
            let err = wrapped.iter().filter_map(|&i| operands.get(i)).find(is_err).cloned().unwrap_or(Value::Nil);
            let fields = Value::Struct(std::sync::Arc::new(vec![msg, err]));
            Ok(Value::iface(consts::PTR_WRAP_ERROR, Value::Cell(new_shared(fields))))
        }
        (_, Some(ty)) => {
            wrapped.dedup();
            let errs: Vec<Value> = wrapped.iter().filter_map(|&i| operands.get(i)).filter(is_err).cloned().collect();
            // No error among them: Go's `errs` stays a nil slice.
            let errs = if errs.is_empty() { Value::Nil } else { Value::slice(errs) };
            let fields = Value::Struct(std::sync::Arc::new(vec![msg, errs]));
            Ok(Value::iface(ty, Value::Cell(new_shared(fields))))
        }
    }
}

/// `err.Error()` for errors the library made.
fn error_message(types: &TypeTable, err: &Value) -> Result<Value, Throw> {
    let Some((ty, v)) = unpack(err) else {
        // The receiver may also arrive already unboxed: the library's
        // pointer to its error struct.
        if let Some(msg) = methods::library_error(consts::PTR_ERROR_STRING, err) {
            return Ok(Value::bytes(&msg));
        }
        // Calling a method on a nil interface.
        return Err(Throw::nil_deref());
    };
    if let Some(msg) = methods::library_error(ty, v) {
        return Ok(Value::bytes(&msg));
    }
    if let Some(msg) = crate::stdlib::method_text(types, ty, v, "Error") {
        return Ok(Value::bytes(&msg));
    }
    Err(Throw::Fatal(format!(
        "chanscope: Error() of {} is a user-defined method, which is not supported here yet",
        types.name(ty)
    )))
}

/// A string longer than `max_alloc` stops the run (as `+` does).
fn string_limit(ctx: &mut NativeCtx<'_>, p: &Printer<'_>) {
    if p.truncated && ctx.limit.is_none() {
        ctx.limit = Some(format!("a string of more than {} bytes exceeds the allocation limit", ctx.max_alloc));
    }
}

pub fn call(n: Native, ctx: &mut NativeCtx<'_>, args: &mut [Value]) -> Result<(), Throw> {
    let types = ctx.types;
    // Output cut at what the run may still write goes past the output
    // limit, which then stops the run.
    let out_limit = ctx.output_left;
    match n {
        Native::FmtPrint | Native::FmtPrintln | Native::FmtPrintf => {
            let (out, _) = match n {
                Native::FmtPrint => {
                    render(types, ctx.memo, false, out_limit, |p| p.do_print(&arg(args, 0).slice_to_vec()))?
                }
                Native::FmtPrintln => {
                    render(types, ctx.memo, false, out_limit, |p| p.do_println(&arg(args, 0).slice_to_vec()))?
                }
                _ => render(types, ctx.memo, false, out_limit, |p| {
                    p.do_printf(arg(args, 0).as_bytes(), &arg(args, 1).slice_to_vec())
                })?,
            };
            ctx.stdout.extend_from_slice(&out);
            // Go returns (n int, err error).
            set(args, 0, Value::Int(out.len() as i64));
            set(args, 1, Value::Nil);
        }
        Native::FmtSprint => {
            let (out, p) = render(types, ctx.memo, false, ctx.max_alloc, |p| p.do_print(&arg(args, 0).slice_to_vec()))?;
            string_limit(ctx, &p);
            set(args, 0, Value::bytes(&out));
        }
        Native::FmtSprintln => {
            let (out, p) = render(types, ctx.memo, false, ctx.max_alloc, |p| p.do_println(&arg(args, 0).slice_to_vec()))?;
            string_limit(ctx, &p);
            set(args, 0, Value::bytes(&out));
        }
        Native::FmtSprintf => {
            let (out, p) = render(types, ctx.memo, false, ctx.max_alloc, |p| {
                p.do_printf(arg(args, 0).as_bytes(), &arg(args, 1).slice_to_vec())
            })?;
            string_limit(ctx, &p);
            set(args, 0, Value::bytes(&out));
        }
        Native::FmtErrorf => {
            let e = errorf(ctx, arg(args, 0).as_bytes(), &arg(args, 1).slice_to_vec())?;
            set(args, 0, e);
        }
        Native::ErrorsNew => {
            let e = new_error(Value::bytes(arg(args, 0).as_bytes()));
            set(args, 0, e);
        }
        Native::ErrorError => {
            let msg = error_message(types, &arg(args, 0))?;
            set(args, 0, msg);
        }
        Native::DurationString => {
            let s = duration_string(arg(args, 0).as_int());
            set(args, 0, Value::str(&s));
        }
        Native::Std(h) => return crate::stdlib::call(h, ctx, args),
        Native::RuntimeComparable
        | Native::RuntimeCheckAsTarget
        | Native::RuntimeAsTarget
        | Native::RuntimeLen
        | Native::RuntimeSwap => {
            return crate::vm::native::call(n, ctx, args)
        }
    }
    Ok(())
}
