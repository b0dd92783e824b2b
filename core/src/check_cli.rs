//! `chanscope check` and `chanscope run --replay` (the CLI side of
//! core/src/analysis).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chanscope_core::analysis::check::{replay_machine, CheckConfig, Checker};
use chanscope_core::analysis::{findings, replay};
use chanscope_core::runtime::machine::{Config, Machine};

pub struct Opts {
    pub json: bool,
    pub schedules: u64,
    pub time_limit: Duration,
    pub procs: usize,
    pub seed: u64,
    pub por: bool,
    pub search_only: bool,
    pub stats: bool,
}

pub fn check(file: &PathBuf, o: &Opts) -> ExitCode {
    let prog = match crate::load(file) {
        Ok(p) => Arc::new(p),
        Err(code) => return code,
    };
    let mut c = Checker::new(prog, CheckConfig { procs: o.procs, seed: o.seed, schedules: o.schedules, por: o.por });
    let start = Instant::now();
    loop {
        let ran = if o.search_only { c.step_search(4.min(o.schedules.saturating_sub(c.schedules))) } else { c.step(4) };
        if ran == 0 || c.done() || !o.time_limit.is_zero() && start.elapsed() > o.time_limit {
            break;
        }
    }
    let report = c.report();
    if o.stats {
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        let (complete, blocked) = c.search_stats();
        eprintln!(
            "stats: schedules={} search_complete={} search_abandoned={} transitions={} seconds={:.3} schedules_per_s={:.0} transitions_per_s={:.0} exhaustive={}",
            report.schedules,
            complete,
            blocked,
            c.transitions,
            secs,
            report.schedules as f64 / secs,
            c.transitions as f64 / secs,
            report.exhaustive
        );
    }
    let json = o.json;
    if json {
        println!("{}", serde_json::to_string(&report).unwrap_or_default());
    } else {
        let name = file.display();
        let n = report.findings.len();
        println!(
            "chanscope check: {} finding{} in {} schedule{}{}",
            n,
            if n == 1 { "" } else { "s" },
            report.schedules,
            if report.schedules == 1 { "" } else { "s" },
            if report.exhaustive { " (exhaustive: every interleaving covered)" } else { "" }
        );
        for f in &report.findings {
            println!("\n{}: {}", f.kind, f.message);
            for g in &f.goroutines {
                println!("    {}", g);
            }
            println!("    replay: chanscope run --replay {} {}", f.replay, name);
        }
    }
    ExitCode::from(if report.findings.is_empty() { 0 } else { 3 })
}

pub fn replay(file: &PathBuf, tok: &str, cfg: Config, timeout: Duration, trace: Option<PathBuf>, events: Option<PathBuf>) -> ExitCode {
    let s = match replay::decode(tok) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("chanscope: {}", e);
            return ExitCode::from(1);
        }
    };
    let setup = move |prog, cfg: Config| -> Machine {
        let base = chanscope_core::analysis::check::machine_config(s.procs, s.seed);
        // The token's schedule assumes the explorer's limits; the user's
        // output and trace settings still apply.
        let cfg = Config { max_steps: base.max_steps, ..cfg };
        replay_machine(prog, cfg, &s)
    };
    crate::run_machine(file, cfg, timeout, trace, events, Some(&setup), crate::Driver::Deterministic)
}

/// After a replay: what the run found, on stderr after the program's own.
pub fn print_findings(m: &Machine) {
    for f in findings::of_run(m) {
        eprintln!("chanscope: {}: {}", f.kind, f.message);
        for g in &f.goroutines {
            eprintln!("    {}", g);
        }
    }
}
