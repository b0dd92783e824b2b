//! The library table: what chanscope knows of fmt, time, sync, runtime and
//! errors, with each member's type and how to emit it.

use crate::syntax::ast::{Expr, Ident};
use crate::types::{consts as tc, ChanDir, Signature, Type, TypeId};
use crate::vm::native::Native;
use crate::vm::op::{Op, Reg};
use crate::vm::value::Value;

use super::consts::ConstVal;
use super::operand::{Mode, Operand};
use super::Compiler;

/// The packages a program may import.
pub const SUPPORTED: &[&str] = &["fmt", "time", "sync", "runtime", "errors", "sync/atomic", "os", "os/signal", "syscall", "strings", "strconv", "math", "math/rand", "log", "sort", "context"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibFn {
    Native(Native),
    ErrorMethod,
    /// `(*fmt.wrapError).Unwrap`.
    WrapUnwrap,
    /// `(*strconv.NumError).Unwrap`: its `Err` (errors.Is/As walk it).
    NumErrorUnwrap,
    DurString,
    DurSeconds,
    DurMinutes,
    DurHours,
    DurMilliseconds,
    DurMicroseconds,
    DurNanoseconds,
    Sleep,
    After,
    WgAdd,
    WgDone,
    WgWait,
    Lock,
    Unlock,
    Gosched,
    GoMaxProcs,
    NumGoroutine,
    /// sync, sync/atomic, os, os/signal, syscall (compile/lib_sync.rs).
    Sync(super::lib_sync::SyncFn),
    /// strings, strconv, math, math/rand, sort, log, time's timers and
    /// values (compile/lib_text.rs, compile/lib_time.rs).
    Std(super::lib_text::StdFn),
}

/// Members that exist in Go but not (yet) in chanscope: "not supported"
/// rather than "undefined".
fn known_unsupported(pkg: &str, name: &str) -> bool {
    let list: &[&str] = match pkg {
        "fmt" => &[
            "Fprint",
            "Fprintf",
            "Fprintln",
            "Sscan",
            "Sscanf",
            "Sscanln",
            "Scan",
            "Scanf",
            "Scanln",
            "Stringer",
            "Appendf",
            "Append",
            "Appendln",
            "Fscan",
            "Fscanf",
            "Fscanln",
            "Formatter",
            "State",
        ],
        "time" => &[
            "Date",
            "UTC",
            "Local",
            "Parse",
        ],
        "runtime" => &[
            "GC",
            "Goexit",
            "Caller",
            "Callers",
            "Stack",
            "ReadMemStats",
            "LockOSThread",
            "UnlockOSThread",
            "KeepAlive",
            "MemStats",
            "Version",
            "GOOS",
            "GOARCH",
            "SetFinalizer",
            "Breakpoint",
        ],
        "errors" => &["Is", "As", "Unwrap", "Join", "ErrUnsupported"],
        _ => &[],
    };
    list.contains(&name) || super::lib_sync::known_unsupported(pkg, name) || super::lib_text::known_unsupported(pkg, name)
}

/// The method set of a library type by Go's spelling of it (`*sync.Mutex`,
/// `time.Duration`); each name must be callable through `lib_method`.
pub fn lib_methods_of(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "*sync.Mutex" => &["Lock", "TryLock", "Unlock"],
        "*sync.WaitGroup" => &["Add", "Done", "Go", "Wait"],
        "time.Duration" => &[
            "Hours",
            "Microseconds",
            "Milliseconds",
            "Minutes",
            "Nanoseconds",
            "Seconds",
            "String",
            "Abs",
            "Round",
            "Truncate",
        ],
        "*errors.errorString" => &["Error"],
        "*fmt.wrapError" => &["Error", "Unwrap"],
        _ => match super::lib_sync::methods_of(type_name) {
            [] => super::lib_text::methods_of(type_name),
            m => m,
        },
    }
}

impl LibFn {
    pub fn sig(self, c: &mut Compiler<'_>) -> Signature {
        use LibFn::*;
        let s = |params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool| Signature {
            params,
            results,
            variadic,
        };
        match self {
            Native(n) => match n {
                crate::vm::native::Native::FmtPrint | crate::vm::native::Native::FmtPrintln => {
                    s(vec![tc::SLICE_ANY], vec![tc::INT, tc::ERROR], true)
                }
                crate::vm::native::Native::FmtPrintf => s(
                    vec![tc::STRING, tc::SLICE_ANY],
                    vec![tc::INT, tc::ERROR],
                    true,
                ),
                crate::vm::native::Native::FmtSprint | crate::vm::native::Native::FmtSprintln => {
                    s(vec![tc::SLICE_ANY], vec![tc::STRING], true)
                }
                crate::vm::native::Native::FmtSprintf => {
                    s(vec![tc::STRING, tc::SLICE_ANY], vec![tc::STRING], true)
                }
                crate::vm::native::Native::FmtErrorf => {
                    s(vec![tc::STRING, tc::SLICE_ANY], vec![tc::ERROR], true)
                }
                crate::vm::native::Native::ErrorsNew => s(vec![tc::STRING], vec![tc::ERROR], false),
                crate::vm::native::Native::RuntimeComparable => s(vec![tc::ANY], vec![tc::BOOL], false),
                crate::vm::native::Native::RuntimeCheckAsTarget => s(vec![tc::ANY], vec![], false),
                crate::vm::native::Native::RuntimeAsTarget => s(vec![tc::ERROR, tc::ANY], vec![tc::BOOL], false),
                crate::vm::native::Native::RuntimeLen => s(vec![tc::ANY], vec![tc::INT], false),
                crate::vm::native::Native::RuntimeSwap => s(vec![tc::ANY, tc::INT, tc::INT], vec![], false),
                _ => s(vec![], vec![tc::STRING], false),
            },
            ErrorMethod | DurString => s(vec![], vec![tc::STRING], false),
            WrapUnwrap | NumErrorUnwrap => s(vec![], vec![tc::ERROR], false),
            DurSeconds | DurMinutes | DurHours => s(vec![], vec![tc::FLOAT64], false),
            DurMilliseconds | DurMicroseconds | DurNanoseconds => s(vec![], vec![tc::INT64], false),
            Sleep => s(vec![tc::DURATION], vec![], false),
            After => {
                let t = c.time_type();
                let ch = c.types.intern(Type::Chan(ChanDir::Recv, t));
                s(vec![tc::DURATION], vec![ch], false)
            }
            WgAdd => s(vec![tc::INT], vec![], false),
            WgDone | WgWait | Lock | Unlock | Gosched => s(vec![], vec![], false),
            GoMaxProcs => s(vec![tc::INT], vec![tc::INT], false),
            NumGoroutine => s(vec![], vec![tc::INT], false),
            Sync(f) => f.sig(c),
            Std(f) => f.sig(c),
        }
    }

    /// Go's name, for messages and listings.
    #[allow(dead_code)]
    pub fn go_name(self) -> &'static str {
        use LibFn::*;
        match self {
            Native(n) => match n {
                crate::vm::native::Native::FmtPrint => "fmt.Print",
                crate::vm::native::Native::FmtPrintln => "fmt.Println",
                crate::vm::native::Native::FmtPrintf => "fmt.Printf",
                crate::vm::native::Native::FmtSprint => "fmt.Sprint",
                crate::vm::native::Native::FmtSprintln => "fmt.Sprintln",
                crate::vm::native::Native::FmtSprintf => "fmt.Sprintf",
                crate::vm::native::Native::FmtErrorf => "fmt.Errorf",
                crate::vm::native::Native::ErrorsNew => "errors.New",
                _ => "native",
            },
            ErrorMethod => "error.Error",
            WrapUnwrap => "fmt.(*wrapError).Unwrap",
            NumErrorUnwrap => "strconv.(*NumError).Unwrap",
            DurString => "time.Duration.String",
            DurSeconds => "time.Duration.Seconds",
            DurMinutes => "time.Duration.Minutes",
            DurHours => "time.Duration.Hours",
            DurMilliseconds => "time.Duration.Milliseconds",
            DurMicroseconds => "time.Duration.Microseconds",
            DurNanoseconds => "time.Duration.Nanoseconds",
            Sleep => "time.Sleep",
            After => "time.After",
            WgAdd => "sync.(*WaitGroup).Add",
            WgDone => "sync.(*WaitGroup).Done",
            WgWait => "sync.(*WaitGroup).Wait",
            Lock => "sync.(*Mutex).Lock",
            Unlock => "sync.(*Mutex).Unlock",
            Gosched => "runtime.Gosched",
            GoMaxProcs => "runtime.GOMAXPROCS",
            NumGoroutine => "runtime.NumGoroutine",
            Sync(f) => f.go_name(),
            Std(f) => f.go_name(),
        }
    }
}

impl Compiler<'_> {
    pub fn time_type(&mut self) -> TypeId {
        if let Some(t) = self.time_time {
            return t;
        }
        let t = self.types.push_named("time", "Time", tc::INT64);
        self.time_time = Some(t);
        let u = self.time_struct();
        self.types.set_underlying(t, u);
        t
    }

    fn import_path(&self, local: &str) -> String {
        self.imports
            .get(local)
            .map(|i| i.path.clone())
            .unwrap_or_else(|| super::prelude::implicit_path(local))
    }

    /// `pkg.name` where `pkg` is an imported package.
    pub fn lib_member(&mut self, local: &str, sel: &Ident, e: &Expr) -> Operand {
        let _ = e;
        let pkg = self.import_path(local);
        if !SUPPORTED.contains(&pkg.as_str()) {
            // Reported once, at the import.
            return Operand::invalid();
        }
        let n = sel.name.as_str();
        let func = |l: LibFn, c: &mut Compiler<'_>| {
            let sig = l.sig(c);
            let ty = c.types.intern(Type::Func(sig));
            Operand {
                mode: Mode::Lib(l, None),
                ty,
            }
        };
        let dur = |v: i128| Operand::konst(ConstVal::Int(v), tc::DURATION);
        // Members written in Go (the prelude).
        let pname = format!("{}{}{}", pkg.rsplit('/').next().unwrap_or(&pkg), super::prelude::SEP, n);
        match self.pkg.get(&pname).cloned() {
            Some(super::Entity::Func { f, ty }) => return Operand { mode: Mode::Func(f), ty },
            Some(super::Entity::Type(ty)) => return Operand { mode: Mode::Type, ty },
            Some(_) => {
                let pe = Expr { kind: crate::syntax::ast::ExprKind::Ident(pname.clone()), pos: sel.pos };
                return self.ident(&pname, &pe);
            }
            None => {}
        }
        match (pkg.as_str(), n) {
            ("fmt", "Println") => func(LibFn::Native(Native::FmtPrintln), self),
            ("fmt", "Print") => func(LibFn::Native(Native::FmtPrint), self),
            ("fmt", "Printf") => func(LibFn::Native(Native::FmtPrintf), self),
            ("fmt", "Sprint") => func(LibFn::Native(Native::FmtSprint), self),
            ("fmt", "Sprintln") => func(LibFn::Native(Native::FmtSprintln), self),
            ("fmt", "Sprintf") => func(LibFn::Native(Native::FmtSprintf), self),
            ("fmt", "Errorf") => func(LibFn::Native(Native::FmtErrorf), self),
            ("errors", "New") => func(LibFn::Native(Native::ErrorsNew), self),
            ("time", "Sleep") => func(LibFn::Sleep, self),
            ("time", "After") => func(LibFn::After, self),
            ("time", "Nanosecond") => dur(1),
            ("time", "Microsecond") => dur(1_000),
            ("time", "Millisecond") => dur(1_000_000),
            ("time", "Second") => dur(1_000_000_000),
            ("time", "Minute") => dur(60_000_000_000),
            ("time", "Hour") => dur(3_600_000_000_000),
            ("time", "Duration") => Operand {
                mode: Mode::Type,
                ty: tc::DURATION,
            },
            ("time", "Time") => Operand {
                mode: Mode::Type,
                ty: self.time_type(),
            },
            ("sync", "WaitGroup") => Operand {
                mode: Mode::Type,
                ty: tc::WAITGROUP,
            },
            ("sync", "Mutex") => Operand {
                mode: Mode::Type,
                ty: tc::MUTEX,
            },
            ("runtime", "Gosched") => func(LibFn::Gosched, self),
            ("runtime", "GOMAXPROCS") => func(LibFn::GoMaxProcs, self),
            ("runtime", "NumGoroutine") => func(LibFn::NumGoroutine, self),
            _ => {
                if let Some(op) = self.std_member(&pkg, n, sel) {
                    return op;
                }
                if let Some(op) = self.sync_member(&pkg, n, sel) {
                    return op;
                }
                if known_unsupported(&pkg, n) {
                    self.unsupported(sel.pos, &format!("{}.{}", pkg, n));
                } else {
                    self.err(sel.pos, format!("undefined: {}.{}", local, n));
                }
                Operand::invalid()
            }
        }
    }

    /// `pkg.T` in a type expression.
    pub fn lib_type(&mut self, pkg: &Ident, name: &Ident) -> TypeId {
        let found = self.lookup_at(&pkg.name, pkg.pos);
        match found {
            super::vars::Found::Import(local) => {
                let sel = name.clone();
                let e = Expr {
                    kind: crate::syntax::ast::ExprKind::Ident(pkg.name.clone()),
                    pos: pkg.pos,
                };
                let op = self.lib_member(&local, &sel, &e);
                match op.mode {
                    Mode::Type => op.ty,
                    Mode::Invalid => tc::INVALID,
                    _ => {
                        self.err(pkg.pos, format!("{}.{} is not a type", pkg.name, name.name));
                        tc::INVALID
                    }
                }
            }
            _ => {
                self.err(pkg.pos, format!("undefined: {}", pkg.name));
                tc::INVALID
            }
        }
    }

    /// Methods of library types: `wg.Add`, `mu.Lock`, `d.String`, `err.Error`.
    pub fn lib_method(&mut self, xo: &Operand, sel: &Ident) -> Option<Operand> {
        if let Some(op) = self.sync_method(xo, sel) {
            return Some(op);
        }
        if let Some(op) = self.std_method(xo, sel) {
            return Some(op);
        }
        let t = xo.ty;
        let n = sel.name.as_str();
        let ptr = matches!(t, tc::PTR_WAITGROUP | tc::PTR_MUTEX);
        let l = match (t, n) {
            (tc::WAITGROUP | tc::PTR_WAITGROUP, "Add") => LibFn::WgAdd,
            (tc::WAITGROUP | tc::PTR_WAITGROUP, "Done") => LibFn::WgDone,
            (tc::WAITGROUP | tc::PTR_WAITGROUP, "Wait") => LibFn::WgWait,
            (tc::MUTEX | tc::PTR_MUTEX, "Lock") => LibFn::Lock,
            (tc::MUTEX | tc::PTR_MUTEX, "Unlock") => LibFn::Unlock,
            (tc::DURATION, "String") => LibFn::DurString,
            (tc::DURATION, "Seconds") => LibFn::DurSeconds,
            (tc::DURATION, "Minutes") => LibFn::DurMinutes,
            (tc::DURATION, "Hours") => LibFn::DurHours,
            (tc::DURATION, "Milliseconds") => LibFn::DurMilliseconds,
            (tc::DURATION, "Microseconds") => LibFn::DurMicroseconds,
            (tc::DURATION, "Nanoseconds") => LibFn::DurNanoseconds,
            (tc::PTR_ERROR_STRING | tc::PTR_WRAP_ERROR, "Error") => LibFn::ErrorMethod,
            (tc::PTR_WRAP_ERROR, "Unwrap") => LibFn::WrapUnwrap,
            (tc::WAITGROUP | tc::PTR_WAITGROUP | tc::MUTEX | tc::PTR_MUTEX | tc::DURATION, _) => {
                let known = matches!(n, "TryLock" | "Go" | "Round" | "Truncate" | "Abs");
                if known {
                    self.unsupported(sel.pos, &format!("{}.{}", self.tname(t), n));
                    return Some(Operand::invalid());
                }
                return None;
            }
            _ => return None,
        };
        let src = self.to_reg(xo, tc::INVALID);
        let recv = if ptr {
            let r = self.f().alloc();
            self.f().emit(Op::Load { dst: r, ptr: src });
            r
        } else {
            src
        };
        let sig = l.sig(self);
        let ty = self.types.intern(Type::Func(sig));
        Some(Operand {
            mode: Mode::Lib(l, Some(recv)),
            ty,
        })
    }

    /// Phase two of a library call; arguments (receiver first) at `base`.
    pub fn emit_lib(&mut self, l: LibFn, base: Reg, nargs: u16, recv: bool) {
        use LibFn::*;
        let _ = recv;
        match l {
            Native(n) => {
                self.f().emit(Op::CallNative { n, a: base, nargs });
            }
            ErrorMethod => {
                self.f().emit(Op::CallNative {
                    n: crate::vm::native::Native::ErrorError,
                    a: base,
                    nargs: 1,
                });
            }
            WrapUnwrap => {
                self.f().emit(Op::Load { dst: base, ptr: base });
                self.f().emit(Op::Field { dst: base, x: base, i: 1 });
            }
            NumErrorUnwrap => {
                // NumError{Func, Num, Err}: a nil *NumError panics here
                // as Go's `e.Err` does.
                self.f().emit(Op::Load { dst: base, ptr: base });
                self.f().emit(Op::Field { dst: base, x: base, i: 2 });
            }
            DurString => {
                self.f().emit(Op::CallNative {
                    n: crate::vm::native::Native::DurationString,
                    a: base,
                    nargs: 1,
                });
            }
            DurSeconds => self.dur_float(base, 1_000_000_000),
            DurMinutes => self.dur_float(base, 60_000_000_000),
            DurHours => self.dur_float(base, 3_600_000_000_000),
            DurMilliseconds | DurMicroseconds => {
                let div = if l == DurMilliseconds {
                    1_000_000
                } else {
                    1_000
                };
                let t = self.f().alloc();
                self.f().emit(Op::Int { dst: t, v: div });
                self.f().emit(Op::DivI {
                    dst: base,
                    a: base,
                    b: t,
                });
            }
            DurNanoseconds => {}
            Sleep => {
                self.f().emit(Op::Sleep { d: base });
            }
            After => {
                self.f().emit(Op::After { dst: base, d: base });
            }
            WgAdd => {
                self.f().emit(Op::WgAdd {
                    wg: base,
                    delta: base + 1,
                });
            }
            WgDone => {
                let t = self.f().alloc();
                self.f().emit(Op::Int { dst: t, v: -1 });
                self.f().emit(Op::WgAdd { wg: base, delta: t });
            }
            WgWait => {
                self.f().emit(Op::WgWait { wg: base });
            }
            Lock => self.emit_mutex(base, false),
            Unlock => self.emit_mutex(base, true),
            Gosched => {
                self.f().emit(Op::Gosched);
            }
            GoMaxProcs => {
                self.f().emit(Op::GoMaxProcs { dst: base, n: base });
            }
            NumGoroutine => {
                self.f().emit(Op::NumGoroutine { dst: base });
            }
            Sync(f) => self.emit_sync(f, base),
            Std(f) => self.emit_std(f, base, nargs),
        }
    }

    /// `float64(d/unit) + float64(d%unit)/unit`, as time.Duration does.
    fn dur_float(&mut self, base: Reg, unit: i64) {
        let f = self.f();
        let u = f.alloc_n(4);
        let ku = f.konst(Value::Int(unit));
        let kf = f.konst(Value::Float(unit as f64));
        f.emit(Op::Const { dst: u, k: ku });
        f.emit(Op::DivI {
            dst: u + 1,
            a: base,
            b: u,
        });
        f.emit(Op::RemI {
            dst: u + 2,
            a: base,
            b: u,
        });
        f.emit(Op::IntToFloat {
            dst: u + 1,
            a: u + 1,
            unsigned: false,
        });
        f.emit(Op::IntToFloat {
            dst: u + 2,
            a: u + 2,
            unsigned: false,
        });
        f.emit(Op::Const { dst: u + 3, k: kf });
        f.emit(Op::DivF {
            dst: u + 2,
            a: u + 2,
            b: u + 3,
        });
        f.emit(Op::AddF {
            dst: base,
            a: u + 1,
            b: u + 2,
        });
    }
}
