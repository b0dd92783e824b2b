//! What a finished run found: a global deadlock (`checkdead`), a panic or
//! fatal error, goroutines blocked forever after `main` returned (leaks,
//! and partial deadlocks when they wait for a lock), and whatever other
//! detectors pushed onto `Machine::findings`.

use crate::analysis::Finding;
use crate::runtime::machine::{ExitKind, Machine};
use crate::runtime::sched::{GStatus, WaitReason, G};
use crate::vm::program::Program;

/// `goroutine 7 [chan send]: main.worker at prog.go:12`.
pub fn describe(prog: &Program, g: &G, state: &str) -> String {
    let (name, line) = location(prog, g);
    format!("goroutine {} [{}]: {} at {}:{}", g.id, state, name, prog.file, line)
}

/// The innermost user frame: function name and line.
pub fn location(prog: &Program, g: &G) -> (String, u32) {
    for fr in g.frames.iter().rev() {
        let Some(f) = prog.funcs.get(fr.func as usize) else { continue };
        if f.name.starts_with("runtime.") {
            continue;
        }
        let i = (fr.pc as usize).saturating_sub(1).min(f.lines.len().saturating_sub(1));
        return (f.name.clone(), f.lines.get(i).copied().unwrap_or(f.pos.line));
    }
    ("?".to_string(), 0)
}

fn waiting(m: &Machine) -> Vec<&G> {
    let mut gs: Vec<&G> = m.sched.gs.iter().filter_map(|g| g.as_deref()).filter(|g| g.status == GStatus::Waiting).collect();
    gs.sort_by_key(|g| g.id);
    gs
}

/// Parked goroutines (not sleeping) and where: (id, (wait reason, line)).
pub fn blocked_spots(m: &Machine) -> Vec<(u64, (WaitReason, u32))> {
    waiting(m).into_iter().filter(|g| g.wait != WaitReason::Sleep).map(|g| (g.id, (g.wait, location(&m.prog, g).1))).collect()
}

/// One finding per goroutine left blocked when nothing can run any more
/// after `main` returned: a leak (whatever it waits for, a lock included:
/// the lock-order checker reports cycles).
pub fn blocked_forever(m: &Machine) -> Vec<Finding> {
    waiting(m).into_iter().filter(|g| g.wait != WaitReason::Sleep).map(|g| leak_finding(m, g, "is blocked forever after main returned")).collect()
}

pub fn leak_finding(m: &Machine, g: &G, why: &str) -> Finding {
    let reason = g.wait.as_str();
    let (_, line) = location(&m.prog, g);
    let msg = format!("goroutine {} {} [{}] at line {}", g.id, why, reason, line);
    Finding::new("leak", msg, vec![describe(&m.prog, g, reason)])
}

/// Everything the finished run `m` found (replay tokens still empty).
pub fn of_run(m: &Machine) -> Vec<Finding> {
    let mut out = m.findings.clone();
    if let Some(d) = &m.explore {
        out.extend(d.leaks.iter().cloned());
    }
    match m.exit.as_ref().map(|e| e.kind) {
        Some(ExitKind::Deadlock) => {
            let gs = waiting(m).into_iter().map(|g| describe(&m.prog, g, g.wait.as_str())).collect();
            out.push(Finding::new("deadlock", "all goroutines are asleep - deadlock!", gs));
        }
        Some(ExitKind::Panic) | Some(ExitKind::Fatal) => {
            let kept = m.explore.as_ref().and_then(|d| d.crash.clone());
            if let Some(f) = kept.or_else(|| panic_finding(&m.stderr)) {
                out.push(f);
            }
        }
        _ => {}
    }
    out
}

/// A panic or fatal error from the Go-format text on stderr: the message
/// and the goroutine that raised it (`goroutine N [running]:`, its first
/// user frame).
pub fn panic_finding(stderr: &[u8]) -> Option<Finding> {
    let text = String::from_utf8_lossy(stderr);
    let mut lines = text.lines();
    let head = lines.by_ref().find(|l| l.starts_with("panic: ") || l.starts_with("fatal error: "))?;
    let msg = head.strip_prefix("panic: ").or_else(|| head.strip_prefix("fatal error: ")).unwrap_or(head);
    let msg = msg.trim_end_matches(" [recovered]").to_string();
    let mut g = None;
    let rest: Vec<&str> = lines.collect();
    if let Some(i) = rest.iter().position(|l| l.starts_with("goroutine ")) {
        let hdr = rest[i].trim_end_matches(':');
        let func = rest.get(i + 1).map(|f| f.split('(').next().unwrap_or(f)).unwrap_or("?");
        let at = rest.get(i + 2).map(|l| l.trim().split(" +").next().unwrap_or("")).unwrap_or("");
        g = Some(format!("{}: {} at {}", hdr, func, at));
    }
    Some(Finding::new("panic", msg, g.into_iter().collect()))
}
