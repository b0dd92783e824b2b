//! Function bodies and function literals (closures).

use crate::diag::Pos;
use crate::syntax::ast::{Block, Expr, FuncType};
use crate::types::{consts as tc, TypeId};
use crate::vm::op::{Op, Reg};

use super::func::{CapSrc, FnState};
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
        let mut st = FnState::new(name, pos);
        st.closure = closure;
        st.escapes = super::escape::escapes(body);
        st.nparams = s.params.len() as u16;
        st.nresults = s.results.len() as u16;
        st.results = s.results.clone();
        self.fns.push(st);
        let np = s.params.len() as u32;
        self.f().alloc_n(np);
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
        self.block_stmts(&body.stmts);
        self.set_line(body.end);
        if !s.results.is_empty() && !super::stmt::terminating_list(&body.stmts) {
            self.err(body.end, "missing return");
        }
        self.emit_recover_epilogue(&s.results);
        self.check_labels();
        self.pop_scope();
        self.finish_fn(idx)
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
        let caps = self.compile_body(idx, name, e.pos, true, sig, ty, body);
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
