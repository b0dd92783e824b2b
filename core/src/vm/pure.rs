//! The lock-free interpreter of the parallel driver.
//!
//! A P's thread runs its goroutine here *without* the runtime lock, so Ps
//! compute side by side. Only instructions that touch nothing but the
//! goroutine's own registers and frames run here: the register
//! instructions (`vm/regops.rs`), calls to known functions and plain
//! returns. Everything else (channels, locks, heap objects, globals,
//! `go`, panics) stops the loop *before* the instruction, and the driver
//! takes the lock and runs it in the full interpreter (`vm/interp.rs`).
//! That split is the whole safety argument of `vm/objcell.rs`: nothing
//! here borrows a heap object, except a buffered channel under its own
//! lock: a send or receive that needs no other goroutine runs here
//! (`runtime/chanlock.rs`), as Go's does under `hchan.lock` alone.

use crate::runtime::chanlock::FastCtx;
use crate::runtime::machine::Config;
use crate::runtime::sched::{FrameKind, Resume, G};
use crate::vm::interp::{push_frame, ret_fast};
use crate::vm::op::Op;
use crate::vm::program::Program;
use crate::vm::regops;

/// Why `run` returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PureStop {
    /// The budget ran out; the next instruction is again a pure one or
    /// unknown.
    Budget,
    /// The next instruction needs the runtime (it has not run).
    Runtime,
}

/// Runs `g` for at most `budget` instructions; returns why it stopped and
/// how many instructions ran. The G's saved pc always points at the next
/// instruction to execute, so the full interpreter resumes exactly there.
/// With `fast`, channel operations that need only their channel run here
/// too; without, they stop the loop like any other.
pub fn run(prog: &Program, cfg: &Config, g: &mut G, budget: u32, mut fast: Option<&mut FastCtx>) -> (PureStop, u32) {
    if !matches!(g.resume, Resume::Continue) {
        return (PureStop::Runtime, 0);
    }
    let mut left = budget;
    macro_rules! used {
        () => {
            budget - left
        };
    }
    'frames: loop {
        let Some(fr) = g.frames.last() else {
            return (PureStop::Runtime, used!());
        };
        let base = fr.base as usize;
        let mut pc = fr.pc as usize;
        let Some(func) = prog.funcs.get(fr.func as usize) else {
            return (PureStop::Runtime, used!());
        };
        let code: &[Op] = &func.code;
        regops::register_access!($, g, base);
        macro_rules! save_pc {
            () => {
                if let Some(f) = g.frames.last_mut() {
                    f.pc = pc as u32;
                }
            };
        }
        // Hand the instruction at `pc - 1` to the full interpreter: it has
        // not run (or, for a register instruction that panics, it will run
        // again there and panic with the runtime's full machinery).
        macro_rules! to_runtime {
            () => {{
                pc -= 1;
                left += 1;
                save_pc!();
                return (PureStop::Runtime, used!());
            }};
        }
        macro_rules! throw {
            ($t:expr) => {{
                let _ = $t;
                to_runtime!()
            }};
        }
        loop {
            if left == 0 {
                save_pc!();
                return (PureStop::Budget, used!());
            }
            let Some(&op) = code.get(pc) else {
                save_pc!();
                return (PureStop::Runtime, used!());
            };
            pc += 1;
            left -= 1;
            regops::register_ops! { op, pc, func.consts;
                Op::Call { f, a } => {
                    save_pc!();
                    if push_frame(cfg, g, prog, f, base + a as usize, None, FrameKind::Normal).is_err() {
                        to_runtime!()
                    }
                    continue 'frames;
                }
                Op::Ret { a, n } => {
                    if ret_fast(g, base, a, n) {
                        continue 'frames;
                    }
                    to_runtime!()
                }
                Op::LoadUpval { dst, i } => {
                    // A captured variable never written once initialised
                    // (the compiler's `const_upvals`): its cell holds one
                    // value for good, so reading it needs no lock.
                    if i >= 64 || func.const_upvals & (1 << i) == 0 {
                        to_runtime!()
                    }
                    let Some(cell) = crate::vm::ops_lock::upval_cell(g, i) else { to_runtime!() };
                    // SAFETY: nothing writes a const upvalue's cell.
                    let v = unsafe { cell.get_unsynced() }.clone();
                    set!(dst, v);
                }
                Op::Send { ch, v } => {
                    let Some(fc) = fast.as_deref_mut() else { to_runtime!() };
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    if !fc.try_send(prog, g.id, &r!(ch), &r!(v), line, used!() - 1) {
                        to_runtime!()
                    }
                }
                Op::Recv { dst, ch } => {
                    let Some(fc) = fast.as_deref_mut() else { to_runtime!() };
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    let Some(v) = fc.try_recv(prog, g.id, &r!(ch), line, used!() - 1) else { to_runtime!() };
                    set!(dst, v);
                }
                Op::Recv2 { dst, ch } => {
                    let Some(fc) = fast.as_deref_mut() else { to_runtime!() };
                    let line = func.lines.get(pc - 1).copied().unwrap_or(0);
                    let Some(v) = fc.try_recv(prog, g.id, &r!(ch), line, used!() - 1) else { to_runtime!() };
                    set!(dst, v);
                    set!((dst + 1), crate::vm::value::Value::Bool(true));
                }
                _ => to_runtime!(),
            }
        }
    }
}
