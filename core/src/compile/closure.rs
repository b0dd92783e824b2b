//! Function bodies and function literals (closures).

use crate::diag::Pos;
use crate::syntax::ast::{Block, Expr, FuncType};
use crate::types::{consts as tc, TypeId};
use crate::vm::op::{Op, Reg, NO_REG};

use super::func::{CapSrc, FnState, StoreFlag};
use super::operand::Operand;
use super::Compiler;

impl Compiler<'_> {
    /// Compiles a function body into slot `idx`; returns its captures.
    pub fn compile_body(
        &mut self,
        idx: u32,
        name: String,
        pos: Pos,
        closure: bool,
        sig: &FuncType,
        ty: TypeId,
        body: &Block,
    ) -> Vec<super::func::Capture> {
        let s = self.sig(ty).unwrap_or(crate::types::Signature {
            params: vec![],
            results: vec![],
            variadic: false,
        });
        let clone = self.pending_clone.take();
        let mut st = FnState::new(name, pos);
        st.closure = closure;
        st.escapes = super::escape::escapes(body);
        for (p, n) in &self.cells_needed {
            if *p == pos {
                st.escapes.insert(n.clone());
            }
        }
        st.nparams = s.params.len() as u16 + clone.is_some() as u16;
        st.nresults = s.results.len() as u16;
        st.results = s.results.clone();
        self.fns.push(st);
        if let Some(rec) = &mut self.rec {
            rec.bodies.push(super::stackbuf::addr(body));
        }
        let np = s.params.len() as u32;
        self.f().alloc_n(np);
        // An inlined clone gets its caller's flags after the parameters.
        let ctx = clone.map(|base| (self.f().alloc(), base));
        for (i, p) in sig.params.iter().enumerate() {
            let Some(id) = &p.name else { continue };
            let ty = s.params.get(i).copied().unwrap_or(tc::INVALID);
            self.declare_param(&id.name, ty, id.pos, i as Reg);
        }
        let mut named = Vec::new();
        for (i, p) in sig.results.iter().enumerate() {
            let Some(id) = &p.name else { continue };
            let ty = s.results.get(i).copied().unwrap_or(tc::INVALID);
            let r = self.f().alloc();
            self.emit_zero(ty, r);
            let v = if self.f().escapes.contains(&id.name) {
                let c = self.f().alloc();
                let v = self.declare_var(&id.name, ty, id.pos, c);
                self.init_var(v, r);
                v
            } else {
                self.declare_var(&id.name, ty, id.pos, r)
            };
            self.vars[v].used = true;
            named.push(v);
        }
        self.f().named_results = named;
        self.alloc_stack_stores(body, ctx);
        self.block_stmts(&body.stmts);
        self.set_line(body.end);
        if !s.results.is_empty() && !super::stmt::terminating_list(&body.stmts) {
            self.err(body.end, "missing return");
        }
        self.emit_recover_epilogue(&s.results);
        self.check_labels();
        self.pop_scope();
        if let Some(rec) = &mut self.rec {
            rec.bodies.pop();
        }
        self.finish_fn(idx)
    }

    /// State for the function's stack stores, live for the whole call
    /// (see stackbuf.rs): each `used` flag starts false, in a register, or
    /// for an inlined clone in its caller's flags (`ctx`: the register and
    /// the first index); a root function with inlined callees that have
    /// stores makes the `[]bool` for their flags.
    fn alloc_stack_stores(&mut self, body: &Block, ctx: Option<(Reg, u32)>) {
        let b = super::stackbuf::addr(body);
        let slots = self.plan.slots.get(&b).cloned().unwrap_or_default();
        let (inline_ctx, next) = match ctx {
            Some((r, base)) => (Some(r), base + slots.len() as u32),
            None => {
                let mut chain = self.inline_chain.clone();
                let n = self.plan.nested_flags(b, &mut chain);
                if n > 0 {
                    let (r, k) = (self.f().alloc(), self.f().alloc());
                    self.f().emit(Op::Int {
                        dst: k,
                        v: n as i32,
                    });
                    self.f().emit(Op::MakeSlice {
                        dst: r,
                        ty: tc::BOOL,
                        len: k,
                        cap: NO_REG,
                    });
                    (Some(r), 0)
                } else {
                    (None, 0)
                }
            }
        };
        let mut stores = Vec::new();
        for (i, s) in slots.iter().enumerate() {
            let used = match ctx {
                Some((r, base)) => StoreFlag::Ctx(r, base + i as u32),
                None => {
                    let r = self.f().alloc();
                    self.f().emit(Op::Bool { dst: r, v: false });
                    StoreFlag::Reg(r)
                }
            };
            let keep = if s.keep {
                let r = self.f().alloc();
                self.f().emit(Op::Nil { dst: r });
                Some(r)
            } else {
                None
            };
            stores.push((used, keep));
        }
        let f = self.f();
        f.locals_top = f.locals_top.max(f.next);
        f.stack_stores = stores;
        f.inline_ctx = inline_ctx;
        f.inline_next = next;
    }

    /// A copy of top-level function `f` for a call that Go inlines, whose
    /// stack-store flags start at `base` in the caller's flags, passed as
    /// an extra last argument.
    pub fn compile_inlined_clone(&mut self, f: u32, base: u32) -> u32 {
        let Some(&(fd, ty)) = self.func_decls.get(&f) else {
            return f;
        };
        let Some(body) = &fd.body else { return f };
        let idx = self.reserve_func();
        // Compiled apart from the caller: its names must not resolve to the
        // caller's variables.
        let callers = self.fns.split_off(1);
        let chain = self.inline_chain.clone();
        self.inline_chain.push(f);
        self.pending_clone = Some(base);
        let name = format!("main.{}", fd.name.name);
        self.compile_body(idx, name, fd.pos, false, &fd.sig, ty, body);
        self.inline_chain = chain;
        self.fns.extend(callers);
        idx
    }

    fn declare_param(&mut self, name: &str, ty: TypeId, pos: Pos, r: Reg) {
        let v = if self.f().escapes.contains(name) {
            let c = self.f().alloc();
            let v = self.declare_var(name, ty, pos, c);
            self.init_var(v, r);
            v
        } else {
            self.declare_var(name, ty, pos, r)
        };
        self.vars[v].used = true;
    }

    fn check_labels(&mut self) {
        let gotos = std::mem::take(&mut self.f().gotos);
        for (name, j, pos) in gotos {
            match self.f().label_pc.get(&name).copied() {
                Some(to) => {
                    self.f().patch(j, to);
                    if let Some(l) = self.f().labels.get_mut(&name) {
                        l.1 = true;
                    }
                }
                None => self.err(pos, format!("label {} not defined", name)),
            }
        }
        let mut unused: Vec<(Pos, String)> = self
            .f()
            .labels
            .iter()
            .filter(|(_, (_, used))| !used)
            .map(|(n, (p, _))| (*p, n.clone()))
            .collect();
        unused.sort();
        for (p, n) in unused {
            self.err(p, format!("label {} defined and not used", n));
        }
    }

    /// Go's name for the next closure of the current function.
    pub fn closure_name(&mut self) -> String {
        let f = self.f();
        f.nclosures += 1;
        let n = f.nclosures;
        if f.closure {
            format!("{}.{}", f.name, n)
        } else if f.name == "runtime.main" {
            format!("main.init.func{}", n)
        } else {
            format!("{}.func{}", f.name, n)
        }
    }

    pub fn func_lit(&mut self, e: &Expr, sig: &FuncType, body: &Block) -> Operand {
        let ty = self.resolve_sig(sig);
        let name = self.closure_name();
        let idx = self.reserve_func();
        // A function literal is a function of its own for inlining.
        let chain = std::mem::take(&mut self.inline_chain);
        let caps = self.compile_body(idx, name, e.pos, true, sig, ty, body);
        self.inline_chain = chain;
        let dst = self.f().alloc();
        self.make_closure(idx, &caps, dst);
        Operand::value(dst, ty)
    }

    pub fn make_closure(&mut self, idx: u32, caps: &[super::func::Capture], dst: Reg) {
        if caps.is_empty() {
            self.f().emit(Op::Func { dst, f: idx });
            return;
        }
        let n = caps.len() as u32;
        let base = self.f().alloc_n(n);
        for (i, c) in caps.iter().enumerate() {
            let r = base + i as Reg;
            match c.src {
                CapSrc::Cell(src) => {
                    self.f().emit(Op::Move { dst: r, src });
                }
                CapSrc::Upval(j) => {
                    self.f().emit(Op::Upval { dst: r, i: j });
                }
            }
        }
        self.f().emit(Op::Closure {
            dst,
            f: idx,
            cells: base,
            n: n as u16,
        });
    }
}
