//! `select`, after runtime/select.go's `selectgo`.
//!
//! Pass 1 polls the cases in a random order (so among several ready cases
//! each is chosen uniformly); with none ready, `default` runs if present;
//! otherwise pass 2 enqueues a sudog on every channel and parks. The waker
//! completes the chosen case and dequeues the others (pass 3).

use crate::runtime::chan::{set_slot, Sudog};
use crate::runtime::machine::Machine;
use crate::runtime::sched::{GIdx, WaitReason, G};
use crate::trace::EventKind;
use crate::vm::interp::NO_SLOT;
use crate::vm::op::{SelDir, SelectTable, NO_REG};
use crate::vm::panic::Throw;
use crate::vm::value::Value;

fn slot(base: usize, r: u16) -> u32 {
    if r == NO_REG {
        NO_SLOT
    } else {
        (base + r as usize) as u32
    }
}

impl Machine {
    /// Runs the select of `tab` for `g` whose frame starts at `base`; the
    /// chosen case index goes to register `dst`. False when `g` parked.
    #[allow(clippy::too_many_arguments)]
    pub fn selectgo(&mut self, p: usize, gi: GIdx, g: &mut G, tab: &SelectTable, base: usize, dst: u16, line: u32) -> Result<bool, Throw> {
        let ncases = tab.cases.len();
        if ncases == 0 && !tab.has_default {
            // `select {}`: block forever.
            self.park(p, g, WaitReason::SelectNoCases, None, line);
            return Ok(false);
        }
        // pollorder: a random permutation of the non-nil cases.
        let mut pollorder: Vec<usize> = Vec::with_capacity(ncases);
        for (i, c) in tab.cases.iter().enumerate() {
            if !matches!(g.stack[base + c.ch as usize], Value::Chan(_)) {
                continue;
            }
            let j = self.sched.choose(crate::analysis::Choice::SelectOrder, pollorder.len() + 1);
            if j == pollorder.len() {
                pollorder.push(i);
            } else {
                let moved = pollorder[j];
                pollorder[j] = i;
                pollorder.push(moved);
            }
        }
        // sellock: every case's channel stays locked until the section
        // ends (only the parallel driver has locks to take).
        if self.chan_locks.is_some() {
            for c in &tab.cases {
                self.lock_chan_value(&g.stack[base + c.ch as usize]);
            }
        }
        let ready = if self.trace.on() { self.count_ready(g, tab, base) } else { 0 };

        // Pass 1: the first ready case in poll order wins.
        for &i in &pollorder {
            let c = &tab.cases[i];
            let Value::Chan(ch) = g.stack[base + c.ch as usize].clone() else { continue };
            match c.dir {
                SelDir::Recv => {
                    if let Some((v, ok)) = self.try_recv(p, g, &ch, c.line) {
                        set_slot(g, slot(base, c.val), v);
                        set_slot(g, slot(base, c.ok), Value::Bool(ok));
                        return Ok(self.chose(p, g, base, dst, Some(i), ready, ncases, line));
                    }
                }
                SelDir::Send => {
                    let v = g.stack[base + c.val as usize].clone();
                    let chv = Value::Chan(ch.clone());
                    let (closed, can) = {
                        let hc = ch.borrow();
                        (hc.closed, !hc.recvq.is_empty() || hc.buf.len() < hc.cap)
                    };
                    if closed {
                        return Err(Throw::plain("send on closed channel"));
                    }
                    if can {
                        let done = self.chansend(p, gi, g, &chv, v, c.line)?;
                        debug_assert!(done);
                        return Ok(self.chose(p, g, base, dst, Some(i), ready, ncases, line));
                    }
                }
            }
        }
        if tab.has_default {
            return Ok(self.chose(p, g, base, dst, None, ready, ncases, line));
        }

        // Pass 2: queue on every channel and park.
        let sel = slot(base, dst);
        let mut chans = Vec::with_capacity(pollorder.len());
        for (i, c) in tab.cases.iter().enumerate() {
            let Value::Chan(ch) = g.stack[base + c.ch as usize].clone() else { continue };
            {
                let mut hc = ch.borrow_mut();
                match c.dir {
                    SelDir::Recv => hc.recvq.push_back(Sudog {
                        g: gi,
                        elem: Value::Nil,
                        dst: slot(base, c.val),
                        ok: slot(base, c.ok),
                        sel,
                        case: i as u16,
                    }),
                    SelDir::Send => hc.sendq.push_back(Sudog {
                        g: gi,
                        elem: g.stack[base + c.val as usize].clone(),
                        dst: NO_SLOT,
                        ok: NO_SLOT,
                        sel,
                        case: i as u16,
                    }),
                }
            }
            chans.push(ch);
        }
        g.select_chans = Some(Box::new(chans));
        self.park(p, g, WaitReason::Select, None, line);
        Ok(false)
    }

    #[allow(clippy::too_many_arguments)]
    fn chose(&mut self, p: usize, g: &mut G, base: usize, dst: u16, case: Option<usize>, ready: u16, ncases: usize, line: u32) -> bool {
        let idx = case.unwrap_or(ncases);
        set_slot(g, slot(base, dst), Value::Int(idx as i64));
        if self.trace.on() {
            self.trace.emit(
                self.now,
                Some(p as u32),
                line,
                EventKind::Select { g: g.id, case: case.map(|c| c as u16), ready, cases: ncases as u16 },
            );
        }
        true
    }

    fn count_ready(&self, g: &G, tab: &SelectTable, base: usize) -> u16 {
        tab.cases
            .iter()
            .filter(|c| match &g.stack[base + c.ch as usize] {
                Value::Chan(ch) => {
                    let hc = ch.borrow();
                    match c.dir {
                        SelDir::Recv => !hc.sendq.is_empty() || !hc.buf.is_empty() || hc.closed,
                        SelDir::Send => hc.closed || !hc.recvq.is_empty() || hc.buf.len() < hc.cap,
                    }
                }
                _ => false,
            })
            .count() as u16
    }
}
