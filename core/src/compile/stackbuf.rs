//! Go's stack backing stores for `append`, so that `cap` after `append`
//! matches Go 1.27.
//!
//! cmd/compile gives an `append` whose result does not escape a backing
//! store of `STACK_BUF_BYTES` (32) bytes in the stack frame
//! (`base.Debug.VariableMakeThreshold`), which changes the capacities Go
//! programs print. Three mechanisms are modelled:
//!
//! * Store (ssagen `(*state).append`, `getBackingStoreInfoForAppend`): the
//!   first fixed-argument `append(x, ...)` site for `x` (a variable, else
//!   the site itself), in source order, whose result does not escape and
//!   whose element is 1..=32 bytes "claims" a store of K = 32/size
//!   elements. When that site grows a slice of length 0 to a length that
//!   fits in K, the result is `store[:len:K]`, at most once per function
//!   invocation (Go's hidden `used` flag, a hidden register here). Later
//!   growths follow the heap rule. `append(x, y...)` never uses the store.
//! * Buf and Move (cmd/compile/internal/slice): a local slice variable that
//!   is only appended to, indexed, resliced, measured and passed to
//!   non-escaping parameters, and that escapes at exactly one point outside
//!   deeper loops (`return s`, `x = s`, `range s`, a call that gets
//!   inlined), is moved to the heap at that point (`move2heap`), so its
//!   appends count as non-escaping. If its capacity is observed (`cap`,
//!   reslicing, literals, calls), every growth that fits in the buffer
//!   steps up one size class only (runtime `growsliceBuf`: Buf sites) and
//!   the move keeps the capacity; otherwise the sites use the Store rule
//!   and the move copies a stack-backed slice to `roundupsize(len*size)`
//!   bytes (`moveSliceNoCap`: a `Move` before the statement).
//!
//! The analysis runs between two compiler passes (see `compile`): pass one
//! checks the program and records types and name resolution (`Recorder`),
//! keyed by syntax node address; `analyze` turns that into a `Plan`, keyed
//! the same way, which pass two follows while emitting code.
//!
//! Escape analysis is a conservative, flow-insensitive simplification of
//! Go's: variables and append results are nodes; assignments add edges;
//! whatever reaches the heap (globals, channels, maps, slice elements,
//! stores through pointers, `go`/`defer`, closures, `return`, parameters of
//! functions that leak them, library calls such as `fmt.Println`) escapes.
//! Interfaces, struct and array values and `&T{...}` hold what flows into
//! them. Parameter leaks (to the heap, or only to the results) are computed
//! for all top-level functions together.
//!
//! Go inlines small functions before these passes. Inlining is estimated
//! with a cost model matching cmd/compile's (`inline_cost`, tested against
//! `-gcflags=-m=2`), used where it matters: a slice passed to an inlined
//! call is assigned to its parameter (a move point); an inlined callee's
//! stores belong to the caller's frame, per call site (`Plan::inline_flags`:
//! pass two calls a clone of the callee there). Not modelled: inlined
//! function literals (their captured variables count as escaping), and
//! results of inlined calls that stay local in the caller (a callee's
//! returned slice counts as escaping).

use std::collections::{HashMap, HashSet};

use crate::diag::Pos;
use crate::syntax::ast::{Block, Decl, Expr, ExprKind, File, FuncDecl, FuncType, Stmt, UnOp};
use crate::types::{BasicKind, Type, TypeId, TypeTable};
use crate::vm::op::STACK_BUF_BYTES;

use super::escape::{walk_block, walk_expr};
use super::func::VarId;
use super::operand::Builtin;
use super::vars::Store;
use super::VarInfo;

/// The address of a syntax node: nodes are borrowed for the whole
/// compilation, so both passes see the same addresses.
pub type Addr = usize;

pub fn addr<T>(x: &T) -> Addr {
    x as *const T as usize
}

/// What an identifier expression denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    /// A local or global variable.
    Var(VarId),
    /// A top-level function.
    Func(u32),
    /// The predeclared `nil`.
    Nil,
    Other,
}

/// What a call expression calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallKind {
    Conversion(TypeId),
    Builtin(Builtin),
    Func(u32),
    /// fmt, time, sync, ... functions and methods.
    Lib,
    /// A function value (closure, variable).
    Value,
}

/// What pass one records for the analysis.
#[derive(Default)]
pub struct Recorder {
    /// The static type of each checked expression.
    pub types: HashMap<Addr, TypeId>,
    pub names: HashMap<Addr, Name>,
    pub calls: HashMap<Addr, CallKind>,
    /// Constant expressions.
    pub consts: HashSet<Addr>,
    /// Variables assigned after their declaration.
    pub assigned: HashSet<VarId>,
    /// The variable declared (or, for `:=`, reused) at a name's position.
    pub decls: HashMap<Pos, VarId>,
    /// The function body (`Block` address) each local variable belongs to.
    pub var_unit: HashMap<VarId, Addr>,
    /// `FuncDecl` address to function index.
    pub funcs: HashMap<Addr, u32>,
    /// Bodies being compiled (innermost last).
    pub bodies: Vec<Addr>,
}

/// How pass two emits an append site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// May take the function's stack store number `.0` (`ESIZE_NOESC`,
    /// guarded by that store's `used` register).
    Store(u16),
    /// `growsliceBuf` (`ESIZE_NOESC | ESIZE_BUF`).
    Buf,
}

/// A stack store of a function: pass two gives it a `used` register (and
/// with `keep`, a register holding the slice that took the store, which
/// `Move` compares against).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub keep: bool,
}

/// `move2heap` without keeping the capacity, before a statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// The slice variable (in scope at the statement).
    pub name: String,
    pub slot: u16,
}

#[derive(Default, Debug)]
pub struct Plan {
    /// Append call expressions to emit specially.
    pub sites: HashMap<Addr, Site>,
    /// Stores per function body.
    pub slots: HashMap<Addr, Vec<Slot>>,
    /// Moves per statement.
    pub moves: HashMap<Addr, Vec<Move>>,
    /// Calls Go inlines (a static call of an inlinable function, not the
    /// call of a `go` or `defer`): call expression to callee.
    pub inlined: HashMap<Addr, u32>,
    /// The inlined calls in each function body.
    pub inlined_in: HashMap<Addr, Vec<(Addr, u32)>>,
    /// The body of each top-level function.
    pub bodies: HashMap<u32, Addr>,
}

impl Plan {
    /// How many `used` flags inlining `f` takes: its own stores and those
    /// of what is inlined into it. `chain` holds the functions being
    /// inlined into (Go never inlines a function into itself).
    ///
    /// An inlined function's stores belong to the caller's frame, one per
    /// call site: Go's `used` flag is per invocation of the function the
    /// call is inlined into, so a helper called in a loop takes its store
    /// only once. Pass two compiles a clone of the callee per such call
    /// site, whose flags live in a slice of the caller (see call.rs).
    pub fn inline_flags(&self, f: u32, chain: &mut Vec<u32>) -> u32 {
        let Some(body) = self.bodies.get(&f).copied() else {
            return 0;
        };
        let own = self.slots.get(&body).map_or(0, |s| s.len()) as u32;
        chain.push(f);
        let nested = self.nested_flags(body, chain);
        chain.pop();
        own + nested
    }

    /// The flags of everything inlined into the function with `body`.
    pub fn nested_flags(&self, body: Addr, chain: &mut Vec<u32>) -> u32 {
        let Some(calls) = self.inlined_in.get(&body) else {
            return 0;
        };
        let mut n = 0;
        for (_, h) in calls {
            if !chain.contains(h) {
                n += self.inline_flags(*h, chain);
            }
        }
        n
    }
}

/// Go's inlining budget (`inlineMaxBudget`) and the cost of a call that is
/// not inlined (`inlineExtraCallCost`).
const INLINE_BUDGET: i32 = 80;
const CALL_COST: i32 = 57;

fn strip(e: &Expr) -> &Expr {
    super::expr::strip_parens(e)
}

/// One function body: a top-level function or a function literal.
struct Unit<'a> {
    body: &'a Block,
    sig: &'a FuncType,
    /// The function index of a top-level function.
    func: Option<u32>,
}

struct Cx<'a> {
    rec: &'a Recorder,
    types: &'a TypeTable,
    vars: &'a [VarInfo],
    decls: HashMap<u32, &'a FuncDecl>,
    /// Estimated inlining cost of top-level functions (`None`: never).
    inline: HashMap<u32, Option<i32>>,
    /// Where the parameters of each top-level function leak.
    leaks: HashMap<u32, Vec<Leak>>,
    /// The local variables of each function body.
    unit_vars: HashMap<Addr, Vec<VarId>>,
}

/// Where a parameter's value may go (Go's leak tags, without levels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Leak {
    None,
    /// Only to the function's results: the argument flows to the call.
    Result,
    Heap,
}

impl<'a> Cx<'a> {
    fn ty(&self, e: &Expr) -> Option<TypeId> {
        if let Some(t) = self.rec.types.get(&addr(e)) {
            return Some(*t);
        }
        match self.name(e) {
            Name::Var(v) => Some(self.vars[v].ty),
            _ => None,
        }
    }

    fn name(&self, e: &Expr) -> Name {
        let e = strip(e);
        match e.kind {
            ExprKind::Ident(_) => self.rec.names.get(&addr(e)).copied().unwrap_or(Name::Other),
            _ => Name::Other,
        }
    }

    fn under(&self, t: TypeId) -> &Type {
        self.types.under(t)
    }

    fn is_string(&self, t: TypeId) -> bool {
        matches!(
            self.under(t),
            Type::Basic(BasicKind::String | BasicKind::UntypedString)
        )
    }

    /// Whether a value of type `t` can reference a slice's backing array
    /// (strings never do: conversions copy).
    fn has_refs(&self, t: TypeId) -> bool {
        self.has_refs_in(t, 0)
    }

    fn has_refs_in(&self, t: TypeId, depth: u32) -> bool {
        if depth > 32 {
            return true;
        }
        match self.under(t) {
            Type::Basic(BasicKind::Invalid | BasicKind::UntypedNil) => true,
            Type::Basic(_) => false,
            Type::Array(_, el) => self.has_refs_in(*el, depth + 1),
            Type::Struct(fs) => fs.iter().any(|f| self.has_refs_in(f.ty, depth + 1)),
            Type::Opaque(_) => false,
            _ => true,
        }
    }

    /// Element size in bytes of slice type `t`.
    fn elem_size(&self, t: TypeId) -> Option<u64> {
        match self.under(t) {
            Type::Slice(el) => Some(self.types.layout(*el).0),
            _ => None,
        }
    }

    fn is_global(&self, v: VarId) -> bool {
        matches!(self.vars[v].store, Store::Global(_) | Store::GlobalCell(_))
    }

    fn inlinable(&self, f: u32) -> bool {
        matches!(self.inline.get(&f), Some(Some(c)) if *c <= INLINE_BUDGET)
    }

    /// Where argument `i` of a call to `f` (`ellipsis`: `f(xs...)`) may
    /// leak; variadic extras, packed into a slice, count as the heap.
    fn arg_leak(&self, f: u32, i: usize, ellipsis: bool) -> Leak {
        let Some(fd) = self.decls.get(&f) else {
            return Leak::Heap;
        };
        let n = fd.sig.params.len();
        if fd.sig.variadic && !ellipsis && i + 1 >= n {
            return Leak::Heap;
        }
        self.leaks
            .get(&f)
            .and_then(|l| l.get(i).copied())
            .unwrap_or(Leak::Heap)
    }

    /// Whether argument `i` may leak anywhere (`escape.ParseLeaks.Any`).
    fn arg_leaks(&self, f: u32, i: usize, ellipsis: bool) -> bool {
        self.arg_leak(f, i, ellipsis) != Leak::None
    }

    fn decl(&self, pos: Pos) -> Option<VarId> {
        self.rec.decls.get(&pos).copied()
    }

    /// Whether `v` was declared at `pos` (rather than reused by `:=`).
    fn declared_at(&self, v: VarId, pos: Pos) -> bool {
        self.vars[v].pos == pos
    }
}

/// Computes the plan for `file` from what pass one recorded.
pub fn analyze(file: &File, rec: &Recorder, types: &TypeTable, vars: &[VarInfo]) -> Plan {
    let mut cx = Cx {
        rec,
        types,
        vars,
        decls: HashMap::new(),
        inline: HashMap::new(),
        leaks: HashMap::new(),
        unit_vars: HashMap::new(),
    };
    for (&v, &b) in &rec.var_unit {
        cx.unit_vars.entry(b).or_default().push(v);
    }
    for vs in cx.unit_vars.values_mut() {
        vs.sort_unstable();
    }
    let mut units = Vec::new();
    for d in &file.decls {
        match d {
            Decl::Func(fd) => {
                let Some(body) = &fd.body else { continue };
                let Some(&f) = rec.funcs.get(&addr(fd)) else {
                    continue;
                };
                cx.decls.insert(f, fd);
                units.push(Unit {
                    body,
                    sig: &fd.sig,
                    func: Some(f),
                });
            }
            Decl::Var(specs) => {
                for sp in specs {
                    for v in &sp.values {
                        collect_lits(v, &mut units);
                    }
                }
            }
            _ => {}
        }
    }
    let tops = units.len();
    for i in 0..tops {
        let body = units[i].body;
        walk_block(body, &mut |e| {
            if let ExprKind::FuncLit { sig, body } = &e.kind {
                units.push(Unit {
                    body,
                    sig,
                    func: None,
                });
            }
            true
        });
    }

    // In declaration order: in a recursive group, a callee whose cost is
    // still being computed counts as not inlined, as in cmd/compile.
    let mut funcs: Vec<u32> = cx.decls.keys().copied().collect();
    funcs.sort_unstable();
    let mut inline = HashMap::new();
    for &f in &funcs {
        inline_cost(&cx, f, &mut inline, &mut Vec::new());
    }
    cx.inline = inline;

    // Parameter leaks: a least fixed point, starting from "nothing leaks"
    // (as Go's analysis of a recursive group does).
    for &f in &funcs {
        let n = cx.decls[&f].sig.params.len();
        cx.leaks.insert(f, vec![Leak::None; n]);
    }
    for _ in 0..64 {
        let mut changed = false;
        for u in &units[..tops] {
            let Some(f) = u.func else { continue };
            let fl = Flow::run(&cx, u);
            let leaks: Vec<Leak> = u
                .sig
                .params
                .iter()
                .map(|p| match &p.name {
                    Some(id) => match cx.decl(id.pos) {
                        Some(v) => fl.param_leak(v),
                        None => Leak::Heap,
                    },
                    None => Leak::None,
                })
                .collect();
            if cx.leaks.get(&f) != Some(&leaks) {
                cx.leaks.insert(f, leaks);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    let mut plan = Plan::default();
    for u in &units {
        let sp = SlicePass::run(&cx, u);
        let fl = Flow::run(&cx, u);
        assemble(&cx, u, &sp, &fl, &mut plan);
        if let Some(f) = u.func {
            plan.bodies.insert(f, addr(u.body));
        }
        let calls = inlined_calls(&cx, u);
        for (c, h) in &calls {
            plan.inlined.insert(*c, *h);
        }
        if !calls.is_empty() {
            plan.inlined_in.insert(addr(u.body), calls);
        }
    }
    plan
}

/// The calls in `u`'s body (not in nested literals) that Go inlines.
fn inlined_calls(cx: &Cx<'_>, u: &Unit<'_>) -> Vec<(Addr, u32)> {
    let mut deferred = HashSet::new();
    walk_stmts_shallow(&u.body.stmts, &mut |s| {
        if let Stmt::Go(e, _) | Stmt::Defer(e, _) = s {
            deferred.insert(addr(strip(e)));
        }
    });
    let mut out = Vec::new();
    walk_block(u.body, &mut |e| {
        if let ExprKind::FuncLit { .. } = e.kind {
            return false;
        }
        if let Some(CallKind::Func(h)) = cx.rec.calls.get(&addr(e)) {
            if cx.inlinable(*h) && u.func != Some(*h) && !deferred.contains(&addr(e)) {
                out.push((addr(e), *h));
            }
        }
        true
    });
    out
}

/// The estimated inlining cost of each top-level function by name (`None`:
/// never inlined), for tests.
#[cfg(test)]
pub fn inline_costs(
    file: &File,
    rec: &Recorder,
    types: &TypeTable,
    vars: &[VarInfo],
) -> HashMap<String, Option<i32>> {
    let mut cx = Cx {
        rec,
        types,
        vars,
        decls: HashMap::new(),
        inline: HashMap::new(),
        leaks: HashMap::new(),
        unit_vars: HashMap::new(),
    };
    for d in &file.decls {
        if let Decl::Func(fd) = d {
            if let Some(&f) = rec.funcs.get(&addr(fd)) {
                cx.decls.insert(f, fd);
            }
        }
    }
    let mut memo = HashMap::new();
    let mut out = HashMap::new();
    let mut funcs: Vec<u32> = cx.decls.keys().copied().collect();
    funcs.sort_unstable();
    for f in funcs {
        let name = cx.decls[&f].name.name.clone();
        out.insert(name, inline_cost(&cx, f, &mut memo, &mut Vec::new()));
    }
    out
}

fn collect_lits<'a>(e: &'a Expr, units: &mut Vec<Unit<'a>>) {
    walk_expr(e, &mut |x| {
        if let ExprKind::FuncLit { sig, body } = &x.kind {
            units.push(Unit {
                body,
                sig,
                func: None,
            });
            // Nested literals are collected from the body later.
            return false;
        }
        true
    });
}

/// Decides each site of unit `u` and its stores and moves.
fn assemble(cx: &Cx<'_>, u: &Unit<'_>, sp: &SlicePass<'_, '_>, fl: &Flow<'_, '_>, plan: &mut Plan) {
    let mut forced = HashSet::new();
    let mut buf = HashSet::new();
    for t in sp.moved.values() {
        for a in &t.appends {
            forced.insert(*a);
            if t.cap_used {
                buf.insert(*a);
            }
        }
    }
    // Claimed keys: the slot of the store, if the claiming site can use it.
    let mut claimed: HashMap<Key, Option<u16>> = HashMap::new();
    let mut slots: Vec<Slot> = Vec::new();
    for s in &fl.sites {
        let Some(n) = s.fixed else { continue };
        if buf.contains(&s.addr) {
            plan.sites.insert(s.addr, Site::Buf);
            continue;
        }
        let escapes = fl.esc[s.node] && !forced.contains(&s.addr);
        if escapes
            || s.inplace
            || s.size == 0
            || s.size > STACK_BUF_BYTES
            || claimed.contains_key(&s.key)
        {
            continue;
        }
        let k = STACK_BUF_BYTES / s.size;
        if n as u64 == 0 || n as u64 > k {
            // Claims the store without ever fitting in it.
            claimed.insert(s.key, None);
            continue;
        }
        let slot = slots.len() as u16;
        slots.push(Slot { keep: false });
        claimed.insert(s.key, Some(slot));
        plan.sites.insert(s.addr, Site::Store(slot));
    }
    for (v, t) in &sp.moved {
        if t.cap_used {
            continue;
        }
        let Some(Some(slot)) = claimed.get(&Key::Var(*v)) else {
            continue;
        };
        let Some(at) = t.transition else { continue };
        slots[*slot as usize].keep = true;
        plan.moves.entry(at).or_default().push(Move {
            name: cx.vars[*v].name.clone(),
            slot: *slot,
        });
    }
    if !slots.is_empty() {
        plan.slots.insert(addr(u.body), slots);
    }
}

// ---------------------------------------------------------------------------
// Inlining cost (cmd/compile/internal/inline `hairyVisitor`), estimated on
// the syntax tree: one per IR node, calls that are not inlined 57, calls
// that are the callee's cost. Calibrated against `go build -gcflags=-m=2`.

fn inline_cost(
    cx: &Cx<'_>,
    f: u32,
    memo: &mut HashMap<u32, Option<i32>>,
    stack: &mut Vec<u32>,
) -> Option<i32> {
    if let Some(c) = memo.get(&f) {
        return *c;
    }
    let fd = cx.decls.get(&f)?;
    let Some(body) = &fd.body else { return None };
    stack.push(f);
    let params = fd
        .sig
        .params
        .iter()
        .filter_map(|p| p.name.as_ref().and_then(|id| cx.decl(id.pos)))
        .collect();
    let mut ic = InlCost {
        cx,
        memo,
        stack,
        params,
        lits: literal_vars(cx, body),
        hairy: false,
    };
    let c = ic.block(body);
    let hairy = ic.hairy;
    stack.pop();
    let r = if hairy { None } else { Some(c) };
    memo.insert(f, r);
    r
}

struct InlCost<'c, 'a, 'm> {
    cx: &'c Cx<'a>,
    memo: &'m mut HashMap<u32, Option<i32>>,
    stack: &'m mut Vec<u32>,
    /// The function's parameters.
    params: HashSet<VarId>,
    /// Variables that always hold one function literal (`f := func...`,
    /// never assigned again): calls through them can be inlined.
    lits: HashMap<VarId, (&'a FuncType, &'a Block)>,
    hairy: bool,
}

/// The function literals that variables declared in `b` always hold.
fn literal_vars<'a>(cx: &Cx<'a>, b: &'a Block) -> HashMap<VarId, (&'a FuncType, &'a Block)> {
    let mut out = HashMap::new();
    walk_stmts_shallow(&b.stmts, &mut |s| {
        let pairs: Vec<(&crate::syntax::ast::Ident, &Expr)> = match s {
            Stmt::ShortVar { names, values, .. } if names.len() == values.len() => {
                names.iter().zip(values).collect()
            }
            Stmt::Var(specs) => specs
                .iter()
                .filter(|sp| sp.names.len() == sp.values.len())
                .flat_map(|sp| sp.names.iter().zip(&sp.values))
                .collect(),
            _ => Vec::new(),
        };
        for (id, v) in pairs {
            if let ExprKind::FuncLit { sig, body } = &strip(v).kind {
                if let Some(var) = cx.decl(id.pos) {
                    if cx.declared_at(var, id.pos) && !cx.rec.assigned.contains(&var) {
                        out.insert(var, (sig, body));
                    }
                }
            }
        }
    });
    out
}

/// The inlining cost of a function literal's body (`None`: never).
fn literal_cost(
    cx: &Cx<'_>,
    sig: &FuncType,
    body: &Block,
    memo: &mut HashMap<u32, Option<i32>>,
    stack: &mut Vec<u32>,
) -> Option<i32> {
    let params = sig
        .params
        .iter()
        .filter_map(|p| p.name.as_ref().and_then(|id| cx.decl(id.pos)))
        .collect();
    let mut ic = InlCost {
        cx,
        memo,
        stack,
        params,
        lits: literal_vars(cx, body),
        hairy: false,
    };
    let c = ic.block(body);
    if ic.hairy {
        None
    } else {
        Some(c)
    }
}

impl InlCost<'_, '_, '_> {
    fn block(&mut self, b: &Block) -> i32 {
        b.stmts.iter().map(|s| self.stmt(s)).sum()
    }

    fn stmts(&mut self, ss: &[Stmt]) -> i32 {
        ss.iter().map(|s| self.stmt(s)).sum()
    }

    fn opt_stmt(&mut self, s: Option<&Stmt>) -> i32 {
        s.map(|s| self.stmt(s)).unwrap_or(0)
    }

    fn exprs(&mut self, es: &[Expr]) -> i32 {
        es.iter().map(|e| self.expr(e)).sum()
    }

    /// `names = values` as a declaration: DCL, name, assignment, name; or
    /// one assignment of several names.
    fn decl(&mut self, n: usize, values: &[Expr]) -> i32 {
        if n == 1 || values.is_empty() {
            4 * n as i32 + self.exprs(values)
        } else {
            1 + 3 * n as i32 + self.exprs(values)
        }
    }

    fn stmt(&mut self, s: &Stmt) -> i32 {
        match s {
            Stmt::Expr(e) => self.expr(e),
            Stmt::Var(specs) => specs
                .iter()
                .map(|sp| self.decl(sp.names.len(), &sp.values))
                .sum(),
            Stmt::ShortVar { names, values, .. } => self.decl(names.len(), values),
            Stmt::Const(_) | Stmt::Type(_) | Stmt::Empty(_) | Stmt::Fallthrough(_) => 0,
            Stmt::Assign { lhs, rhs, .. } => 1 + self.exprs(lhs) + self.exprs(rhs),
            Stmt::IncDec { target, .. } => 2 + self.expr(target),
            Stmt::Send { ch, value, .. } => 1 + self.expr(ch) + self.expr(value),
            Stmt::Go(..) | Stmt::Defer(..) | Stmt::Goto(..) => {
                self.hairy = true;
                0
            }
            Stmt::Return(es, _) => 1 + self.exprs(es),
            Stmt::Break(..) | Stmt::Continue(..) => 1,
            Stmt::Block(b) => self.block(b),
            Stmt::If {
                init,
                cond,
                then,
                els,
                ..
            } => {
                1 + self.opt_stmt(init.as_deref())
                    + self.expr(cond)
                    + self.block(then)
                    + self.opt_stmt(els.as_deref())
            }
            Stmt::For {
                init,
                cond,
                post,
                body,
                ..
            } => {
                1 + self.opt_stmt(init.as_deref())
                    + cond.as_ref().map(|c| self.expr(c)).unwrap_or(0)
                    + self.opt_stmt(post.as_deref())
                    + self.block(body)
            }
            Stmt::Range {
                key,
                value,
                expr,
                body,
                ..
            } => {
                let named = |e: &Option<Expr>| match e.as_ref().map(|e| &strip(e).kind) {
                    Some(ExprKind::Ident(n)) => n != "_",
                    Some(_) => true,
                    None => false,
                };
                let kv = if named(key) { 1 } else { 0 } + if named(value) { 2 } else { 0 };
                3 + kv + self.expr(expr) + self.block(body)
            }
            Stmt::Switch {
                init, tag, cases, ..
            } => {
                let mut c = 1
                    + self.opt_stmt(init.as_deref())
                    + tag.as_ref().map(|t| self.expr(t)).unwrap_or(0);
                for cc in cases {
                    c += 1 + self.exprs(&cc.exprs) + self.stmts(&cc.body);
                }
                c
            }
            Stmt::TypeSwitch { .. } => {
                self.hairy = true;
                0
            }
            Stmt::Select { cases, .. } => {
                let mut c = 1;
                for cc in cases {
                    let comm = match cc.comm.as_deref() {
                        Some(s @ Stmt::ShortVar { .. }) => 1 + self.stmt(s),
                        s => self.opt_stmt(s),
                    };
                    c += 1 + comm + self.stmts(&cc.body);
                }
                c
            }
            Stmt::Labeled { stmt, .. } => 1 + self.stmt(stmt),
        }
    }

    fn expr(&mut self, e: &Expr) -> i32 {
        if self.cx.rec.consts.contains(&addr(e)) {
            // Folded to one literal.
            return 1;
        }
        match &e.kind {
            ExprKind::Ident(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imag
            | ExprKind::Rune(_)
            | ExprKind::Str(_) => 1,
            ExprKind::Type(_) => 0,
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Composite { elems, .. } => {
                let mut c = 1;
                let t = self.cx.ty(e).map(|t| self.cx.under(t).clone());
                if matches!(t, Some(Type::Slice(_))) {
                    c += 1;
                }
                let is_struct = matches!(t, Some(Type::Struct(_)));
                for el in elems {
                    if is_struct {
                        // OSTRUCTKEY per field.
                        c += 1;
                    } else if let Some(k) = &el.key {
                        c += 1 + self.expr(k);
                    }
                    c += self.expr(&el.value);
                }
                c
            }
            ExprKind::FuncLit { .. } => 16,
            ExprKind::Selector(x, _) => {
                if matches!(self.cx.name(x), Name::Other)
                    && matches!(strip(x).kind, ExprKind::Ident(_))
                    && self.cx.ty(x).is_none()
                {
                    // A package member.
                    return 1;
                }
                1 + self.expr(x)
            }
            ExprKind::Index(x, i) => 1 + self.expr(x) + self.expr(i),
            ExprKind::IndexList(x, is) => 1 + self.expr(x) + self.exprs(is),
            ExprKind::Slice { x, lo, hi, max } => {
                let mut c = 1 + self.expr(x);
                if let Some(lo) = lo {
                    c += self.expr(lo);
                    if matches!(strip(lo).kind, ExprKind::Int(0)) {
                        c -= 1;
                    }
                }
                if let Some(hi) = hi {
                    c += self.expr(hi);
                    if let ExprKind::Call { func, args, .. } = &strip(hi).kind {
                        let same = args.len() == 1
                            && matches!((&strip(&args[0]).kind, &strip(x).kind), (ExprKind::Ident(a), ExprKind::Ident(b)) if a == b);
                        if same && matches!(&strip(func).kind, ExprKind::Ident(n) if n == "len") {
                            c -= 2;
                        }
                    }
                }
                if let Some(m) = max {
                    c += self.expr(m);
                }
                c
            }
            ExprKind::TypeAssert(x, _) => 1 + self.expr(x),
            ExprKind::Call { func, args, .. } => self.call(e, func, args),
            ExprKind::Star(x) | ExprKind::Unary(_, x) => 1 + self.expr(x),
            ExprKind::Binary(_, a, b) => 1 + self.expr(a) + self.expr(b),
        }
    }

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr]) -> i32 {
        let kind = self.cx.rec.calls.get(&addr(e)).copied();
        let argc = self.exprs(args);
        match kind {
            Some(CallKind::Conversion(_)) => 1 + argc,
            Some(CallKind::Builtin(Builtin::Recover)) => {
                self.hairy = true;
                0
            }
            Some(CallKind::Builtin(Builtin::Panic)) => 2 + argc,
            Some(CallKind::Builtin(_)) => 1 + argc,
            Some(CallKind::Func(f)) => {
                let callee = if self.stack.contains(&f) {
                    None
                } else {
                    inline_cost(self.cx, f, self.memo, self.stack)
                };
                let body = match callee {
                    Some(c) if c <= INLINE_BUDGET => c,
                    _ => CALL_COST,
                };
                2 + argc + body
            }
            Some(CallKind::Lib) => {
                let name = match &strip(func).kind {
                    ExprKind::Selector(_, sel) => sel.name.as_str(),
                    _ => "",
                };
                // Each argument is converted to an interface (+1), packed
                // in a slice literal (+1 once).
                let packed = |from: usize, c: &mut Self| -> i32 {
                    let rest = &args[from.min(args.len())..];
                    if rest.is_empty() {
                        0
                    } else {
                        1 + rest.iter().map(|a| c.expr(a) + 1).sum::<i32>()
                    }
                };
                let first = args.first().map(|a| self.expr(a)).unwrap_or(0);
                // The library's own inlined bodies, as cmd/compile counts them.
                match name {
                    "Println" | "Print" => 75 + packed(0, self),
                    "Printf" => 76 + first + packed(1, self),
                    "Sprint" | "Sprintln" => 60 + packed(0, self),
                    "Sprintf" | "Errorf" => 60 + first + packed(1, self),
                    "New" => 8 + argc,
                    "Lock" | "Unlock" | "RLock" | "RUnlock" => 74,
                    "Done" => 63,
                    _ => CALL_COST + 2 + argc,
                }
            }
            Some(CallKind::Value) | None => {
                // A function literal, called directly or through a variable
                // that always holds it, is inlined when cheap enough.
                let lit = match &strip(func).kind {
                    ExprKind::FuncLit { sig, body } => Some((sig, body)),
                    _ => match self.cx.name(func) {
                        Name::Var(v) => self.lits.get(&v).map(|(s, b)| (*s, *b)),
                        _ => None,
                    },
                };
                if let Some((sig, body)) = lit {
                    // Literals get a budget of 800 (`inlineClosureCalledOnceCost`).
                    if let Some(c) = literal_cost(self.cx, sig, body, self.memo, self.stack) {
                        if c <= 10 * INLINE_BUDGET {
                            return 1 + argc + self.expr(func) + c;
                        }
                    }
                }
                // Calling a parameter may turn out cheap (`inlineParamCallCost`).
                let param = match self.cx.name(func) {
                    Name::Var(v) => self.params.contains(&v),
                    _ => false,
                };
                let extra = if param { 17 } else { CALL_COST };
                extra + 1 + argc + self.expr(func)
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Escape analysis.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    Var(VarId),
    Site(Addr),
}

struct SiteRec {
    addr: Addr,
    node: usize,
    key: Key,
    /// Number of appended values; `None` for `append(x, y...)`.
    fixed: Option<usize>,
    size: u64,
    /// `x = append(x, ...)` with `x` not an SSA value (an element of an
    /// array, a field of a large struct...): ssagen updates `x` in place,
    /// without the store.
    inplace: bool,
}

struct Flow<'c, 'a> {
    cx: &'c Cx<'a>,
    unit: Addr,
    node_of: HashMap<VarId, usize>,
    edges: Vec<Vec<usize>>,
    /// Nodes stored to the heap (before `propagate`: directly).
    heap: Vec<bool>,
    /// The function's results.
    result: usize,
    /// After `propagate`: nodes that reach the results.
    returned: Vec<bool>,
    /// After `propagate`: nodes whose value outlives the frame.
    esc: Vec<bool>,
    sites: Vec<SiteRec>,
}

impl<'c, 'a> Flow<'c, 'a> {
    fn run(cx: &'c Cx<'a>, u: &Unit<'_>) -> Flow<'c, 'a> {
        let mut fl = Flow {
            cx,
            unit: addr(u.body),
            node_of: HashMap::new(),
            edges: Vec::new(),
            heap: Vec::new(),
            result: 0,
            returned: Vec::new(),
            esc: Vec::new(),
            sites: Vec::new(),
        };
        fl.result = fl.new_node();
        // Named results are returned.
        for p in &u.sig.results {
            if let Some(v) = p.name.as_ref().and_then(|id| cx.decl(id.pos)) {
                let n = fl.node(v);
                let r = fl.result;
                fl.flow(&[n], r);
            }
        }
        fl.block(u.body);
        fl.propagate();
        fl
    }

    fn param_leak(&self, v: VarId) -> Leak {
        match self.node_of.get(&v) {
            Some(n) if self.heap[*n] => Leak::Heap,
            Some(n) if self.returned[*n] => Leak::Result,
            _ => Leak::None,
        }
    }

    fn local(&self, v: VarId) -> bool {
        self.cx.rec.var_unit.get(&v) == Some(&self.unit) && !self.cx.is_global(v)
    }

    fn new_node(&mut self) -> usize {
        self.edges.push(Vec::new());
        self.heap.push(false);
        self.edges.len() - 1
    }

    fn node(&mut self, v: VarId) -> usize {
        if let Some(n) = self.node_of.get(&v) {
            return *n;
        }
        let n = self.new_node();
        self.node_of.insert(v, n);
        n
    }

    fn escape(&mut self, roots: &[usize]) {
        for r in roots {
            self.heap[*r] = true;
        }
    }

    fn flow(&mut self, roots: &[usize], to: usize) {
        for r in roots {
            if *r != to {
                self.edges[*r].push(to);
            }
        }
    }

    /// `v = value with roots`. (An interface holds a copy of the slice
    /// header, in a box that escapes with the interface value.)
    fn sink_var(&mut self, roots: &[usize], v: VarId) {
        if roots.is_empty() {
            return;
        }
        if !self.local(v) {
            self.escape(roots);
            return;
        }
        let n = self.node(v);
        self.flow(roots, n);
    }

    fn propagate(&mut self) {
        let n = self.edges.len();
        let mut rev = vec![Vec::new(); n];
        for (from, tos) in self.edges.iter().enumerate() {
            for to in tos {
                rev[*to].push(from);
            }
        }
        let reach = |mut mark: Vec<bool>| {
            let mut work: Vec<usize> = (0..n).filter(|i| mark[*i]).collect();
            while let Some(x) = work.pop() {
                for &p in &rev[x] {
                    if !mark[p] {
                        mark[p] = true;
                        work.push(p);
                    }
                }
            }
            mark
        };
        self.heap = reach(self.heap.clone());
        let mut res = vec![false; n];
        res[self.result] = true;
        self.returned = reach(res);
        self.esc = (0..n).map(|i| self.heap[i] || self.returned[i]).collect();
    }

    fn discard(&mut self, e: &Expr) {
        self.expr(e);
    }

    fn block(&mut self, b: &Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn stmts(&mut self, ss: &[Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    /// `names := values` / `var names = values`.
    fn declare(&mut self, names: &[crate::syntax::ast::Ident], values: &[Expr]) {
        if values.len() == names.len() {
            for (id, v) in names.iter().zip(values) {
                let r = self.expr(v);
                match self.cx.decl(id.pos) {
                    Some(var) => self.sink_var(&r, var),
                    None => {
                        if id.name != "_" {
                            self.escape(&r);
                        }
                    }
                }
            }
        } else {
            // `a, b := f(x)`: any result may hold what flowed to the call.
            let mut r = Vec::new();
            for v in values {
                r.extend(self.expr(v));
            }
            for id in names {
                match self.cx.decl(id.pos) {
                    Some(var) => self.sink_var(&r, var),
                    None => {
                        if id.name != "_" {
                            self.escape(&r);
                        }
                    }
                }
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Expr(e) => self.discard(e),
            Stmt::Var(specs) => {
                for sp in specs {
                    self.declare(&sp.names, &sp.values);
                }
            }
            Stmt::ShortVar { names, values, .. } => self.declare(names, values),
            Stmt::Const(_) | Stmt::Type(_) | Stmt::TypeSwitch { .. } => {}
            Stmt::Assign { lhs, rhs, op, .. } => {
                if op.is_none() && lhs.len() == rhs.len() {
                    for (l, r) in lhs.iter().zip(rhs) {
                        let roots = self.expr(r);
                        self.mark_inplace(l, r);
                        self.assign_to(l, &roots);
                    }
                } else {
                    let mut roots = Vec::new();
                    for r in rhs {
                        roots.extend(self.expr(r));
                    }
                    if op.is_some() {
                        roots.clear();
                    }
                    for l in lhs {
                        self.assign_to(l, &roots);
                    }
                }
            }
            Stmt::IncDec { target, .. } => self.discard(target),
            Stmt::Send { ch, value, .. } => {
                self.discard(ch);
                let r = self.expr(value);
                self.escape(&r);
            }
            Stmt::Go(e, _) | Stmt::Defer(e, _) => {
                // Arguments (and a literal's captures) outlive the statement.
                if let ExprKind::Call { func, args, .. } = &strip(e).kind {
                    let r = self.expr(func);
                    self.escape(&r);
                    for a in args {
                        let r = self.expr(a);
                        self.escape(&r);
                    }
                } else {
                    self.discard(e);
                }
            }
            Stmt::Return(es, _) => {
                let to = self.result;
                for e in es {
                    let r = self.expr(e);
                    self.flow(&r, to);
                }
            }
            Stmt::Break(..)
            | Stmt::Continue(..)
            | Stmt::Goto(..)
            | Stmt::Fallthrough(_)
            | Stmt::Empty(_) => {}
            Stmt::Block(b) => self.block(b),
            Stmt::If {
                init,
                cond,
                then,
                els,
                ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.discard(cond);
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            Stmt::For {
                init,
                cond,
                post,
                body,
                ..
            } => {
                // SSA order: condition, body, then the post statement.
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.discard(c);
                }
                self.block(body);
                if let Some(p) = post {
                    self.stmt(p);
                }
            }
            Stmt::Range {
                key,
                value,
                define,
                expr,
                body,
                ..
            } => {
                let r = self.expr(expr);
                // Elements of an array value are inline; a slice's, map's
                // or channel's contents never hold a non-escaping backing.
                let elems = match self.cx.ty(expr).map(|t| self.cx.under(t).clone()) {
                    Some(Type::Array(_, el)) if self.cx.has_refs(el) => r,
                    _ => Vec::new(),
                };
                for (e, roots) in [(key, Vec::new()), (value, elems)] {
                    let Some(e) = e else { continue };
                    if *define {
                        match self.cx.decl(e.pos) {
                            Some(v) => self.sink_var(&roots, v),
                            None => self.escape(&roots),
                        }
                    } else {
                        self.assign_to(e, &roots);
                    }
                }
                self.block(body);
            }
            Stmt::Switch {
                init, tag, cases, ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.discard(t);
                }
                for c in cases {
                    for e in &c.exprs {
                        self.discard(e);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::Select { cases, .. } => {
                for c in cases {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::Labeled { stmt, .. } => self.stmt(stmt),
        }
    }

    /// The local variable whose storage holds `x` inline (`v`, `v.f`,
    /// `v[i]` of an array value).
    fn inline_root(&mut self, x: &Expr) -> Option<VarId> {
        let x = strip(x);
        match &x.kind {
            ExprKind::Ident(_) => match self.cx.name(x) {
                Name::Var(v) if self.local(v) => Some(v),
                _ => None,
            },
            ExprKind::Selector(y, _) => match self.cx.ty(y).map(|t| self.cx.under(t)) {
                Some(Type::Struct(_)) => self.inline_root(y),
                _ => None,
            },
            ExprKind::Index(y, i) => {
                self.discard(i);
                match self.cx.ty(y).map(|t| self.cx.under(t)) {
                    Some(Type::Array(..)) => self.inline_root(y),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Stores a value with `roots` into the lvalue `l`.
    fn assign_to(&mut self, l: &Expr, roots: &[usize]) {
        let l = strip(l);
        match &l.kind {
            ExprKind::Ident(n) if n == "_" => {}
            ExprKind::Ident(_) => match self.cx.name(l) {
                Name::Var(v) => self.sink_var(roots, v),
                _ => self.escape(roots),
            },
            ExprKind::Selector(..) | ExprKind::Index(..) => {
                // A field or array element of a local value: the variable
                // holds it. Anything else is reached through a pointer, a
                // slice or a map: the heap.
                match self.inline_root(l) {
                    Some(v) => self.sink_var(roots, v),
                    _ => {
                        if let ExprKind::Selector(x, _) | ExprKind::Index(x, _) = &l.kind {
                            self.discard(x);
                            if let ExprKind::Index(_, i) = &l.kind {
                                self.discard(i);
                            }
                        }
                        self.escape(roots);
                    }
                }
            }
            _ => {
                self.discard(l);
                self.escape(roots);
            }
        }
    }

    /// Evaluates `e`: the nodes whose backing arrays its value may share.
    fn expr(&mut self, e: &Expr) -> Vec<usize> {
        let r = self.expr_raw(e);
        if r.is_empty() {
            return r;
        }
        match self.cx.ty(e) {
            Some(t) if !self.cx.has_refs(t) => Vec::new(),
            _ => r,
        }
    }

    fn expr_raw(&mut self, e: &Expr) -> Vec<usize> {
        match &e.kind {
            ExprKind::Ident(_) => match self.cx.name(e) {
                Name::Var(v) if self.local(v) => vec![self.node(v)],
                _ => Vec::new(),
            },
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imag
            | ExprKind::Rune(_)
            | ExprKind::Str(_)
            | ExprKind::Type(_) => Vec::new(),
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::Composite { elems, .. } => {
                let t = self.cx.ty(e).map(|t| self.cx.under(t).clone());
                let mut out = Vec::new();
                for (i, el) in elems.iter().enumerate() {
                    if let Some(k) = &el.key {
                        if !matches!(t, Some(Type::Struct(_))) {
                            let r = self.expr(k);
                            self.escape(&r);
                        }
                    }
                    let r = self.expr(&el.value);
                    // Struct and array values hold their elements inline;
                    // slice and map literals store them in a new
                    // allocation (modelled as the heap).
                    let inline_ty = match &t {
                        Some(Type::Struct(fs)) => {
                            let f = match &el.key {
                                Some(k) => match &strip(k).kind {
                                    ExprKind::Ident(n) => fs.iter().find(|f| &f.name == n),
                                    _ => None,
                                },
                                None => fs.get(i),
                            };
                            f.map(|f| f.ty)
                        }
                        Some(Type::Array(_, el)) => Some(*el),
                        _ => None,
                    };
                    match inline_ty {
                        Some(_) => out.extend(r),
                        None => self.escape(&r),
                    }
                }
                out
            }
            ExprKind::FuncLit { body, .. } => {
                // Captured variables escape (conservatively: Go keeps those
                // of a literal it inlines on the stack).
                let mut caps = Vec::new();
                walk_block(body, &mut |x| {
                    if let ExprKind::Ident(_) = &x.kind {
                        if let Some(Name::Var(v)) = self.cx.rec.names.get(&addr(x)) {
                            caps.push(*v);
                        }
                    }
                    true
                });
                for v in caps {
                    if self.local(v) {
                        let n = self.node(v);
                        self.heap[n] = true;
                    }
                }
                Vec::new()
            }
            // Through a pointer: `&T{...}` may hold local values.
            ExprKind::Selector(x, _) => {
                let r = self.expr(x);
                match self.cx.ty(x).map(|t| self.cx.under(t)) {
                    Some(Type::Struct(_) | Type::Pointer(_)) => r,
                    _ => Vec::new(),
                }
            }
            ExprKind::Index(x, i) => {
                self.discard(i);
                let r = self.expr(x);
                match self.cx.ty(x).map(|t| self.cx.under(t)) {
                    Some(Type::Array(..) | Type::Pointer(_)) => r,
                    _ => Vec::new(),
                }
            }
            ExprKind::IndexList(x, is) => {
                self.discard(x);
                for i in is {
                    self.discard(i);
                }
                Vec::new()
            }
            ExprKind::Slice { x, lo, hi, max } => {
                for b in [lo, hi, max].into_iter().flatten() {
                    self.discard(b);
                }
                let r = self.expr(x);
                match self.cx.ty(x).map(|t| self.cx.under(t)) {
                    Some(Type::Slice(_) | Type::Array(..)) => r,
                    _ => Vec::new(),
                }
            }
            ExprKind::TypeAssert(x, _) => {
                self.discard(x);
                Vec::new()
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call(e, func, args, *ellipsis),
            ExprKind::Star(x) => self.expr(x),
            ExprKind::Unary(UnOp::Addr, x) => {
                // `&T{...}`: a new object holding the elements. A variable
                // whose address is taken may be written through the pointer
                // anywhere: the heap.
                let r = self.expr(x);
                if matches!(strip(x).kind, ExprKind::Composite { .. }) {
                    return r;
                }
                self.escape(&r);
                if let Some(v) = self.inline_root(x) {
                    let n = self.node(v);
                    self.heap[n] = true;
                }
                Vec::new()
            }
            ExprKind::Unary(_, x) => {
                self.discard(x);
                Vec::new()
            }
            ExprKind::Binary(_, a, b) => {
                self.discard(a);
                self.discard(b);
                Vec::new()
            }
        }
    }

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], ellipsis: bool) -> Vec<usize> {
        match self.cx.rec.calls.get(&addr(e)).copied() {
            Some(CallKind::Conversion(t)) => {
                let mut r = Vec::new();
                for a in args {
                    r.extend(self.expr(a));
                }
                let from_string = args
                    .first()
                    .and_then(|a| self.cx.ty(a))
                    .is_some_and(|t| self.cx.is_string(t));
                if self.cx.is_string(t) || from_string {
                    Vec::new()
                } else {
                    r
                }
            }
            Some(CallKind::Builtin(Builtin::Append)) if !args.is_empty() => {
                self.append_site(e, args, ellipsis)
            }
            Some(CallKind::Builtin(Builtin::Panic)) => {
                for a in args {
                    let r = self.expr(a);
                    self.escape(&r);
                }
                Vec::new()
            }
            Some(CallKind::Builtin(_)) => {
                for a in args {
                    self.discard(a);
                }
                Vec::new()
            }
            Some(CallKind::Func(f)) => {
                let mut out = Vec::new();
                for (i, a) in args.iter().enumerate() {
                    let r = self.expr(a);
                    match self.cx.arg_leak(f, i, ellipsis) {
                        Leak::Heap => self.escape(&r),
                        Leak::Result => out.extend(r),
                        Leak::None => {}
                    }
                }
                out
            }
            _ => {
                let r = self.expr(func);
                self.escape(&r);
                for a in args {
                    let r = self.expr(a);
                    self.escape(&r);
                }
                Vec::new()
            }
        }
    }

    fn append_site(&mut self, e: &Expr, args: &[Expr], ellipsis: bool) -> Vec<usize> {
        let base = self.expr(&args[0]);
        if ellipsis {
            // The elements are copied: the slice itself does not escape.
            for a in &args[1..] {
                self.discard(a);
            }
        } else {
            for a in &args[1..] {
                let r = self.expr(a);
                self.escape(&r);
            }
        }
        let node = self.new_node();
        // Without growth the result shares the old backing array.
        self.flow(&base, node);
        let key = match self.cx.name(&args[0]) {
            Name::Var(v) => Key::Var(v),
            _ => Key::Site(addr(e)),
        };
        let size = self
            .cx
            .ty(e)
            .and_then(|t| self.cx.elem_size(t))
            .unwrap_or(0);
        self.sites.push(SiteRec {
            addr: addr(e),
            node,
            key,
            fixed: if ellipsis { None } else { Some(args.len() - 1) },
            size,
            inplace: false,
        });
        vec![node]
    }

    /// Marks `l = append(l, ...)` in place when `l` is not an SSA value.
    fn mark_inplace(&mut self, l: &Expr, r: &Expr) {
        let r = strip(r);
        let ExprKind::Call { args, .. } = &r.kind else {
            return;
        };
        if self.cx.rec.calls.get(&addr(r)) != Some(&CallKind::Builtin(Builtin::Append))
            || args.is_empty()
        {
            return;
        }
        let l = strip(l);
        if matches!(l.kind, ExprKind::Ident(_)) || !self.same_expr(l, &args[0]) || self.ssa_able(l)
        {
            return;
        }
        if let Some(s) = self.sites.iter_mut().find(|s| s.addr == addr(r)) {
            s.inplace = true;
        }
    }

    /// `ir.SameSafeExpr`, roughly: the same variable path.
    fn same_expr(&self, a: &Expr, b: &Expr) -> bool {
        let (a, b) = (strip(a), strip(b));
        match (&a.kind, &b.kind) {
            (ExprKind::Ident(x), ExprKind::Ident(y)) => {
                x == y && self.cx.name(a) == self.cx.name(b)
            }
            (ExprKind::Selector(x, f), ExprKind::Selector(y, g)) => {
                f.name == g.name && self.same_expr(x, y)
            }
            (ExprKind::Index(x, i), ExprKind::Index(y, j)) => {
                self.same_expr(x, y) && self.same_expr(i, j)
            }
            (ExprKind::Int(x), ExprKind::Int(y)) => x == y,
            (ExprKind::Star(x), ExprKind::Star(y)) => self.same_expr(x, y),
            _ => false,
        }
    }

    /// ssagen's `canSSA`: a path of struct fields and one-element array
    /// indexes from a local variable whose type SSA can hold.
    fn ssa_able(&self, l: &Expr) -> bool {
        let l = strip(l);
        match &l.kind {
            ExprKind::Ident(_) => match self.cx.name(l) {
                Name::Var(v) => self.local(v) && self.ssa_type(self.cx.vars[v].ty, 0),
                _ => false,
            },
            ExprKind::Selector(x, _) => {
                matches!(
                    self.cx.ty(x).map(|t| self.cx.under(t)),
                    Some(Type::Struct(_))
                ) && self.ssa_able(x)
            }
            ExprKind::Index(x, _) => {
                matches!(
                    self.cx.ty(x).map(|t| self.cx.under(t)),
                    Some(Type::Array(1, _))
                ) && self.ssa_able(x)
            }
            _ => false,
        }
    }

    /// `ssa.CanSSA` of a type: at most 4 words, structs of at most 4 such
    /// fields, arrays of at most one.
    fn ssa_type(&self, t: TypeId, depth: u32) -> bool {
        if depth > 16 || self.cx.types.layout(t).0 > 32 {
            return false;
        }
        match self.cx.under(t) {
            Type::Array(n, el) => *n <= 1 && self.ssa_type(*el, depth + 1),
            Type::Struct(fs) => fs.len() <= 4 && fs.iter().all(|f| self.ssa_type(f.ty, depth + 1)),
            _ => true,
        }
    }
}

// ---------------------------------------------------------------------------
// cmd/compile/internal/slice: which slice variables are exclusive until one
// known transition (see the module comment).

#[derive(Default, Debug)]
struct Track {
    ok: i32,
    all: i32,
    dead: bool,
    transition: Option<Addr>,
    appends: Vec<Addr>,
    weight: i32,
    decl_depth: i32,
    cap_used: bool,
}

struct SlicePass<'c, 'a> {
    cx: &'c Cx<'a>,
    tracked: HashMap<VarId, Track>,
    named_results: Vec<VarId>,
    depth: i32,
    /// The statement a transition moves before.
    cur: Addr,
    /// The tracked variables that get moved to the heap.
    moved: HashMap<VarId, Track>,
}

impl<'c, 'a> SlicePass<'c, 'a> {
    fn run(cx: &'c Cx<'a>, u: &Unit<'_>) -> SlicePass<'c, 'a> {
        let unit = addr(u.body);
        let mut sp = SlicePass {
            cx,
            tracked: HashMap::new(),
            named_results: Vec::new(),
            depth: 0,
            cur: 0,
            moved: HashMap::new(),
        };
        for &v in cx.unit_vars.get(&unit).map(|v| v.as_slice()).unwrap_or(&[]) {
            if cx.is_global(v) {
                continue;
            }
            let size = cx.elem_size(cx.vars[v].ty);
            if matches!(size, Some(s) if (1..=STACK_BUF_BYTES).contains(&s)) {
                sp.tracked.insert(v, Track::default());
            }
        }
        let inlined = u.func.is_some_and(|f| cx.inlinable(f));
        let has_defer = {
            let mut d = false;
            walk_stmts_shallow(&u.body.stmts, &mut |s| {
                if matches!(s, Stmt::Defer(..)) {
                    d = true;
                }
            });
            d
        };
        for p in &u.sig.params {
            if let Some(v) = p.name.as_ref().and_then(|id| cx.decl(id.pos)) {
                // An inlined call assigns its arguments to the parameters,
                // which the pass does not understand.
                if inlined {
                    sp.kill(v);
                }
            }
        }
        for p in &u.sig.results {
            if let Some(v) = p.name.as_ref().and_then(|id| cx.decl(id.pos)) {
                sp.named_results.push(v);
                // Inlined, the named results are the call's values; with
                // defer, a recovered panic returns them without a move.
                if inlined || has_defer {
                    sp.kill(v);
                }
            }
        }
        sp.block(u.body);
        let tracked = std::mem::take(&mut sp.tracked);
        for (v, t) in tracked {
            if !t.dead && t.ok == t.all && t.transition.is_some() && t.weight >= 2 {
                sp.moved.insert(v, t);
            }
        }
        sp
    }

    fn kill(&mut self, v: VarId) {
        if let Some(t) = self.tracked.get_mut(&v) {
            t.dead = true;
        }
    }

    fn tracked_var(&self, e: &Expr) -> Option<VarId> {
        let e = strip(e);
        if !matches!(e.kind, ExprKind::Ident(_)) {
            return None;
        }
        match self.cx.name(e) {
            Name::Var(v) if self.tracked.contains_key(&v) => Some(v),
            _ => None,
        }
    }

    fn ok(&mut self, v: VarId, n: i32) {
        if let Some(t) = self.tracked.get_mut(&v) {
            t.ok += n;
        }
    }

    fn all(&mut self, v: VarId) {
        if let Some(t) = self.tracked.get_mut(&v) {
            t.all += 1;
        }
    }

    fn cap_used(&mut self, v: VarId) {
        if let Some(t) = self.tracked.get_mut(&v) {
            t.cap_used = true;
        }
    }

    fn transition(&mut self, v: VarId, at: Addr) {
        let depth = self.depth;
        if let Some(t) = self.tracked.get_mut(&v) {
            if t.transition.is_some() || depth > t.decl_depth {
                t.dead = true;
            } else {
                t.transition = Some(at);
            }
        }
    }

    /// Every mention of a tracked variable inside `e` kills it.
    fn kill_mentions_block(&mut self, b: &Block) {
        let mut vs = Vec::new();
        walk_block(b, &mut |x| {
            if let Some(v) = self.tracked_var(x) {
                vs.push(v);
            }
            true
        });
        for v in vs {
            self.kill(v);
        }
    }

    fn kill_mentions(&mut self, e: &Expr) {
        let mut vs = Vec::new();
        walk_expr(e, &mut |x| {
            if let Some(v) = self.tracked_var(x) {
                vs.push(v);
            }
            true
        });
        for v in vs {
            self.kill(v);
        }
    }

    fn visit(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(v) = self.tracked_var(e) {
                    self.all(v);
                }
            }
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imag
            | ExprKind::Rune(_)
            | ExprKind::Str(_)
            | ExprKind::Type(_) => {}
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::TypeAssert(x, _) => self.visit(x),
            ExprKind::Selector(x, _) => self.visit(x),
            ExprKind::Index(x, i) => {
                if let Some(v) = self.tracked_var(x) {
                    self.ok(v, 1);
                }
                self.visit(x);
                self.visit(i);
            }
            ExprKind::IndexList(x, is) => {
                self.visit(x);
                for i in is {
                    self.visit(i);
                }
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.visit(x);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.visit(b);
                }
            }
            ExprKind::Composite { elems, .. } => {
                for el in elems {
                    if let Some(k) = &el.key {
                        self.visit(k);
                    }
                    self.visit(&el.value);
                }
            }
            ExprKind::FuncLit { body, .. } => self.kill_mentions_block(body),
            ExprKind::Unary(UnOp::Addr, x) => {
                // &s[i] (also inside fields and arrays) points into s.
                let mut y = strip(x);
                loop {
                    match &y.kind {
                        ExprKind::Selector(z, _)
                            if matches!(
                                self.cx.ty(z).map(|t| self.cx.under(t)),
                                Some(Type::Struct(_))
                            ) =>
                        {
                            y = strip(z);
                        }
                        ExprKind::Index(z, _) => {
                            if matches!(
                                self.cx.ty(z).map(|t| self.cx.under(t)),
                                Some(Type::Array(..))
                            ) {
                                y = strip(z);
                                continue;
                            }
                            if let Some(v) = self.tracked_var(z) {
                                self.kill(v);
                            }
                            break;
                        }
                        _ => break,
                    }
                }
                self.visit(x);
            }
            ExprKind::Unary(_, x) => self.visit(x),
            ExprKind::Binary(_, a, b) => {
                self.visit(a);
                self.visit(b);
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => {
                match self.cx.rec.calls.get(&addr(e)).copied() {
                    Some(CallKind::Builtin(b @ (Builtin::Len | Builtin::Cap))) => {
                        if let Some(v) = args.first().and_then(|a| self.tracked_var(a)) {
                            self.ok(v, 1);
                            if b == Builtin::Cap {
                                self.cap_used(v);
                            }
                        }
                    }
                    Some(CallKind::Func(f)) => {
                        for (i, a) in args.iter().enumerate() {
                            let Some(v) = self.tracked_var(a) else {
                                continue;
                            };
                            if self.cx.inlinable(f) {
                                // Inlined: `param := s` is a transition.
                                self.ok(v, 1);
                                let at = self.cur;
                                self.transition(v, at);
                            } else if !self.cx.arg_leaks(f, i, *ellipsis) {
                                self.ok(v, 1);
                                self.cap_used(v);
                            }
                        }
                    }
                    _ => {}
                }
                self.visit(func);
                for a in args {
                    self.visit(a);
                }
            }
        }
    }

    /// `x = y` (Go's `assign` in the slice pass).
    fn assign(&mut self, x: &Expr, y: &Expr) {
        let ys = strip(y);
        if let Some(v) = self.tracked_var(x) {
            match &ys.kind {
                ExprKind::Ident(_) if self.cx.name(ys) == Name::Nil => self.ok(v, 1),
                ExprKind::Composite { .. }
                    if matches!(
                        self.cx.ty(ys).map(|t| self.cx.under(t)),
                        Some(Type::Slice(_))
                    ) =>
                {
                    self.ok(v, 1);
                    self.cap_used(v);
                }
                ExprKind::Slice {
                    x: base, max: None, ..
                } if self.tracked_var(base) == Some(v) => {
                    self.ok(v, 2);
                    self.cap_used(v);
                }
                ExprKind::Call { args, .. }
                    if self.cx.rec.calls.get(&addr(ys))
                        == Some(&CallKind::Builtin(Builtin::Append))
                        && args.first().and_then(|a| self.tracked_var(a)) == Some(v) =>
                {
                    self.ok(v, 2);
                    let depth = self.depth;
                    if let Some(t) = self.tracked.get_mut(&v) {
                        t.appends.push(addr(ys));
                        t.weight += 1 + (depth - t.decl_depth);
                    }
                }
                _ => {}
            }
        }
        if let Some(w) = self.tracked_var(ys) {
            self.ok(w, 1);
            let at = self.cur;
            self.transition(w, at);
        }
    }

    /// `var`/`:=` of `names` with `values`: a declaration of each new name,
    /// then the assignment.
    fn declare(&mut self, names: &[crate::syntax::ast::Ident], values: &[Expr]) {
        for id in names {
            if let Some(v) = self.cx.decl(id.pos) {
                if self.cx.declared_at(v, id.pos) && self.tracked.contains_key(&v) {
                    self.ok(v, 1);
                    self.all(v);
                    let d = self.depth;
                    if let Some(t) = self.tracked.get_mut(&v) {
                        t.decl_depth = d;
                    }
                }
            }
        }
        if values.is_empty() {
            return;
        }
        let pair = values.len() == names.len();
        for (i, id) in names.iter().enumerate() {
            let Some(v) = self.cx.decl(id.pos) else {
                continue;
            };
            if !self.tracked.contains_key(&v) {
                continue;
            }
            // The name on the left of the assignment.
            self.all(v);
            if pair {
                let rhs = &values[i];
                let ys = strip(rhs);
                // Reuse `assign` through a synthetic view: x is `v`.
                self.assign_var(v, ys);
            }
        }
        if pair {
            for val in values {
                if let Some(w) = self.tracked_var(val) {
                    self.ok(w, 1);
                    let at = self.cur;
                    self.transition(w, at);
                }
            }
        }
        for val in values {
            self.visit(val);
        }
    }

    /// The `x` side of `assign` for a declared variable `v`.
    fn assign_var(&mut self, v: VarId, ys: &Expr) {
        match &ys.kind {
            ExprKind::Ident(_) if self.cx.name(ys) == Name::Nil => self.ok(v, 1),
            ExprKind::Composite { .. }
                if matches!(
                    self.cx.ty(ys).map(|t| self.cx.under(t)),
                    Some(Type::Slice(_))
                ) =>
            {
                self.ok(v, 1);
                self.cap_used(v);
            }
            ExprKind::Slice {
                x: base, max: None, ..
            } if self.tracked_var(base) == Some(v) => {
                self.ok(v, 2);
                self.cap_used(v);
            }
            ExprKind::Call { args, .. }
                if self.cx.rec.calls.get(&addr(ys))
                    == Some(&CallKind::Builtin(Builtin::Append))
                    && args.first().and_then(|a| self.tracked_var(a)) == Some(v) =>
            {
                self.ok(v, 2);
                let depth = self.depth;
                if let Some(t) = self.tracked.get_mut(&v) {
                    t.appends.push(addr(ys));
                    t.weight += 1 + (depth - t.decl_depth);
                }
            }
            _ => {}
        }
    }

    fn block(&mut self, b: &Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let saved = self.cur;
        self.cur = addr(s);
        match s {
            Stmt::Expr(e) => self.visit(e),
            Stmt::Var(specs) => {
                for sp in specs {
                    self.declare(&sp.names, &sp.values);
                }
            }
            Stmt::ShortVar { names, values, .. } => self.declare(names, values),
            Stmt::Const(_)
            | Stmt::Type(_)
            | Stmt::Break(..)
            | Stmt::Continue(..)
            | Stmt::Goto(..)
            | Stmt::Fallthrough(_)
            | Stmt::Empty(_)
            | Stmt::TypeSwitch { .. } => {}
            Stmt::Assign { lhs, rhs, op, .. } => {
                if op.is_none() && lhs.len() == rhs.len() {
                    for (l, r) in lhs.iter().zip(rhs) {
                        self.assign(l, r);
                    }
                }
                for l in lhs {
                    self.visit(l);
                }
                for r in rhs {
                    self.visit(r);
                }
            }
            Stmt::IncDec { target, .. } => self.visit(target),
            Stmt::Send { ch, value, .. } => {
                self.visit(ch);
                self.visit(value);
            }
            Stmt::Go(e, _) | Stmt::Defer(e, _) => self.kill_mentions(e),
            Stmt::Return(es, _) => {
                for e in es {
                    if let Some(v) = self.tracked_var(e) {
                        self.ok(v, 1);
                        let at = self.cur;
                        self.transition(v, at);
                    }
                    self.visit(e);
                }
                if es.is_empty() {
                    let at = self.cur;
                    for v in self.named_results.clone() {
                        self.transition(v, at);
                    }
                }
            }
            Stmt::Block(b) => self.block(b),
            Stmt::If {
                init,
                cond,
                then,
                els,
                ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.visit(cond);
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            Stmt::For {
                init,
                cond,
                post,
                body,
                ..
            } => {
                self.depth += 1;
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.visit(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
                self.depth -= 1;
            }
            Stmt::Range {
                key,
                value,
                expr,
                body,
                ..
            } => {
                if let Some(v) = self.tracked_var(expr) {
                    // The loop keeps a pointer to the backing array.
                    self.ok(v, 1);
                    let at = self.cur;
                    self.transition(v, at);
                }
                self.depth += 1;
                self.visit(expr);
                for e in [key, value].into_iter().flatten() {
                    self.visit(e);
                }
                self.block(body);
                self.depth -= 1;
            }
            Stmt::Switch {
                init, tag, cases, ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.visit(t);
                }
                for c in cases {
                    for e in &c.exprs {
                        self.visit(e);
                    }
                    for st in &c.body {
                        self.stmt(st);
                    }
                }
            }
            Stmt::Select { cases, .. } => {
                for c in cases {
                    if let Some(st) = &c.comm {
                        self.stmt(st);
                    }
                    for st in &c.body {
                        self.stmt(st);
                    }
                }
            }
            Stmt::Labeled { stmt, .. } => {
                self.cur = saved;
                self.stmt(stmt);
            }
        }
        self.cur = saved;
    }
}

/// Calls `f` on every statement of `ss`, nested blocks included, but not
/// inside function literals.
fn walk_stmts_shallow<'a>(ss: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
    for s in ss {
        f(s);
        match s {
            Stmt::Block(b) => walk_stmts_shallow(&b.stmts, f),
            Stmt::If {
                init, then, els, ..
            } => {
                if let Some(i) = init {
                    walk_stmts_shallow(std::slice::from_ref(&**i), f);
                }
                walk_stmts_shallow(&then.stmts, f);
                if let Some(e) = els {
                    walk_stmts_shallow(std::slice::from_ref(&**e), f);
                }
            }
            Stmt::For {
                init, post, body, ..
            } => {
                for x in [init, post].into_iter().flatten() {
                    walk_stmts_shallow(std::slice::from_ref(&**x), f);
                }
                walk_stmts_shallow(&body.stmts, f);
            }
            Stmt::Range { body, .. } => walk_stmts_shallow(&body.stmts, f),
            Stmt::Switch { init, cases, .. } => {
                if let Some(i) = init {
                    walk_stmts_shallow(std::slice::from_ref(&**i), f);
                }
                for c in cases {
                    walk_stmts_shallow(&c.body, f);
                }
            }
            Stmt::Select { cases, .. } => {
                for c in cases {
                    walk_stmts_shallow(&c.body, f);
                }
            }
            Stmt::Labeled { stmt, .. } => walk_stmts_shallow(std::slice::from_ref(&**stmt), f),
            _ => {}
        }
    }
}
