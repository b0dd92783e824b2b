//! Package-level type and constant declarations.
//!
//! Go resolves package-level names in any order: `type grid [N]int` may
//! come before `const N = 4`, and `const N = len(B{})` may use a type
//! declared further down. So every type and constant name is declared
//! first (in source order, which decides where a redeclaration is
//! reported), then the types are resolved in source order, resolving a
//! type out of order when it is needed before its turn: an alias as soon
//! as it is named, a defined type when a constant expression needs its
//! underlying type. Constants stay lazy (`Compiler::lazy_const`).

use std::collections::HashMap;

use crate::syntax::ast::{self, Decl, ExprKind, TypeExpr};
use crate::types::{consts as tc, Type, TypeId};

use super::func::VarId;
use super::{prelude, Compiler, Entity};

#[derive(Clone, Copy, PartialEq)]
enum State {
    Todo,
    Resolving,
    Done,
}

/// A package-level type declaration not yet (or being) resolved.
pub(super) struct PendingType<'a> {
    spec: &'a ast::TypeSpec,
    /// The defined type; `None` for an alias.
    named: Option<TypeId>,
    state: State,
}

/// The type declarations of the package while they are resolved.
#[derive(Default)]
pub(super) struct PendingTypes<'a> {
    list: Vec<PendingType<'a>>,
    /// Declared (not redeclared, not `_`) names to their index in `list`.
    by_name: HashMap<String, usize>,
    /// Indices being resolved, innermost last (cycle reports).
    stack: Vec<usize>,
    /// Nesting of constant expressions (array lengths, package constants)
    /// inside the type declaration being resolved.
    pub(super) const_depth: u32,
}

impl<'a> Compiler<'a> {
    /// Declares every package type and constant, then resolves the types.
    pub(super) fn collect_types_and_consts(&mut self) {
        let file = self.file;
        for (di, d) in file.decls.iter().enumerate() {
            match d {
                Decl::Type(specs) => specs.iter().for_each(|sp| self.declare_type(sp)),
                Decl::Const(specs) => {
                    for (si, sp) in specs.iter().enumerate() {
                        for id in &sp.names {
                            self.declare_pkg(id, Entity::LazyConst { decl: di, spec: si });
                        }
                    }
                }
                _ => {}
            }
        }
        self.reject_invalid_recursion();
        for i in 0..self.pending_types.list.len() {
            self.resolve_pending_type(i);
        }
        // Sizes are known only now that every declared type is complete.
        let named: Vec<_> = (self.pending_types.list.iter())
            .filter_map(|p| p.named.map(|t| (t, p.spec.name.pos)))
            .collect();
        self.pending_types = PendingTypes::default();
        for (t, pos) in named {
            self.check_type_size(t, pos);
        }
        for d in &file.decls {
            let Decl::Const(specs) = d else { continue };
            for id in specs.iter().flat_map(|sp| &sp.names) {
                if let Some(Entity::LazyConst { .. }) = self.pkg.get(&id.name) {
                    self.lazy_const(&id.name, id.pos);
                }
            }
        }
    }

    fn declare_type(&mut self, sp: &'a ast::TypeSpec) {
        if !sp.type_params.is_empty() {
            self.unsupported(sp.pos, "generics");
            return;
        }
        let named = (!sp.alias).then(|| match sp.name.name.split_once(prelude::SEP) {
            Some((pkg, name)) => self.types.push_named(pkg, name, tc::INVALID),
            None => self.types.push_named("main", &sp.name.name, tc::INVALID),
        });
        // An alias stands for INVALID until it is resolved, which happens
        // before any lookup of its name can see it (`before_pkg_lookup`).
        let declared = self.declare_pkg(&sp.name, Entity::Type(named.unwrap_or(tc::INVALID)));
        let pending = &mut self.pending_types;
        if declared && sp.name.name != "_" {
            pending
                .by_name
                .insert(sp.name.name.clone(), pending.list.len());
        }
        pending.list.push(PendingType {
            spec: sp,
            named,
            state: State::Todo,
        });
    }

    /// Called by name lookups that reach package scope: resolves the type
    /// `name` first if it must be complete to be used.
    pub(super) fn before_pkg_lookup(&mut self, name: &str) {
        if !self.pending_vars.by_name.is_empty() && self.in_const_expr() {
            if let Some(&i) = self.pending_vars.by_name.get(name) {
                self.type_global(i, true);
            }
        }
        if self.pending_types.by_name.is_empty() {
            return;
        }
        let Some(&i) = self.pending_types.by_name.get(name) else {
            return;
        };
        let p = &self.pending_types.list[i];
        // A defined type can be referred to while incomplete (`*T` in its
        // own fields); a constant expression needs its underlying type.
        if p.named.is_none() || self.in_const_expr() {
            self.resolve_pending_type(i);
        }
    }

    fn in_const_expr(&self) -> bool {
        self.pending_types.const_depth > 0
    }

    fn resolve_pending_type(&mut self, i: usize) {
        let p = &self.pending_types.list[i];
        let (sp, named) = (p.spec, p.named);
        match p.state {
            State::Done => return,
            State::Resolving => {
                // A defined type may be named inside its own declaration
                // (`*T`), but not needed by a constant there, and an alias
                // may not be named inside its own at all.
                if named.is_none() || self.in_const_expr() {
                    let at = self.pending_types.stack.iter().position(|&j| j == i);
                    let cycle = self.pending_types.stack[at.unwrap_or(0)..].to_vec();
                    self.report_type_cycle(&cycle);
                }
                return;
            }
            State::Todo => {}
        }
        self.pending_types.list[i].state = State::Resolving;
        self.pending_types.stack.push(i);
        // Constant expressions of the declaration that needed this one
        // do not make its own names constant expressions.
        let outer = std::mem::take(&mut self.pending_types.const_depth);
        let u = self.resolve_type(&sp.ty);
        self.pending_types.const_depth = outer;
        self.pending_types.stack.pop();
        if self.pending_types.list[i].state == State::Resolving {
            self.pending_types.list[i].state = State::Done;
            match named {
                Some(t) => {
                    let u = self.types.underlying(u);
                    if u != t {
                        self.types.set_underlying(t, u);
                    }
                }
                None if self.pending_types.by_name.get(&sp.name.name) == Some(&i) => {
                    self.pkg.insert(sp.name.name.clone(), Entity::Type(u));
                }
                None => {}
            }
        }
    }

    /// Go's "invalid recursive type": a type that contains itself through
    /// array elements and struct fields (not through a pointer, slice, map,
    /// channel, function or interface) would have infinite size. Found on
    /// the declarations' syntax before any is resolved; the types of a
    /// cycle are left invalid.
    fn reject_invalid_recursion(&mut self) {
        let n = self.pending_types.list.len();
        let edges: Vec<Vec<usize>> = (self.pending_types.list.iter())
            .map(|p| {
                let mut out = Vec::new();
                direct_names(&p.spec.ty, &mut |name| {
                    if let Some(&j) = self.pending_types.by_name.get(name) {
                        out.push(j);
                    }
                });
                out
            })
            .collect();
        // Iterative depth-first search: 0 unvisited, 1 on the path, 2 done.
        let mut color = vec![0u8; n];
        for root in 0..n {
            if color[root] != 0 {
                continue;
            }
            let mut path: Vec<(usize, usize)> = vec![(root, 0)];
            color[root] = 1;
            while let Some(top) = path.last_mut() {
                let v = top.0;
                let Some(&w) = edges[v].get(top.1) else {
                    color[v] = 2;
                    path.pop();
                    continue;
                };
                top.1 += 1;
                match color[w] {
                    0 => {
                        color[w] = 1;
                        path.push((w, 0));
                    }
                    1 => {
                        let at = path.iter().position(|&(u, _)| u == w).unwrap_or(0);
                        let cycle: Vec<usize> = path[at..].iter().map(|&(u, _)| u).collect();
                        self.report_type_cycle(&cycle);
                    }
                    _ => {}
                }
            }
        }
    }

    /// Reports a cycle of type declarations where Go does: at the defined
    /// type declared first (aliases only stand for their types, so they
    /// count only in a cycle of aliases). Its members become invalid.
    fn report_type_cycle(&mut self, cycle: &[usize]) {
        let list = &self.pending_types.list;
        let defined: Vec<usize> = cycle
            .iter()
            .copied()
            .filter(|&j| list[j].named.is_some())
            .collect();
        let members = if defined.is_empty() {
            cycle
        } else {
            &defined[..]
        };
        let Some(&first) = members.iter().min() else {
            return;
        };
        let sp = list[first].spec;
        let msg = if members.len() == 1 {
            format!("invalid recursive type: {} refers to itself", sp.name.name)
        } else {
            format!("invalid recursive type {}", sp.name.name)
        };
        self.err(sp.name.pos, msg);
        // Uses of the names see the invalid type, and stay quiet as Go does.
        for &j in cycle {
            let p = &mut self.pending_types.list[j];
            p.state = State::Done;
            if self.pending_types.by_name.get(&p.spec.name.name) == Some(&j) {
                self.pkg
                    .insert(p.spec.name.name.clone(), Entity::Type(tc::INVALID));
            }
        }
    }
}

/// The type names a type expression contains directly: those whose values
/// are stored inline in its values.
pub(super) fn direct_names(t: &TypeExpr, out: &mut impl FnMut(&str)) {
    match t {
        TypeExpr::Name(id) => out(&id.name),
        TypeExpr::Array(_, e, _) => direct_names(e, out),
        TypeExpr::Struct(fields, _) => fields.iter().for_each(|f| direct_names(&f.ty, out)),
        _ => {}
    }
}

/// Package variable specs whose types are resolved after the package's
/// types, or earlier when a constant expression needs one (`len(arr)`).
#[derive(Default)]
pub(super) struct PendingVars<'a> {
    list: Vec<(&'a ast::VarSpec, Vec<VarId>, State)>,
    by_name: HashMap<String, usize>,
}

impl<'a> PendingVars<'a> {
    pub(super) fn add(&mut self, spec: &'a ast::VarSpec, vars: &[VarId]) {
        for id in &spec.names {
            if id.name != "_" {
                self.by_name
                    .entry(id.name.clone())
                    .or_insert(self.list.len());
            }
        }
        self.list.push((spec, vars.to_vec(), State::Todo));
    }
}

impl<'a> Compiler<'a> {
    /// Resolves the declared types of the package variables left.
    pub(super) fn type_globals(&mut self) {
        for i in 0..self.pending_vars.list.len() {
            self.type_global(i, false);
        }
        self.pending_vars = PendingVars::default();
    }

    /// The type of variable spec `i` from its declaration; `needed` when a
    /// constant expression uses the variable before its turn, which then
    /// needs a type even without a declared one.
    fn type_global(&mut self, i: usize, needed: bool) {
        let (sp, vars, state) = self.pending_vars.list[i].clone();
        match state {
            State::Done => return,
            State::Resolving => {
                let id = &sp.names[0];
                let msg = format!("initialization cycle: {} refers to itself", id.name);
                self.err(id.pos, msg);
                return;
            }
            State::Todo => {}
        }
        let ty = match (&sp.ty, needed) {
            (Some(_), _) | (None, true) => {
                self.pending_vars.list[i].2 = State::Resolving;
                // Its own constant expressions are not the user's.
                let outer = std::mem::take(&mut self.pending_types.const_depth);
                let ty = match &sp.ty {
                    Some(t) => self.resolve_type(t),
                    None => self.literal_type(sp),
                };
                self.pending_types.const_depth = outer;
                ty
            }
            (None, false) => return,
        };
        self.pending_vars.list[i].2 = State::Done;
        for v in vars {
            self.vars[v].ty = ty;
        }
    }

    /// The type of an undeclared-type variable a constant expression
    /// needs: only a typed composite literal's (`var arr = [...]int{1, 2}`)
    /// is known without compiling its initialiser.
    fn literal_type(&mut self, sp: &ast::VarSpec) -> TypeId {
        let lit = match sp.values.as_slice() {
            [v] if sp.names.len() == 1 => super::expr::strip_parens(v),
            _ => {
                self.unsupported(
                    sp.names[0].pos,
                    "this package variable in a constant expression (declare its type)",
                );
                return tc::INVALID;
            }
        };
        let ExprKind::Composite { ty: Some(t), elems } = &lit.kind else {
            self.unsupported(
                sp.names[0].pos,
                "this package variable in a constant expression (declare its type)",
            );
            return tc::INVALID;
        };
        match &**t {
            // `[...]T{a, b}`: as many elements as written (keys aside).
            TypeExpr::Array(None, e, _) if elems.iter().all(|el| el.key.is_none()) => {
                let e = self.resolve_type(e);
                self.types.intern(Type::Array(elems.len() as u64, e))
            }
            TypeExpr::Array(None, ..) => {
                self.unsupported(
                    sp.names[0].pos,
                    "this package variable in a constant expression (declare its type)",
                );
                tc::INVALID
            }
            t => self.resolve_type(t),
        }
    }
}
