//! Channels, modelled on the runtime's `hchan` (runtime/chan.go).

use std::collections::VecDeque;
use std::sync::Arc;

use crate::types::TypeId;
use crate::vm::value::Value;

/// A goroutine waiting on a channel, like the runtime's `sudog`. Where a
/// receive's results go is recorded as absolute slots of the waiter's value
/// stack, which does not move while it is parked.
#[derive(Debug, Clone)]
pub struct Sudog {
    pub g: GIdx,
    /// For a blocked sender: the value it offers.
    pub elem: Value,
    /// Receive: slot for the value and for `ok` (`NO_SLOT` if unused).
    pub dst: u32,
    pub ok: u32,
    /// Select: slot for the chosen case index, and this sudog's case.
    pub sel: u32,
    pub case: u16,
}

#[derive(Debug)]
pub struct HChan {
    /// Program-wide channel number (in creation order), for traces and `%v`.
    pub id: u32,
    pub elem_ty: TypeId,
    /// `dataqsiz`: 0 for an unbuffered channel.
    pub cap: usize,
    /// The ring buffer (`buf`, `sendx`, `recvx`, `qcount`).
    pub buf: VecDeque<Value>,
    pub closed: bool,
    pub recvq: VecDeque<Sudog>,
    pub sendq: VecDeque<Sudog>,
}

/// A channel: its `hchan` behind its own lock, as in Go (`hchan.lock`).
/// The lock matters only to the parallel driver (`runtime/chanlock.rs`):
/// an M running a goroutine without the runtime lock takes it for a
/// buffered send or receive that needs no other goroutine; the runtime's
/// own code takes it on first touch and keeps it until its section ends.
#[derive(Debug)]
pub struct ChanObj {
    /// 0 when free, else the holder's id (`chanlock::MId`).
    pub(crate) owner: std::sync::atomic::AtomicU32,
    /// `hchan`'s id and `dataqsiz`, which never change: readable without
    /// the lock.
    pub id: u32,
    pub cap: usize,
    cell: crate::vm::objcell::ObjCell<HChan>,
}

/// What a `Value::Chan` holds.
pub type ChanRef = Arc<ChanObj>;

impl ChanObj {
    pub fn new_ref(h: HChan) -> ChanRef {
        let owner = std::sync::atomic::AtomicU32::new(0);
        Arc::new(ChanObj { owner, id: h.id, cap: h.cap, cell: crate::vm::objcell::ObjCell::new(h) })
    }

    #[inline(always)]
    pub fn borrow(&self) -> std::cell::Ref<'_, HChan> {
        crate::runtime::chanlock::debug_check_held(self);
        self.cell.borrow()
    }

    #[inline(always)]
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, HChan> {
        crate::runtime::chanlock::debug_check_held(self);
        self.cell.borrow_mut()
    }

    #[inline(always)]
    pub fn try_borrow(&self) -> Result<std::cell::Ref<'_, HChan>, std::cell::BorrowError> {
        crate::runtime::chanlock::debug_check_held(self);
        self.cell.try_borrow()
    }
}

impl HChan {
    pub fn new(id: u32, elem_ty: TypeId, cap: usize) -> HChan {
        HChan {
            id,
            elem_ty,
            cap,
            buf: VecDeque::with_capacity(cap.min(64)),
            closed: false,
            recvq: VecDeque::new(),
            sendq: VecDeque::new(),
        }
    }
}

// ---- the operations (runtime/chan.go: makechan, chansend, chanrecv, closechan)

use crate::runtime::machine::Machine;
use crate::runtime::sched::{GIdx, GStatus, Resume, WaitReason, G};
use crate::trace::EventKind;
use crate::vm::interp::NO_SLOT;
use crate::vm::panic::Throw;

impl Machine {
    pub fn makechan(&mut self, p: usize, elem_ty: TypeId, cap: usize, line: u32) -> Value {
        let id = self.new_obj_id();
        if self.trace.on() {
            let elem = self.prog.types.name(elem_ty);
            self.trace.emit(self.now, Some(p as u32), line, EventKind::ChanMake { ch: id, cap, elem });
        }
        Value::Chan(ChanObj::new_ref(HChan::new(id, elem_ty, cap)))
    }

    /// `chansend`: true when the send completed, false when `g` parked.
    pub fn chansend(&mut self, p: usize, gi: GIdx, g: &mut G, ch: &Value, v: Value, line: u32) -> Result<bool, Throw> {
        let Value::Chan(c) = ch else {
            // Sending on a nil channel blocks forever.
            self.park(p, g, WaitReason::ChanSendNilChan, None, line);
            return Ok(false);
        };
        if self.race.is_some() {
            crate::analysis::race::hooks::chan(self, g, line, c, crate::analysis::race::hooks::ChanEv::SendRead);
        }
        self.lock_chan(c);
        let mut hc = c.borrow_mut();
        if hc.closed {
            return Err(Throw::plain("send on closed channel"));
        }
        if let Some(sg) = hc.recvq.pop_front() {
            // A receiver is waiting: hand the value over directly, bypassing
            // the buffer (it must be empty, or the receiver would not wait).
            let id = hc.id;
            drop(hc);
            if self.race.is_some() {
                crate::analysis::race::hooks::chan(self, g, line, c, crate::analysis::race::hooks::ChanEv::SendDirect(sg.g));
            }
            self.trace_send(p, line, id, g.id, Some(sg.g), &v, c);
            self.complete_recv(p, &sg, v, true, g.id);
            return Ok(true);
        }
        if hc.buf.len() < hc.cap {
            hc.buf.push_back(v.clone());
            let id = hc.id;
            drop(hc);
            if self.race.is_some() {
                crate::analysis::race::hooks::chan(self, g, line, c, crate::analysis::race::hooks::ChanEv::SendBuf);
            }
            self.trace_send(p, line, id, g.id, None, &v, c);
            return Ok(true);
        }
        let id = hc.id;
        hc.sendq.push_back(Sudog { g: gi, elem: v, dst: NO_SLOT, ok: NO_SLOT, sel: NO_SLOT, case: 0 });
        drop(hc);
        self.park(p, g, WaitReason::ChanSend, Some(id), line);
        Ok(false)
    }

    /// `chanrecv` into absolute stack slots `dst` (and `ok`, if asked): true
    /// when it completed, false when `g` parked.
    pub fn chanrecv(&mut self, p: usize, gi: GIdx, g: &mut G, ch: &Value, dst: u32, ok: u32, line: u32) -> bool {
        let Value::Chan(c) = ch else {
            self.park(p, g, WaitReason::ChanReceiveNilChan, None, line);
            return false;
        };
        match self.try_recv(p, g, c, line) {
            Some((v, okv)) => {
                set_slot(g, dst, v);
                set_slot(g, ok, Value::Bool(okv));
                true
            }
            None => {
                let mut hc = c.borrow_mut();
                hc.recvq.push_back(Sudog { g: gi, elem: Value::Nil, dst, ok, sel: NO_SLOT, case: 0 });
                let id = hc.id;
                drop(hc);
                self.park(p, g, WaitReason::ChanReceive, Some(id), line);
                false
            }
        }
    }

    /// The non-blocking half of a receive: from a waiting sender, the
    /// buffer, or a closed channel's zero value. `None`: it would block.
    pub fn try_recv(&mut self, p: usize, g: &G, c: &ChanRef, line: u32) -> Option<(Value, bool)> {
        self.lock_chan(c);
        let mut hc = c.borrow_mut();
        if let Some(sg) = hc.sendq.pop_front() {
            // Unbuffered: take the sender's value. Full buffer: take the
            // head and put the sender's value at the tail (chan.go `recv`).
            let v = if hc.cap == 0 {
                sg.elem.clone()
            } else {
                let head = hc.buf.pop_front().unwrap_or_default();
                hc.buf.push_back(sg.elem.clone());
                head
            };
            let (id, n, buffered) = (hc.id, hc.buf.len(), hc.cap > 0);
            drop(hc);
            if self.race.is_some() {
                crate::analysis::race::hooks::chan(self, g, line, c, crate::analysis::race::hooks::ChanEv::RecvDirect(sg.g));
            }
            let from = self.sched.g(sg.g).map(|x| x.id);
            let refill = if buffered { Some(&sg.elem) } else { None };
            self.trace_recv(p, line, id, g.id, from, &v, n, false, c, refill);
            self.complete_send(p, &sg, g.id);
            return Some((v, true));
        }
        if let Some(v) = hc.buf.pop_front() {
            let (id, n) = (hc.id, hc.buf.len());
            drop(hc);
            if self.race.is_some() {
                crate::analysis::race::hooks::chan(self, g, line, c, crate::analysis::race::hooks::ChanEv::RecvBuf);
            }
            self.trace_recv(p, line, id, g.id, None, &v, n, false, c, None);
            return Some((v, true));
        }
        if hc.closed {
            let (id, ty) = (hc.id, hc.elem_ty);
            drop(hc);
            if self.race.is_some() {
                crate::analysis::race::hooks::chan(self, g, line, c, crate::analysis::race::hooks::ChanEv::RecvClosed);
            }
            let z = self.zero(ty);
            self.trace_recv(p, line, id, g.id, None, &z, 0, true, c, None);
            return Some((z, false));
        }
        None
    }

    /// Hands `v` to a parked receiver (or select) and readies it.
    pub fn complete_recv(&mut self, p: usize, sg: &Sudog, v: Value, ok: bool, by: u64) {
        if let Some(rg) = self.sched.g_mut(sg.g) {
            set_slot(rg, sg.dst, v);
            set_slot(rg, sg.ok, Value::Bool(ok));
            set_slot(rg, sg.sel, Value::Int(sg.case as i64));
        }
        self.select_done(sg);
        self.goready(p, sg.g, by);
    }

    /// A parked sender's value was taken: ready it.
    fn complete_send(&mut self, p: usize, sg: &Sudog, by: u64) {
        if let Some(sg_g) = self.sched.g_mut(sg.g) {
            set_slot(sg_g, sg.sel, Value::Int(sg.case as i64));
        }
        self.select_done(sg);
        self.goready(p, sg.g, by);
    }

    /// selectgo's pass 3: a select that was woken leaves the queues of its
    /// other channels.
    fn select_done(&mut self, sg: &Sudog) {
        if sg.sel == NO_SLOT {
            return;
        }
        let chans = match self.sched.g_mut(sg.g).and_then(|g| g.select_chans.take()) {
            Some(c) => *c,
            None => return,
        };
        for c in chans {
            self.lock_chan(&c);
            let mut hc = c.borrow_mut();
            hc.recvq.retain(|s| s.g != sg.g);
            hc.sendq.retain(|s| s.g != sg.g);
        }
    }

    /// `closechan`: wakes every waiting receiver (zero value, !ok) and
    /// sender (which will panic).
    pub fn closechan(&mut self, p: usize, g: &mut G, ch: &Value, line: u32) -> Result<(), Throw> {
        let Value::Chan(c) = ch else {
            return Err(Throw::plain("close of nil channel"));
        };
        self.lock_chan(c);
        let mut hc = c.borrow_mut();
        if hc.closed {
            return Err(Throw::plain("close of closed channel"));
        }
        hc.closed = true;
        let id = hc.id;
        let elem_ty = hc.elem_ty;
        let recvs: Vec<Sudog> = hc.recvq.drain(..).collect();
        let sends: Vec<Sudog> = hc.sendq.drain(..).collect();
        drop(hc);
        if self.race.is_some() {
            let ws = recvs.iter().chain(sends.iter()).map(|sg| sg.g).collect();
            crate::analysis::race::hooks::chan(self, g, line, c, crate::analysis::race::hooks::ChanEv::Close(ws));
        }
        if self.trace.on() {
            self.trace.emit(self.now, Some(p as u32), line, EventKind::ChanClose { ch: id, by: g.id });
        }
        // Like closechan, collect the waiters on a gList (a stack), then
        // ready them: the last one collected is readied first.
        let mut glist: Vec<(Sudog, bool)> = Vec::with_capacity(recvs.len() + sends.len());
        for sg in recvs {
            let z = self.zero(elem_ty);
            if let Some(rg) = self.sched.g_mut(sg.g) {
                set_slot(rg, sg.dst, z);
                set_slot(rg, sg.ok, Value::Bool(false));
                set_slot(rg, sg.sel, Value::Int(sg.case as i64));
            }
            glist.push((sg, true));
        }
        for sg in sends {
            if let Some(sgg) = self.sched.g_mut(sg.g) {
                set_slot(sgg, sg.sel, Value::Int(sg.case as i64));
                sgg.resume = Resume::PanicSendOnClosed;
            }
            glist.push((sg, false));
        }
        for (sg, _) in glist.iter() {
            self.select_done(sg);
        }
        while let Some((sg, _)) = glist.pop() {
            self.goready(p, sg.g, g.id);
        }
        Ok(())
    }

    /// `gopark`: the running G stops for `reason`.
    pub fn park(&mut self, p: usize, g: &mut G, reason: WaitReason, obj: Option<u32>, line: u32) {
        g.status = GStatus::Waiting;
        g.wait = reason;
        g.blocked_on = obj;
        g.parked_at = self.now;
        if self.trace.on() {
            let chans = match &g.select_chans {
                Some(cs) if reason == WaitReason::Select => cs.iter().map(|c| c.id).collect(),
                _ => Vec::new(),
            };
            self.trace.emit(self.now, Some(p as u32), line, EventKind::GoBlock { g: g.id, reason: reason.as_str(), obj, chans });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn trace_send(&mut self, p: usize, line: u32, ch: u32, from: u64, to: Option<GIdx>, v: &Value, c: &ChanRef) {
        if !self.trace.on() {
            return;
        }
        let (ty, n) = {
            let hc = c.borrow();
            (hc.elem_ty, hc.buf.len())
        };
        let to = to.and_then(|i| self.sched.g(i)).map(|x| x.id);
        let value = crate::fmt::preview(&self.prog.types, ty, v, 48);
        self.trace.emit(self.now, Some(p as u32), line, EventKind::ChanSend { ch, from, to, value, buffered: n });
    }

    #[allow(clippy::too_many_arguments)]
    fn trace_recv(
        &mut self,
        p: usize,
        line: u32,
        ch: u32,
        to: u64,
        from: Option<u64>,
        v: &Value,
        n: usize,
        closed: bool,
        c: &ChanRef,
        refill: Option<&Value>,
    ) {
        if !self.trace.on() {
            return;
        }
        let ty = c.borrow().elem_ty;
        let value = crate::fmt::preview(&self.prog.types, ty, v, 48);
        let refill = refill.map(|r| crate::fmt::preview(&self.prog.types, ty, r, 48));
        self.trace.emit(self.now, Some(p as u32), line, EventKind::ChanRecv { ch, to, from, value, buffered: n, closed, refill });
    }
}

/// Writes `v` into absolute stack slot `slot` of `g` (ignored for `NO_SLOT`).
pub fn set_slot(g: &mut G, slot: u32, v: Value) {
    if slot == NO_SLOT {
        return;
    }
    let i = slot as usize;
    if g.stack.len() <= i {
        g.stack.resize(i + 1, Value::Nil);
    }
    g.stack[i] = v;
}
