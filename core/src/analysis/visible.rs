//! Which instructions are scheduling points, and what they touch.
//!
//! The explorer interleaves goroutines only before *visible* operations:
//! channel send/receive/close and `select`, `sync` and `sync/atomic`
//! operations, `go`, sleeps and timers, `runtime.Gosched`, `os.Exit` and
//! `main`'s final return. Everything between two visible operations of a
//! goroutine is local to it in a data-race-free program (Go's memory model
//! gives such programs sequentially consistent semantics, and their shared
//! memory is only touched under the synchronisation that these operations
//! are), so every behaviour of such a program is the behaviour of some
//! interleaving at this granularity. Racy programs are the race
//! detector's business: a race shows in any schedule where the two
//! accesses are not ordered by happens-before.
//!
//! `Obj` says what an operation touches, for partial-order reduction: two
//! transitions of different goroutines touching disjoint objects commute.

use std::sync::Arc;

use crate::runtime::machine::Machine;
use crate::runtime::sched::G;
use crate::runtime::sync::{sync_obj, SyncObj};
use crate::vm::op::{Op, SelDir};
use crate::vm::ops_std::StdOp;
use crate::vm::ops_sync::SyncOp;
use crate::vm::value::{Pointer, Value};

/// The objects a visible operation touches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Obj {
    /// Nothing shared (`go`, `Gosched`, an op on a nil channel).
    None,
    /// These objects (channel, mutex, atomic word, the timer heap).
    Keys(Vec<u64>),
    /// Anything: conservatively dependent on every other operation.
    All,
}

/// The timer heap's key: sleeps and `time.After` order their timers by
/// creation, so they depend on each other.
pub const TIMERS: u64 = 1;

impl Obj {
    fn one(k: u64) -> Obj {
        Obj::Keys(vec![k])
    }

    /// True when the two operations commute (touch disjoint objects).
    pub fn independent(&self, o: &Obj) -> bool {
        match (self, o) {
            (Obj::All, _) | (_, Obj::All) => false,
            (Obj::None, _) | (_, Obj::None) => true,
            (Obj::Keys(a), Obj::Keys(b)) => !a.iter().any(|k| b.contains(k)),
        }
    }
}

fn addr<T: ?Sized>(rc: &Arc<T>) -> u64 {
    Arc::as_ptr(rc) as *const u8 as usize as u64
}

/// The identity of the memory word an atomic operation's pointer names.
fn ptr_key(v: &Value) -> Option<u64> {
    match v {
        Value::Cell(c) => Some(addr(c)),
        Value::Obj(o) => Some(addr(o)),
        Value::Ptr(p) => match &**p {
            Pointer::Elem(arr, i) => Some(addr(arr).wrapping_mul(31).wrapping_add(*i as u64 + 1)),
            Pointer::Field(base, i) => Some(ptr_key(base)?.wrapping_mul(131).wrapping_add(*i as u64 + 1)),
        },
        Value::Iface(i) => ptr_key(&i.val),
        _ => None,
    }
}

/// A sync object's identity (an `RLocker` is its RWMutex).
fn sync_key(v: &Value) -> Obj {
    match sync_obj(v) {
        Ok(o) => {
            if let Ok(b) = o.try_borrow() {
                if let SyncObj::RLocker(rw) = &*b {
                    return sync_obj(rw).map(|r| Obj::one(addr(&r))).unwrap_or(Obj::All);
                }
            }
            Obj::one(addr(&o))
        }
        // A nil or bad pointer: the operation panics, touching nothing.
        Err(_) => Obj::None,
    }
}

fn chan_key(v: &Value) -> Obj {
    match v {
        Value::Chan(c) => Obj::one(addr(c)),
        _ => Obj::None,
    }
}

/// The op at `g`'s pc, if it is visible: what it touches and, for a
/// `select`, how many of its cases are ready.
pub fn classify(m: &Machine, g: &G) -> Option<(Obj, u16)> {
    let fr = g.frames.last()?;
    let func = m.prog.funcs.get(fr.func as usize)?;
    let op = *func.code.get(fr.pc as usize)?;
    let base = fr.base as usize;
    let reg = |r: u16| g.stack.get(base + r as usize).cloned().unwrap_or_default();
    let obj = match op {
        Op::Send { ch, .. } | Op::Recv { ch, .. } | Op::Recv2 { ch, .. } | Op::Close { ch } => chan_key(&reg(ch)),
        Op::Select { table, .. } => {
            let tab = func.selects.get(table as usize)?;
            let mut keys = Vec::new();
            let mut ready = 0u16;
            for c in &tab.cases {
                if let Value::Chan(ch) = reg(c.ch) {
                    keys.push(addr(&ch));
                    if let Ok(hc) = ch.try_borrow() {
                        let r = match c.dir {
                            SelDir::Recv => !hc.sendq.is_empty() || !hc.buf.is_empty() || hc.closed,
                            SelDir::Send => hc.closed || !hc.recvq.is_empty() || hc.buf.len() < hc.cap,
                        };
                        ready += r as u16;
                    }
                }
            }
            return Some((if keys.is_empty() { Obj::None } else { Obj::Keys(keys) }, ready));
        }
        Op::Go { .. } | Op::Gosched => Obj::None,
        Op::Sleep { .. } | Op::After { .. } => Obj::one(TIMERS),
        Op::Lock { m: r } | Op::Unlock { m: r } => sync_key(&reg(r)),
        Op::LockUpval { i } | Op::UnlockUpval { i } => sync_key(&crate::vm::ops_lock::upval_value(g, i)),
        Op::WgAdd { wg, .. } | Op::WgWait { wg } => sync_key(&reg(wg)),
        Op::Sync { k, a } => sync_op(k, &reg(a))?,
        Op::Std { k, .. } => match k {
            StdOp::NewTimer
            | StdOp::NewTicker
            | StdOp::Tick
            | StdOp::AfterFunc
            | StdOp::TimerStop
            | StdOp::TimerReset
            | StdOp::TickerStop
            | StdOp::TickerReset => Obj::All,
            _ => return None,
        },
        // `runtime.main` returning ends the program: every goroutine's
        // chance to run before it matters.
        Op::Ret { .. } if g.frames.len() == 1 && fr.func == m.prog.entry => Obj::All,
        _ => return None,
    };
    Some((obj, 0))
}

fn sync_op(k: SyncOp, a: &Value) -> Option<Obj> {
    use SyncOp::*;
    Some(match k {
        RLocker | SigString => return None,
        AtomicAdd(_) | AtomicLoad | AtomicStore | AtomicAnd | AtomicOr | AtomicSwap | AtomicCas | ValueStore | ValueSwap | ValueCas => {
            ptr_key(a).map(Obj::one).unwrap_or(Obj::All)
        }
        OsExit | SigNotify | SigStop | SigIgnore | SigReset => Obj::All,
        _ => sync_key(a),
    })
}
