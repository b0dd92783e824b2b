//! `preprintpanics`: before a goroutine dies of a panic, values with an
//! `Error` or `String` method are replaced by the method's result, which
//! the VM computes like any call (frames of kind `PanicPrint`).

use crate::fmt::methods::{self, Method};
use crate::fmt::printer::unpack;
use crate::runtime::machine::Machine;
use crate::runtime::sched::{FrameKind, PanicState, G};
use crate::types::consts;
use crate::vm::panic::Throw;
use crate::vm::program::{method_key, Program};
use crate::vm::value::{values_equal, Value};

/// Starts the next method call the crash message needs; false when none
/// is left. An error is the fatal message to die with instead.
pub fn next_method(m: &mut Machine, g: &mut G, prog: &Program) -> Result<bool, String> {
    let Some(ps) = g.panic.as_deref_mut() else { return Ok(false) };
    mark_repanicked(ps, prog);
    let mut found = None;
    let mut cur = Some(&*ps);
    let mut i = 0u8;
    while let Some(p) = cur {
        if let Throw::Panic(v) = &p.throw {
            if let Some((ty, val)) = unpack(v) {
                if let Some(Method::User(name)) = methods::find(&prog.types, ty, val) {
                    let method = if name.ends_with(".Error") { "Error" } else { "String" };
                    let f = prog.method_ids.get(&method_key(method, consts::FUNC_STRING)).and_then(|id| prog.itab.get(&(ty, *id)));
                    if let Some(&f) = f {
                        found = Some((i, f, val.clone()));
                        break;
                    }
                }
            }
        }
        cur = p.link.as_deref();
        i = i.saturating_add(1);
    }
    let Some((i, f, recv)) = found else { return Ok(false) };
    crate::vm::interp::push_frame(&m.cfg, g, prog, f, 0, None, FrameKind::PanicPrint(i)).map_err(|t| match t {
        Throw::Fatal(msg) => msg,
        _ => "panic while printing panic value".to_string(),
    })?;
    g.stack[0] = recv;
    Ok(true)
}

/// Records the text of link `i`'s value.
pub fn set_text(g: &mut G, i: u8, text: Value) {
    let mut cur = g.panic.as_deref_mut();
    for _ in 0..i {
        cur = cur.and_then(|p| p.link.as_deref_mut());
    }
    if let Some(p) = cur {
        p.throw = Throw::Panic(Value::iface(consts::STRING, text));
    }
}

/// A panic raised again with the value of the one it interrupted prints
/// once, as `[recovered, repanicked]`.
fn mark_repanicked(ps: &mut PanicState, prog: &Program) {
    let mut cur = Some(ps);
    while let Some(p) = cur {
        let same = match (&p.throw, p.link.as_deref().map(|l| &l.throw)) {
            (Throw::Panic(a), Some(Throw::Panic(b))) => values_equal(a, b).unwrap_or(false),
            // `panic(recover())` of a run-time panic: the value is what
            // recover made of it.
            (Throw::Panic(a), Some(Throw::Runtime(msg))) => same_runtime_error(prog, a, msg),
            _ => false,
        };
        if same {
            if let Some(l) = p.link.as_deref_mut() {
                l.repanicked = true;
            }
        }
        cur = p.link.as_deref_mut();
    }
}

/// Whether `v` is the value `recover` returns for the run-time panic
/// `msg`. The pointer types (`*TypeAssertionError`, `*PanicNilError`)
/// are fresh per `recover` here, where Go hands back the same pointer:
/// they match by type and text.
fn same_runtime_error(prog: &Program, v: &Value, msg: &str) -> bool {
    let r = crate::vm::iface::runtime_error(prog, msg);
    if values_equal(v, &r).unwrap_or(false) {
        return true;
    }
    let field = |x: &Value| match x {
        Value::Cell(c) => match &*c.borrow() {
            Value::Struct(f) => f.first().cloned(),
            _ => None,
        },
        _ => None,
    };
    match (unpack(v), unpack(&r)) {
        (Some((t1, x1)), Some((t2, x2))) if t1 == t2 => match (field(x1), field(x2)) {
            (Some(a), Some(b)) => values_equal(&a, &b).unwrap_or(false),
            _ => false,
        },
        _ => false,
    }
}
