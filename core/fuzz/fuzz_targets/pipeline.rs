//! Arbitrary bytes through parse, check, compile and a bounded run. Any
//! panic, stack overflow or hang is a bug: bad input must get a clear
//! answer.
#![no_main]

use std::rc::Rc;

use chanscope_core::runtime::machine::{Config, Machine};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(prog) = chanscope_core::compile_source(data, "fuzz.go") else { return };
    let cfg = Config {
        procs: 1 + (data.len() % 4),
        seed: data.len() as u64,
        max_steps: 200_000,
        max_output: 1 << 16,
        max_goroutines: 1000,
        max_frames: 10_000,
        max_stack: 1 << 20,
        max_alloc: 1 << 16,
        ..Config::default()
    };
    let mut m = Machine::new(Rc::new(prog), cfg);
    let _ = m.run(0);
});
