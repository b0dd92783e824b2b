//! Channels, modelled on the runtime's `hchan` (runtime/chan.go).

use std::collections::VecDeque;

use crate::runtime::sched::GId;
use crate::types::TypeId;
use crate::vm::value::Value;

/// A goroutine waiting on a channel, like the runtime's `sudog`.
#[derive(Debug, Clone)]
pub struct Sudog {
    pub g: GId,
    /// For a blocked sender: the value it offers.
    pub elem: Value,
    /// For a `select`: which case this sudog stands for, and the select's
    /// generation so stale entries of a finished select are skipped.
    pub case: u16,
    pub select_gen: u32,
    pub is_select: bool,
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
