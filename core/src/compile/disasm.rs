//! A readable listing of a compiled program, for debugging and tests.

use std::fmt::Write;

use crate::vm::program::Program;

pub fn disasm(p: &Program) -> String {
    let mut out = String::new();
    for (i, f) in p.funcs.iter().enumerate() {
        let entry = if i as u32 == p.entry { " (entry)" } else { "" };
        // Which captured variables are never written (vm/pure.rs loads
        // them without the runtime lock), as upvalue indexes.
        let consts: Vec<String> = (0..f.nupvals.min(64)).filter(|i| f.const_upvals & (1 << i) != 0).map(|i| i.to_string()).collect();
        let consts = if consts.is_empty() { String::new() } else { format!(" const_upvals={}", consts.join(",")) };
        let _ = writeln!(
            out,
            "func {} {}{}: params={} results={} regs={} upvals={}{}",
            i, f.name, entry, f.nparams, f.nresults, f.nregs, f.nupvals, consts
        );
        for (k, c) in f.consts.iter().enumerate() {
            let _ = writeln!(out, "  k{} = {:?}", k, c);
        }
        for (k, s) in f.selects.iter().enumerate() {
            let _ = writeln!(out, "  select{} = {:?}", k, s);
        }
        for (pc, op) in f.code.iter().enumerate() {
            let line = f.lines.get(pc).copied().unwrap_or(0);
            let _ = writeln!(out, "  {:4} L{:<4} {:?}", pc, line, op);
        }
    }
    out
}
