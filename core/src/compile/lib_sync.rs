//! The library table's sync, sync/atomic, os, os/signal and syscall part.
//!
//! Runtime objects (`RWMutex`, `Once`, `Map`, Cond's notify list, Pool's
//! items) are `Value::Obj`s, so a value of such a type is its own handle
//! and a pointer to it loads to the same object. `sync.Cond` and
//! `sync.Pool` are structs with Go's exported fields (`L`, `New`) next to
//! their object. atomic's typed values are cells holding the number, so
//! `x.Add(1)` and `atomic.AddInt64(&n, 1)` are the same operation.
//! Calls that run user code (`Once.Do`, `WaitGroup.Go`, `Map.Range`) call
//! small synthetic functions named as Go's tracebacks name them.

use crate::diag::Pos;
use crate::syntax::ast::Ident;
use crate::types::{
    consts as tc, ChanDir, Field, IfaceMethod, OpaqueKind, Signature, Type, TypeId,
};
use crate::vm::op::{IntKind, Op, Reg};
use crate::vm::ops_sync::SyncOp;

use super::consts::ConstVal;
use super::func::FnState;
use super::lib::LibFn;
use super::operand::{Mode, Operand};
use super::Compiler;

/// Element types of sync/atomic operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomT {
    I32,
    I64,
    U32,
    U64,
    Uptr,
    Bool,
    /// `atomic.Value` (`any`).
    Any,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomOp {
    Add,
    Load,
    Store,
    Swap,
    Cas,
    And,
    Or,
}

/// A sync/atomic/os/signal member, as a `LibFn::Sync`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncFn {
    /// One `Op::Sync` on the receiver and arguments; `n` results.
    Plain(SyncOp, Sig),
    WgGo,
    OnceDo,
    NewCond,
    CondWait,
    CondSignal,
    CondBroadcast,
    MapRange,
    PoolGet,
    PoolPut,
    /// `method`: the receiver is the typed value (no pointer parameter).
    Atomic(AtomOp, AtomT, bool),
    /// `Signal()` of os.Signal: nothing to do.
    SignalNop,
}

/// Signature shapes of `SyncFn::Plain` members (receiver not counted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sig {
    /// `()`
    Unit,
    /// `() bool`
    Bool,
    /// `() sync.Locker`
    Locker,
    /// `() string`
    Str,
    /// `(int)`
    Int,
    /// `(any) (any, bool)`
    AnyToAnyOk,
    /// `(any, any)`
    AnyAny,
    /// `(any, any) (any, bool)`
    AnyAnyToAnyOk,
    /// `(any)`
    Any,
    /// `(any, any, any) bool`
    Any3Bool,
    /// `(any, any) bool`
    Any2Bool,
    /// `(chan<- os.Signal, ...os.Signal)`
    Notify,
    /// `(chan<- os.Signal)`
    SigChan,
    /// `(...os.Signal)`
    Sigs,
}

/// Method sets of the library types this file adds, by Go's spelling.
pub fn methods_of(type_name: &str) -> &'static [&'static str] {
    const ATOMIC_INT: &[&str] = &[
        "Add",
        "And",
        "CompareAndSwap",
        "Load",
        "Or",
        "Store",
        "Swap",
    ];
    match type_name {
        "*sync.RWMutex" => &[
            "Lock", "RLock", "RLocker", "RUnlock", "TryLock", "TryRLock", "Unlock",
        ],
        "*sync.Once" => &["Do"],
        "*sync.Cond" => &["Broadcast", "Signal", "Wait"],
        "*sync.Map" => &[
            "Clear",
            "CompareAndDelete",
            "CompareAndSwap",
            "Delete",
            "Load",
            "LoadAndDelete",
            "LoadOrStore",
            "Range",
            "Store",
            "Swap",
        ],
        "*sync.Pool" => &["Get", "Put"],
        "*sync.rlocker" => &["Lock", "Unlock"],
        "*atomic.Int32" | "*atomic.Int64" | "*atomic.Uint32" | "*atomic.Uint64"
        | "*atomic.Uintptr" => ATOMIC_INT,
        "*atomic.Bool" | "*atomic.Value" => &["CompareAndSwap", "Load", "Store", "Swap"],
        "syscall.Signal" => &["Signal", "String"],
        _ => &[],
    }
}

/// Members that exist in Go but not in chanscope yet.
pub fn known_unsupported(pkg: &str, name: &str) -> bool {
    let list: &[&str] = match pkg {
        "sync" => &["OnceFunc", "OnceValue", "OnceValues"],
        "sync/atomic" => &[
            "Pointer",
            "LoadPointer",
            "StorePointer",
            "SwapPointer",
            "CompareAndSwapPointer",
        ],
        "os" => &[
            "Args",
            "Getenv",
            "Setenv",
            "Open",
            "Create",
            "ReadFile",
            "WriteFile",
            "Stdout",
            "Stderr",
            "Stdin",
            "Getpid",
            "Hostname",
            "Environ",
            "LookupEnv",
            "Remove",
            "Mkdir",
            "MkdirAll",
            "File",
            "FindProcess",
        ],
        "os/signal" => &["NotifyContext", "Ignored"],
        "syscall" => &["Kill", "Getpid", "Exit"],
        _ => &[],
    };
    list.contains(&name)
}

fn atom_type(t: AtomT) -> TypeId {
    match t {
        AtomT::I32 => tc::INT32,
        AtomT::I64 => tc::INT64,
        AtomT::U32 => tc::UINT32,
        AtomT::U64 => tc::UINT64,
        AtomT::Uptr => tc::UINTPTR,
        AtomT::Bool => tc::BOOL,
        AtomT::Any => tc::ANY,
    }
}

fn atom_kind(t: AtomT) -> IntKind {
    match t {
        AtomT::I32 => IntKind::I32,
        AtomT::U32 => IntKind::U32,
        AtomT::U64 | AtomT::Uptr => IntKind::U64,
        _ => IntKind::I64,
    }
}

fn atom_suffix(name: &str) -> Option<AtomT> {
    Some(match name {
        "Int32" => AtomT::I32,
        "Int64" => AtomT::I64,
        "Uint32" => AtomT::U32,
        "Uint64" => AtomT::U64,
        "Uintptr" => AtomT::Uptr,
        _ => return None,
    })
}

/// `atomic.AddInt64` and friends.
fn atomic_func(name: &str) -> Option<SyncFn> {
    for (prefix, op) in [
        ("Add", AtomOp::Add),
        ("Load", AtomOp::Load),
        ("Store", AtomOp::Store),
        ("Swap", AtomOp::Swap),
        ("CompareAndSwap", AtomOp::Cas),
        ("And", AtomOp::And),
        ("Or", AtomOp::Or),
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            if let Some(t) = atom_suffix(rest) {
                return Some(SyncFn::Atomic(op, t, false));
            }
        }
    }
    None
}

impl SyncFn {
    pub fn sig(self, c: &mut Compiler<'_>) -> Signature {
        let s = |params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool| Signature {
            params,
            results,
            variadic,
        };
        let any = tc::ANY;
        match self {
            SyncFn::Plain(_, sig) => match sig {
                Sig::Unit => s(vec![], vec![], false),
                Sig::Bool => s(vec![], vec![tc::BOOL], false),
                Sig::Locker => s(vec![], vec![c.sync_type("sync", "Locker")], false),
                Sig::Str => s(vec![], vec![tc::STRING], false),
                Sig::Int => s(vec![tc::INT], vec![], false),
                Sig::AnyToAnyOk => s(vec![any], vec![any, tc::BOOL], false),
                Sig::AnyAny => s(vec![any, any], vec![], false),
                Sig::AnyAnyToAnyOk => s(vec![any, any], vec![any, tc::BOOL], false),
                Sig::Any => s(vec![any], vec![], false),
                Sig::Any3Bool => s(vec![any, any, any], vec![tc::BOOL], false),
                Sig::Any2Bool => s(vec![any, any], vec![tc::BOOL], false),
                Sig::Notify | Sig::SigChan | Sig::Sigs => {
                    let os_sig = c.sync_type("os", "Signal");
                    let ch = c.types.intern(Type::Chan(ChanDir::Send, os_sig));
                    let sl = c.types.intern(Type::Slice(os_sig));
                    match sig {
                        Sig::Notify => s(vec![ch, sl], vec![], true),
                        Sig::SigChan => s(vec![ch], vec![], false),
                        _ => s(vec![sl], vec![], true),
                    }
                }
            },
            SyncFn::WgGo | SyncFn::OnceDo => {
                let f = c.types.intern(Type::Func(Signature {
                    params: vec![],
                    results: vec![],
                    variadic: false,
                }));
                s(vec![f], vec![], false)
            }
            SyncFn::NewCond => {
                let l = c.sync_type("sync", "Locker");
                let cond = c.sync_type("sync", "Cond");
                let pc = c.types.intern(Type::Pointer(cond));
                s(vec![l], vec![pc], false)
            }
            SyncFn::CondWait | SyncFn::CondSignal | SyncFn::CondBroadcast | SyncFn::SignalNop => {
                s(vec![], vec![], false)
            }
            SyncFn::MapRange => {
                let f = c.types.intern(Type::Func(Signature {
                    params: vec![any, any],
                    results: vec![tc::BOOL],
                    variadic: false,
                }));
                s(vec![f], vec![], false)
            }
            SyncFn::PoolGet => s(vec![], vec![any], false),
            SyncFn::PoolPut => s(vec![any], vec![], false),
            SyncFn::Atomic(op, t, method) => {
                let et = atom_type(t);
                let mut params = Vec::new();
                if !method {
                    params.push(c.types.intern(Type::Pointer(et)));
                }
                let results = match op {
                    AtomOp::Add | AtomOp::Swap | AtomOp::And | AtomOp::Or | AtomOp::Load => {
                        vec![et]
                    }
                    AtomOp::Store => vec![],
                    AtomOp::Cas => vec![tc::BOOL],
                };
                match op {
                    AtomOp::Load => {}
                    AtomOp::Cas => params.extend([et, et]),
                    _ => params.push(et),
                }
                s(params, results, false)
            }
        }
    }

    pub fn go_name(self) -> &'static str {
        match self {
            SyncFn::WgGo => "sync.(*WaitGroup).Go",
            SyncFn::OnceDo => "sync.(*Once).Do",
            SyncFn::NewCond => "sync.NewCond",
            SyncFn::CondWait => "sync.(*Cond).Wait",
            SyncFn::CondSignal => "sync.(*Cond).Signal",
            SyncFn::CondBroadcast => "sync.(*Cond).Broadcast",
            SyncFn::MapRange => "sync.(*Map).Range",
            SyncFn::PoolGet => "sync.(*Pool).Get",
            SyncFn::PoolPut => "sync.(*Pool).Put",
            SyncFn::Atomic(..) => "sync/atomic",
            SyncFn::Plain(..) | SyncFn::SignalNop => "sync",
        }
    }
}

impl Compiler<'_> {
    /// The library type `pkg.name` this file provides (created on first
    /// use; later uses find the same type).
    pub fn sync_type(&mut self, pkg: &str, name: &str) -> TypeId {
        let tpkg = if pkg == "sync/atomic" { "atomic" } else { pkg };
        for t in 0..self.types.len() as TypeId {
            if matches!(self.types.get(t), Type::Named { pkg: p, name: n, .. } if p == tpkg && n == name)
            {
                return t;
            }
        }
        let under = self.sync_underlying(tpkg, name);
        self.types.push_named(tpkg, name, under)
    }

    fn sync_underlying(&mut self, pkg: &str, name: &str) -> TypeId {
        let opaque = |c: &mut Compiler<'_>, k| c.types.intern(Type::Opaque(k));
        let unit = self.types.intern(Type::Func(Signature {
            params: vec![],
            results: vec![],
            variadic: false,
        }));
        match (pkg, name) {
            ("sync", "RWMutex") => opaque(self, OpaqueKind::RWMutex),
            ("sync", "Once") => opaque(self, OpaqueKind::Once),
            ("sync", "rlocker") => opaque(self, OpaqueKind::Other),
            ("sync", "Map") => opaque(self, OpaqueKind::SyncMap),
            ("sync", "Locker") => self.types.intern(Type::Interface(vec![
                IfaceMethod {
                    name: "Lock".into(),
                    sig: unit,
                },
                IfaceMethod {
                    name: "Unlock".into(),
                    sig: unit,
                },
            ])),
            ("sync", "Cond") => {
                let l = self.sync_type("sync", "Locker");
                let n = opaque(self, OpaqueKind::Cond);
                self.types.intern(Type::Struct(vec![
                    Field {
                        name: "L".into(),
                        ty: l,
                        embedded: false,
                    },
                    Field {
                        name: "notify".into(),
                        ty: n,
                        embedded: false,
                    },
                ]))
            }
            ("sync", "Pool") => {
                let items = opaque(self, OpaqueKind::Pool);
                let newf = self.types.intern(Type::Func(Signature {
                    params: vec![],
                    results: vec![tc::ANY],
                    variadic: false,
                }));
                self.types.intern(Type::Struct(vec![
                    Field {
                        name: "local".into(),
                        ty: items,
                        embedded: false,
                    },
                    Field {
                        name: "New".into(),
                        ty: newf,
                        embedded: false,
                    },
                ]))
            }
            ("atomic", "Bool") => opaque(self, OpaqueKind::AtomicBool),
            ("atomic", "Value") => opaque(self, OpaqueKind::AtomicValue),
            ("atomic", _) => opaque(self, OpaqueKind::AtomicInt),
            ("os", "Signal") => self.types.intern(Type::Interface(vec![
                IfaceMethod {
                    name: "Signal".into(),
                    sig: unit,
                },
                IfaceMethod {
                    name: "String".into(),
                    sig: tc::FUNC_STRING,
                },
            ])),
            ("syscall", "Signal") => tc::INT,
            _ => tc::INVALID,
        }
    }

    fn sync_func_op(&mut self, f: SyncFn) -> Operand {
        let l = LibFn::Sync(f);
        let sig = l.sig(self);
        let ty = self.types.intern(Type::Func(sig));
        Operand {
            mode: Mode::Lib(l, None),
            ty,
        }
    }

    fn type_op(&mut self, pkg: &str, name: &str) -> Operand {
        let ty = self.sync_type(pkg, name);
        Operand {
            mode: Mode::Type,
            ty,
        }
    }

    /// `pkg.name` for the packages of this file; `None` when unknown.
    pub fn sync_member(&mut self, pkg: &str, name: &str, sel: &Ident) -> Option<Operand> {
        let _ = sel;
        use SyncFn::Plain;
        let op = match (pkg, name) {
            ("sync", "RWMutex" | "Once" | "Cond" | "Map" | "Pool" | "Locker") => {
                self.type_op(pkg, name)
            }
            ("sync", "NewCond") => self.sync_func_op(SyncFn::NewCond),
            (
                "sync/atomic",
                "Int32" | "Int64" | "Uint32" | "Uint64" | "Uintptr" | "Bool" | "Value",
            ) => self.type_op(pkg, name),
            ("sync/atomic", f) => self.sync_func_op(atomic_func(f)?),
            ("os", "Exit") => self.sync_func_op(Plain(SyncOp::OsExit, Sig::Int)),
            ("os", "Signal") => self.type_op("os", "Signal"),
            ("os", "Interrupt" | "Kill") => {
                let n = if name == "Interrupt" { 2 } else { 9 };
                let st = self.sync_type("syscall", "Signal");
                let os_sig = self.sync_type("os", "Signal");
                let dst = self.f().alloc();
                self.f().emit(Op::Int { dst, v: n });
                self.f().emit(Op::ToIface {
                    dst,
                    a: dst,
                    ty: st,
                });
                Operand {
                    mode: Mode::Value {
                        reg: dst,
                        var: true,
                    },
                    ty: os_sig,
                }
            }
            ("os/signal", "Notify") => {
                self.sync_type("syscall", "Signal");
                self.sync_func_op(Plain(SyncOp::SigNotify, Sig::Notify))
            }
            ("os/signal", "Stop") => self.sync_func_op(Plain(SyncOp::SigStop, Sig::SigChan)),
            ("os/signal", "Ignore") => self.sync_func_op(Plain(SyncOp::SigIgnore, Sig::Sigs)),
            ("os/signal", "Reset") => self.sync_func_op(Plain(SyncOp::SigReset, Sig::Sigs)),
            ("syscall", "Signal") => self.type_op("syscall", "Signal"),
            ("syscall", sig) => {
                let n = match sig {
                    "SIGHUP" => 1,
                    "SIGINT" => 2,
                    "SIGQUIT" => 3,
                    "SIGKILL" => 9,
                    "SIGUSR1" => 10,
                    "SIGUSR2" => 12,
                    "SIGPIPE" => 13,
                    "SIGALRM" => 14,
                    "SIGTERM" => 15,
                    _ => return None,
                };
                let st = self.sync_type("syscall", "Signal");
                Operand::konst(ConstVal::Int(n), st)
            }
            _ => return None,
        };
        Some(op)
    }

    /// Methods of this file's library types (and `Mutex.TryLock`,
    /// `WaitGroup.Go`); `None` when `xo`'s type is not one of them.
    pub fn sync_method(&mut self, xo: &Operand, sel: &Ident) -> Option<Operand> {
        let (base, ptr) = match self.types.get(xo.ty) {
            Type::Pointer(b) => (*b, true),
            _ => (xo.ty, false),
        };
        let Type::Named { pkg, name, .. } = self.types.get(base) else {
            return None;
        };
        let (pkg, name) = (pkg.clone(), name.clone());
        let n = sel.name.as_str();
        use SyncFn::Plain;
        use SyncOp as K;
        let f = match (pkg.as_str(), name.as_str(), n) {
            ("sync", "Mutex", "TryLock") => Plain(K::MuTryLock, Sig::Bool),
            ("sync", "WaitGroup", "Go") => SyncFn::WgGo,
            ("sync", "RWMutex", m) => match m {
                "Lock" => Plain(K::RwLock, Sig::Unit),
                "Unlock" => Plain(K::RwUnlock, Sig::Unit),
                "RLock" => Plain(K::RwRLock, Sig::Unit),
                "RUnlock" => Plain(K::RwRUnlock, Sig::Unit),
                "TryLock" => Plain(K::RwTryLock, Sig::Bool),
                "TryRLock" => Plain(K::RwTryRLock, Sig::Bool),
                "RLocker" => Plain(K::RLocker, Sig::Locker),
                _ => return None,
            },
            ("sync", "rlocker", "Lock") => Plain(K::LockerLock, Sig::Unit),
            ("sync", "rlocker", "Unlock") => Plain(K::LockerUnlock, Sig::Unit),
            ("sync", "Once", "Do") => SyncFn::OnceDo,
            ("sync", "Cond", "Wait") => SyncFn::CondWait,
            ("sync", "Cond", "Signal") => SyncFn::CondSignal,
            ("sync", "Cond", "Broadcast") => SyncFn::CondBroadcast,
            ("sync", "Map", m) => match m {
                "Load" => Plain(K::MapLoad, Sig::AnyToAnyOk),
                "Store" => Plain(K::MapStore, Sig::AnyAny),
                "LoadOrStore" => Plain(K::MapLoadOrStore, Sig::AnyAnyToAnyOk),
                "LoadAndDelete" => Plain(K::MapLoadAndDelete, Sig::AnyToAnyOk),
                "Delete" => Plain(K::MapDelete, Sig::Any),
                "Swap" => Plain(K::MapSwap, Sig::AnyAnyToAnyOk),
                "CompareAndSwap" => Plain(K::MapCompareAndSwap, Sig::Any3Bool),
                "CompareAndDelete" => Plain(K::MapCompareAndDelete, Sig::Any2Bool),
                "Clear" => Plain(K::MapClear, Sig::Unit),
                "Range" => SyncFn::MapRange,
                _ => return None,
            },
            ("sync", "Pool", "Get") => SyncFn::PoolGet,
            ("sync", "Pool", "Put") => SyncFn::PoolPut,
            ("atomic", t, m) => {
                let at = match t {
                    "Bool" => AtomT::Bool,
                    "Value" => AtomT::Any,
                    other => atom_suffix(other)?,
                };
                let op = match m {
                    "Load" => AtomOp::Load,
                    "Store" => AtomOp::Store,
                    "Swap" => AtomOp::Swap,
                    "CompareAndSwap" => AtomOp::Cas,
                    "Add" if !matches!(at, AtomT::Bool | AtomT::Any) => AtomOp::Add,
                    "And" if !matches!(at, AtomT::Bool | AtomT::Any) => AtomOp::And,
                    "Or" if !matches!(at, AtomT::Bool | AtomT::Any) => AtomOp::Or,
                    _ => return None,
                };
                SyncFn::Atomic(op, at, true)
            }
            ("syscall", "Signal", "String") if !ptr => Plain(K::SigString, Sig::Str),
            ("syscall", "Signal", "Signal") if !ptr => SyncFn::SignalNop,
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
        let l = LibFn::Sync(f);
        let sig = l.sig(self);
        let ty = self.types.intern(Type::Func(sig));
        Some(Operand {
            mode: Mode::Lib(l, Some(recv)),
            ty,
        })
    }

    /// `mu.Lock()` / `mu.Unlock()` with the receiver at `base`. A receiver
    /// the previous instruction loaded from a captured variable (the
    /// closure locking its parent's mutex) is locked in place instead:
    /// `Op::LockUpval` takes the place of that `LoadUpval` (vm/ops_lock.rs).
    /// `base` is the call's own temporary, so nothing reads it afterwards;
    /// no jump may land between the two instructions.
    pub fn emit_mutex(&mut self, base: Reg, unlock: bool) {
        let f = self.f();
        let no_label_here = f.label_at.get() < f.code.len() as u32;
        if let (true, Some(Op::LoadUpval { dst, i })) = (no_label_here, f.code.last().copied()) {
            if dst == base {
                let op = if unlock { Op::UnlockUpval { i } } else { Op::LockUpval { i } };
                let line = f.line;
                if let (Some(c), Some(l)) = (f.code.last_mut(), f.lines.last_mut()) {
                    *c = op;
                    *l = line;
                }
                return;
            }
        }
        f.emit(if unlock { Op::Unlock { m: base } } else { Op::Lock { m: base } });
    }

    /// Phase two of a call of a `SyncFn`; receiver and arguments at `base`,
    /// results written from `base`.
    pub fn emit_sync(&mut self, f: SyncFn, base: Reg) {
        let sync = |c: &mut Compiler<'_>, k: SyncOp, a: Reg| {
            c.f().emit(Op::Sync { k, a });
        };
        match f {
            SyncFn::Plain(SyncOp::RLocker, _) => {
                // A `*sync.rlocker` in a `sync.Locker`, as Go's RLocker returns.
                let rl = self.sync_type("sync", "rlocker");
                let ty = self.types.intern(Type::Pointer(rl));
                sync(self, SyncOp::RLocker, base);
                self.f().emit(Op::ToIface {
                    dst: base,
                    a: base,
                    ty,
                });
            }
            SyncFn::Plain(k, _) => sync(self, k, base),
            SyncFn::SignalNop => {}
            SyncFn::Atomic(op, t, _) => match (op, t) {
                // Atomic, not a plain Load/Store: the race detector
                // treats them as acquire/release.
                (AtomOp::Load, _) => sync(self, SyncOp::AtomicLoad, base),
                (AtomOp::Store, AtomT::Any) => sync(self, SyncOp::ValueStore, base),
                (AtomOp::Store, _) => sync(self, SyncOp::AtomicStore, base),
                (AtomOp::Swap, AtomT::Any) => sync(self, SyncOp::ValueSwap, base),
                (AtomOp::Cas, AtomT::Any) => sync(self, SyncOp::ValueCas, base),
                (AtomOp::Swap, _) => sync(self, SyncOp::AtomicSwap, base),
                (AtomOp::Cas, _) => sync(self, SyncOp::AtomicCas, base),
                (AtomOp::Add, t) => sync(self, SyncOp::AtomicAdd(atom_kind(t)), base),
                (AtomOp::And, _) => sync(self, SyncOp::AtomicAnd, base),
                (AtomOp::Or, _) => sync(self, SyncOp::AtomicOr, base),
            },
            SyncFn::WgGo => {
                let body = self.synth_wg_go();
                let t = self.f().alloc_n(2);
                self.f().emit(Op::Int { dst: t, v: 1 });
                self.f().emit(Op::WgAdd { wg: base, delta: t });
                self.f().emit(Op::Func {
                    dst: t + 1,
                    f: body,
                });
                self.f().emit(Op::Go {
                    fv: t + 1,
                    a: base,
                    nargs: 2,
                });
            }
            SyncFn::OnceDo => {
                let body = self.synth_once_do();
                self.f().emit(Op::Call { f: body, a: base });
            }
            SyncFn::MapRange => {
                let body = self.synth_map_range();
                self.f().emit(Op::Call { f: body, a: base });
            }
            SyncFn::NewCond => {
                let cond = self.sync_type("sync", "Cond");
                let t = self.f().alloc();
                self.f().emit(Op::Zero { dst: t, ty: cond });
                self.f().emit(Op::SetField {
                    x: t,
                    i: 0,
                    src: base,
                });
                self.f().emit(Op::NewCell { dst: base, src: t });
            }
            SyncFn::CondWait => {
                // cond.go: t := notifyListAdd; c.L.Unlock();
                // notifyListWait(t); c.L.Lock(). The receiver is the Cond
                // struct: L is field 0, the notify list field 1; L's
                // methods are called through the interface, so any Locker
                // works.
                let t = self.f().alloc_n(3);
                self.f().emit(Op::Field {
                    dst: t,
                    x: base,
                    i: 1,
                });
                self.f().emit(Op::Field {
                    dst: t + 2,
                    x: base,
                    i: 0,
                });
                sync(self, SyncOp::CondAdd, t);
                self.locker_call(t + 2, "Unlock");
                sync(self, SyncOp::CondPark, t);
                self.locker_call(t + 2, "Lock");
            }
            SyncFn::CondSignal | SyncFn::CondBroadcast => {
                let k = if f == SyncFn::CondSignal {
                    SyncOp::CondSignal
                } else {
                    SyncOp::CondBroadcast
                };
                let t = self.f().alloc();
                self.f().emit(Op::Field {
                    dst: t,
                    x: base,
                    i: 1,
                });
                sync(self, k, t);
            }
            SyncFn::PoolPut => {
                let t = self.f().alloc_n(2);
                self.f().emit(Op::Field {
                    dst: t,
                    x: base,
                    i: 0,
                });
                self.f().emit(Op::Move {
                    dst: t + 1,
                    src: base + 1,
                });
                sync(self, SyncOp::PoolPut, t);
            }
            SyncFn::PoolGet => self.emit_pool_get(base),
        }
    }

    /// `l.name()` on the `sync.Locker` in register `l`.
    fn locker_call(&mut self, l: Reg, name: &str) {
        let c = self.f().alloc();
        self.f().reserve(c as u32 + 1);
        self.f().emit(Op::Move { dst: c, src: l });
        let m = self.method_id(name);
        self.f().emit(Op::CallIface { a: c, m });
    }

    /// `x := items.pop(); if x == nil && p.New != nil { x = p.New() }`.
    fn emit_pool_get(&mut self, base: Reg) {
        let t = self.f().alloc_n(4);
        let f = self.f();
        f.emit(Op::Field {
            dst: t,
            x: base,
            i: 0,
        });
        f.emit(Op::Sync {
            k: SyncOp::PoolGet,
            a: t,
        });
        f.emit(Op::Nil { dst: t + 1 });
        f.emit(Op::Eq {
            dst: t + 2,
            a: t,
            b: t + 1,
        });
        let j1 = f.emit(Op::JmpIfNot { cond: t + 2, to: 0 });
        f.emit(Op::Field {
            dst: t + 3,
            x: base,
            i: 1,
        });
        f.emit(Op::Eq {
            dst: t + 2,
            a: t + 3,
            b: t + 1,
        });
        let j2 = f.emit(Op::JmpIf { cond: t + 2, to: 0 });
        let call = f.alloc();
        f.reserve(call as u32 + 1);
        f.emit(Op::CallValue { fv: t + 3, a: call });
        f.emit(Op::Move { dst: t, src: call });
        f.patch_here(j1);
        f.patch_here(j2);
        f.emit(Op::Move { dst: base, src: t });
    }

    /// A top-level function made by the compiler, once per program.
    fn synth(&mut self, name: &str, nparams: u16, body: impl FnOnce(&mut FnState)) -> u32 {
        let found = self
            .funcs
            .iter()
            .position(|f| f.as_ref().is_some_and(|p| p.name == name));
        if let Some(i) = found {
            return i as u32;
        }
        let idx = self.reserve_func();
        let pos = self.fns.last().map(|f| f.pos).unwrap_or_else(Pos::default);
        let mut st = FnState::new(name.to_string(), pos);
        st.nparams = nparams;
        st.alloc_n(nparams as u32);
        body(&mut st);
        self.fns.push(st);
        self.finish_fn(idx);
        idx
    }

    /// `go func() { f(); wg.Done() }()` (a panicking `f` kills the
    /// program without `Done`, as Go's `WaitGroup.Go` does).
    fn synth_wg_go(&mut self) -> u32 {
        self.synth("sync.(*WaitGroup).Go.func1", 2, |f| {
            let t = f.alloc_n(2);
            f.emit(Op::CallValue { fv: 1, a: t });
            f.emit(Op::Int { dst: t, v: -1 });
            f.emit(Op::WgAdd { wg: 0, delta: t });
            f.emit(Op::Ret { a: 0, n: 0 });
        })
    }

    /// `Do(o, f)`: wait for or claim the Once, then run `f` with a deferred
    /// "done" (so a panicking `f` still completes the Once).
    fn synth_once_do(&mut self) -> u32 {
        let done = self.synth("sync.(*Once).doSlow.deferwrap1", 1, |f| {
            f.emit(Op::Sync {
                k: SyncOp::OnceDone,
                a: 0,
            });
            f.emit(Op::Ret { a: 0, n: 0 });
        });
        self.synth("sync.(*Once).Do", 2, move |f| {
            let t = f.alloc_n(3);
            f.emit(Op::Move { dst: t, src: 0 });
            f.emit(Op::Sync {
                k: SyncOp::OnceEnter,
                a: t,
            });
            let j = f.emit(Op::JmpIfNot { cond: t, to: 0 });
            f.emit(Op::Func {
                dst: t + 1,
                f: done,
            });
            f.emit(Op::Move { dst: t + 2, src: 0 });
            f.emit(Op::Defer {
                fv: t + 1,
                a: t + 2,
                nargs: 1,
            });
            f.emit(Op::CallValue { fv: 1, a: t + 2 });
            f.patch_here(j);
            f.emit(Op::Ret { a: 0, n: 0 });
        })
    }

    /// `Range(m, f)`: calls `f(k, v)` over the map's entries until it
    /// returns false.
    fn synth_map_range(&mut self) -> u32 {
        self.synth("sync.(*Map).Range", 2, |f| {
            let t = f.alloc_n(4);
            f.emit(Op::Move { dst: t, src: 0 });
            f.emit(Op::Sync {
                k: SyncOp::MapInner,
                a: t,
            });
            f.emit(Op::MapIter { dst: t + 1, m: t });
            let top = f.here();
            let next = f.emit(Op::MapNext {
                it: t + 1,
                k: t + 2,
                v: t + 3,
                done: 0,
            });
            f.emit(Op::CallValue { fv: 1, a: t + 2 });
            let stop = f.emit(Op::JmpIfNot { cond: t + 2, to: 0 });
            f.emit(Op::Jmp { to: top });
            f.patch_here(next);
            f.patch_here(stop);
            f.emit(Op::Ret { a: 0, n: 0 });
        })
    }
}
