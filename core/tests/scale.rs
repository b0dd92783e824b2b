//! A million goroutines parked at once must run (each is a small struct,
//! not a host thread or stack).

use std::sync::Arc;

use chanscope_core::runtime::machine::{Config, Machine};

#[test]
fn a_million_blocked_goroutines_run() {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../bench/blocked.go")).unwrap();
    let src = src.replace("const N = 1000", "const N = 1000000");
    let prog = chanscope_core::compile_source(src.as_bytes(), "blocked.go").expect("compiles");
    let mut m = Machine::new(Arc::new(prog), Config { procs: 4, ..Config::default() });
    let exit = m.run(0).cloned();
    assert_eq!(String::from_utf8_lossy(&m.stderr), "");
    assert_eq!(exit.map(|e| e.code), Some(0));
    assert_eq!(String::from_utf8_lossy(&m.stdout), "released 1000000\n");
}
