//! Call stacks of memory and lock events, interned so that the shadow
//! state of every location holds a 4-byte id instead of a vector.
//!
//! A frame is (function, line, pc): the pc only feeds the `+0x..` column of
//! Go's report format, the line is what the person reads.

use std::collections::HashMap;

use crate::runtime::sched::G;
use crate::vm::program::Program;

pub type StackId = u32;

/// No stack recorded.
pub const NO_STACK: StackId = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Frame {
    pub func: u32,
    pub line: u32,
    pub pc: u32,
}

/// Frames are kept innermost last, as `G::frames` has them.
#[derive(Default)]
pub struct Stacks {
    ids: HashMap<Box<[Frame]>, StackId>,
    all: Vec<Box<[Frame]>>,
    scratch: Vec<Frame>,
}

/// The line of the instruction before `pc` (saved pcs point past the
/// instruction being executed).
fn line_at(prog: &Program, func: u32, pc: u32) -> u32 {
    let Some(f) = prog.funcs.get(func as usize) else {
        return 0;
    };
    let i = (pc as usize).saturating_sub(1).min(f.lines.len().saturating_sub(1));
    f.lines.get(i).copied().unwrap_or(f.pos.line)
}

impl Stacks {
    /// The stack of `g` executing the instruction before `pc` in its top
    /// frame (`pc` as the dispatch loop holds it: already advanced).
    pub fn capture(&mut self, prog: &Program, g: &G, pc: usize) -> StackId {
        let top = g.frames.last().map(|f| (f.func, line_at(prog, f.func, pc as u32)));
        self.capture_top(prog, g, top.map(|(f, l)| (f, l, pc as u32)))
    }

    /// The stack of `g` whose top frame is at source line `line` (for
    /// hooks that know the line but not the pc, such as channel and sync
    /// operations).
    pub fn capture_line(&mut self, prog: &Program, g: &G, line: u32) -> StackId {
        let top = g.frames.last().map(|f| (f.func, line, f.pc));
        self.capture_top(prog, g, top)
    }

    fn capture_top(&mut self, prog: &Program, g: &G, top: Option<(u32, u32, u32)>) -> StackId {
        self.scratch.clear();
        let n = g.frames.len();
        // Deep recursion: keep the innermost frames, as Go's traceback does.
        let skip = n.saturating_sub(64);
        for fr in g.frames.iter().take(n.saturating_sub(1)).skip(skip) {
            self.scratch.push(Frame {
                func: fr.func,
                line: line_at(prog, fr.func, fr.pc),
                pc: fr.pc,
            });
        }
        if let Some((func, line, pc)) = top {
            self.scratch.push(Frame { func, line, pc });
        }
        if let Some(&id) = self.ids.get(self.scratch.as_slice()) {
            return id;
        }
        let id = self.all.len() as StackId;
        let b: Box<[Frame]> = self.scratch.clone().into_boxed_slice();
        self.all.push(b.clone());
        self.ids.insert(b, id);
        id
    }

    pub fn get(&self, id: StackId) -> &[Frame] {
        self.all.get(id as usize).map(|b| &b[..]).unwrap_or(&[])
    }

    /// The innermost user frame's line (0 when unknown).
    pub fn top_line(&self, id: StackId) -> u32 {
        self.get(id).last().map(|f| f.line).unwrap_or(0)
    }

    /// Go's race-report frames, innermost first:
    /// `  main.f()` / `      /path/file.go:12 +0x1c`. Runtime frames are
    /// left out, as in chanscope's tracebacks.
    pub fn render(&self, prog: &Program, id: StackId, runtime_frame: Option<&str>, out: &mut String) {
        if let Some(rt) = runtime_frame {
            // The runtime function the access happened in (Go shows it with
            // its GOROOT source position, which the playground has not got).
            out.push_str(&format!("  {}()\n      GOROOT/src/{} +0x0\n", rt, runtime_file(rt)));
        }
        for fr in self.get(id).iter().rev() {
            let Some(f) = prog.funcs.get(fr.func as usize) else {
                continue;
            };
            if f.name.starts_with("runtime.") {
                continue;
            }
            out.push_str(&format!(
                "  {}()\n      {}:{} +0x{:x}\n",
                f.name, prog.file, fr.line, fr.pc
            ));
        }
    }
}

fn runtime_file(f: &str) -> &'static str {
    if f.starts_with("runtime.map") {
        "internal/runtime/maps/runtime.go:0"
    } else if f.starts_with("sync/atomic") {
        "runtime/race_amd64.s:0"
    } else {
        "runtime/chan.go:0"
    }
}
