//! Go-shaped crash output: `panic: ...`, `fatal error: ...` and goroutine
//! dumps (`goroutine 1 [chan receive]:`, function, `file:line`).

use crate::runtime::machine::{ExitKind, Machine};
use crate::runtime::sched::{GStatus, G};
use crate::trace::EventKind;
use crate::vm::panic::Throw;
use crate::vm::program::Program;

/// The source line a frame is at (its saved pc points past the current
/// instruction).
fn frame_line(prog: &Program, func: u32, pc: u32) -> u32 {
    let Some(f) = prog.funcs.get(func as usize) else { return 0 };
    let i = (pc as usize).saturating_sub(1).min(f.lines.len().saturating_sub(1));
    f.lines.get(i).copied().unwrap_or(f.pos.line)
}

/// The line the goroutine is at in the user's program: inside library
/// code written in Go (the prelude), the line of the call into it.
pub fn current_line(prog: &Program, g: &G) -> u32 {
    g.frames
        .iter()
        .rev()
        .map(|f| frame_line(prog, f.func, f.pc))
        .find(|l| !crate::compile::prelude::is_prelude_line(*l))
        .unwrap_or(0)
}

/// `file:line` of a frame: the user's file, or for prelude code the Go
/// library file it stands for.
fn frame_pos(prog: &Program, line: u32) -> String {
    match crate::compile::prelude::location(line) {
        Some((file, l)) => format!("$GOROOT/src/{}:{}", file, l),
        None => format!("{}:{}", prog.file, line),
    }
}

/// `goroutine N [state]:` and its frames, innermost first.
pub fn goroutine_trace(prog: &Program, g: &G, state: &str) -> String {
    let mut s = format!("goroutine {} [{}]:\n", g.id, state);
    for fr in g.frames.iter().rev() {
        let Some(f) = prog.funcs.get(fr.func as usize) else { continue };
        if f.name.starts_with("runtime.") {
            continue;
        }
        let args = if f.nparams == 0 { "()" } else { "(...)" };
        s.push_str(&format!("{}{}\n\t{} +0x{:x}\n", f.name, args, frame_pos(prog, frame_line(prog, fr.func, fr.pc)), fr.pc));
    }
    if let Some((func, line, parent)) = g.created_by {
        let name = prog.funcs.get(func as usize).map(|f| f.name.as_str()).unwrap_or("?");
        s.push_str(&format!("created by {} in goroutine {}\n\t{}\n", name, parent, frame_pos(prog, line)));
    }
    s
}

/// What follows `panic: ` for a throw.
pub fn panic_message(prog: &Program, t: &Throw) -> String {
    match t {
        Throw::Panic(v) => crate::fmt::panic_message(&prog.types, v),
        Throw::Runtime(msg) => msg.clone(),
        Throw::Fatal(msg) => msg.clone(),
        Throw::Call { method, .. } => format!("chanscope: unexpected call of {}", method),
    }
}

/// `printpanics`: the chain of panics, oldest first, one per line.
fn print_panics(prog: &Program, p: &crate::runtime::sched::PanicState, out: &mut String) {
    if let Some(l) = p.link.as_deref() {
        print_panics(prog, l, out);
        if l.repanicked {
            return;
        }
        out.push('\t');
    }
    out.push_str("panic: ");
    out.push_str(&panic_message(prog, &p.throw));
    if p.recovered && p.repanicked {
        out.push_str(" [recovered, repanicked]");
    } else if p.recovered {
        out.push_str(" [recovered]");
    }
    out.push('\n');
}

impl Machine {
    /// An unrecovered panic on `g` ends the program: Go prints the panic
    /// and the goroutine's stack where it panicked, and exits with 2.
    pub fn die_of_panic(&mut self, g: &G) {
        let Some(ps) = g.panic.as_ref() else { return };
        let mut msg = String::new();
        print_panics(&self.prog, ps, &mut msg);
        if let Throw::Runtime(m) = &ps.throw {
            if m.contains("nil pointer dereference") {
                msg.push_str("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n");
            }
        }
        let text = format!("{}\n{}", msg, ps.trace);
        self.write_stderr(text.as_bytes());
        self.finish(2, ExitKind::Panic);
    }

    /// `fatal error: msg` with the running goroutine's stack; exit 2.
    pub fn fatal(&mut self, g: &G, msg: &str) {
        let head = if msg == "stack overflow" {
            "runtime: goroutine stack exceeds 1000000000-byte limit\n".to_string()
        } else {
            String::new()
        };
        let text = format!("{}fatal error: {}\n\n{}", head, msg, goroutine_trace(&self.prog, g, "running"));
        self.write_stderr(text.as_bytes());
        self.finish(2, ExitKind::Fatal);
    }

    /// `checkdead`: nothing can run and no timer will fire. If goroutines
    /// are left, they are blocked forever: Go's deadlock error, then every
    /// goroutine's stack.
    pub fn checkdead(&mut self) {
        if self.sched.any_runnable() {
            return;
        }
        self.trace.emit(self.now, None, 0, EventKind::Deadlock);
        let mut text = String::from("fatal error: all goroutines are asleep - deadlock!\n");
        let mut gs: Vec<&G> = self.sched.gs.iter().filter_map(|g| g.as_deref()).filter(|g| g.status != GStatus::Dead).collect();
        gs.sort_by_key(|g| g.id);
        for g in gs {
            text.push('\n');
            text.push_str(&goroutine_trace(&self.prog, g, g.wait.as_str()));
        }
        self.write_stderr(text.as_bytes());
        self.finish(2, ExitKind::Deadlock);
    }
}
