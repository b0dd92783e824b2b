//! Package-level declarations, initialisation order and `runtime.main`.

use std::collections::{HashMap, HashSet};

use crate::diag::Pos;
use crate::syntax::ast::{self, Decl, ExprKind, UnOp};
use crate::types::consts as tc;
use crate::vm::op::Op;

use super::escape::{root_ident, walk_block, walk_expr};
use super::func::FnState;
use super::vars::Store;
use super::{prelude, Compiler, Entity, Import, VarInfo};

/// A package-level `var` spec, initialised as a unit.
struct GlobalSpec<'a> {
    spec: &'a ast::VarSpec,
    vars: Vec<usize>,
}

impl<'a> Compiler<'a> {
    pub(super) fn run(&mut self) -> u32 {
        let file = self.file;
        let entry = self.reserve_func();
        self.fns
            .push(FnState::new("runtime.main".into(), Pos::new(1, 1)));
        if file.package.name != "main" {
            self.unsupported(file.package.pos, "packages other than main");
        }
        self.collect_imports();
        // Variables first: a constant expression may need one's type
        // (`type buf [len(arr)]byte`); their types come once types exist.
        let globals = self.collect_globals();
        self.collect_types_and_consts();
        let funcs = self.collect_funcs();
        let methods = self.collect_methods();
        self.type_globals();
        self.init_globals(&globals);
        let mut inits = Vec::new();
        let mut main = None;
        for (fd, idx, ty) in &funcs {
            if fd.body.is_some() {
                self.func_decls.insert(*idx, (*fd, *ty));
            }
        }
        for (fd, idx, ty) in &funcs {
            self.inline_chain = vec![*idx];
            if fd.name.name == "init" {
                inits.push(*idx);
            } else if fd.name.name == "main" {
                main = Some(*idx);
            }
            let Some(body) = &fd.body else { continue };
            let name = if fd.name.name == "init" {
                format!("main.init.{}", inits.len() - 1)
            } else {
                prelude::go_name(&fd.name.name).unwrap_or_else(|| format!("main.{}", fd.name.name))
            };
            self.compile_body(*idx, name, fd.pos, false, &fd.sig, *ty, body);
        }
        self.compile_methods(&methods);
        let f = self.f();
        f.line = 0;
        for i in inits {
            let a = f.next as u16;
            f.emit(Op::Call { f: i, a });
        }
        match main {
            Some(m) => {
                let a = self.f().next as u16;
                self.f().reserve(a as u32 + 1);
                self.f().emit(Op::Call { f: m, a });
            }
            None => {
                if file.package.name == "main" {
                    self.err(
                        Pos::new(0, 0),
                        "function main is undeclared in the main package",
                    );
                }
            }
        }
        self.f().emit(Op::Ret { a: 0, n: 0 });
        self.build_itabs();
        self.report_unused_imports();
        self.finish_fn(entry);
        entry
    }

    fn collect_imports(&mut self) {
        for imp in &self.file.imports {
            if imp.path == "C" {
                self.unsupported(imp.pos, "cgo");
                continue;
            }
            // A major-version suffix is not the package name
            // (`math/rand/v2` is package rand).
            let mut parts = imp.path.rsplit('/');
            let last = parts.next().unwrap_or(&imp.path);
            let versioned = last.len() > 1 && last.starts_with('v') && last[1..].bytes().all(|b| b.is_ascii_digit());
            let base = match parts.next() {
                Some(prev) if versioned => prev.to_string(),
                _ => last.to_string(),
            };
            let supported = super::lib::SUPPORTED.contains(&imp.path.as_str());
            let name = match &imp.alias {
                Some(a) if a.name == "." => {
                    self.unsupported(a.pos, "dot imports");
                    continue;
                }
                // Imported for its side effects, which chanscope does not
                // have (and the path may not exist): refuse what it lacks.
                Some(a) if a.name == "_" => {
                    if !supported {
                        self.err(imp.pos, format!("\"{}\" is not supported by chanscope yet", imp.path));
                    }
                    continue;
                }
                Some(a) => a.name.clone(),
                None => base,
            };
            if self.imports.contains_key(&name) {
                self.err(imp.pos, format!("{} redeclared in this block", name));
                continue;
            }
            self.imports.insert(
                name,
                Import {
                    path: imp.path.clone(),
                    pos: imp.pos,
                    used: false,
                    supported,
                },
            );
        }
    }

    fn report_unused_imports(&mut self) {
        let mut unused: Vec<(Pos, String, String, bool)> = self
            .imports
            .iter()
            .filter(|(_, i)| !i.used || !i.supported)
            .map(|(n, i)| (i.pos, n.clone(), i.path.clone(), i.used))
            .collect();
        unused.sort();
        for (pos, name, path, used) in unused {
            if used {
                self.err(
                    pos,
                    format!("\"{}\" is not supported by chanscope yet", path),
                );
                continue;
            }
            let base = path.rsplit('/').next().unwrap_or(&path).to_string();
            if name == base {
                self.err(pos, format!("\"{}\" imported and not used", path));
            } else {
                self.err(
                    pos,
                    format!("\"{}\" imported as {} and not used", path, name),
                );
            }
        }
    }

    /// Whether the name was declared (not `_`, not a redeclaration).
    pub(super) fn declare_pkg(&mut self, name: &ast::Ident, e: Entity) -> bool {
        if name.name == "_" {
            return false;
        }
        if self.imports.contains_key(&name.name) {
            self.err(name.pos, format!("{} redeclared in this block", name.name));
            return false;
        }
        if let Some(&first) = self.pkg_pos.get(&name.name) {
            // Names are declared kind by kind; Go reports the one that
            // comes later in the source.
            let at = first.max(name.pos);
            self.err(at, format!("{} redeclared in this block", name.name));
            return false;
        }
        self.pkg_pos.insert(name.name.clone(), name.pos);
        self.pkg.insert(name.name.clone(), e);
        true
    }

    /// Evaluates a package constant on first use.
    pub(super) fn lazy_const(&mut self, name: &str, pos: Pos) -> super::operand::Operand {
        use super::operand::Operand;
        let Some(Entity::LazyConst { decl, spec, .. }) = self.pkg.get(name).cloned() else {
            return match self.pkg.get(name) {
                Some(Entity::Const(v, t)) => Operand::konst(v.clone(), *t),
                _ => Operand::invalid(),
            };
        };
        if self.const_stack.iter().any(|n| n == name) {
            self.err(
                pos,
                format!(
                    "initialization cycle or invalid recursive reference to {}",
                    name
                ),
            );
            return Operand::invalid();
        }
        let file = self.file;
        let Decl::Const(specs) = &file.decls[decl] else {
            return Operand::invalid();
        };
        let sp = &specs[spec];
        self.const_stack.push(name.to_string());
        // Package constants see only package scope.
        let saved = std::mem::take(&mut self.fns);
        self.fns.push(FnState::new(String::new(), Pos::default()));
        self.pending_types.const_depth += 1;
        let vals = self.const_spec_values(sp);
        self.pending_types.const_depth -= 1;
        self.fns = saved;
        self.const_stack.pop();
        for (i, id) in sp.names.iter().enumerate() {
            if let Some((v, t)) = vals.get(i) {
                if id.name != "_" {
                    self.pkg
                        .insert(id.name.clone(), Entity::Const(v.clone(), *t));
                }
            }
        }
        match self.pkg.get(name) {
            Some(Entity::Const(v, t)) => Operand::konst(v.clone(), *t),
            _ => Operand::invalid(),
        }
    }

    fn collect_funcs(&mut self) -> Vec<(&'a ast::FuncDecl, u32, crate::types::TypeId)> {
        let file = self.file;
        let mut out = Vec::new();
        for d in &file.decls {
            let Decl::Func(fd) = d else { continue };
            if fd.recv.is_some() {
                continue;
            }
            if !fd.type_params.is_empty() {
                self.unsupported(fd.name.pos, "generics");
                continue;
            }
            if fd.body.is_none() {
                self.err(fd.name.pos, "missing function body");
                continue;
            }
            let ty = self.resolve_sig(&fd.sig);
            let idx = self.reserve_func();
            if let Some(rec) = &mut self.rec {
                rec.funcs.insert(super::stackbuf::addr(fd), idx);
            }
            if fd.name.name == "main" || fd.name.name == "init" {
                if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                    self.err(
                        fd.name.pos,
                        format!(
                            "func {} must have no arguments and no return values",
                            fd.name.name
                        ),
                    );
                }
            }
            if fd.name.name != "init" {
                self.declare_pkg(&fd.name, Entity::Func { f: idx, ty });
            }
            out.push((fd, idx, ty));
        }
        out
    }

    fn collect_globals(&mut self) -> Vec<GlobalSpec<'a>> {
        let file = self.file;
        let addressed = self.addressed_names();
        let mut out = Vec::new();
        for d in &file.decls {
            let Decl::Var(specs) = d else { continue };
            for sp in specs {
                let ty = tc::INVALID;
                let mut vars = Vec::new();
                for id in &sp.names {
                    let g = self.globals.len() as u32;
                    let needed = self.cells_needed.contains(&(Pos::default(), id.name.clone()));
                    let store = if addressed.contains(&id.name) || needed {
                        Store::GlobalCell(g)
                    } else {
                        Store::Global(g)
                    };
                    let v = self.vars.len();
                    self.vars.push(VarInfo {
                        name: id.name.clone(),
                        ty,
                        pos: id.pos,
                        used: true,
                        // Package variables are never captured; say so.
                        mutated: true,
                        store,
                        depth: 0,
                    });
                    self.globals.push(v);
                    self.declare_pkg(id, Entity::Var { g });
                    vars.push(v);
                }
                self.pending_vars.add(sp, &vars);
                out.push(GlobalSpec { spec: sp, vars });
            }
        }
        out
    }

    /// Names whose address is taken anywhere in the file.
    fn addressed_names(&self) -> HashSet<String> {
        let mut out = HashSet::new();
        let mut visit = |e: &ast::Expr| {
            if let ExprKind::Unary(UnOp::Addr, x) = &e.kind {
                if let Some(n) = root_ident(x) {
                    out.insert(n.to_string());
                }
            }
            true
        };
        for d in &self.file.decls {
            match d {
                Decl::Func(fd) => {
                    if let Some(b) = &fd.body {
                        walk_block(b, &mut visit);
                    }
                }
                Decl::Var(specs) => {
                    for sp in specs {
                        sp.values.iter().for_each(|e| walk_expr(e, &mut visit));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Go's order: repeatedly the earliest variable whose dependencies are
    /// all initialised.
    fn init_globals(&mut self, specs: &[GlobalSpec<'a>]) {
        let file = self.file;
        let mut func_refs: HashMap<String, HashSet<String>> = HashMap::new();
        for d in &file.decls {
            if let Decl::Func(fd) = d {
                if let Some(b) = &fd.body {
                    let mut s = HashSet::new();
                    super::escape::idents_in_block(b, &mut s);
                    func_refs.insert(fd.name.name.clone(), s);
                }
            }
        }
        let var_names: HashSet<String> = specs
            .iter()
            .flat_map(|s| s.spec.names.iter().map(|n| n.name.clone()))
            .collect();
        let deps: Vec<HashSet<String>> = specs
            .iter()
            .map(|s| {
                let mut direct = HashSet::new();
                for e in &s.spec.values {
                    walk_expr(e, &mut |x| {
                        if let ExprKind::Ident(n) = &x.kind {
                            direct.insert(n.clone());
                        }
                        if let ExprKind::FuncLit { body, .. } = &x.kind {
                            super::escape::idents_in_block(body, &mut direct);
                        }
                        true
                    });
                }
                // Close over the functions it calls.
                let mut seen = HashSet::new();
                let mut stack: Vec<String> = direct.iter().cloned().collect();
                let mut vars = HashSet::new();
                while let Some(n) = stack.pop() {
                    if !seen.insert(n.clone()) {
                        continue;
                    }
                    if var_names.contains(&n) {
                        vars.insert(n.clone());
                    }
                    if let Some(refs) = func_refs.get(&n) {
                        stack.extend(refs.iter().cloned());
                    }
                }
                for n in &s.spec.names {
                    vars.remove(&n.name);
                }
                vars
            })
            .collect();
        let mut done: HashSet<String> = HashSet::new();
        let mut emitted = vec![false; specs.len()];
        // Variables without initialiser have no dependencies.
        for (i, s) in specs.iter().enumerate() {
            if s.spec.values.is_empty() {
                self.init_global(s);
                emitted[i] = true;
                done.extend(s.spec.names.iter().map(|n| n.name.clone()));
            }
        }
        loop {
            let next =
                (0..specs.len()).find(|&i| !emitted[i] && deps[i].iter().all(|d| done.contains(d)));
            let i = match next {
                Some(i) => i,
                None => {
                    match (0..specs.len()).find(|&i| !emitted[i]) {
                        Some(i) => {
                            let id = &specs[i].spec.names[0];
                            self.err(id.pos, format!("initialization cycle or invalid recursive reference involving {}", id.name));
                            i
                        }
                        None => break,
                    }
                }
            };
            self.init_global(&specs[i]);
            emitted[i] = true;
            done.extend(specs[i].spec.names.iter().map(|n| n.name.clone()));
        }
    }

    fn init_global(&mut self, g: &GlobalSpec<'a>) {
        let sp = g.spec;
        self.set_line(sp.pos);
        let mark = self.f().next;
        let ty = sp.ty.as_ref().map(|_| self.vars[g.vars[0]].ty);
        if sp.values.is_empty() {
            for v in &g.vars {
                let r = self.f().alloc();
                let t = self.vars[*v].ty;
                self.emit_zero(t, r);
                self.init_var(*v, r);
            }
            self.f().next = mark;
            return;
        }
        let ops = self.rhs_values(
            sp.names.len(),
            &sp.values,
            sp.pos,
            "variable declaration",
            true,
        );
        for (i, v) in g.vars.iter().enumerate() {
            let Some((op, e)) = ops.get(i).cloned() else {
                continue;
            };
            let vty = match ty {
                Some(t) => {
                    if let Some(e) = &e {
                        self.check_assign(&op, t, e, "variable declaration");
                    }
                    t
                }
                None => {
                    let id = sp.names[i].clone();
                    self.infer_var_type(&op, e.as_ref(), &id)
                }
            };
            self.vars[*v].ty = vty;
            let r = self.to_reg(&op, vty);
            self.init_var(*v, r);
        }
        self.f().next = mark;
    }
}
