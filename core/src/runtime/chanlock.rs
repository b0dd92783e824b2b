//! `hchan.lock` under the parallel driver, and the channel fast path that
//! runs without the runtime lock.
//!
//! Go's runtime locks each channel on its own: two Ps exchanging values on
//! different channels never wait for each other. The parallel driver does
//! the same for the operations that need nothing but the channel: a send
//! into a buffer with room and no waiting receiver, and a receive from a
//! buffer with no waiting sender. An M running its goroutine without the
//! runtime lock (`vm/pure.rs`) does them under the channel's lock alone
//! (`try_send`, `try_recv`); anything else (a waiter to wake, a goroutine
//! to park, a closed channel) goes to the runtime as before.
//!
//! The runtime's own code takes a channel's lock on first touch
//! (`Machine::lock_chan`) and keeps it until its section ends, when the M
//! stamps the section and lets go of every channel lock it took
//! (`ChanLocks::release_all`): two-phase locking. So a section and a fast
//! operation on a shared channel never interleave, and ordering every
//! section (at its end) and every fast operation by a stamp drawn from one
//! counter while the locks are held is a serial order of the whole run,
//! the same trick Go's execution tracer uses for per-P buffers. The
//! schedule and the event log are merged in that order
//! (`Parallel::flush`), and replaying the schedule on one thread redoes
//! each fast operation at its place (`replay_fast`).
//!
//! Only buffered channels have a fast path, so only they are locked: an
//! unbuffered channel is guarded by the runtime lock alone, as before.
//! The deterministic driver is one thread: it never takes these locks
//! (`Machine::chan_locks` is `None`).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::runtime::chan::{ChanObj, ChanRef, HChan};
use crate::runtime::machine::Machine;
use crate::runtime::parallel::Step;
use crate::trace::EventKind;
use crate::types::TypeId;
use crate::vm::program::Program;
use crate::vm::value::Value;

/// Who holds a channel's lock: M `p` is `p + 1`; the host is `HOST`.
pub type MId = u32;
pub const HOST: MId = u32::MAX;

#[cfg(debug_assertions)]
thread_local! {
    static CURRENT: std::cell::Cell<MId> = const { std::cell::Cell::new(0) };
}

/// Declares which M this thread is (debug builds check, at every borrow
/// of a channel, that it holds the channel's lock); returns the previous
/// value. 0 means no checks (the deterministic driver, a replay).
pub fn set_current(id: MId) -> MId {
    #[cfg(debug_assertions)]
    {
        CURRENT.with(|c| c.replace(id))
    }
    #[cfg(not(debug_assertions))]
    {
        let _ = id;
        0
    }
}

/// Debug builds: panics when a thread of the parallel driver touches a
/// channel without holding its lock (the rule above, checked).
#[inline(always)]
pub fn debug_check_held(c: &ChanObj) {
    #[cfg(debug_assertions)]
    {
        let me = CURRENT.with(|x| x.get());
        if me != 0 && c.cap != 0 {
            let o = c.owner.load(Ordering::Relaxed);
            assert_eq!(
                o, me,
                "a channel was touched without its lock (held by {o}, touched by {me})"
            );
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = c;
}

/// The channel locks the runtime's code holds in the current section.
#[derive(Debug)]
pub struct ChanLocks {
    pub me: MId,
    held: Vec<ChanRef>,
    /// The run's stop flag: a lock whose holder died (a panic in its M)
    /// is never released, so a waiter gives up once the run is stopped.
    stop: Arc<AtomicBool>,
}

impl ChanLocks {
    pub fn new(stop: Arc<AtomicBool>) -> ChanLocks {
        ChanLocks {
            me: HOST,
            held: Vec::new(),
            stop,
        }
    }

    pub(crate) fn acquire(&mut self, c: &ChanRef) {
        // The fast path never touches an unbuffered channel, so the
        // runtime lock alone guards it: no lock traffic on the hottest
        // line of a ping-pong between Ps.
        if c.cap == 0 || c.owner.load(Ordering::Relaxed) == self.me {
            return;
        }
        // A fast operation holds a lock for a few instructions and never
        // waits while holding it: spin.
        let mut spins = 0u32;
        while c
            .owner
            .compare_exchange_weak(0, self.me, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            spins += 1;
            if spins % 64 == 0 {
                if self.stop.load(Ordering::Relaxed) {
                    panic!("the run was stopped while a channel's lock was held");
                }
                std::thread::yield_now();
            } else {
                std::hint::spin_loop();
            }
        }
        self.held.push(c.clone());
    }

    /// The end of a section (after its stamp): every lock goes.
    pub fn release_all(&mut self) {
        for c in self.held.drain(..) {
            c.owner.store(0, Ordering::Release);
        }
    }
}

impl Machine {
    /// Takes `c`'s lock until the section ends (parallel driver only).
    #[inline]
    pub fn lock_chan(&mut self, c: &ChanRef) {
        if let Some(cl) = self.chan_locks.as_mut() {
            cl.acquire(c);
        }
    }

    /// `lock_chan` for a value that may be a channel.
    #[inline]
    pub fn lock_chan_value(&mut self, v: &Value) {
        if let Value::Chan(c) = v {
            self.lock_chan(c);
        }
    }
}

/// An event of a fast operation, waiting in its M's buffer to be merged
/// into the log at its stamp (its time is set then: the clock's reading at
/// that point of the serial order).
#[derive(Debug)]
pub struct FastEvent {
    pub stamp: u64,
    pub p: u32,
    pub line: u32,
    pub kind: EventKind,
}

/// An M's single-writer buffer of what its fast operations did.
#[derive(Debug, Default)]
pub struct MBuf {
    pub steps: Vec<(u64, Step)>,
    pub events: Vec<FastEvent>,
}

/// What the fast path needs from the M running it.
pub struct FastCtx<'a> {
    pub me: MId,
    pub p: u16,
    pub seq: &'a AtomicU64,
    /// Where stamped steps and events go; `None` when the run neither
    /// records its schedule nor traces (then no stamp is needed).
    pub buf: Option<&'a Mutex<MBuf>>,
    pub trace: bool,
    pub record: bool,
    /// The instruction count (of this stretch without the runtime lock)
    /// at the previous fast operation, for `Step::Fast`'s `ran`.
    pub last: u32,
}

/// Values whose preview reads nothing on the heap, so an event can show
/// them without the runtime lock.
fn preview_safe(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::Str(_) | Value::Nil
    )
}

fn send_core(hc: &mut HChan, v: &Value) -> Option<(u32, TypeId, usize)> {
    if hc.closed || !hc.recvq.is_empty() || hc.buf.len() >= hc.cap {
        return None;
    }
    hc.buf.push_back(v.clone());
    Some((hc.id, hc.elem_ty, hc.buf.len()))
}

fn recv_core(hc: &mut HChan) -> Option<(Value, u32, TypeId, usize)> {
    if !hc.sendq.is_empty() {
        return None;
    }
    let v = hc.buf.pop_front()?;
    Some((v, hc.id, hc.elem_ty, hc.buf.len()))
}

fn send_event(prog: &Program, gid: u64, ch: u32, ty: TypeId, v: &Value, n: usize) -> EventKind {
    let value = crate::fmt::preview(&prog.types, ty, v, 48);
    EventKind::ChanSend {
        ch,
        from: gid,
        to: None,
        value,
        buffered: n,
    }
}

fn recv_event(prog: &Program, gid: u64, ch: u32, ty: TypeId, v: &Value, n: usize) -> EventKind {
    let value = crate::fmt::preview(&prog.types, ty, v, 48);
    EventKind::ChanRecv {
        ch,
        to: gid,
        from: None,
        value,
        buffered: n,
        closed: false,
        refill: None,
    }
}

/// Locks M `me`'s buffer (when stamping) and then `c`, without waiting
/// for `c`: a fast operation that would wait goes to the runtime.
fn lock_fast<'b>(
    buf: Option<&'b Mutex<MBuf>>,
    me: MId,
    c: &ChanObj,
) -> Option<Option<MutexGuard<'b, MBuf>>> {
    let guard = buf.map(|b| b.lock().unwrap_or_else(|e| e.into_inner()));
    c.owner
        .compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed)
        .ok()?;
    Some(guard)
}

impl<'a> FastCtx<'a> {
    /// Stamps the operation (under the channel's lock) into `buf`.
    fn log(
        &mut self,
        buf: Option<&mut MBuf>,
        used: u32,
        line: u32,
        kind: impl FnOnce() -> EventKind,
    ) {
        let Some(buf) = buf else { return };
        let stamp = self.seq.fetch_add(1, Ordering::SeqCst);
        if self.record {
            buf.steps.push((
                stamp,
                Step::Fast {
                    p: self.p,
                    ran: used - self.last,
                },
            ));
        }
        if self.trace {
            buf.events.push(FastEvent {
                stamp,
                p: self.p as u32,
                line,
                kind: kind(),
            });
        }
        self.last = used + 1;
    }

    /// A buffered send that needs no other goroutine; false: the runtime
    /// must do it. `used`: instructions run so far in this stretch.
    pub fn try_send(
        &mut self,
        prog: &Program,
        gid: u64,
        ch: &Value,
        v: &Value,
        line: u32,
        used: u32,
    ) -> bool {
        // An unbuffered channel always needs another goroutine: do not
        // even take its lock (it is the other P's hot line).
        let Value::Chan(c) = ch else { return false };
        if c.cap == 0 || self.trace && !preview_safe(v) {
            return false;
        }
        let Some(mut guard) = lock_fast(self.buf, self.me, c) else {
            return false;
        };
        let done = send_core(&mut c.borrow_mut(), v);
        if let Some((id, ty, n)) = done {
            self.log(guard.as_deref_mut(), used, line, || {
                send_event(prog, gid, id, ty, v, n)
            });
        }
        c.owner.store(0, Ordering::Release);
        done.is_some()
    }

    /// A buffered receive that needs no other goroutine: the value, or
    /// None when the runtime must do it.
    pub fn try_recv(
        &mut self,
        prog: &Program,
        gid: u64,
        ch: &Value,
        line: u32,
        used: u32,
    ) -> Option<Value> {
        let Value::Chan(c) = ch else { return None };
        if c.cap == 0 {
            return None;
        }
        let mut guard = lock_fast(self.buf, self.me, c)?;
        let done = {
            let mut hc = c.borrow_mut();
            match hc.buf.front() {
                Some(v) if self.trace && !preview_safe(v) => None,
                _ => recv_core(&mut hc),
            }
        };
        let out = done.map(|(v, id, ty, n)| {
            self.log(guard.as_deref_mut(), used, line, || {
                recv_event(prog, gid, id, ty, &v, n)
            });
            v
        });
        c.owner.store(0, Ordering::Release);
        out
    }
}

/// Replays a recorded fast operation: the instruction at `g`'s pc, a send
/// or receive that must complete on the fast path exactly as it did.
pub fn replay_fast(
    m: &mut Machine,
    p: usize,
    g: &mut crate::runtime::sched::G,
) -> Result<(), String> {
    use crate::vm::op::Op;
    let fr = g.frames.last().ok_or("no frame")?;
    let func = m.prog.funcs.get(fr.func as usize).ok_or("no function")?;
    let pc = fr.pc as usize;
    let op = *func.code.get(pc).ok_or("no instruction")?;
    let line = func.lines.get(pc).copied().unwrap_or(0);
    let base = fr.base as usize;
    let reg = |r: u16| base + r as usize;
    let prog = m.prog.clone();
    let (kind, dst) = match op {
        Op::Send { ch, v } => {
            let Value::Chan(c) = &g.stack[reg(ch)] else {
                return Err("a send on a nil channel".into());
            };
            let val = g.stack[reg(v)].clone();
            let (id, ty, n) =
                send_core(&mut c.borrow_mut(), &val).ok_or("a send that could not complete")?;
            (send_event(&prog, g.id, id, ty, &val, n), None)
        }
        Op::Recv { dst, ch } | Op::Recv2 { dst, ch } => {
            let Value::Chan(c) = &g.stack[reg(ch)] else {
                return Err("a receive on a nil channel".into());
            };
            let (v, id, ty, n) =
                recv_core(&mut c.borrow_mut()).ok_or("a receive that could not complete")?;
            let two = matches!(op, Op::Recv2 { .. });
            (recv_event(&prog, g.id, id, ty, &v, n), Some((dst, v, two)))
        }
        _ => return Err("not a channel operation".into()),
    };
    if let Some((dst, v, two)) = dst {
        g.stack[reg(dst)] = v;
        if two {
            g.stack[reg(dst) + 1] = Value::Bool(true);
        }
    }
    if let Some(f) = g.frames.last_mut() {
        f.pc += 1;
    }
    let now = m.now;
    m.trace.emit(now, Some(p as u32), line, kind);
    Ok(())
}
