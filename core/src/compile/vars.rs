//! Variables: declaration, lookup through scopes and closures, load/store.

use crate::diag::Pos;
use crate::types::TypeId;
use crate::vm::op::{Op, Reg};

use super::func::{CapSrc, Capture, Local, VarId};
use super::{Compiler, Entity, VarInfo};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// Lives in this register of its function.
    Reg(Reg),
    /// Lives in a cell whose pointer is in this register.
    Cell(Reg),
    Global(u32),
    /// A global whose address is taken: the global slot holds a cell.
    GlobalCell(u32),
}

/// What a name means at a point of the program.
#[derive(Clone, Debug)]
pub enum Found {
    Local(Local),
    Pkg(Entity),
    Import(String),
    None,
}

impl Compiler<'_> {
    pub fn push_scope(&mut self) {
        let f = self.f();
        f.scopes.push(Default::default());
        f.scope_vars.push(Vec::new());
        let m = f.next.max(f.locals_top);
        f.scope_marks.push(m);
    }

    /// Closes a scope, reporting its unused variables.
    pub fn pop_scope(&mut self) {
        let f = self.f();
        f.scopes.pop();
        if let Some(m) = f.scope_marks.pop() {
            f.next = m;
            f.locals_top = m;
        }
        let vars = f.scope_vars.pop().unwrap_or_default();
        for v in vars {
            let info = &self.vars[v];
            if !info.used && info.name != "_" {
                let (pos, name) = (info.pos, info.name.clone());
                self.err(pos, format!("declared and not used: {}", name));
            }
        }
    }

    /// Declares a local variable with storage chosen by the escape pass.
    /// `reg` is the register reserved for it (for a cell: the cell pointer).
    pub fn declare_var(&mut self, name: &str, ty: TypeId, pos: Pos, reg: Reg) -> VarId {
        let cell = self.f().escapes.contains(name);
        let store = if cell {
            Store::Cell(reg)
        } else {
            Store::Reg(reg)
        };
        let id = self.vars.len();
        let depth = self.depth();
        if let Some(rec) = &mut self.rec {
            rec.decls.insert(pos, id);
            if let Some(b) = rec.bodies.last() {
                rec.var_unit.insert(id, *b);
            }
        }
        let f = self.f();
        f.locals_top = f.locals_top.max(reg as u32 + 1);
        self.vars.push(VarInfo {
            name: name.to_string(),
            ty,
            pos,
            used: false,
            mutated: false,
            store,
            depth,
        });
        if name != "_" {
            let f = self.f();
            if let Some(s) = f.scopes.last_mut() {
                s.insert(name.to_string(), Local::Var(id));
            }
            if let Some(s) = f.scope_vars.last_mut() {
                s.push(id);
            }
        }
        id
    }

    /// Initialises a just-declared variable from `src` (creates its cell).
    pub fn init_var(&mut self, v: VarId, src: Reg) {
        match self.vars[v].store {
            Store::Reg(r) => {
                if r != src {
                    self.f().emit(Op::Move { dst: r, src });
                }
            }
            Store::Cell(r) => {
                self.f().emit(Op::NewCell { dst: r, src });
            }
            Store::Global(g) => {
                self.f().emit(Op::StoreGlobal { g, src });
            }
            Store::GlobalCell(g) => {
                let t = self.f().alloc();
                self.f().emit(Op::NewCell { dst: t, src });
                self.f().emit(Op::StoreGlobal { g, src: t });
            }
        }
    }

    /// Pass one: what identifier `e` names (see stackbuf.rs).
    pub fn record_name(&mut self, e: &crate::syntax::ast::Expr, name: super::stackbuf::Name) {
        if let Some(rec) = &mut self.rec {
            rec.names.insert(super::stackbuf::addr(e), name);
        }
    }

    /// `lookup` for a name at `pos`: prelude code sees the library
    /// packages without importing them (and without marking the user's
    /// imports used).
    pub fn lookup_at(&mut self, name: &str, pos: crate::diag::Pos) -> Found {
        if super::prelude::implicit_import(name, pos) {
            let found = self.lookup_no_imports(name);
            if matches!(found, Found::None) {
                return Found::Import(name.to_string());
            }
            return found;
        }
        self.lookup(name)
    }

    fn lookup_no_imports(&mut self, name: &str) -> Found {
        for fi in (0..self.fns.len()).rev() {
            for s in self.fns[fi].scopes.iter().rev() {
                if let Some(l) = s.get(name) {
                    return Found::Local(l.clone());
                }
            }
        }
        self.before_pkg_lookup(name);
        match self.pkg.get(name) {
            Some(e) => Found::Pkg(e.clone()),
            None => Found::None,
        }
    }

    pub fn lookup(&mut self, name: &str) -> Found {
        for fi in (0..self.fns.len()).rev() {
            for s in self.fns[fi].scopes.iter().rev() {
                if let Some(l) = s.get(name) {
                    return Found::Local(l.clone());
                }
            }
        }
        self.before_pkg_lookup(name);
        if let Some(e) = self.pkg.get(name) {
            return Found::Pkg(e.clone());
        }
        if let Some(imp) = self.imports.get_mut(name) {
            imp.used = true;
            return Found::Import(name.to_string());
        }
        Found::None
    }

    /// The upvalue index of `v` in function `depth`, capturing it through
    /// every function in between.
    fn upval_index(&mut self, depth: usize, v: VarId) -> u16 {
        if let Some(i) = self.fns[depth].captures.iter().position(|c| c.var == v) {
            return i as u16;
        }
        let src = if self.vars[v].depth + 1 == depth {
            match self.vars[v].store {
                Store::Cell(r) | Store::Reg(r) => CapSrc::Cell(r),
                Store::Global(_) | Store::GlobalCell(_) => CapSrc::Cell(0),
            }
        } else {
            CapSrc::Upval(self.upval_index(depth - 1, v))
        };
        let caps = &mut self.fns[depth].captures;
        caps.push(Capture { var: v, src });
        (caps.len() - 1) as u16
    }

    /// A register holding the cell of variable `v` (which must be a cell).
    pub fn var_cell(&mut self, v: VarId) -> Reg {
        let info = &self.vars[v];
        if let Store::GlobalCell(g) = info.store {
            let t = self.f().alloc();
            self.f().emit(Op::LoadGlobal { dst: t, g });
            return t;
        }
        if info.depth == self.depth() {
            if let Store::Cell(r) = info.store {
                return r;
            }
        }
        let d = self.depth();
        let i = self.upval_index(d, v);
        let t = self.f().alloc();
        self.f().emit(Op::Upval { dst: t, i });
        t
    }

    /// The current value of `v` in a register (its own when it has one).
    pub fn read_var(&mut self, v: VarId) -> Reg {
        self.vars[v].used = true;
        self.read_var_quiet(v)
    }

    pub fn read_var_quiet(&mut self, v: VarId) -> Reg {
        match self.vars[v].store {
            Store::Global(g) => {
                let t = self.f().alloc();
                self.f().emit(Op::LoadGlobal { dst: t, g });
                t
            }
            Store::Reg(r) if self.vars[v].depth == self.depth() => r,
            Store::Cell(_) | Store::Reg(_) if self.vars[v].depth != self.depth() => {
                let d = self.depth();
                let i = self.upval_index(d, v);
                let t = self.f().alloc();
                self.f().emit(Op::LoadUpval { dst: t, i });
                t
            }
            _ => {
                let c = self.var_cell(v);
                let t = self.f().alloc();
                self.f().emit(Op::Load { dst: t, ptr: c });
                t
            }
        }
    }

    pub fn write_var(&mut self, v: VarId, src: Reg) {
        self.vars[v].mutated = true;
        if let Some(rec) = &mut self.rec {
            rec.assigned.insert(v);
        }
        match self.vars[v].store {
            Store::Global(g) => {
                self.f().emit(Op::StoreGlobal { g, src });
            }
            Store::Reg(r) if self.vars[v].depth == self.depth() => {
                if r != src {
                    self.f().emit(Op::Move { dst: r, src });
                }
            }
            Store::Cell(_) | Store::Reg(_) if self.vars[v].depth != self.depth() => {
                let d = self.depth();
                let i = self.upval_index(d, v);
                self.f().emit(Op::StoreUpval { i, src });
            }
            _ => {
                let c = self.var_cell(v);
                self.f().emit(Op::Store { ptr: c, src });
            }
        }
    }

    /// True when register `r` of the current function holds a variable
    /// (or its cell) rather than a temporary.
    pub fn is_var_reg(&self, r: Reg) -> bool {
        let d = self.depth();
        self.vars.iter().any(|info| {
            info.depth == d && matches!(info.store, Store::Reg(x) | Store::Cell(x) if x == r)
        })
    }

    pub fn is_cell(&self, v: VarId) -> bool {
        match self.vars[v].store {
            Store::Reg(_) => self.vars[v].depth != self.depth(),
            Store::Cell(_) | Store::GlobalCell(_) => true,
            Store::Global(_) => false,
        }
    }
}
