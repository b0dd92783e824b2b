//! Conformance against real Go: every `tests/conformance/<name>.go` and
//! `tests/corpus/<name>.go` (the realistic bug-report kernels) that has a
//! `<name>.golden` (recorded from Go by `scripts/record-goldens`) is run
//! through the `chanscope` CLI under several GOMAXPROCS values and scheduler
//! seeds. The programs are written so Go prints the same thing under every
//! schedule, so chanscope must too: any seed giving a different stdout, exit
//! code or first stderr line is a bug.
//!
//! `CONFORMANCE_FILTER=substr` runs only programs whose name contains it.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

mod harness;
use harness::{first_line, normalize_path_prefix, parse_golden, stdout_diff, Golden, Outcome};

const PROCS: [u32; 4] = [1, 2, 4, 8];
const SEEDS: [u64; 3] = [1, 2, 3];
const WORKERS: usize = 2;
const RUN_TIMEOUT: Duration = Duration::from_secs(20);

struct Program {
    /// The directory under `tests/` the program lives in.
    suite: &'static str,
    name: String,
    path: PathBuf,
    golden: Golden,
}

#[derive(Clone, Copy)]
struct Config {
    procs: u32,
    seed: u64,
}

struct Job {
    program: usize,
    config: Config,
}

/// Programs in `tests/pending/` are not run: they wait for features.
const SUITES: [&str; 2] = ["conformance", "corpus"];

fn suite_dir(suite: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests")
        .join(suite)
}

fn load_programs(suite: &'static str, filter: Option<&str>) -> Vec<Program> {
    let dir = suite_dir(suite);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        // The caller reports a suite that went missing.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    };
    let mut programs: Vec<Program> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .filter_map(|path| {
            let name = path.file_stem()?.to_str()?.to_string();
            if filter.is_some_and(|f| !name.contains(f)) {
                return None;
            }
            let golden_path = path.with_extension("golden");
            if !golden_path.exists() {
                return None;
            }
            let golden = parse_golden(&golden_path).unwrap_or_else(|e| panic!("{e}"));
            Some(Program {
                suite,
                name,
                path,
                golden,
            })
        })
        .collect();
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    programs
}

fn is_compile_error(p: &Program) -> bool {
    p.name.starts_with("compile_error_")
}

fn configs_for(p: &Program) -> Vec<Config> {
    if is_compile_error(p) {
        // Compilation cannot depend on the schedule.
        return vec![Config { procs: 1, seed: 1 }];
    }
    PROCS
        .iter()
        .flat_map(|&procs| SEEDS.iter().map(move |&seed| Config { procs, seed }))
        .collect()
}

fn run_chanscope(path: &Path, config: Config) -> Outcome {
    let args = ["run", "--procs", &config.procs.to_string(), "--seed", &config.seed.to_string(), &path.display().to_string()].map(String::from);
    harness::run_chanscope(&args, RUN_TIMEOUT)
}

/// `None` when the run matches Go, else a readable description.
fn check(program: &Program, outcome: &Outcome) -> Option<String> {
    let (exit, stdout, stderr) = match outcome {
        Outcome::Finished {
            exit,
            stdout,
            stderr,
        } => (exit, stdout, stderr),
        Outcome::TimedOut => return Some(format!("timed out after {RUN_TIMEOUT:?}")),
        Outcome::SpawnFailed(e) => return Some(format!("could not start chanscope: {e}")),
        Outcome::Skipped => return Some("skipped: an earlier run timed out".to_string()),
    };
    let want = &program.golden;
    let mut problems = Vec::new();
    if *exit != Some(want.exit) {
        let got = exit.map_or("killed by a signal".to_string(), |c| c.to_string());
        problems.push(format!("exit code: want {}, got {got}", want.exit));
    }
    let got_first = if is_compile_error(program) {
        normalize_path_prefix(first_line(stderr), &program.name)
    } else {
        first_line(stderr).to_string()
    };
    if got_first != want.stderr_first {
        problems.push(format!(
            "stderr first line:\n      want: {:?}\n      got:  {:?}",
            want.stderr_first, got_first
        ));
    }
    if *stdout != want.stdout {
        problems.push(stdout_diff(&want.stdout, stdout));
    }
    (!problems.is_empty()).then(|| problems.join("\n    "))
}

struct RunResult {
    program: usize,
    config: Config,
    failure: Option<String>,
}

fn run_all(programs: &[Program], jobs: Vec<Job>) -> Vec<RunResult> {
    let next = AtomicUsize::new(0);
    let hung: Vec<AtomicBool> = programs.iter().map(|_| AtomicBool::new(false)).collect();
    let results = Mutex::new(Vec::with_capacity(jobs.len()));
    thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| loop {
                let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                let program = &programs[job.program];
                let outcome = if hung[job.program].load(Ordering::Relaxed) {
                    Outcome::Skipped
                } else {
                    run_chanscope(&program.path, job.config)
                };
                if matches!(outcome, Outcome::TimedOut) {
                    hung[job.program].store(true, Ordering::Relaxed);
                }
                let failure = check(program, &outcome);
                results.lock().unwrap().push(RunResult {
                    program: job.program,
                    config: job.config,
                    failure,
                });
            });
        }
    });
    results.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// Groups identical failures of one program so a program that is wrong under
/// every configuration shows up once.
fn report(programs: &[Program], results: &[RunResult]) -> (String, usize) {
    let mut by_program: BTreeMap<usize, BTreeMap<&str, Vec<Config>>> = BTreeMap::new();
    for r in results {
        if let Some(f) = &r.failure {
            let failures = by_program.entry(r.program).or_default();
            failures.entry(f).or_default().push(r.config);
        }
    }
    let mut text = String::new();
    for (&i, failures) in &by_program {
        let program = &programs[i];
        let all = configs_for(program).len();
        for (failure, cfgs) in failures {
            text.push_str(&format!(
                "--- {}/{}.go [{}]\n    {failure}\n",
                program.suite,
                program.name,
                describe_configs(cfgs, all)
            ));
        }
    }
    (text, by_program.len())
}

fn describe_configs(cfgs: &[Config], all: usize) -> String {
    if cfgs.len() == all {
        return if all == 1 {
            "the only run".into()
        } else {
            format!("all {all} runs")
        };
    }
    let mut names: Vec<String> = cfgs
        .iter()
        .map(|c| format!("procs={} seed={}", c.procs, c.seed))
        .collect();
    names.sort();
    names.join(", ")
}

#[test]
fn conformance_against_go_goldens() {
    let filter = std::env::var("CONFORMANCE_FILTER").ok();
    let filter = filter.as_deref().filter(|f| !f.is_empty());
    let mut programs = Vec::new();
    for suite in SUITES {
        let found = load_programs(suite, filter);
        // Unfiltered, an empty suite means the programs went missing.
        assert!(
            filter.is_some() || !found.is_empty(),
            "no programs with goldens in {}",
            suite_dir(suite).display()
        );
        programs.extend(found);
    }
    assert!(
        !programs.is_empty(),
        "no conformance or corpus programs with goldens match filter {filter:?}"
    );
    let jobs: Vec<Job> = programs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            configs_for(p)
                .into_iter()
                .map(move |config| Job { program: i, config })
        })
        .collect();
    let runs = jobs.len();
    let results = run_all(&programs, jobs);
    let (listing, failed) = report(&programs, &results);
    let failed_runs = results.iter().filter(|r| r.failure.is_some()).count();
    // Written straight to stderr so the summary shows even when the test
    // harness captures output of passing tests.
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{listing}");
    let _ = writeln!(err, "conformance runs: {runs} total, {failed_runs} failed");
    let _ = writeln!(
        err,
        "conformance: {} passed, {failed} failed",
        programs.len() - failed
    );
    assert!(
        failed == 0,
        "{failed} of {} conformance programs differ from Go (listed above)",
        programs.len()
    );
}
