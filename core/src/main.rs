//! The `chanscope` command: run a Go program on the GMP model.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chanscope_core::runtime::machine::{Config, Machine, Preempt};
use chanscope_core::runtime::schedlog;
use clap::{Parser, Subcommand, ValueEnum};

// Counts live heap bytes so `--max-memory` can stop memory bombs.
#[global_allocator]
static ALLOC: chanscope_core::runtime::memory::CountingAlloc = chanscope_core::runtime::memory::CountingAlloc;

#[derive(Parser)]
#[command(name = "chanscope", version, about = "Run Go concurrency programs on a model of Go's GMP scheduler")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum)]
enum PreemptArg {
    /// Go 1.14+: preemption at any instruction.
    Async,
    /// Before Go 1.14: only at function calls.
    Cooperative,
}

#[derive(Subcommand)]
enum Cmd {
    /// Compile and run FILE.go.
    Run {
        /// GOMAXPROCS: the number of Ps.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=256))]
        procs: u32,
        /// Seed of every scheduling choice: same seed, same run.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write the event trace as Chrome Trace Event JSON (opens in Perfetto).
        #[arg(long)]
        trace: Option<PathBuf>,
        /// Write the raw event log as JSON (the events the page draws from).
        #[arg(long)]
        events: Option<PathBuf>,
        /// Wall-clock limit, e.g. `10s`, `500ms` (0 for none).
        #[arg(long, default_value = "10s", value_parser = parse_duration)]
        timeout: Duration,
        /// Instruction limit (0 for none).
        #[arg(long, default_value_t = 2_000_000_000)]
        max_steps: u64,
        /// Output limit in bytes (stdout and stderr together).
        #[arg(long, default_value_t = 8 << 20)]
        max_output: usize,
        /// Goroutine limit.
        #[arg(long, default_value_t = 2_000_000)]
        max_goroutines: usize,
        /// Heap limit in MiB (0 for none).
        #[arg(long, default_value_t = 2048)]
        max_memory: usize,
        /// Preemption: `async` (Go 1.14+) or `cooperative` (at calls only).
        #[arg(long, value_enum, default_value_t = PreemptArg::Async)]
        preempt: PreemptArg,
        /// Deliver SIGINT at this virtual time (Go duration syntax: `2s`,
        /// `1.5s`, `300ms`); may be repeated.
        #[arg(long = "signal", value_parser = parse_go_duration)]
        signal: Vec<i64>,
        /// Detect data races (Go's `-race`): reports in Go's format on
        /// stderr, exit status 66 after a normal exit when any was found.
        #[arg(long)]
        race: bool,
        /// Report lock-order inversions (potential deadlocks) and
        /// recursive RLocks on stderr.
        #[arg(long)]
        lockorder: bool,
        /// Replay the schedule of a `chanscope check` finding (its token
        /// sets procs and seed).
        #[arg(long)]
        replay: Option<String>,
        /// Run each P on its own OS thread (real parallelism; the schedule
        /// is then up to the host, not the seed).
        #[arg(long, conflicts_with_all = ["race", "lockorder", "replay"])]
        parallel: bool,
        /// With --parallel: write the run's schedule (the order in which
        /// Ps took the runtime lock) to this file.
        #[arg(long, requires = "parallel")]
        record_schedule: Option<PathBuf>,
        /// Replay a schedule written by --record-schedule on one thread:
        /// the same output and events as the recorded parallel run.
        #[arg(long, conflicts_with_all = ["parallel", "race", "lockorder", "replay"])]
        replay_schedule: Option<PathBuf>,
        file: PathBuf,
    },
    /// Explore many schedules of FILE.go for deadlocks, leaks, races,
    /// lock-order inversions and panics (exit 3 when something is found).
    Check {
        /// Print `{"findings": [...], "schedules": N, "exhaustive": bool}`.
        #[arg(long)]
        json: bool,
        /// Schedules to explore at most.
        #[arg(long, default_value_t = 1000)]
        schedules: u64,
        /// Wall-clock budget, e.g. `10s` (0 for none).
        #[arg(long, default_value = "10s", value_parser = parse_duration)]
        time_limit: Duration,
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=256))]
        procs: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Turn partial-order reduction off (every interleaving; for benchmarks).
        #[arg(long)]
        no_por: bool,
        /// Run only the systematic search (no random/PCT schedules).
        #[arg(long)]
        search_only: bool,
        /// Print search statistics (schedules/s, transitions/s) on stderr.
        #[arg(long)]
        stats: bool,
        file: PathBuf,
    },
    /// Print the bytecode of FILE.go.
    Disasm { file: PathBuf },
}

mod check_cli;

fn parse_duration(s: &str) -> Result<Duration, String> {
    if s == "0" {
        return Ok(Duration::ZERO);
    }
    humantime::parse_duration(s).map_err(|e| e.to_string())
}

/// A Go `time.ParseDuration` string in nanoseconds.
fn parse_go_duration(s: &str) -> Result<i64, String> {
    chanscope_core::runtime::signal::parse_go_duration(s)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Run { procs, seed, trace, events, timeout, max_steps, max_output, max_goroutines, max_memory, preempt, signal, race, lockorder, replay, parallel, record_schedule, replay_schedule, file } => {
            let cfg = Config {
                procs: procs as usize,
                seed,
                max_steps,
                max_output,
                max_goroutines,
                max_memory: max_memory << 20,
                preempt: match preempt {
                    PreemptArg::Async => Preempt::Async,
                    PreemptArg::Cooperative => Preempt::Cooperative,
                },
                trace: trace.is_some() || events.is_some(),
                signals: signal.iter().map(|&at| (at, chanscope_core::runtime::signal::SIGINT)).collect(),
                race,
                lockorder,
                ..Config::default()
            };
            if let Some(tok) = replay {
                return check_cli::replay(&file, &tok, cfg, timeout, trace, events);
            }
            if parallel {
                return run_machine(&file, cfg, timeout, trace, events, None, Driver::Parallel(record_schedule));
            }
            if let Some(path) = replay_schedule {
                return run_machine(&file, cfg, timeout, trace, events, None, Driver::Replay(path));
            }
            run(&file, cfg, timeout, trace, events)
        }
        Cmd::Check { json, schedules, time_limit, procs, seed, no_por, search_only, stats, file } => {
            let opts = check_cli::Opts { json, schedules, time_limit, procs: procs as usize, seed, por: !no_por, search_only, stats };
            check_cli::check(&file, &opts)
        }
        Cmd::Disasm { file } => match load(&file) {
            Ok(prog) => {
                print!("{}", chanscope_core::compile::disasm::disasm(&prog));
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
    }
}

/// Reads and compiles `file`; compile errors are printed Go-style.
pub(crate) fn load(file: &PathBuf) -> Result<chanscope_core::vm::program::Program, ExitCode> {
    let name = file.display().to_string();
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("chanscope: {}: {}", name, e);
            return Err(ExitCode::from(1));
        }
    };
    match chanscope_core::compile_source(&bytes, &name) {
        Ok(p) => Ok(p),
        Err(diags) => {
            eprint!("{}", diags.render(&name));
            Err(ExitCode::from(1))
        }
    }
}

pub(crate) fn run(file: &PathBuf, cfg: Config, timeout: Duration, trace: Option<PathBuf>, events: Option<PathBuf>) -> ExitCode {
    run_machine(file, cfg, timeout, trace, events, None, Driver::Deterministic)
}

/// Which driver steps the Ps.
pub(crate) enum Driver {
    /// One thread, every choice from the seed (runtime/machine.rs).
    Deterministic,
    /// A thread per P (runtime/parallel.rs), recording the schedule to the
    /// file if one is given.
    Parallel(Option<PathBuf>),
    /// One thread replaying a recorded parallel schedule.
    Replay(PathBuf),
}

/// `run`, optionally on a machine already set up (a replay).
pub(crate) fn run_machine(
    file: &PathBuf,
    cfg: Config,
    timeout: Duration,
    trace: Option<PathBuf>,
    events: Option<PathBuf>,
    setup: Option<&dyn Fn(Arc<chanscope_core::vm::program::Program>, Config) -> Machine>,
    driver: Driver,
) -> ExitCode {
    let prog = match load(file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut cfg = cfg;
    // Only schedules carry it: read the file again only for them.
    let source_hash = || std::fs::read(file).map(|b| schedlog::source_hash(&b)).unwrap_or(0);
    let schedule = match &driver {
        Driver::Replay(path) => match std::fs::read(path).map_err(|e| e.to_string()).and_then(|b| schedlog::decode(&b)) {
            Ok(s) if s.source_hash != source_hash() => {
                eprintln!("chanscope: {}: the schedule was recorded from another program", path.display());
                return ExitCode::from(2);
            }
            Ok(s) => {
                cfg.procs = s.procs as usize;
                cfg.seed = s.seed;
                Some(s)
            }
            Err(e) => {
                eprintln!("chanscope: {}: {}", path.display(), e);
                return ExitCode::from(2);
            }
        },
        _ => None,
    };
    let (procs, seed) = (cfg.procs as u64, cfg.seed);
    let mut m = match setup {
        Some(f) => f(Arc::new(prog), cfg),
        None => Machine::new(Arc::new(prog), cfg),
    };
    let start = Instant::now();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    // Stream output as it comes (a long program shows progress); true
    // when the wall-clock limit is up.
    let mut drain = |m: &mut Machine| {
        let _ = stdout.lock().write_all(&std::mem::take(&mut m.stdout));
        let _ = stderr.lock().write_all(&std::mem::take(&mut m.stderr));
        if m.exit.is_none() && !timeout.is_zero() && start.elapsed() > timeout {
            m.limit(&format!("program exceeded the time limit of {}", humantime::format_duration(timeout)));
            let _ = stderr.lock().write_all(&std::mem::take(&mut m.stderr));
            return true;
        }
        false
    };
    match driver {
        Driver::Parallel(record) => {
            let (done, steps) = chanscope_core::runtime::parallel::run_threads(m, record.is_some(), &mut drain);
            m = done;
            drain(&mut m);
            if let Some(path) = record {
                let bytes = schedlog::encode(&schedlog::Schedule { procs, seed, source_hash: source_hash(), steps });
                if let Err(e) = std::fs::write(&path, bytes) {
                    eprintln!("chanscope: writing schedule {}: {}", path.display(), e);
                }
            }
        }
        Driver::Replay(_) => {
            let steps = schedule.map(|s| s.steps).unwrap_or_default();
            chanscope_core::runtime::parallel::install_replay(&mut m, steps);
            loop {
                let done = m.run(4_000_000).is_some();
                if drain(&mut m) || done {
                    break;
                }
            }
        }
        Driver::Deterministic => loop {
            let done = m.run(4_000_000).is_some();
            if drain(&mut m) || done {
                break;
            }
        },
    }
    let _ = stdout.lock().flush();
    if let Some(path) = trace {
        let json = chanscope_core::trace::chrome::to_chrome_json(&m.trace.events);
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!("chanscope: writing trace {}: {}", path.display(), e);
        }
    }
    if let Some(path) = events {
        let json = serde_json::to_string(&m.trace.events).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!("chanscope: writing events {}: {}", path.display(), e);
        }
    }
    if m.explore.is_some() {
        check_cli::print_findings(&m);
    }
    let code = m.exit.as_ref().map(|e| e.code).unwrap_or(2);
    ExitCode::from(code.clamp(0, 255) as u8)
}
