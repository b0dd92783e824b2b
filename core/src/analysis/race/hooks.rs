//! The detector's side of the instrumentation: the VM calls these (behind
//! one `if m.race.is_some()` per instruction arm) with the goroutine and
//! what the instruction touched.
//!
//! Loads followed by in-place `Field` instructions (`p.f`, `s[i].f.g`,
//! which the compiler emits as a whole-value load and field selections
//! that overwrite it) read only the selected field, as Go's compiled code
//! does.

use super::clock::{SyncKey, RW_READER, RW_WRITER};
use super::loc::{self, Loc, CHAN_BASE, GLOBAL_BASE};
use super::report::Cur;
use super::AccessOp;
use crate::analysis::stack::NO_STACK;
use crate::runtime::chan::ChanRef;
use crate::runtime::machine::Machine;
use crate::runtime::sched::{GIdx, G};
use crate::runtime::sync::SyncObj;
use crate::vm::op::{Op, Reg};
use crate::vm::value::{Shared, Value};

/// Where the goroutine is: the dispatch loop's pc, or only the source line
/// (channel and sync operations are reached without the pc).
#[derive(Clone, Copy)]
pub enum Site {
    Pc(usize),
    Line(u32),
}

/// One access of `obj[idx]` at field path (`path`, `depth`); `v` is the
/// value there (a struct or array is checked part by part).
#[allow(clippy::too_many_arguments)]
fn mem(
    m: &mut Machine,
    g: &G,
    site: Site,
    obj: u64,
    idx: u64,
    path: u64,
    depth: u32,
    v: Option<&Value>,
    write: bool,
    op: AccessOp,
) {
    let Some(r) = m.race.as_deref_mut() else { return };
    r.sweep();
    let t = r.tid(g.id);
    let mut leaves = std::mem::take(&mut r.scratch);
    leaves.clear();
    match v {
        Some(v) => loc::leaves(v, path, depth, &mut leaves),
        None => leaves.push(path),
    }
    let mut st = NO_STACK;
    for &p in &leaves {
        let l = Loc { obj, idx, path: p };
        if r.redundant(t, &l, write) {
            continue;
        }
        if st == NO_STACK {
            st = match site {
                Site::Pc(pc) => r.stacks.capture(&m.prog, g, pc),
                Site::Line(line) => r.stacks.capture_line(&m.prog, g, line),
            };
        }
        if let Some(prev) = r.access(t, l, write, op, st) {
            let sched = &m.sched;
            let alive = |id: u64| sched.gs.iter().flatten().any(|x| x.id == id);
            r.report(&m.prog, &alive, Cur { tid: t, write, op, st }, prev, &l);
        }
    }
    r.scratch = leaves;
    publish(m);
}

/// Reports go to stderr as they are found (before a crash message that
/// follows them, as in Go), findings to the machine.
fn publish(m: &mut Machine) {
    let Some(r) = m.race.as_deref_mut() else { return };
    if r.out.is_empty() {
        return;
    }
    let out = std::mem::take(&mut r.out);
    let fs = std::mem::take(&mut r.findings);
    m.findings.extend(fs);
    m.write_stderr(out.as_bytes());
}

/// The field path that in-place `Field` instructions after `pc` select
/// from register `dst` (the peephole described above).
fn field_chain(code: &[Op], pc: usize, dst: Reg, mut path: u64, mut depth: u32) -> (u64, u32, u32) {
    let mut n = 0;
    let mut cur = dst;
    for op in code.iter().skip(pc).take(loc::MAX_DEPTH as usize) {
        match *op {
            Op::Field { dst: d, x, i } if x == cur => {
                cur = d;
                let (p, dd) = loc::push(path, depth, i as usize);
                if dd == depth {
                    break;
                }
                path = p;
                depth = dd;
                n += 1;
            }
            _ => break,
        }
    }
    (path, depth, n)
}

/// A read of `whole` (the value at `path`) into register `dst`, narrowed
/// by the field chain. Read hooks run before their instruction, whose
/// destination may be its operand.
#[allow(clippy::too_many_arguments)]
fn read_into(
    m: &mut Machine,
    g: &G,
    code: &[Op],
    pc: usize,
    dst: Reg,
    whole: &Value,
    obj: u64,
    idx: u64,
    path: u64,
    depth: u32,
) {
    let (p, d, _) = field_chain(code, pc, dst, path, depth);
    let v = loc::descend(whole, p, depth, d);
    mem(m, g, Site::Pc(pc), obj, idx, p, d, Some(v), false, AccessOp::Plain);
}

fn target(m: &mut Machine, p: &Value) -> Option<loc::Target> {
    let r = m.race.as_deref_mut()?;
    loc::resolve(&mut r.pins, p)
}

/// `dst = *ptr`.
pub fn load(m: &mut Machine, g: &G, code: &[Op], pc: usize, base: usize, ptr: Reg, dst: Reg) {
    let Some(pv) = g.stack.get(base + ptr as usize) else {
        return;
    };
    let Some(t) = target(m, pv) else { return };
    let Ok(whole) = crate::vm::ops::load(pv) else { return };
    read_into(m, g, code, pc, dst, &whole, t.obj, t.idx, t.path, t.depth);
}

/// `*ptr = src`.
pub fn store(m: &mut Machine, g: &G, pc: usize, base: usize, ptr: Reg, src: Reg) {
    let Some(t) = g.stack.get(base + ptr as usize).and_then(|p| target(m, p)) else {
        return;
    };
    let v = g.stack.get(base + src as usize);
    mem(
        m,
        g,
        Site::Pc(pc),
        t.obj,
        t.idx,
        t.path,
        t.depth,
        v,
        true,
        AccessOp::Plain,
    );
}

pub fn global_load(m: &mut Machine, g: &G, code: &[Op], pc: usize, gl: u32, dst: Reg) {
    let whole = m.globals.get(gl as usize).cloned().unwrap_or_default();
    read_into(m, g, code, pc, dst, &whole, GLOBAL_BASE + gl as u64, 0, 0, 0);
}

pub fn global_store(m: &mut Machine, g: &G, pc: usize, gl: u32) {
    let v = m.globals.get(gl as usize).cloned();
    mem(
        m,
        g,
        Site::Pc(pc),
        GLOBAL_BASE + gl as u64,
        0,
        0,
        0,
        v.as_ref(),
        true,
        AccessOp::Plain,
    );
}

/// A captured variable read into `dst`.
pub fn upval_load(m: &mut Machine, g: &G, code: &[Op], pc: usize, cell: &Shared<Value>, dst: Reg) {
    let Some(obj) = m.race.as_deref_mut().map(|r| r.pins.cell(cell)) else {
        return;
    };
    let whole = cell.borrow().clone();
    read_into(m, g, code, pc, dst, &whole, obj, 0, 0, 0);
}

pub fn upval_store(m: &mut Machine, g: &G, pc: usize, cell: &Shared<Value>) {
    let Some(obj) = m.race.as_deref_mut().map(|r| r.pins.cell(cell)) else {
        return;
    };
    let v = cell.borrow().clone();
    mem(m, g, Site::Pc(pc), obj, 0, 0, 0, Some(&v), true, AccessOp::Plain);
}

/// Element `i` of the slice (or pointer to array) in `x`: object, index,
/// path, depth and the element's value.
fn element(m: &mut Machine, x: &Value, i: i64) -> Option<(u64, u64, u64, u32, Value)> {
    let r = m.race.as_deref_mut()?;
    match x {
        Value::Slice { arr, off, len, .. } if i >= 0 && i < *len as i64 => {
            let idx = *off as u64 + i as u64;
            let v = arr.borrow().get(idx as usize).cloned().unwrap_or_default();
            Some((r.pins.arr(arr), idx, 0, 0, v))
        }
        Value::Cell(c) if i >= 0 => {
            let (p, d) = loc::push(0, 0, i as usize);
            let v = loc::descend(&c.borrow(), p, 0, d).clone();
            Some((r.pins.cell(c), 0, p, d, v))
        }
        _ => None,
    }
}

/// Before `dst = x[i]`.
#[allow(clippy::too_many_arguments)]
pub fn index(m: &mut Machine, g: &G, code: &[Op], pc: usize, base: usize, x: Reg, i: Reg, dst: Reg) {
    let Some(xv) = g.stack.get(base + x as usize) else {
        return;
    };
    let iv = g.stack.get(base + i as usize).map(|v| v.as_int()).unwrap_or(-1);
    let Some((obj, idx, p, d, v)) = element(m, xv, iv) else {
        return;
    };
    read_into(m, g, code, pc, dst, &v, obj, idx, p, d);
}

/// Before `x[i] = src` (the register holding `x` is unchanged by it).
pub fn set_index(m: &mut Machine, g: &G, pc: usize, base: usize, x: Reg, i: Reg, src: Reg) {
    let Some(xv) = g.stack.get(base + x as usize) else {
        return;
    };
    let iv = g.stack.get(base + i as usize).map(|v| v.as_int()).unwrap_or(-1);
    let Some((obj, idx, p, d, _)) = element(m, xv, iv) else {
        return;
    };
    mem(
        m,
        g,
        Site::Pc(pc),
        obj,
        idx,
        p,
        d,
        g.stack.get(base + src as usize),
        true,
        AccessOp::Plain,
    );
}

/// `dst = x.i` where `x` holds a pointer to a struct (a cell); fields of
/// struct values in registers are not shared memory. Called before the
/// instruction, since `dst` may be `x`.
pub fn field(m: &mut Machine, g: &G, code: &[Op], pc: usize, base: usize, x: Reg, i: u16, dst: Reg) {
    let Some(Value::Cell(c)) = g.stack.get(base + x as usize) else {
        return;
    };
    let Some(obj) = m.race.as_deref_mut().map(|r| r.pins.cell(c)) else {
        return;
    };
    let (p, d) = loc::push(0, 0, i as usize);
    let (p2, d2, _) = field_chain(code, pc, dst, p, d);
    let whole = c.borrow().clone();
    let v = loc::descend(&whole, p2, 0, d2).clone();
    mem(m, g, Site::Pc(pc), obj, 0, p2, d2, Some(&v), false, AccessOp::Plain);
}

pub fn set_field(m: &mut Machine, g: &G, pc: usize, base: usize, x: Reg, i: u16, src: Reg) {
    let Some(Value::Cell(c)) = g.stack.get(base + x as usize) else {
        return;
    };
    let Some(obj) = m.race.as_deref_mut().map(|r| r.pins.cell(c)) else {
        return;
    };
    let (p, d) = loc::push(0, 0, i as usize);
    mem(
        m,
        g,
        Site::Pc(pc),
        obj,
        0,
        p,
        d,
        g.stack.get(base + src as usize),
        true,
        AccessOp::Plain,
    );
}

/// A map operation: lookups and iteration read the map, assignments and
/// deletes write it (Go's race runtime instruments the map header).
pub fn map_op(m: &mut Machine, g: &G, pc: usize, mv: &Value, op: AccessOp) {
    let mv = match mv {
        // A map iterator: [position, map, keys...].
        Value::Slice { arr, .. } if op == AccessOp::MapIter => arr.borrow().get(1).cloned().unwrap_or_default(),
        other => other.clone(),
    };
    let Value::Map(mo) = &mv else { return };
    let Some(obj) = m.race.as_deref_mut().map(|r| r.pins.map(mo)) else {
        return;
    };
    let write = matches!(op, AccessOp::MapWrite | AccessOp::MapDelete);
    mem(m, g, Site::Pc(pc), obj, 0, 0, 0, None, write, op);
}

/// Elements `from..to` of backing array `arr`, each a whole-value access.
fn elems(m: &mut Machine, g: &G, pc: usize, arr: &Shared<Vec<Value>>, from: u64, to: u64, write: bool) {
    let Some(obj) = m.race.as_deref_mut().map(|r| r.pins.arr(arr)) else {
        return;
    };
    for i in from..to {
        let v = arr.borrow().get(i as usize).cloned();
        mem(m, g, Site::Pc(pc), obj, i, 0, 0, v.as_ref(), write, AccessOp::Plain);
    }
}

/// Before `append(s, n items)`: growing reads the old elements (growslice),
/// appending in place writes the slots past the length.
pub fn append(m: &mut Machine, g: &G, pc: usize, s: &Value, n: u64) {
    let Value::Slice { arr, off, len, cap } = s else { return };
    let (off, len, cap) = (*off as u64, *len as u64, *cap as u64);
    if n == 0 {
        return;
    }
    if len + n > cap {
        elems(m, g, pc, arr, off, off + len, false);
    } else {
        elems(m, g, pc, arr, off + len, off + len + n, true);
    }
}

/// The elements of `t` read by `append(s, t...)` or `copy(d, t)`, up to `n`.
pub fn read_slice(m: &mut Machine, g: &G, pc: usize, t: &Value, n: u64) {
    let Value::Slice { arr, off, len, .. } = t else { return };
    let k = (*len as u64).min(n);
    elems(m, g, pc, arr, *off as u64, *off as u64 + k, false);
}

/// Before `append(s, t...)`.
pub fn append_slice(m: &mut Machine, g: &G, pc: usize, s: &Value, t: &Value) {
    let n = match t {
        Value::Slice { len, .. } => *len as u64,
        Value::Str(b) => b.len() as u64,
        _ => 0,
    };
    read_slice(m, g, pc, t, n);
    append(m, g, pc, s, n);
}

/// `copy(d, s)`: reads of `s`, writes of `d`.
pub fn copy(m: &mut Machine, g: &G, pc: usize, d: &Value, s: &Value) {
    let Value::Slice { arr, off, len, .. } = d else { return };
    let n = match s {
        Value::Slice { len: l, .. } => (*l).min(*len) as u64,
        Value::Str(b) => (b.len() as u64).min(*len as u64),
        _ => 0,
    };
    read_slice(m, g, pc, s, n);
    elems(m, g, pc, arr, *off as u64, *off as u64 + n, true);
}

// ---- synchronisation

/// `go f()` from `g` created goroutine `child` (at `g`'s saved pc).
pub fn go_create(m: &mut Machine, g: &G, child: u64) {
    let Some(r) = m.race.as_deref_mut() else { return };
    let pc = g.frames.last().map(|f| f.pc as usize).unwrap_or(0);
    let st = r.stacks.capture(&m.prog, g, pc);
    r.go_create(g.id, child, st);
}

/// The key of part `part` of a sync object.
fn obj_key(m: &mut Machine, o: &Shared<SyncObj>, part: u8) -> Option<SyncKey> {
    let r = m.race.as_deref_mut()?;
    Some(SyncKey::Obj(r.pins.sync(o), part))
}

/// How a goroutine synchronises on a sync object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncEv {
    Acquire,
    /// Parked; acquires when it runs again.
    Pending,
    /// `race.Release`: the object holds this goroutine's clock.
    ReleaseStore,
    /// `race.ReleaseMerge`: the object's clock joins this goroutine's.
    ReleaseMerge,
}

pub fn sync(m: &mut Machine, g: &G, o: &Shared<SyncObj>, part: u8, ev: SyncEv) {
    let Some(k) = obj_key(m, o, part) else { return };
    let Some(r) = m.race.as_deref_mut() else { return };
    match ev {
        SyncEv::Pending => r.pending_acquire(g.id, k),
        _ => {
            let t = r.tid(g.id);
            match ev {
                SyncEv::Acquire => r.clocks.acquire(t, k),
                SyncEv::ReleaseStore => r.clocks.release_store(t, k),
                _ => r.clocks.release_merge(t, k),
            }
        }
    }
}

/// Lock events of Mutex (`read` false) and RWMutex, as sync/mutex.go and
/// sync/rwmutex.go annotate them: Lock acquires (an RWMutex's writer both
/// halves), RLock acquires `readerSem`, Unlock releases (store), RUnlock
/// merges into `writerSem`.
pub fn lock(m: &mut Machine, g: &G, o: &Shared<SyncObj>, read: bool, ev: crate::analysis::lockhooks::LockEv) {
    use crate::analysis::lockhooks::LockEv;
    let rw = matches!(&*o.borrow(), SyncObj::RWMutex(_));
    let acq = |m: &mut Machine, pending: bool| {
        let ev = if pending { SyncEv::Pending } else { SyncEv::Acquire };
        if !rw {
            sync(m, g, o, 0, ev);
        } else {
            sync(m, g, o, RW_READER, ev);
            if !read {
                sync(m, g, o, RW_WRITER, ev);
            }
        }
    };
    match ev {
        LockEv::Attempt => {}
        LockEv::Acquired => acq(m, false),
        LockEv::Pending => acq(m, true),
        LockEv::Released if !rw => sync(m, g, o, 0, SyncEv::ReleaseStore),
        LockEv::Released if read => sync(m, g, o, RW_WRITER, SyncEv::ReleaseMerge),
        LockEv::Released => sync(m, g, o, RW_READER, SyncEv::ReleaseStore),
    }
}

/// How an atomic operation synchronises on its location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomicEv {
    Load,
    Store,
    Add,
    Swap,
    Cas,
}

/// An atomic operation on `*ptr` at source `line`: an atomic access of the
/// word (racing only with plain accesses), then acquire (loads), release
/// (stores) or both (read-modify-writes), as TSan's atomics do.
pub fn atomic(m: &mut Machine, g: &G, line: u32, ptr: &Value, ev: AtomicEv) {
    let Some(r) = m.race.as_deref_mut() else { return };
    let Some(t) = loc::resolve(&mut r.pins, ptr) else {
        return;
    };
    let op = match ev {
        AtomicEv::Load => AccessOp::AtomicLoad,
        AtomicEv::Store => AccessOp::AtomicStore,
        AtomicEv::Add => AccessOp::AtomicAdd,
        AtomicEv::Swap => AccessOp::AtomicSwap,
        AtomicEv::Cas => AccessOp::AtomicCas,
    };
    mem(
        m,
        g,
        Site::Line(line),
        t.obj,
        t.idx,
        t.path,
        t.depth,
        None,
        ev != AtomicEv::Load,
        op,
    );
    let Some(r) = m.race.as_deref_mut() else { return };
    let k = SyncKey::Atomic(t.obj, t.idx, t.path);
    let tid = r.tid(g.id);
    match ev {
        AtomicEv::Load => r.clocks.acquire(tid, k),
        AtomicEv::Store => r.clocks.release_store(tid, k),
        _ => r.clocks.atomic_rmw(tid, k),
    }
}

/// A channel operation, as runtime/chan.go tells the race runtime.
#[derive(Clone, Debug)]
pub enum ChanEv {
    /// The start of every send: `racereadpc(c.raceaddr())`.
    SendRead,
    /// A send handed to a parked receiver (`GIdx`).
    SendDirect(GIdx),
    /// A send into the buffer.
    SendBuf,
    /// A receive from a parked sender.
    RecvDirect(GIdx),
    RecvBuf,
    /// A receive that saw the channel closed.
    RecvClosed,
    /// `close`: a write of the channel, a release, and every waiter woken
    /// acquires it.
    Close(Vec<GIdx>),
}

pub fn chan(m: &mut Machine, g: &G, line: u32, c: &ChanRef, ev: ChanEv) {
    m.lock_chan(c);
    let (id, cap) = {
        let hc = c.borrow();
        (hc.id, hc.cap as u32)
    };
    let goid_of = |m: &Machine, gi: GIdx| m.sched.g(gi).map(|x| x.id);
    match ev {
        ChanEv::SendRead => {
            mem(
                m,
                g,
                Site::Line(line),
                CHAN_BASE + id as u64,
                0,
                0,
                0,
                None,
                false,
                AccessOp::ChanSend,
            );
        }
        ChanEv::Close(waiters) => {
            mem(
                m,
                g,
                Site::Line(line),
                CHAN_BASE + id as u64,
                0,
                0,
                0,
                None,
                true,
                AccessOp::ChanClose,
            );
            let ids: Vec<u64> = waiters.iter().filter_map(|&w| goid_of(m, w)).collect();
            let Some(r) = m.race.as_deref_mut() else { return };
            let t = r.tid(g.id);
            r.clocks.release_merge(t, SyncKey::Chan(id));
            for w in ids {
                let wt = r.tid(w);
                r.clocks.acquire(wt, SyncKey::Chan(id));
            }
        }
        ChanEv::RecvClosed => {
            let Some(r) = m.race.as_deref_mut() else { return };
            let t = r.tid(g.id);
            r.clocks.acquire(t, SyncKey::Chan(id));
        }
        ChanEv::SendDirect(w) | ChanEv::RecvDirect(w) => {
            let other = goid_of(m, w);
            let Some(r) = m.race.as_deref_mut() else { return };
            let t = r.tid(g.id);
            let Some(o) = other.map(|x| r.tid(x)) else { return };
            if cap == 0 {
                // racesync: both sides end up with both clocks.
                let k = SyncKey::Chan(id);
                r.clocks.release_merge(t, k);
                r.clocks.acquire(o, k);
                r.clocks.release_merge(o, k);
                r.clocks.acquire(t, k);
            } else {
                // As if through the buffer slot at recvx, both parties.
                let st = r.chans.entry(id).or_default();
                let slot = st.recvx % cap;
                st.recvx = st.recvx.wrapping_add(1);
                st.sendx = st.recvx;
                notify(r, id, slot, t);
                notify(r, id, slot, o);
            }
        }
        ChanEv::SendBuf | ChanEv::RecvBuf => {
            let Some(r) = m.race.as_deref_mut() else { return };
            let t = r.tid(g.id);
            let st = r.chans.entry(id).or_default();
            let x = if matches!(ev, ChanEv::SendBuf) {
                &mut st.sendx
            } else {
                &mut st.recvx
            };
            let slot = *x % cap.max(1);
            *x = x.wrapping_add(1);
            notify(r, id, slot, t);
        }
    }
}

/// `racenotify`: buffer slots synchronise pairwise (a slot's clock is the
/// last party's), which is the memory model's rule that the k-th receive
/// happens before the (k+C)-th send completes. (Go's race runtime merges
/// the slots of channels of zero-size elements into one clock, ordering
/// every operation on such a channel and so missing races the memory model
/// allows; chanscope keeps the slots apart for every element type.)
fn notify(r: &mut super::RaceDetector, id: u32, slot: u32, t: super::clock::Tid) {
    r.clocks.release_acquire(t, SyncKey::Slot(id, slot));
}

/// A timer's function will run as a new goroutine: it starts from the
/// clock of whoever created or last reset the timer (runtime/time.go's
/// `racerelease(t)` / `raceacquirectx`).
pub fn timer_arm(m: &mut Machine, g: &G, t: &Value) {
    let Value::Cell(c) = t else { return };
    let Some(r) = m.race.as_deref_mut() else { return };
    let k = SyncKey::Obj(r.pins.cell(c), 0);
    let tid = r.tid(g.id);
    r.clocks.release_store(tid, k);
}

pub fn timer_spawn(m: &mut Machine, t: &Shared<Value>, child: u64) {
    let Some(r) = m.race.as_deref_mut() else { return };
    let k = SyncKey::Obj(r.pins.cell(t), 0);
    r.spawn_from(k, child);
}

/// At a normal exit (`main` returned, `os.Exit(0)`): Go's race runtime
/// prints the count and makes the exit status 66.
pub fn at_exit(m: &mut Machine, code: i32) -> i32 {
    let n = m.race.as_deref().map(|r| r.races).unwrap_or(0);
    if code != 0 || n == 0 {
        return code;
    }
    m.write_stderr(format!("Found {} data race(s)\n", n).as_bytes());
    66
}
