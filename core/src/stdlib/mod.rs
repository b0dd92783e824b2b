//! Host functions of the standard library beyond `fmt` and `errors`:
//! `strings`, `strconv`, `math`, `sort`, and `time` values. They never
//! block and touch no machine state, so they run as `Op::CallNative`
//! (`Native::Std`). Library calls that need the scheduler, the seeded
//! PRNG or the log settings are `Op::Std` instead (`vm/ops_std.rs`).

pub mod log;
pub mod math;
pub mod rand;
pub mod sort;
pub mod strconv;
pub mod strings;
pub mod time;

use crate::types::{consts, Type, TypeId, TypeTable};
use crate::vm::native::NativeCtx;
use crate::vm::panic::Throw;
use crate::vm::value::Value;

/// One host function of the standard library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Host {
    Strings(strings::F),
    Strconv(strconv::F),
    Math(math::F),
    Sort(sort::F),
    Time(time::F),
}

pub fn call(h: Host, ctx: &mut NativeCtx<'_>, args: &mut [Value]) -> Result<(), Throw> {
    match h {
        Host::Strings(f) => strings::call(f, ctx, args),
        Host::Strconv(f) => strconv::call(f, ctx, args),
        Host::Math(f) => math::call(f, args),
        Host::Sort(f) => sort::call(f, args),
        Host::Time(f) => time::call(f, ctx, args),
    }
}

/// Machine state of the library: the top-level PRNG of `math/rand` and
/// the standard logger's settings.
#[derive(Debug)]
pub struct State {
    /// Seeded from `Config::seed` on first use.
    pub rng: Option<rand::Rng>,
    pub pkg_vars: PkgVars,
    pub log_flags: i64,
    pub log_prefix: Vec<u8>,
}

/// Package variables of the library that hold values with identity.
#[derive(Debug, Default)]
pub struct PkgVars {
    /// `strconv.ErrSyntax`, `strconv.ErrRange`.
    pub strconv_errs: Option<(Value, Value)>,
}

impl Default for State {
    fn default() -> State {
        State {
            rng: None,
            pkg_vars: PkgVars::default(),
            log_flags: log::LSTD_FLAGS,
            log_prefix: Vec::new(),
        }
    }
}

pub fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Nil)
}

pub fn set(args: &mut [Value], i: usize, v: Value) {
    if let Some(slot) = args.get_mut(i) {
        *slot = v;
    }
}

/// `panic("msg")` as library code does it: a string panic value.
pub fn panic_str(msg: &str) -> Throw {
    Throw::Panic(Value::iface(consts::STRING, Value::str(msg)))
}

/// `(pkg, name)` of a named type, or of the named type a pointer points at
/// (with `true`).
pub fn lib_name(types: &TypeTable, ty: TypeId) -> Option<(&str, &str, bool)> {
    let (named, ptr) = match types.get(ty) {
        Type::Pointer(e) => (*e, true),
        _ => (ty, false),
    };
    match types.get(named) {
        Type::Named { pkg, name, .. } if matches!(pkg.as_str(), "time" | "strconv" | "strings" | "rand") => {
            Some((pkg.as_str(), name.as_str(), ptr))
        }
        _ => None,
    }
}

/// `String()`/`Error()` of library values, for `fmt` and `err.Error()`:
/// `time.Time`, `time.Month`, `time.Weekday`, `*strconv.NumError`,
/// `*strings.Builder`.
pub fn method_text(types: &TypeTable, ty: TypeId, v: &Value, method: &str) -> Option<Vec<u8>> {
    let (pkg, name, ptr) = lib_name(types, ty)?;
    match (pkg, name, ptr, method) {
        ("strconv", "NumError", true, "Error") => Some(strconv::num_error_text(types, v)),
        ("time", "Time", false, "String") => Some(time::time_string(v).into_bytes()),
        ("time", "Time", true, "String") => Some(match deref(v) {
            Some(t) => time::time_string(&t).into_bytes(),
            None => b"<nil>".to_vec(),
        }),
        ("time", "Month", false, "String") => Some(time::month_string(v.as_int()).into_bytes()),
        ("time", "Weekday", false, "String") => Some(time::weekday_string(v.as_int()).into_bytes()),
        ("strings", "Builder", true, "String") => Some(match v {
            Value::Nil => b"<nil>".to_vec(),
            _ => strings::builder_bytes(v),
        }),
        _ => None,
    }
}

/// What a library pointer (a `Value::Cell`) points at.
pub fn deref(v: &Value) -> Option<Value> {
    match v {
        Value::Cell(c) => c.try_borrow().ok().map(|x| x.clone()),
        _ => None,
    }
}

/// The id of the pointer type `*pkg.name`, if the program has it.
pub fn find_ptr_type(types: &TypeTable, pkg: &str, name: &str) -> Option<TypeId> {
    let n = types.len() as TypeId;
    let named =
        (0..n).find(|&i| matches!(types.get(i), Type::Named { pkg: p, name: m, .. } if p == pkg && m == name))?;
    (0..n).find(|&i| matches!(types.get(i), Type::Pointer(e) if *e == named))
}
