//! Selectors: fields and methods found through embedded fields, method
//! sets, and the wrapper functions Go's compiler generates for promoted
//! methods, pointer-adjusted receivers and method values.
//!
//! Lookup follows the spec (and go/types' `lookupFieldOrMethod`): search
//! breadth-first by embedding depth; the shallowest match wins, two at the
//! same depth are ambiguous.

use std::collections::HashSet;

use crate::diag::Pos;
use crate::syntax::ast::{Expr, Ident};
use crate::types::{consts as tc, MethodRef, Signature, Type, TypeId};
use crate::vm::op::{Op, Reg};

use super::func::FnState;
use super::operand::{Mode, Operand};
use super::Compiler;

/// One embedded field crossed on the way to a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub idx: u16,
    /// The embedded field is a pointer (`*Base`).
    pub ptr: bool,
}

#[derive(Clone, Debug)]
pub enum MethodKind {
    User(MethodRef),
    /// A method of an (embedded) interface value.
    Iface,
    /// A method of a library type (`sync.Mutex.Lock`).
    Lib,
}

#[derive(Clone, Debug)]
pub enum Member {
    Field { path: Vec<Step>, idx: u16, ty: TypeId },
    /// `holder` is the type declaring the method (for `Lib`/`Iface`: the
    /// embedded value's type).
    Method { path: Vec<Step>, holder: TypeId, kind: MethodKind },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookupErr {
    NotFound,
    Ambiguous,
}

/// Where the receiver chain stands while walking a path.
#[derive(Clone, Copy)]
pub enum Cur {
    Val(Reg),
    Ptr(Reg),
}

/// The deepest embedding the lookup follows.
const MAX_EMBED_DEPTH: usize = 16;

impl Compiler<'_> {
    /// The method names a library type has, by Go's method-set rules
    /// (`*sync.Mutex` has `Lock`; `sync.Mutex` has none).
    fn lib_names(&self, ty: TypeId) -> (Vec<&'static str>, Vec<&'static str>) {
        let name = self.types.name(ty);
        let val = super::lib::lib_methods_of(&name).to_vec();
        let ptr = super::lib::lib_methods_of(&format!("*{}", name)).to_vec();
        (val, ptr)
    }

    /// The receiver type `lib_method` expects for library method `name` of
    /// `holder`: `*holder` when only the pointer has it.
    fn lib_recv_type(&mut self, holder: TypeId, name: &str) -> TypeId {
        let (v, p) = self.lib_names(holder);
        if !v.contains(&name) && p.contains(&name) {
            self.types.intern(Type::Pointer(holder))
        } else {
            holder
        }
    }

    fn is_lib_type(&self, ty: TypeId) -> bool {
        matches!(self.types.get(ty), Type::Named { pkg, .. } if pkg != "main" && !pkg.is_empty())
    }

    /// Finds field or method `name` of a value of type `t`.
    pub fn lookup_member(&self, t: TypeId, name: &str) -> Result<Member, LookupErr> {
        let start = match self.types.get(t) {
            Type::Pointer(b) => *b,
            _ => t,
        };
        let mut level: Vec<(TypeId, Vec<Step>)> = vec![(start, Vec::new())];
        let mut seen = HashSet::new();
        for _ in 0..MAX_EMBED_DEPTH {
            let mut found: Vec<Member> = Vec::new();
            let mut next = Vec::new();
            for (ty, path) in level {
                if self.types.is_named(ty) && !seen.insert(ty) {
                    continue;
                }
                if let Type::Named { methods, .. } = self.types.get(ty) {
                    if let Some(m) = methods.iter().find(|m| m.name == name) {
                        found.push(Member::Method { path, holder: ty, kind: MethodKind::User(m.clone()) });
                        continue;
                    }
                }
                if self.is_lib_type(ty) {
                    let (v, p) = self.lib_names(ty);
                    if v.contains(&name) || p.contains(&name) {
                        found.push(Member::Method { path, holder: ty, kind: MethodKind::Lib });
                        continue;
                    }
                }
                match self.types.under(ty) {
                    Type::Interface(ms) => {
                        if ms.iter().any(|m| m.name == name) {
                            found.push(Member::Method { path, holder: ty, kind: MethodKind::Iface });
                        }
                    }
                    Type::Struct(fs) => {
                        for (i, f) in fs.iter().enumerate() {
                            if f.name == name {
                                found.push(Member::Field { path: path.clone(), idx: i as u16, ty: f.ty });
                            }
                            if f.embedded {
                                let (et, ptr) = match self.types.get(f.ty) {
                                    Type::Pointer(b) => (*b, true),
                                    _ => (f.ty, false),
                                };
                                let mut p = path.clone();
                                p.push(Step { idx: i as u16, ptr });
                                next.push((et, p));
                            }
                        }
                    }
                    _ => {}
                }
            }
            match found.len() {
                0 => {}
                1 => return Ok(found.pop().unwrap_or(Member::Field { path: vec![], idx: 0, ty: tc::INVALID })),
                _ => return Err(LookupErr::Ambiguous),
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
        Err(LookupErr::NotFound)
    }

    /// Whether values of type `ty` hold sync objects by value (copies of
    /// them need `Op::CopySync`).
    pub fn holds_sync(&self, ty: TypeId) -> bool {
        crate::runtime::synccopy::holds_sync(&self.types, ty, 0)
    }

    /// After copying operand `o` (a variable, field or element: not a
    /// fresh value) into register `r`: copy the sync objects it holds.
    pub fn copy_sync_here(&mut self, o: &Operand, ty: TypeId, r: Reg) {
        if matches!(o.mode, Mode::Value { var: true, .. }) && self.holds_sync(ty) {
            self.f().emit(Op::CopySync { dst: r, ty });
        }
    }

    /// types2's hint for a selector that differs only in case:
    /// `, but does have method get`.
    pub fn fold_case_hint(&self, t: TypeId, name: &str) -> String {
        let mut cands: Vec<String> = Vec::new();
        let base = match self.types.get(t) {
            Type::Pointer(b) => *b,
            _ => t,
        };
        if let Type::Named { methods, .. } = self.types.get(base) {
            cands.extend(methods.iter().map(|m| m.name.clone()));
        }
        if let Type::Struct(fs) = self.types.under(base) {
            cands.extend(fs.iter().map(|f| f.name.clone()));
        }
        for c in cands {
            if c != name && c.eq_ignore_ascii_case(name) {
                return match self.lookup_member(t, &c) {
                    Ok(Member::Field { .. }) => format!(", but does have field {}", c),
                    _ => format!(", but does have method {}", c),
                };
            }
        }
        String::new()
    }

    /// Whether calling method `m` found on a value of type `t` needs the
    /// value's address (a pointer receiver reached without a pointer).
    pub fn needs_addr(&self, t: TypeId, path: &[Step], holder: TypeId, kind: &MethodKind, name: &str) -> bool {
        // Library objects with pointer methods (`sync.Mutex`) are
        // references in chanscope: a value is its own pointer. Library
        // types that are plain structs (`strings.Builder`) are not.
        let ptr_recv = match kind {
            MethodKind::User(m) => m.ptr_recv,
            MethodKind::Lib => {
                let (v, p) = self.lib_names(holder);
                !v.contains(&name) && p.contains(&name) && matches!(self.types.under(holder), Type::Struct(_))
            }
            MethodKind::Iface => false,
        };
        if !ptr_recv {
            return false;
        }
        let via_ptr = matches!(self.types.get(t), Type::Pointer(_)) || path.iter().any(|s| s.ptr);
        !via_ptr
    }

    /// The signature of method `name` of `t` (without receiver), if any.
    pub fn method_sig(&mut self, t: TypeId, name: &str) -> Option<(Signature, Member)> {
        let m = self.lookup_member(t, name).ok()?;
        let Member::Method { holder, kind, .. } = &m else { return None };
        let sig = match kind {
            MethodKind::User(r) => self.sig(r.sig)?,
            MethodKind::Iface => match self.types.under(*holder) {
                Type::Interface(ms) => {
                    let im = ms.iter().find(|x| x.name == name)?;
                    self.sig(im.sig)?
                }
                _ => return None,
            },
            MethodKind::Lib => {
                // In a scratch function: only the type is wanted.
                self.fns.push(FnState::new(String::new(), Pos::default()));
                self.f().alloc();
                let rt = self.lib_recv_type(*holder, name);
                let probe = Operand::value(0, rt);
                let nd = self.diags.len();
                let sel = Ident { name: name.to_string(), pos: Pos::default() };
                let op = self.lib_method(&probe, &sel);
                self.diags.truncate(nd);
                self.fns.pop();
                self.sig(op?.ty)?
            }
        };
        Some((sig, m))
    }

    /// Checks that `from` implements interface `iface`; the error is Go's
    /// parenthesised cause, e.g. `(missing method Close)`.
    pub fn implements(&self, from: TypeId, iface: TypeId) -> Result<(), String> {
        let Type::Interface(want) = self.types.under(iface).clone() else { return Ok(()) };
        if let Type::Interface(have) = self.types.under(from).clone() {
            for m in &want {
                match have.iter().find(|h| h.name == m.name) {
                    None => return Err(format!("(missing method {})", m.name)),
                    Some(h) if h.sig != m.sig => return Err(self.wrong_type(&m.name, h.sig, m.sig)),
                    _ => {}
                }
            }
            return Ok(());
        }
        let is_ptr = matches!(self.types.get(from), Type::Pointer(_));
        for m in &want {
            match self.lookup_member(from, &m.name) {
                Ok(Member::Method { path, holder, kind }) => {
                    let sig = match &kind {
                        MethodKind::User(r) => Some(r.sig),
                        MethodKind::Iface => match self.types.under(holder) {
                            Type::Interface(ms) => ms.iter().find(|x| x.name == m.name).map(|x| x.sig),
                            _ => None,
                        },
                        MethodKind::Lib => None,
                    };
                    if let Some(s) = sig {
                        if s != m.sig {
                            return Err(self.wrong_type(&m.name, s, m.sig));
                        }
                    }
                    if let MethodKind::User(r) = &kind {
                        if r.ptr_recv && !is_ptr && !path.iter().any(|s| s.ptr) {
                            return Err(format!("(method {} has pointer receiver)", m.name));
                        }
                    }
                    if let MethodKind::Lib = kind {
                        let (v, _) = self.lib_names(holder);
                        let through_ptr = is_ptr || path.iter().any(|s| s.ptr);
                        if !through_ptr && !v.contains(&m.name.as_str()) && !self.types.name(holder).starts_with('*') {
                            return Err(format!("(method {} has pointer receiver)", m.name));
                        }
                    }
                }
                _ => return Err(format!("(missing method {})", m.name)),
            }
        }
        Ok(())
    }

    fn wrong_type(&self, name: &str, have: TypeId, want: TypeId) -> String {
        let strip = |s: String| s.strip_prefix("func").map(|x| x.to_string()).unwrap_or(s);
        format!(
            "(wrong type for method {})\n\t\thave {}{}\n\t\twant {}{}",
            name,
            name,
            strip(self.types.name(have)),
            name,
            strip(self.types.name(want))
        )
    }

    /// Walks `path` from the receiver in `cur`, emitting field loads and
    /// address computations; returns where the last embedded value is.
    pub(super) fn walk_path(&mut self, mut cur: Cur, path: &[Step]) -> Cur {
        for s in path {
            cur = match cur {
                Cur::Ptr(p) => {
                    let dst = self.f().alloc();
                    if s.ptr {
                        self.f().emit(Op::Load { dst, ptr: p });
                        self.f().emit(Op::Field { dst, x: dst, i: s.idx });
                    } else {
                        self.f().emit(Op::FieldAddr { dst, p, i: s.idx });
                    }
                    Cur::Ptr(dst)
                }
                Cur::Val(v) => {
                    let dst = self.f().alloc();
                    self.f().emit(Op::Field { dst, x: v, i: s.idx });
                    if s.ptr {
                        Cur::Ptr(dst)
                    } else {
                        Cur::Val(dst)
                    }
                }
            };
        }
        cur
    }

    fn cur_value(&mut self, cur: Cur) -> Reg {
        match cur {
            Cur::Val(v) => v,
            Cur::Ptr(p) => {
                let dst = self.f().alloc();
                self.f().emit(Op::Load { dst, ptr: p });
                dst
            }
        }
    }

    /// `x.sel` for a field or method reached by `lookup_member`.
    pub fn select_member(&mut self, e: &Expr, x: &Expr, xo: &Operand, sel: &Ident, m: Member) -> Operand {
        let _ = e;
        match m {
            Member::Field { path, idx, ty } => {
                let start = self.start_cur(xo);
                let cur = self.walk_path(start, &path);
                let dst = self.f().alloc();
                match cur {
                    Cur::Ptr(p) => {
                        self.f().emit(Op::Load { dst, ptr: p });
                        self.f().emit(Op::Field { dst, x: dst, i: idx });
                    }
                    Cur::Val(v) => {
                        self.f().emit(Op::Field { dst, x: v, i: idx });
                    }
                }
                Operand { mode: Mode::Value { reg: dst, var: true }, ty }
            }
            Member::Method { path, holder, kind } => {
                let needs_addr = self.needs_addr(xo.ty, &path, holder, &kind, &sel.name);
                let start = if needs_addr {
                    match self.addr_for_method(x) {
                        Some(p) => Cur::Ptr(p),
                        None => {
                            let name = match &kind {
                                MethodKind::User(r) => r.name.clone(),
                                _ => sel.name.clone(),
                            };
                            self.err(
                                sel.pos,
                                format!(
                                    "cannot call pointer method {} on {}",
                                    name,
                                    self.tname(xo.ty)
                                ),
                            );
                            return Operand::invalid();
                        }
                    }
                } else {
                    self.start_cur(xo)
                };
                let cur = self.walk_path(start, &path);
                match kind {
                    MethodKind::User(r) => {
                        let recv = if r.ptr_recv {
                            match cur {
                                Cur::Ptr(p) => p,
                                Cur::Val(v) => v,
                            }
                        } else {
                            let v = self.cur_value(cur);
                            // A value receiver is a copy.
                            if self.holds_sync(holder) {
                                let t = self.f().alloc();
                                self.f().emit(Op::Move { dst: t, src: v });
                                self.f().emit(Op::CopySync { dst: t, ty: holder });
                                t
                            } else {
                                v
                            }
                        };
                        Operand { mode: Mode::Method { f: r.func, recv }, ty: r.sig }
                    }
                    MethodKind::Iface => {
                        let recv = self.cur_value(cur);
                        let Type::Interface(ms) = self.types.under(holder).clone() else {
                            return Operand::invalid();
                        };
                        let sig = ms.iter().find(|m| m.name == sel.name).map(|m| m.sig).unwrap_or(tc::INVALID);
                        let mid = self.method_id_sig(&sel.name, sig);
                        Operand { mode: Mode::IfaceMethod { recv, mid }, ty: sig }
                    }
                    MethodKind::Lib => {
                        let rt = self.lib_recv_type(holder, &sel.name);
                        let (reg, ty) = match cur {
                            Cur::Ptr(p) if rt != holder => (p, rt),
                            Cur::Ptr(p) => {
                                let d = self.f().alloc();
                                self.f().emit(Op::Load { dst: d, ptr: p });
                                (d, holder)
                            }
                            Cur::Val(v) => (v, holder),
                        };
                        let hop = Operand { mode: Mode::Value { reg, var: true }, ty };
                        match self.lib_method(&hop, sel) {
                            Some(op) => op,
                            None => Operand::invalid(),
                        }
                    }
                }
            }
        }
    }

    fn start_cur(&mut self, xo: &Operand) -> Cur {
        let r = self.to_reg(xo, tc::INVALID);
        if matches!(self.types.get(xo.ty), Type::Pointer(_)) {
            Cur::Ptr(r)
        } else {
            Cur::Val(r)
        }
    }

    /// Id of a method `name()` without parameters or results (`Lock`).
    pub fn method_id(&mut self, name: &str) -> u32 {
        let sig = self.types.intern(Type::Func(Signature { params: vec![], results: vec![], variadic: false }));
        self.method_id_sig(name, sig)
    }

    /// Interned id of a method by name and signature (the key of the
    /// runtime's method tables: `Unwrap() error` and `Unwrap() []error`
    /// are different methods).
    pub fn method_id_sig(&mut self, name: &str, sig: TypeId) -> u32 {
        let key = crate::vm::program::method_key(name, sig);
        if let Some(&i) = self.method_ids.get(&key) {
            return i;
        }
        let i = self.method_names.len() as u32;
        self.method_names.push(name.to_string());
        self.method_ids.insert(key, i);
        i
    }

    /// Synthesises a function `(recv T, params...) results` that calls
    /// method `name` of `t` (walking embedded fields, dereferencing or
    /// dispatching as needed). Go's compiler makes the same wrappers for
    /// promoted methods and `(*T).M` of value methods.
    pub fn method_wrapper(&mut self, t: TypeId, name: &str) -> Option<u32> {
        if let Some(&f) = self.wrappers.get(&(t, name.to_string())) {
            return Some(f);
        }
        let (sig, m) = self.method_sig(t, name)?;
        if let Member::Method { path, holder, kind } = &m {
            if self.needs_addr(t, path, *holder, kind, name) {
                return None;
            }
        }
        // A method declared on `t` itself with the matching receiver kind
        // needs no wrapper.
        if let Member::Method { path, kind: MethodKind::User(r), .. } = &m {
            let is_ptr = matches!(self.types.get(t), Type::Pointer(_));
            if path.is_empty() && r.ptr_recv == is_ptr {
                return Some(r.func);
            }
        }
        let idx = self.reserve_func();
        self.wrappers.insert((t, name.to_string()), idx);
        let fname = format!("{}.{}", self.types.name(t), name);
        let mut st = FnState::new(fname, Pos::new(1, 1));
        let np = sig.params.len() as u16 + 1;
        st.nparams = np;
        st.nresults = sig.results.len() as u16;
        st.results = sig.results.clone();
        self.fns.push(st);
        self.f().alloc_n(np as u32);
        self.f().line = 0;
        let probe = Operand { mode: Mode::Value { reg: 0, var: true }, ty: t };
        let sel = Ident { name: name.to_string(), pos: Pos::default() };
        let nd = self.diags.len();
        let callee = self.select_member_quiet(&probe, &sel, m);
        self.diags.truncate(nd);
        let nres = sig.results.len() as u16;
        match callee {
            Some(op) => {
                let base = self.f().alloc_n(np as u32 + nres as u32 + 1);
                let args_at = self.emit_recv_into(&op, base);
                for i in 1..np {
                    self.f().emit(Op::Move { dst: args_at + i - 1, src: i });
                }
                self.f().reserve(base as u32 + np as u32 + nres as u32 + 1);
                self.emit_method_invoke(&op, base, np - 1 + args_at - base);
                self.f().emit(Op::Ret { a: base, n: nres });
            }
            None => {
                self.f().emit(Op::Ret { a: 0, n: 0 });
            }
        }
        self.finish_fn(idx);
        Some(idx)
    }

    /// Like `select_member` without a source expression (wrappers).
    fn select_member_quiet(&mut self, xo: &Operand, sel: &Ident, m: Member) -> Option<Operand> {
        let dummy = Expr { kind: crate::syntax::ast::ExprKind::Ident("_recv".into()), pos: Pos::default() };
        // A wrapper's receiver is a parameter: addressable only through a
        // pointer, which `needs_addr` already accounts for.
        if let Member::Method { path, holder, kind } = &m {
            if self.needs_addr(xo.ty, path, *holder, kind, &sel.name) {
                return None;
            }
        }
        let op = self.select_member(&dummy, &dummy, xo, sel, m);
        if op.is_invalid() && !matches!(op.mode, Mode::Lib(..)) {
            return None;
        }
        Some(op)
    }

    /// Puts a bound method's receiver at `base`; returns where the
    /// arguments go.
    fn emit_recv_into(&mut self, op: &Operand, base: Reg) -> Reg {
        match &op.mode {
            Mode::Method { recv, .. } | Mode::IfaceMethod { recv, .. } => {
                let r = *recv;
                self.f().emit(Op::Move { dst: base, src: r });
                base + 1
            }
            Mode::Lib(_, Some(r)) => {
                let r = *r;
                self.f().emit(Op::Move { dst: base, src: r });
                base + 1
            }
            _ => base,
        }
    }

    /// Invokes a bound method whose receiver and `nargs` further values
    /// sit at `base`.
    pub fn emit_method_invoke(&mut self, op: &Operand, base: Reg, nargs: u16) {
        match &op.mode {
            Mode::Method { f, .. } => {
                self.f().emit(Op::Call { f: *f, a: base });
            }
            Mode::IfaceMethod { mid, .. } => {
                self.f().emit(Op::CallIface { a: base, m: *mid });
            }
            Mode::Lib(l, recv) => {
                let l = *l;
                self.emit_lib(l, base, nargs, recv.is_some());
            }
            _ => {}
        }
    }

    /// A method expression `T.M` / `(*T).M`: a function taking the
    /// receiver first.
    pub fn method_expr(&mut self, x: &Expr, t: TypeId, sel: &Ident) -> Operand {
        let Some((sig, m)) = self.method_sig(t, &sel.name) else {
            self.err(
                sel.pos,
                format!("{}.{} undefined (type {} has no method {})", self.expr_text(x), sel.name, self.tname(t), sel.name),
            );
            return Operand::invalid();
        };
        if let Member::Method { path, holder, kind } = &m {
            if self.needs_addr(t, path, *holder, kind, &sel.name) {
                self.err(
                    sel.pos,
                    format!(
                        "invalid method expression {}.{} (needs pointer receiver (*{}).{})",
                        self.expr_text(x),
                        sel.name,
                        self.tname(t),
                        sel.name
                    ),
                );
                return Operand::invalid();
            }
        }
        let Some(f) = self.method_wrapper(t, &sel.name) else { return Operand::invalid() };
        let mut params = vec![t];
        params.extend(sig.params.iter().copied());
        let ty = self.types.intern(Type::Func(Signature { params, results: sig.results.clone(), variadic: sig.variadic }));
        Operand { mode: Mode::Func(f), ty }
    }

    /// A library function used as a value (`apply(strings.ToUpper)`): a
    /// function that makes the call.
    pub fn lib_func_value(&mut self, l: super::lib::LibFn, ty: TypeId) -> Operand {
        let Some(sig) = self.sig(ty) else { return Operand::invalid() };
        let idx = match self.lib_values.iter().find(|(x, _)| *x == l) {
            Some((_, f)) => *f,
            None => {
                let idx = self.reserve_func();
                self.lib_values.push((l, idx));
                let mut st = FnState::new(l.go_name().to_string(), Pos::new(1, 1));
                let np = sig.params.len() as u16;
                let nres = sig.results.len() as u16;
                st.nparams = np;
                st.nresults = nres;
                st.results = sig.results.clone();
                self.fns.push(st);
                self.f().line = 0;
                self.f().alloc_n(np as u32);
                let base = self.f().alloc_n(np as u32 + nres as u32 + 1);
                for i in 0..np {
                    self.f().emit(Op::Move { dst: base + i, src: i });
                }
                self.f().reserve(base as u32 + np as u32 + nres as u32 + 2);
                self.emit_lib(l, base, np, false);
                self.f().emit(Op::Ret { a: base, n: nres });
                self.finish_fn(idx);
                idx
            }
        };
        let dst = self.f().alloc();
        self.f().emit(Op::Func { dst, f: idx });
        Operand::value(dst, ty)
    }

    /// A method value `x.M`: a closure over the receiver (Go's `M-fm`).
    pub fn method_value(&mut self, op: &Operand, recv_ty: TypeId) -> Operand {
        let Some(sig) = self.sig(op.ty) else { return Operand::invalid() };
        let recv = match &op.mode {
            Mode::Method { recv, .. } | Mode::IfaceMethod { recv, .. } => *recv,
            Mode::Lib(_, Some(r)) => *r,
            _ => return Operand::invalid(),
        };
        let idx = self.reserve_func();
        let name = format!("{}-fm", self.f().name);
        let mut st = FnState::new(name, Pos::new(1, 1));
        let np = sig.params.len() as u16;
        st.nparams = np;
        st.nresults = sig.results.len() as u16;
        st.results = sig.results.clone();
        st.closure = true;
        self.fns.push(st);
        self.f().alloc_n(np as u32);
        let nres = sig.results.len() as u16;
        let base = self.f().alloc_n(np as u32 + nres as u32 + 2);
        self.f().emit(Op::LoadUpval { dst: base, i: 0 });
        for i in 0..np {
            self.f().emit(Op::Move { dst: base + 1 + i, src: i });
        }
        self.f().reserve(base as u32 + np as u32 + nres as u32 + 2);
        let inner = match &op.mode {
            Mode::Method { f, .. } => Operand { mode: Mode::Method { f: *f, recv: base }, ty: op.ty },
            Mode::IfaceMethod { mid, .. } => Operand { mode: Mode::IfaceMethod { recv: base, mid: *mid }, ty: op.ty },
            Mode::Lib(l, _) => Operand { mode: Mode::Lib(*l, Some(base)), ty: op.ty },
            _ => op.clone(),
        };
        self.emit_method_invoke(&inner, base, np + 1);
        self.f().emit(Op::Ret { a: base, n: nres });
        self.finish_fn(idx);
        let _ = recv_ty;
        let dst = self.f().alloc();
        let cell = self.f().alloc();
        // The closure's upvalue is a fresh cell holding the receiver (a
        // pointer receiver is itself a cell, which `Closure` would take as
        // the variable's own).
        self.f().emit(Op::NewCell { dst: cell, src: recv });
        self.f().emit(Op::Closure { dst, f: idx, cells: cell, n: 1 });
        Operand::value(dst, op.ty)
    }

    /// The address of `x` for a pointer-receiver call `x.M()`, when `x`
    /// is addressable.
    fn addr_for_method(&mut self, x: &Expr) -> Option<Reg> {
        // Not addressable is answered by the caller with Go's message for
        // method calls, not `&x`'s.
        let nd = self.diags.len();
        match self.addr_of(x) {
            Ok(p) => Some(self.to_reg(&p, tc::INVALID)),
            Err(_) => {
                self.diags.truncate(nd);
                None
            }
        }
    }

    pub(super) fn note_needs_cell(&mut self, v: super::func::VarId) {
        let info = &self.vars[v];
        let key = match info.store {
            super::vars::Store::Global(_) => (Pos::default(), info.name.clone()),
            _ => (self.fns.get(info.depth).map(|f| f.pos).unwrap_or_default(), info.name.clone()),
        };
        self.cells_needed.insert(key);
    }
}
