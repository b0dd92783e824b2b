//! Method declarations `func (r T) M(...)`, and the method tables the
//! runtime dispatches interface calls through.

use std::collections::{HashMap, HashSet};

use crate::diag::Pos;
use crate::syntax::ast::{self, Decl, TypeExpr};
use crate::types::{MethodRef, Signature, Type, TypeId};

use super::methods::Member;
use super::{Compiler, Entity};

/// A method to compile: its declaration, function slot and full type
/// (receiver first).
pub(super) struct MethodDecl<'a> {
    pub fd: &'a ast::FuncDecl,
    pub idx: u32,
    pub ty: TypeId,
    pub name: String,
}

impl<'a> Compiler<'a> {
    /// Registers every method on its receiver's type.
    pub(super) fn collect_methods(&mut self) -> Vec<MethodDecl<'a>> {
        let file = self.file;
        let mut out = Vec::new();
        let mut declared: HashMap<(TypeId, String), Pos> = HashMap::new();
        for d in &file.decls {
            let Decl::Func(fd) = d else { continue };
            let Some(recv) = &fd.recv else { continue };
            if !fd.type_params.is_empty() {
                self.unsupported(fd.name.pos, "generics");
                continue;
            }
            let Some((t, ptr)) = self.receiver_base(&recv.ty) else { continue };
            let sig = self.resolve_sig(&fd.sig);
            if fd.body.is_none() {
                self.err(fd.name.pos, "missing function body");
                continue;
            }
            let tn = match self.types.get(t) {
                Type::Named { name, .. } => name.clone(),
                _ => String::new(),
            };
            if fd.name.name != "_" {
                if let Some(p) = declared.get(&(t, fd.name.name.clone())) {
                    self.err(
                        fd.name.pos,
                        format!("method {}.{} already declared at {}:{}", tn, fd.name.name, p.line, p.col),
                    );
                    continue;
                }
                declared.insert((t, fd.name.name.clone()), fd.name.pos);
                if let Type::Struct(fs) = self.types.under(t) {
                    if fs.iter().any(|f| f.name == fd.name.name) {
                        self.err(fd.name.pos, format!("field and method with the same name {}", fd.name.name));
                        continue;
                    }
                }
            }
            let Some(s) = self.sig(sig) else { continue };
            let rt = if ptr { self.types.intern(Type::Pointer(t)) } else { t };
            let mut params = vec![rt];
            params.extend(s.params.iter().copied());
            let full = self.types.intern(Type::Func(Signature { params, results: s.results.clone(), variadic: s.variadic }));
            let idx = self.reserve_func();
            if let Some(rec) = &mut self.rec {
                rec.funcs.insert(super::stackbuf::addr(fd), idx);
            }
            if fd.name.name != "_" {
                self.types.add_method(t, MethodRef { name: fd.name.name.clone(), func: idx, ptr_recv: ptr, sig });
            }
            let pkg = match self.types.get(t) {
                Type::Named { pkg, .. } => pkg.clone(),
                _ => "main".into(),
            };
            let name = if ptr {
                format!("{}.(*{}).{}", pkg, tn, fd.name.name)
            } else {
                format!("{}.{}.{}", pkg, tn, fd.name.name)
            };
            out.push(MethodDecl { fd, idx, ty: full, name });
        }
        out
    }

    /// The named type of a receiver `T` or `*T`, and whether it is a
    /// pointer receiver.
    fn receiver_base(&mut self, t: &TypeExpr) -> Option<(TypeId, bool)> {
        let (inner, ptr) = match t {
            TypeExpr::Pointer(e, _) => (&**e, true),
            other => (other, false),
        };
        let id = match inner {
            TypeExpr::Name(id) => id,
            TypeExpr::Generic(_, _, p) => {
                self.unsupported(*p, "generics");
                return None;
            }
            TypeExpr::Qualified(pkg, id) => {
                self.err(pkg.pos, format!("cannot define new methods on non-local type {}.{}", pkg.name, id.name));
                return None;
            }
            _ => {
                let ty = self.resolve_type(t);
                let n = self.tname(ty);
                self.err(inner.pos(), format!("invalid receiver type {}", n));
                return None;
            }
        };
        match self.pkg.get(&id.name).cloned() {
            // An invalid (recursive) type, reported where it is declared.
            Some(Entity::Type(crate::types::consts::INVALID)) => None,
            Some(Entity::Type(ty)) => {
                let local = match self.types.get(ty) {
                    Type::Named { pkg, name, .. } => pkg == "main" || id.name == format!("{}{}{}", pkg, super::prelude::SEP, name),
                    _ => false,
                };
                if !local {
                    // An alias of a non-local type.
                    let n = self.tname(ty);
                    self.err(id.pos, format!("cannot define new methods on non-local type {}", n));
                    return None;
                }
                match self.types.under(ty) {
                    Type::Pointer(_) | Type::Interface(_) => {
                        let what = if matches!(self.types.under(ty), Type::Pointer(_)) { "pointer" } else { "interface" };
                        self.err(id.pos, format!("invalid receiver type {} ({} or interface type)", id.name, what));
                        None
                    }
                    _ => Some((ty, ptr)),
                }
            }
            Some(_) => {
                self.err(id.pos, format!("{} is not a type", id.name));
                None
            }
            None => {
                if super::typexpr::universe_type(&id.name).is_some() {
                    self.err(id.pos, format!("cannot define new methods on non-local type {}", id.name));
                } else {
                    self.err(id.pos, format!("undefined: {}", id.name));
                }
                None
            }
        }
    }

    /// Compiles the methods' bodies (receiver as the first parameter).
    pub(super) fn compile_methods(&mut self, ms: &[MethodDecl<'a>]) {
        for m in ms {
            let Some(body) = &m.fd.body else { continue };
            let Some(recv) = &m.fd.recv else { continue };
            let mut sig = m.fd.sig.clone();
            sig.params.insert(0, recv.clone());
            self.inline_chain = vec![m.idx];
            self.compile_body(m.idx, m.name.clone(), m.fd.pos, false, &sig, m.ty, body);
        }
    }

    /// Fills the method tables for every type that can be the dynamic
    /// type of an interface value. Runs after all code is emitted: the
    /// wrappers it makes are new functions.
    pub(super) fn build_itabs(&mut self) {
        let mut done: HashSet<TypeId> = HashSet::new();
        for _ in 0..8 {
            let n = self.types.len() as TypeId;
            for t in 0..n {
                if !done.insert(t) || !self.may_have_methods(t) {
                    continue;
                }
                for name in self.method_set_names(t) {
                    if let Ok(Member::Method { path, holder, kind }) = self.lookup_member(t, &name) {
                        if self.needs_addr(t, &path, holder, &kind, &name) {
                            continue;
                        }
                        let Some((sig, _)) = self.method_sig(t, &name) else { continue };
                        let sig = self.types.intern(Type::Func(sig));
                        if let Some(f) = self.method_wrapper(t, &name) {
                            let mid = self.method_id_sig(&name, sig);
                            self.itab.insert((t, mid), f);
                        }
                    }
                }
            }
            if self.types.len() as TypeId == n {
                break;
            }
        }
    }

    fn may_have_methods(&self, t: TypeId) -> bool {
        let base = match self.types.get(t) {
            Type::Pointer(b) => *b,
            _ => t,
        };
        if self.types.is_interface(base) {
            return false;
        }
        match self.types.get(base) {
            Type::Named { .. } => true,
            Type::Struct(fs) => fs.iter().any(|f| f.embedded),
            _ => false,
        }
    }

    /// Every method name reachable from `t` (own, promoted, library).
    fn method_set_names(&self, t: TypeId) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut stack = vec![(t, 0u32)];
        let mut seen = HashSet::new();
        while let Some((ty, depth)) = stack.pop() {
            if depth > 16 || !seen.insert(ty) {
                continue;
            }
            let base = match self.types.get(ty) {
                Type::Pointer(b) => *b,
                _ => ty,
            };
            if let Type::Named { methods, pkg, .. } = self.types.get(base) {
                out.extend(methods.iter().map(|m| m.name.clone()));
                if pkg != "main" {
                    let n = self.types.name(base);
                    out.extend(super::lib::lib_methods_of(&n).iter().map(|s| s.to_string()));
                    out.extend(super::lib::lib_methods_of(&format!("*{}", n)).iter().map(|s| s.to_string()));
                }
            }
            match self.types.under(base) {
                Type::Interface(ms) if depth > 0 => out.extend(ms.iter().map(|m| m.name.clone())),
                Type::Struct(fs) => {
                    for f in fs {
                        if f.embedded {
                            stack.push((f.ty, depth + 1));
                        }
                    }
                }
                _ => {}
            }
        }
        out.sort();
        out.dedup();
        out
    }
}
