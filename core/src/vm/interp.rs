//! The dispatch loop.
//!
//! `execute` runs one goroutine on one P for at most `budget` instructions
//! and returns why it stopped. Calls push a `Frame` on the goroutine's own
//! frame stack and continue the loop: no host recursion, so a goroutine can
//! be suspended at any instruction boundary (that is all preemption is), and
//! a parked goroutine is just data.

use std::sync::Arc;

use crate::runtime::machine::{Config, ExitKind, Machine};
use crate::runtime::sched::{Deferred, Frame, FrameKind, GIdx, GStatus, PanicState, Resume, G};
use crate::trace::EventKind;
use crate::vm::native::{self, NativeCtx};
use crate::vm::op::{Op, NO_REG};
use crate::vm::ops;
use crate::vm::regops;
use crate::vm::panic::Throw;
use crate::vm::program::Program;
use crate::vm::value::{Closure, Value};

/// Why `execute` returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// The budget ran out; the G is still running.
    Budget,
    /// The G parked (blocked on a channel, lock, timer...).
    Park,
    /// `runtime.Gosched`.
    Yield,
    /// Cooperative preemption at a call.
    Preempted,
    /// The goroutine finished.
    Done,
    /// The program is over (`m.exit` is set).
    Exit,
}

/// Control after a throw or a return through deferred calls.
enum Flow {
    Continue,
    Stop(Stop),
}

/// Sets up `g` to start in function `f` with `args` in its first registers.
pub fn push_entry_frame(prog: &Program, g: &mut G, f: u32, closure: Option<Arc<Closure>>, args: &[Value]) {
    let nregs = prog.funcs.get(f as usize).map(|p| p.nregs as usize).unwrap_or(0);
    g.stack.clear();
    let n = nregs.max(args.len()).max(1);
    g.stack.reserve_exact(n);
    g.stack.resize(n, Value::Nil);
    for (i, a) in args.iter().enumerate() {
        g.stack[i] = a.clone();
    }
    // Exactly one frame: most goroutines never call deeper than their
    // entry function while parked, and Vec's default first growth is 4.
    g.frames.reserve_exact(1);
    g.frames.push(Frame { func: f, pc: 0, base: 0, kind: FrameKind::Normal, closure, defers: None });
}

pub fn execute(m: &mut Machine, p: usize, gi: GIdx, g: &mut G, budget: u32) -> (Stop, u32) {
    let prog = m.prog.clone();
    let mut left = budget;
    if let Resume::PanicSendOnClosed = g.resume {
        g.resume = Resume::Continue;
        if let Flow::Stop(s) = start_panic(m, p, g, Throw::plain("send on closed channel")) {
            return (s, 0);
        }
    }

    macro_rules! used {
        () => {
            budget - left
        };
    }

    'frames: loop {
        let Some(fr) = g.frames.last() else {
            return (Stop::Done, used!());
        };
        let fidx = fr.func;
        let base = fr.base as usize;
        let mut pc = fr.pc as usize;
        let func = &prog.funcs[fidx as usize];
        let code: &[Op] = &func.code;

        macro_rules! save_pc {
            () => {
                if let Some(f) = g.frames.last_mut() {
                    f.pc = pc as u32;
                }
            };
        }
        regops::register_access!($, g, base);
        macro_rules! throw {
            ($t:expr) => {{
                let t = $t;
                save_pc!();
                match start_panic(m, p, g, t) {
                    Flow::Continue => continue 'frames,
                    Flow::Stop(s) => return (s, used!()),
                }
            }};
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(t) => throw!(t),
                }
            };
        }
        // After instructions that allocate: a memory bomb stops here.
        macro_rules! check_mem {
            () => {
                if m.memory_exceeded() {
                    save_pc!();
                    return (Stop::Exit, used!());
                }
            };
        }
        // After a call that may have stopped the run at a limit (a zero
        // value too large for `max_alloc`).
        macro_rules! stop_if_exit {
            () => {
                if m.exit.is_some() {
                    save_pc!();
                    return (Stop::Exit, used!());
                }
            };
        }
        // Runs `$body` with register `$x` moved out into `$c` and puts it
        // back after: the channel stays reachable without a reference-count
        // round trip (atomic since values can cross threads). Only for
        // calls that never write register `$x`.
        macro_rules! with_reg {
            ($x:expr, |$c:ident| $body:expr) => {{
                let slot = base + $x as usize;
                let $c = std::mem::take(&mut g.stack[slot]);
                let out = $body;
                g.stack[slot] = $c;
                out
            }};
        }
        macro_rules! park {
            () => {{
                save_pc!();
                return (Stop::Park, used!());
            }};
        }

        loop {
            if left == 0 {
                save_pc!();
                return (Stop::Budget, budget);
            }
            left -= 1;
            let Some(&op) = code.get(pc) else {
                // Falling off the end returns nothing (the compiler ends
                // every function with `Ret`, this only guards bad code).
                save_pc!();
                match do_return(m, p, gi, g, 0, 0, &prog) {
                    Flow::Continue => continue 'frames,
                    Flow::Stop(s) => return (s, used!()),
                }
            };
            pc += 1;
            regops::register_ops! { op, pc, func.consts;
                Op::Zero { dst, ty } => {
                    let v = m.zero(ty);
                    stop_if_exit!();
                    set!(dst, v)
                }
                Op::LoadGlobal { dst, g: gl } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::global_load(m, g, code, pc, gl, dst)
                    }
                    let v = m.globals.get(gl as usize).cloned().unwrap_or_default();
                    set!(dst, v)
                }
                Op::StoreGlobal { g: gl, src } => {
                    let v = r!(src).clone();
                    if let Some(slot) = m.globals.get_mut(gl as usize) {
                        *slot = v;
                    }
                    if m.race.is_some() {
                        crate::analysis::race::hooks::global_store(m, g, pc, gl)
                    }
                }
                Op::Closure { dst, f, cells, n } => {
                    let mut ups = Vec::with_capacity(n as usize);
                    for i in 0..n {
                        match &r!(cells + i) {
                            Value::Cell(c) => ups.push(c.clone()),
                            other => ups.push(crate::vm::value::new_shared(other.clone())),
                        }
                    }
                    set!(dst, Value::Func(Arc::new(Closure { func: f, upvals: ups.into_boxed_slice() })))
                }
                Op::Upval { dst, i } => {
                    let cell = g
                        .frames
                        .last()
                        .and_then(|f| f.closure.as_ref())
                        .and_then(|c| c.upvals.get(i as usize).cloned());
                    match cell {
                        Some(c) => set!(dst, Value::Cell(c)),
                        None => throw!(Throw::Fatal("bad upvalue reference".into())),
                    }
                }
                Op::NewCell { dst, src } => {
                    let v = r!(src).clone();
                    set!(dst, Value::Cell(crate::vm::value::new_shared(v)))
                }
                Op::Load { dst, ptr } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::load(m, g, code, pc, base, ptr, dst)
                    }
                    if !load_cell(&mut g.stack, base + ptr as usize, base + dst as usize) {
                        let v = tri!(ops::load(&r!(ptr)));
                        set!(dst, v)
                    }
                }
                Op::Store { ptr, src } => {
                    let v = r!(src).clone();
                    tri!(ops::store(&r!(ptr), v));
                    if m.race.is_some() {
                        crate::analysis::race::hooks::store(m, g, pc, base, ptr, src)
                    }
                }
                Op::ElemAddr { dst, x, i } => {
                    let v = tri!(ops::elem_addr(&r!(x), int!(i)));
                    set!(dst, v)
                }
                Op::FieldAddr { dst, p: pr, i } => {
                    let v = tri!(ops::field_addr(&r!(pr), i));
                    set!(dst, v)
                }

                Op::Concat { dst, a, b } => {
                    let n = r!(a).as_bytes().len() as u64 + r!(b).as_bytes().len() as u64;
                    if n > m.cfg.max_alloc as u64 {
                        save_pc!();
                        m.limit(&format!("a string of {} bytes exceeds the allocation limit of {}", n, m.cfg.max_alloc));
                        return (Stop::Exit, used!());
                    }
                    let v = ops::concat(&r!(a), &r!(b));
                    set!(dst, v);
                    check_mem!()
                }
                Op::Eq { dst, a, b } => {
                    let eq = tri!(ops::equal(&prog.types, &r!(a), &r!(b)));
                    set!(dst, Value::Bool(eq))
                }
                Op::Ne { dst, a, b } => {
                    let eq = tri!(ops::equal(&prog.types, &r!(a), &r!(b)));
                    set!(dst, Value::Bool(!eq))
                }
                Op::BytesToStr { dst, a } => {
                    let v = ops::bytes_to_str(&r!(a));
                    set!(dst, v)
                }
                Op::StrToBytes { dst, a } => {
                    let v = ops::str_to_bytes(&r!(a));
                    set!(dst, v)
                }
                Op::RunesToStr { dst, a } => {
                    let v = ops::runes_to_str(&r!(a));
                    set!(dst, v)
                }
                Op::StrToRunes { dst, a } => {
                    let v = ops::str_to_runes(&r!(a));
                    set!(dst, v)
                }

                Op::Call { f, a } => {
                    save_pc!();
                    tri!(push_frame(&m.cfg, g, &prog, f, base + a as usize, None, FrameKind::Normal));
                    if m.preempt_req[p] {
                        m.preempt_req[p] = false;
                        return (Stop::Preempted, used!());
                    }
                    continue 'frames;
                }
                Op::CallValue { fv, a } => {
                    let c = match &r!(fv) {
                        Value::Func(c) => c.clone(),
                        _ => throw!(Throw::nil_deref()),
                    };
                    save_pc!();
                    tri!(push_frame(&m.cfg, g, &prog, c.func, base + a as usize, Some(c), FrameKind::Normal));
                    if m.preempt_req[p] {
                        m.preempt_req[p] = false;
                        return (Stop::Preempted, used!());
                    }
                    continue 'frames;
                }
                Op::CallIface { a, m: mid } => {
                    // The method table row of the dynamic type; the slow
                    // path only explains a nil interface or a missing method.
                    let hit = match &r!(a) {
                        Value::Iface(i) => prog
                            .itab_dense
                            .get(i.ty as usize)
                            .and_then(|row| row.get(mid as usize))
                            .copied()
                            .filter(|&f| f != crate::vm::program::NO_METHOD)
                            .map(|f| (f, i.val.clone())),
                        _ => None,
                    };
                    let (f, recv) = match hit {
                        Some(x) => x,
                        None => tri!(crate::vm::iface::lookup(&prog, &r!(a), mid)),
                    };
                    set!(a, recv);
                    save_pc!();
                    tri!(push_frame(&m.cfg, g, &prog, f, base + a as usize, None, FrameKind::Normal));
                    if m.preempt_req[p] {
                        m.preempt_req[p] = false;
                        return (Stop::Preempted, used!());
                    }
                    continue 'frames;
                }
                Op::CopySync { dst, ty } => {
                    let mut v = std::mem::take(&mut g.stack[base + dst as usize]);
                    let mut ids = || m.new_obj_id();
                    crate::runtime::synccopy::copy_value(&prog.types, ty, &mut v, &mut ids, 0);
                    g.stack[base + dst as usize] = v;
                }
                Op::SliceToArray { dst, a, n } => {
                    let v = tri!(ops::slice_to_array(&r!(a), n));
                    set!(dst, v)
                }
                Op::IndexAddr { dst, p: pr, i } => {
                    let v = tri!(ops::index_addr(&r!(pr), int!(i)));
                    set!(dst, v)
                }
                Op::Assert { dst, x, k } => {
                    let Some(asr) = prog.asserts.get(k as usize) else {
                        throw!(Throw::Fatal("bad type assertion".into()))
                    };
                    let hit = tri!(crate::vm::iface::assert(&prog, asr, &r!(x)));
                    let ok = hit.is_some();
                    let v = match hit {
                        Some(v) => v,
                        None if asr.to == crate::types::consts::UNTYPED_NIL => Value::Nil,
                        None => {
                            let z = m.zero(asr.to);
                            stop_if_exit!();
                            z
                        }
                    };
                    set!(dst, v);
                    if asr.ok {
                        set!(dst + 1, Value::Bool(ok));
                    }
                }
                Op::CallNative { n, a, nargs } => {
                    let start = base + a as usize;
                    let end = start + nargs as usize;
                    if g.stack.len() < end.max(start + 2) {
                        g.stack.resize(end.max(start + 2), Value::Nil);
                    }
                    let before = m.stdout.len();
                    let output_left = m.output_left();
                    let depth = g.frames.len() as u32;
                    let (res, limit) = {
                        let memo: &[Value] = match g.fmt_memo.as_deref().and_then(|v| v.last()) {
                            Some((d, vals)) if *d == depth => vals,
                            _ => &[],
                        };
                        let mut ctx = NativeCtx {
                            types: &prog.types,
                            prog: Some(&prog),
                            stdout: &mut m.stdout,
                            now: m.now,
                            output_left,
                            max_alloc: m.cfg.max_alloc,
                            limit: None,
                            memo,
                            pkg_vars: &mut m.lib.pkg_vars,
                        };
                        let res = native::call(n, &mut ctx, &mut g.stack[start..end.max(start + 2)]);
                        (res, ctx.limit)
                    };
                    if let Err(Throw::Call { ty, recv, method }) = res {
                        // Run the method, then this instruction again.
                        pc -= 1;
                        save_pc!();
                        tri!(call_fmt_method(m, g, &prog, ty, recv, method));
                        continue 'frames;
                    }
                    if let Some(memo) = g.fmt_memo.as_mut() {
                        if memo.last().is_some_and(|(d, _)| *d == depth) {
                            memo.pop();
                        }
                    }
                    if let Some(msg) = limit {
                        save_pc!();
                        m.limit(&msg);
                        return (Stop::Exit, used!());
                    }
                    if m.stdout.len() != before {
                        m.note_stdout_growth(g.id, before);
                        if m.exit.is_some() {
                            save_pc!();
                            return (Stop::Exit, used!());
                        }
                    }
                    tri!(res)
                }
                Op::RunDefers => {
                    let pending = g.frames.last_mut().and_then(|f| f.defers.as_mut()).and_then(|d| d.pop());
                    if let Some(d) = pending {
                        // Come back to this instruction for the next one.
                        pc -= 1;
                        save_pc!();
                        match call_deferred(m, g, &prog, d, FrameKind::Deferred) {
                            Ok(()) => continue 'frames,
                            Err(t) => throw!(t),
                        }
                    }
                }
                // The frame's closure is looked up in place rather than
                // held in a local: cloning it on every frame entry was an
                // atomic reference-count round trip per call and switch.
                Op::LoadUpval { dst, i } => {
                    if m.race.is_some() {
                        if let Some(cell) = upval(g, i) {
                            crate::analysis::race::hooks::upval_load(m, g, code, pc, &cell, dst)
                        }
                    }
                    match g.frames.last().and_then(|f| f.closure.as_ref()).and_then(|c| c.upvals.get(i as usize)) {
                        Some(cell) => Value::assign_from(&mut g.stack[base + dst as usize], &cell.borrow()),
                        None => throw!(Throw::Fatal("bad upvalue reference".into())),
                    }
                }
                Op::StoreUpval { i, src } => {
                    match g.frames.last().and_then(|f| f.closure.as_ref()).and_then(|c| c.upvals.get(i as usize)) {
                        Some(cell) => Value::assign_from(&mut cell.borrow_mut(), &g.stack[base + src as usize]),
                        None => throw!(Throw::Fatal("bad upvalue reference".into())),
                    }
                    if m.race.is_some() {
                        if let Some(cell) = upval(g, i) {
                            crate::analysis::race::hooks::upval_store(m, g, pc, &cell)
                        }
                    }
                }
                Op::Ret { a, n } => {
                    if ret_fast(g, base, a, n) {
                        continue 'frames;
                    }
                    pc -= 1;
                    save_pc!();
                    match do_return(m, p, gi, g, a, n, &prog) {
                        Flow::Continue => continue 'frames,
                        Flow::Stop(s) => return (s, used!()),
                    }
                }
                Op::Go { fv, a, nargs } => {
                    save_pc!();
                    let args: Vec<Value> = (0..nargs).map(|i| r!(a + i).clone()).collect();
                    let fval = r!(fv).clone();
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    tri!(newproc(m, p, g, fidx, line, fval, &args, &prog));
                    if m.exit.is_some() {
                        return (Stop::Exit, used!());
                    }
                }
                Op::Defer { fv, a, nargs } => {
                    let args: Vec<Value> = (0..nargs).map(|i| r!(a + i).clone()).collect();
                    let fval = r!(fv).clone();
                    if let Some(f) = g.frames.last_mut() {
                        f.defers.get_or_insert_with(Default::default).push(Deferred { fv: fval, args });
                    }
                }
                Op::Panic { v } => {
                    let val = r!(v).clone();
                    if val.is_nil() {
                        throw!(Throw::runtime("panic called with nil argument"))
                    }
                    throw!(Throw::Panic(val))
                }
                Op::Recover { dst } => {
                    let v = recover(g, &prog);
                    set!(dst, v)
                }

                Op::MakeSlice { dst, ty, len, cap } => {
                    let n = int!(len);
                    let c = if cap == NO_REG { n } else { int!(cap) };
                    if n < 0 {
                        throw!(Throw::runtime("makeslice: len out of range"))
                    }
                    if c < n {
                        throw!(Throw::runtime("makeslice: cap out of range"))
                    }
                    // Elements of array or struct type hold several values
                    // each (and are copied apart on the first write).
                    let total = (c as u64).saturating_mul(m.flat_len(ty));
                    if total > m.cfg.max_alloc as u64 {
                        save_pc!();
                        m.limit(&format!("allocation of {} elements exceeds the limit of {}", total, m.cfg.max_alloc));
                        return (Stop::Exit, used!());
                    }
                    let z = if c == 0 { Value::Nil } else { m.zero(ty) };
                    let v = ops::make_slice(n as usize, c as usize, z, || m.zero(ty));
                    set!(dst, v);
                    check_mem!()
                }
                Op::SliceLit { dst, a, n } => {
                    let items: Vec<Value> = (0..n).map(|i| r!(a + i).clone()).collect();
                    set!(dst, Value::slice(items))
                }
                Op::ArrayLit { dst, a, n } => {
                    let items: Vec<Value> = (0..n).map(|i| r!(a + i).clone()).collect();
                    set!(dst, Value::Array(Arc::new(items)))
                }
                Op::StructLit { dst, a, n } => {
                    let items: Vec<Value> = (0..n).map(|i| r!(a + i).clone()).collect();
                    set!(dst, Value::Struct(Arc::new(items)))
                }
                Op::Index { dst, x, i } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::index(m, g, code, pc, base, x, i, dst)
                    }
                    let v = tri!(ops::index(&r!(x), int!(i)));
                    set!(dst, v)
                }
                Op::SetIndex { x, i, src } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::set_index(m, g, pc, base, x, i, src)
                    }
                    let v = r!(src).clone();
                    let idx = int!(i);
                    tri!(ops::set_index(&mut g.stack[base + x as usize], idx, v))
                }
                Op::Field { dst, x, i } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::field(m, g, code, pc, base, x, i, dst)
                    }
                    let v = ops::field(&r!(x), i);
                    set!(dst, v)
                }
                Op::SetField { x, i, src } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::set_field(m, g, pc, base, x, i, src)
                    }
                    let v = r!(src).clone();
                    ops::set_field(&mut g.stack[base + x as usize], i, v)
                }
                Op::Len { dst, x } => {
                    m.lock_chan_value(&r!(x));
                    set!(dst, Value::Int(ops::len(&r!(x))))
                }
                Op::Cap { dst, x } => {
                    m.lock_chan_value(&r!(x));
                    set!(dst, Value::Int(ops::cap(&r!(x))))
                }
                Op::SliceOf { dst, x, lo, hi, max } => {
                    let get = |reg: u16, stack: &Vec<Value>| -> Option<i64> {
                        if reg == NO_REG {
                            None
                        } else {
                            Some(stack[base + reg as usize].as_int())
                        }
                    };
                    let (l, h, mx) = (get(lo, &g.stack), get(hi, &g.stack), get(max, &g.stack));
                    let v = tri!(ops::slice_of(&r!(x), l, h, mx));
                    set!(dst, v)
                }
                Op::Append { dst, s, a, n, esize } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::append(m, g, pc, &r!(s), n as u64)
                    }
                    let items: Vec<Value> = (0..n).map(|i| r!(a + i).clone()).collect();
                    let sv = std::mem::take(&mut g.stack[base + s as usize]);
                    let res = ops::append(sv.clone(), items, esize, m.cfg.max_alloc);
                    g.stack[base + s as usize] = sv;
                    match res {
                        Ok(v) => {
                            set!(dst, v);
                            check_mem!()
                        }
                        Err(msg) => {
                            save_pc!();
                            m.limit(&msg);
                            return (Stop::Exit, used!());
                        }
                    }
                }
                Op::AppendSlice { dst, s, t, esize } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::append_slice(m, g, pc, &r!(s), &r!(t))
                    }
                    let items = ops::elements(&r!(t));
                    let sv = r!(s).clone();
                    match ops::append(sv, items, esize, m.cfg.max_alloc) {
                        Ok(v) => {
                            set!(dst, v);
                            check_mem!()
                        }
                        Err(msg) => {
                            save_pc!();
                            m.limit(&msg);
                            return (Stop::Exit, used!());
                        }
                    }
                }
                Op::Copy { dst, d, s } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::copy(m, g, pc, &r!(d), &r!(s))
                    }
                    let n = ops::copy(&r!(d), &r!(s));
                    set!(dst, Value::Int(n))
                }
                Op::MakeMap { dst } => set!(dst, Value::Map(crate::vm::value::new_shared(Default::default()))),
                Op::MapGet { dst, m: mr, k, zero } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::map_op(m, g, pc, &r!(mr), crate::analysis::race::AccessOp::MapRead)
                    }
                    let v = ops::map_get(&r!(mr), &r!(k));
                    let v = match v {
                        Some(v) => v,
                        None => m.zero(zero),
                    };
                    stop_if_exit!();
                    set!(dst, v)
                }
                Op::MapGet2 { dst, m: mr, k, zero } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::map_op(m, g, pc, &r!(mr), crate::analysis::race::AccessOp::MapRead)
                    }
                    let v = ops::map_get(&r!(mr), &r!(k));
                    let ok = v.is_some();
                    let v = match v {
                        Some(v) => v,
                        None => m.zero(zero),
                    };
                    stop_if_exit!();
                    if g.stack.len() <= base + dst as usize + 1 {
                        g.stack.resize(base + dst as usize + 2, Value::Nil);
                    }
                    set!(dst, v);
                    set!(dst + 1, Value::Bool(ok))
                }
                Op::MapSet { m: mr, k, v } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::map_op(m, g, pc, &r!(mr), crate::analysis::race::AccessOp::MapWrite)
                    }
                    let key = r!(k).clone();
                    let val = r!(v).clone();
                    tri!(ops::map_set(&prog.types, &r!(mr), key, val))
                }
                Op::MapDelete { m: mr, k } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::map_op(m, g, pc, &r!(mr), crate::analysis::race::AccessOp::MapDelete)
                    }
                    let key = r!(k).clone();
                    ops::map_delete(&r!(mr), &key)
                }
                Op::MapIter { dst, m: mr } => {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::map_op(m, g, pc, &r!(mr), crate::analysis::race::AccessOp::MapRead)
                    }
                    let it = ops::map_iter(&r!(mr), &mut m.sched.rng);
                    set!(dst, it)
                }
                Op::MapNext { it, k, v, done } => match {
                    if m.race.is_some() {
                        crate::analysis::race::hooks::map_op(m, g, pc, &r!(it), crate::analysis::race::AccessOp::MapIter)
                    }
                    ops::map_next(&r!(it))
                } {
                    Some((key, val)) => {
                        if k != NO_REG {
                            set!(k, key)
                        }
                        if v != NO_REG {
                            set!(v, val)
                        }
                    }
                    None => pc = done as usize,
                },
                Op::DecodeRune { dst, s, i } => {
                    let (rune, w) = ops::decode_rune(r!(s).as_bytes(), int!(i));
                    set!(dst, Value::Int(rune));
                    set!(dst + 1, Value::Int(w))
                }

                Op::MakeChan { dst, ty, cap } => {
                    let c = if cap == NO_REG { 0 } else { int!(cap) };
                    if c < 0 || c as u64 > m.cfg.max_alloc as u64 {
                        throw!(Throw::plain("makechan: size out of range"))
                    }
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    let ch = m.makechan(p, ty, c as usize, line);
                    set!(dst, ch)
                }
                Op::Send { ch, v } => {
                    let val = r!(v).clone();
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    let sent = with_reg!(ch, |c| m.chansend(p, gi, g, &c, val, line));
                    if !tri!(sent) {
                        park!()
                    }
                }
                Op::Recv { dst, ch } => {
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    let d = (base + dst as usize) as u32;
                    let done = if dst == ch {
                        let c = r!(ch).clone();
                        m.chanrecv(p, gi, g, &c, d, NO_SLOT, line)
                    } else {
                        with_reg!(ch, |c| m.chanrecv(p, gi, g, &c, d, NO_SLOT, line))
                    };
                    if !done {
                        park!()
                    }
                    stop_if_exit!();
                }
                Op::Recv2 { dst, ch } => {
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    let d = (base + dst as usize) as u32;
                    let done = if dst == ch || dst + 1 == ch {
                        let c = r!(ch).clone();
                        m.chanrecv(p, gi, g, &c, d, d + 1, line)
                    } else {
                        with_reg!(ch, |c| m.chanrecv(p, gi, g, &c, d, d + 1, line))
                    };
                    if !done {
                        park!()
                    }
                    stop_if_exit!();
                }
                Op::Close { ch } => {
                    let c = r!(ch).clone();
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    tri!(m.closechan(p, g, &c, line));
                    stop_if_exit!();
                }
                Op::Select { table, dst } => {
                    let Some(tab) = func.selects.get(table as usize) else {
                        throw!(Throw::Fatal("bad select table".into()))
                    };
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    if !tri!(m.selectgo(p, gi, g, tab, base, dst, line)) {
                        park!()
                    }
                    stop_if_exit!();
                }

                Op::Sleep { d } => {
                    let dur = int!(d);
                    if dur > 0 {
                        let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                        m.sleep(p, gi, g, dur, line);
                        park!()
                    }
                }
                Op::Gosched => {
                    save_pc!();
                    return (Stop::Yield, used!());
                }
                Op::After { dst, d } => {
                    let dur = int!(d);
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    let ch = m.after(p, dur, line);
                    set!(dst, ch)
                }
                // Fast paths: an uncontended Lock and an Unlock nobody waits
                // for touch only the mutex (no trace, no scheduler).
                Op::Lock { m: mr } if !m.trace.on() && !matches!(g.resume, Resume::RetryLock) && try_lock_fast(&r!(mr)) => {
                    if crate::analysis::lockhooks::on(m) {
                        crate::analysis::lockhooks::mutex_fast(m, g, pc, &r!(mr), true)
                    }
                }
                Op::Unlock { m: mr } if !m.trace.on() && try_unlock_fast(&r!(mr)) => {
                    if crate::analysis::lockhooks::on(m) {
                        crate::analysis::lockhooks::mutex_fast(m, g, pc, &r!(mr), false)
                    }
                }
                Op::Lock { m: mr } => {
                    // Borrow the object out of its register for the call
                    // (no reference-count traffic), then put it back.
                    let obj = std::mem::take(&mut g.stack[base + mr as usize]);
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    let res = m.lock(p, gi, g, &obj, line);
                    g.stack[base + mr as usize] = obj;
                    if !tri!(res) {
                        // Re-executed when woken: the lock is retried.
                        pc -= 1;
                        park!()
                    }
                }
                Op::Unlock { m: mr } => {
                    let obj = std::mem::take(&mut g.stack[base + mr as usize]);
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    let res = m.unlock(p, g, &obj, line);
                    g.stack[base + mr as usize] = obj;
                    tri!(res)
                }
                Op::LockUpval { i } => {
                    if !tri!(crate::vm::ops_lock::lock_upval(m, p, gi, g, code, &func.lines, pc, i)) {
                        // Parked past the op; Unlock rewinds the waiter (ops_lock::rewind).
                        park!()
                    }
                }
                Op::UnlockUpval { i } => tri!(crate::vm::ops_lock::unlock_upval(m, p, g, code, &func.lines, pc, i)),
                Op::WgAdd { wg, delta } => {
                    let obj = r!(wg).clone();
                    let dl = int!(delta);
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    tri!(m.wg_add(p, g, &obj, dl, line))
                }
                Op::WgWait { wg } => {
                    let obj = r!(wg).clone();
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    if !tri!(m.wg_wait(p, gi, g, &obj, line)) {
                        park!()
                    }
                }
                Op::Sync { k, a } => match crate::vm::ops_sync::exec(m, p, gi, g, base, k, a, func.lines.get(pc - 1).copied().unwrap_or(0)) {
                    crate::vm::ops_sync::SyncFlow::Next => {}
                    crate::vm::ops_sync::SyncFlow::Park => park!(),
                    crate::vm::ops_sync::SyncFlow::Retry => {
                        pc -= 1;
                        park!()
                    }
                    crate::vm::ops_sync::SyncFlow::Throw(t) => throw!(t),
                    crate::vm::ops_sync::SyncFlow::Exit => {
                        save_pc!();
                        return (Stop::Exit, used!());
                    }
                },
                Op::Std { k, a } => match crate::vm::ops_std::exec(m, p, g, base, k, a, func.lines.get(pc - 1).copied().unwrap_or(0)) {
                    Ok(false) => {}
                    Ok(true) => {
                        save_pc!();
                        return (Stop::Exit, used!());
                    }
                    Err(t) => throw!(t),
                },
                Op::NumGoroutine { dst } => set!(dst, Value::Int(m.sched.ngoroutines as i64)),
                Op::GoMaxProcs { dst, n } => {
                    let want = int!(n);
                    let prev = m.sched.ps.len() as i64;
                    set!(dst, Value::Int(prev));
                    if want > 0 && want != prev {
                        // procresize stops the world: this G yields and the
                        // driver changes the number of Ps before the next round.
                        m.pending_procs = Some(want.min(256) as usize);
                        save_pc!();
                        return (Stop::Yield, used!());
                    }
                }
                Op::Print { a, n, ln } => {
                    let args: Vec<Value> = (0..n).map(|i| r!(a + i).clone()).collect();
                    let bytes = crate::fmt::builtin_print(&prog.types, &args, ln);
                    m.write_stderr(&bytes);
                    if m.exit.is_some() {
                        save_pc!();
                        return (Stop::Exit, used!());
                    }
                }
            }
        }
    }
}

#[inline(always)]
fn try_lock_fast(v: &Value) -> bool {
    if let Value::Obj(o) = v {
        if let Ok(mut s) = o.try_borrow_mut() {
            if let crate::runtime::sync::SyncObj::Mutex(ms) = &mut *s {
                if !ms.locked {
                    ms.locked = true;
                    return true;
                }
            }
        }
    }
    false
}

#[inline(always)]
fn try_unlock_fast(v: &Value) -> bool {
    if let Value::Obj(o) = v {
        if let Ok(mut s) = o.try_borrow_mut() {
            if let crate::runtime::sync::SyncObj::Mutex(ms) = &mut *s {
                if ms.locked && ms.waiters.is_empty() {
                    ms.locked = false;
                    return true;
                }
            }
        }
    }
    false
}

/// `Load` through a `Value::Cell` in register `pi` into register `di`,
/// borrowing both registers at once rather than cloning the cell (an
/// atomic reference-count round trip). False when `pi` holds no cell.
#[inline(always)]
fn load_cell(stack: &mut [Value], pi: usize, di: usize) -> bool {
    if pi == di || pi.max(di) >= stack.len() {
        let v = match stack.get(pi) {
            Some(Value::Cell(c)) => c.borrow().clone(),
            _ => return false,
        };
        return match stack.get_mut(di) {
            Some(d) => {
                *d = v;
                true
            }
            None => false,
        };
    }
    let (lo, hi) = stack.split_at_mut(pi.max(di));
    let (src, dst) = if pi < di { (&lo[pi], &mut hi[0]) } else { (&hi[0], &mut lo[di]) };
    match src {
        Value::Cell(c) => {
            Value::assign_from(dst, &c.borrow());
            true
        }
        _ => false,
    }
}

/// Captured variable `i` of the running frame's closure.
fn upval(g: &G, i: u16) -> Option<crate::vm::value::Shared<Value>> {
    g.frames.last()?.closure.as_ref()?.upvals.get(i as usize).cloned()
}

/// An absent destination slot in a sudog.
pub const NO_SLOT: u32 = u32::MAX;

/// Pushes a call frame for `f` whose registers start at absolute `nb`.
pub(crate) fn push_frame(
    cfg: &Config,
    g: &mut G,
    prog: &Program,
    f: u32,
    nb: usize,
    closure: Option<Arc<Closure>>,
    kind: FrameKind,
) -> Result<(), Throw> {
    let Some(callee) = prog.funcs.get(f as usize) else {
        return Err(Throw::Fatal("call of unknown function".into()));
    };
    let need = nb + callee.nregs as usize + 2;
    if g.frames.len() >= cfg.max_frames || need > cfg.max_stack {
        return Err(Throw::Fatal("stack overflow".into()));
    }
    if g.stack.len() < need {
        g.stack.resize(need, Value::Nil);
    }
    push_frame_in_place(&mut g.frames, Frame { func: f, pc: 0, base: nb as u32, kind, closure, defers: None });
    Ok(())
}

/// `frames.push(fr)`, writing each field straight into the vector. A plain
/// `push` copies the freshly built frame from a stack temporary with wide
/// loads that the CPU cannot forward from the narrow stores that built it,
/// which stalled every call.
#[inline(always)]
fn push_frame_in_place(frames: &mut Vec<Frame>, fr: Frame) {
    frames.reserve(1);
    let len = frames.len();
    let Frame { func, pc, base, kind, closure, defers } = fr;
    // SAFETY: `reserve(1)` guarantees room for one more element at `len`;
    // every field is written before `set_len` makes the slot visible, and
    // nothing can observe the vector in between.
    unsafe {
        let slot = frames.as_mut_ptr().add(len);
        std::ptr::addr_of_mut!((*slot).func).write(func);
        std::ptr::addr_of_mut!((*slot).pc).write(pc);
        std::ptr::addr_of_mut!((*slot).base).write(base);
        std::ptr::addr_of_mut!((*slot).kind).write(kind);
        std::ptr::addr_of_mut!((*slot).closure).write(closure);
        std::ptr::addr_of_mut!((*slot).defers).write(defers);
        frames.set_len(len + 1);
    }
}

/// `Ret`'s fast path: a plain call returning to a caller with no deferred
/// calls pending moves its results down and pops the frame. False when the
/// slow path (`do_return`) is needed.
#[inline(always)]
pub(crate) fn ret_fast(g: &mut G, base: usize, a: u16, n: u16) -> bool {
    if g.frames.len() <= 1 {
        return false;
    }
    let last = g.frames.len() - 1;
    let fr = &g.frames[last];
    if fr.defers.is_some() || fr.kind != FrameKind::Normal {
        return false;
    }
    for i in 0..n as usize {
        let v = std::mem::take(&mut g.stack[base + a as usize + i]);
        Value::store(&mut g.stack[base + i], v);
    }
    g.frames.truncate(last);
    true
}

/// `Ret`: run the next deferred call if any (the `Ret` is re-executed after
/// it), else copy results down and pop the frame.
fn do_return(m: &mut Machine, p: usize, gi: GIdx, g: &mut G, a: u16, n: u16, prog: &Program) -> Flow {
    let pending = g.frames.last_mut().and_then(|f| f.defers.as_mut()).and_then(|d| d.pop());
    if let Some(d) = pending {
        return match call_deferred(m, g, prog, d, FrameKind::Deferred) {
            Ok(()) => Flow::Continue,
            Err(t) => start_panic(m, p, g, t),
        };
    }
    let Some(fr) = g.frames.pop() else {
        return Flow::Stop(Stop::Done);
    };
    let base = fr.base as usize;
    if a != 0 {
        for i in 0..n as usize {
            let v = std::mem::take(&mut g.stack[base + a as usize + i]);
            g.stack[base + i] = v;
        }
    }
    match fr.kind {
        FrameKind::Normal | FrameKind::Deferred => {}
        FrameKind::FmtMethod => {
            let v = g.stack[base].clone();
            fmt_memo_push(g, v);
            return Flow::Continue;
        }
        FrameKind::PanicPrint(i) => {
            let v = g.stack[base].clone();
            crate::vm::panicprint::set_text(g, i, v);
            return unwind(m, g, prog);
        }
        FrameKind::DeferredPanic => {
            let recovered = g.panic.as_ref().map(|ps| ps.recovered).unwrap_or(true);
            if recovered {
                g.panic = None;
                // The function that deferred the call returns normally; its
                // results are whatever its result registers hold.
                return finish_recovered(m, p, gi, g, prog);
            }
            return unwind(m, g, prog);
        }
    }
    if g.frames.is_empty() {
        if gi == m.main_g {
            m.finish(0, ExitKind::Normal);
            return Flow::Stop(Stop::Exit);
        }
        return Flow::Stop(Stop::Done);
    }
    Flow::Continue
}

/// After `recover`, the frame that deferred the recovering call returns to
/// its caller (running its remaining deferred calls first).
fn finish_recovered(m: &mut Machine, p: usize, gi: GIdx, g: &mut G, prog: &Program) -> Flow {
    let Some(fr) = g.frames.last() else { return Flow::Stop(Stop::Done) };
    let proto = &prog.funcs[fr.func as usize];
    // Resume at the epilogue (the last `RunDefers`): deferred calls left
    // run first, then the named results are loaded and returned. Without
    // one, the final `Ret` returns the result registers as they are.
    let ret_pc = proto
        .code
        .iter()
        .rposition(|op| matches!(op, Op::RunDefers))
        .or_else(|| proto.code.iter().rposition(|op| matches!(op, Op::Ret { .. })));
    match ret_pc {
        Some(pc) => {
            if let Some(f) = g.frames.last_mut() {
                f.pc = pc as u32;
            }
            Flow::Continue
        }
        None => do_return(m, p, gi, g, 0, 0, prog),
    }
}

fn call_deferred(m: &mut Machine, g: &mut G, prog: &Program, d: Deferred, kind: FrameKind) -> Result<(), Throw> {
    let Value::Func(c) = d.fv else {
        return Err(Throw::nil_deref());
    };
    let Some(fr) = g.frames.last() else { return Ok(()) };
    let nb = fr.base as usize + prog.funcs[fr.func as usize].nregs as usize;
    let f = c.func;
    push_frame(&m.cfg, g, prog, f, nb, Some(c), kind)?;
    for (i, a) in d.args.into_iter().enumerate() {
        g.stack[nb + i] = a;
    }
    Ok(())
}

fn recover(g: &mut G, prog: &Program) -> Value {
    // recover only stops a panic when called directly by a deferred call
    // that the panic is running.
    let direct = g.frames.len() >= 1 && g.frames.last().map(|f| f.kind) == Some(FrameKind::DeferredPanic);
    if !direct {
        return Value::Nil;
    }
    match g.panic.as_mut() {
        Some(ps) if !ps.recovered => {
            ps.recovered = true;
            match &ps.throw {
                Throw::Panic(v) => v.clone(),
                Throw::Runtime(msg) => crate::vm::iface::runtime_error(prog, msg),
                Throw::Fatal(_) | Throw::Call { .. } => Value::Nil,
            }
        }
        _ => Value::Nil,
    }
}

/// Raises `t` on `g`: a fatal error ends the program; a panic starts
/// running deferred calls.
fn start_panic(m: &mut Machine, p: usize, g: &mut G, t: Throw) -> Flow {
    if let Throw::Fatal(msg) = &t {
        let msg = msg.clone();
        m.fatal(g, &msg);
        return Flow::Stop(Stop::Exit);
    }
    let trace = crate::runtime::traceback::goroutine_trace(&m.prog, g, "running");
    if m.trace.on() {
        let message = crate::runtime::traceback::panic_message(&m.prog, &t);
        let line = crate::runtime::traceback::current_line(&m.prog, g);
        m.trace.emit(m.now, Some(p as u32), line, EventKind::Panic { g: g.id, message });
    }
    let link = g.panic.take();
    g.panic = Some(Box::new(PanicState { throw: t, trace, recovered: false, link, repanicked: false }));
    let prog = m.prog.clone();
    unwind(m, g, &prog)
}

/// Runs the next deferred call of the innermost frame that has one,
/// popping frames without; when none is left, the program dies.
fn unwind(m: &mut Machine, g: &mut G, prog: &Program) -> Flow {
    loop {
        let Some(fr) = g.frames.last_mut() else {
            // preprintpanics: values with Error/String methods print as
            // their text, which the VM computes first.
            match crate::vm::panicprint::next_method(m, g, prog) {
                Ok(true) => return Flow::Continue,
                Ok(false) => {}
                Err(msg) => {
                    m.fatal(g, &msg);
                    return Flow::Stop(Stop::Exit);
                }
            }
            m.die_of_panic(g);
            return Flow::Stop(Stop::Exit);
        };
        if let Some(d) = fr.defers.as_mut().and_then(|d| d.pop()) {
            match call_deferred(m, g, prog, d, FrameKind::DeferredPanic) {
                Ok(()) => return Flow::Continue,
                Err(t) => {
                    // A panic while starting a deferred call replaces the first.
                    if let Some(ps) = g.panic.as_mut() {
                        ps.throw = t;
                    }
                    continue;
                }
            }
        }
        if let Some(fr) = g.frames.pop() {
            if let FrameKind::PanicPrint(_) = fr.kind {
                let msg = g.panic.as_ref().map(|ps| crate::runtime::traceback::panic_message(&m.prog, &ps.throw)).unwrap_or_default();
                m.fatal(g, &format!("panic while printing panic value: {}", msg));
                return Flow::Stop(Stop::Exit);
            }
            if fr.kind == FrameKind::FmtMethod {
                // fmt's catchPanic: a nil receiver prints as <nil>, other
                // panics become part of the output.
                if matches!(g.stack.get(fr.base as usize), Some(Value::Nil)) {
                    g.panic = None;
                    fmt_memo_push(g, Value::str("<nil>"));
                    return Flow::Continue;
                }
                let msg = g.panic.take().map(|ps| crate::runtime::traceback::panic_message(&m.prog, &ps.throw)).unwrap_or_default();
                fmt_memo_push(g, Value::Array(Arc::new(vec![Value::str(&msg)])));
                return Flow::Continue;
            }
        }
    }
}

/// Calls method `method` of a value of dynamic type `ty` for fmt, in a
/// frame above the current one.
fn call_fmt_method(m: &mut Machine, g: &mut G, prog: &Program, ty: crate::types::TypeId, recv: Value, method: &str) -> Result<(), Throw> {
    let f = prog
        .method_ids
        .get(&crate::vm::program::method_key(method, crate::types::consts::FUNC_STRING))
        .and_then(|id| prog.itab.get(&(ty, *id)))
        .copied()
        .ok_or_else(|| Throw::Fatal(format!("chanscope: method {} of {} is not available", method, prog.types.name(ty))))?;
    let Some(fr) = g.frames.last() else { return Ok(()) };
    let nb = fr.base as usize + prog.funcs[fr.func as usize].nregs as usize;
    push_frame(&m.cfg, g, prog, f, nb, None, FrameKind::FmtMethod)?;
    g.stack[nb] = recv;
    Ok(())
}

/// Records a method result for the fmt call in the frame now on top.
fn fmt_memo_push(g: &mut G, v: Value) {
    let depth = g.frames.len() as u32;
    let memo = g.fmt_memo.get_or_insert_with(Default::default);
    // Entries deeper than this frame belong to calls a panic abandoned.
    while memo.last().is_some_and(|(d, _)| *d > depth) {
        memo.pop();
    }
    match memo.last_mut() {
        Some((d, vals)) if *d == depth => vals.push(v),
        _ => memo.push((depth, vec![v])),
    }
}

/// `newproc`: a new G runs `fv(args)`; it goes to `runnext` of this P.
fn newproc(m: &mut Machine, p: usize, g: &mut G, fidx: u32, line: u32, fv: Value, args: &[Value], prog: &Program) -> Result<(), Throw> {
    let Value::Func(c) = fv else {
        return Err(Throw::nil_deref());
    };
    if m.sched.ngoroutines >= m.cfg.max_goroutines {
        let n = m.cfg.max_goroutines;
        m.limit(&format!("too many goroutines (limit {})", n));
        return Ok(());
    }
    let mut ng = G::new(0);
    let f = c.func;
    push_entry_frame(prog, &mut ng, f, Some(c), args);
    ng.created_by = Some((fidx, line, g.id));
    let ngi = m.sched.alloc_g(ng);
    if m.race.is_some() {
        let child = m.sched.g(ngi).map(|x| x.id).unwrap_or(0);
        crate::analysis::race::hooks::go_create(m, g, child)
    }
    if m.trace.on() {
        let id = m.sched.g(ngi).map(|x| x.id).unwrap_or(0);
        let name = prog.funcs.get(f as usize).map(|x| x.name.clone()).unwrap_or_default();
        m.trace.emit(m.now, Some(p as u32), line, EventKind::GoCreate { g: id, parent: g.id, func: name });
    }
    if let Some(ngr) = m.sched.g_mut(ngi) {
        ngr.status = GStatus::Runnable;
    }
    m.runqput(p, ngi, true);
    Ok(())
}
