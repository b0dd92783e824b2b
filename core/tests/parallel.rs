//! The parallel driver (`chanscope run --parallel`, every P on its own OS
//! thread) against real Go.
//!
//! - `stress_programs`: every `tests/parallel/<name>.go` (heavy traffic,
//!   schedule-independent output, golden recorded from Go) under
//!   `--parallel --procs 2, 4, 8`, `PARALLEL_REPS` repetitions each (default
//!   5; raise it for soak runs). Real threads make every run a different
//!   interleaving, so repetitions are what finds races in the driver.
//! - `conformance_suites`: every program of `tests/conformance` and
//!   `tests/corpus` once under `--parallel --procs 4`.
//!
//! Comparison is the conformance test's: stdout exact, exit code, first
//! stderr line. A run that outlives `RUN_TIMEOUT` is killed and fails (a
//! hang in the driver must not hang the test). `PARALLEL_FILTER=substr`
//! narrows both tests to programs whose name contains it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

mod harness;
use harness::{first_line, normalize_path_prefix, parse_golden, stdout_diff, Golden, Outcome};

const STRESS_PROCS: [u32; 3] = [2, 4, 8];
const DEFAULT_REPS: u32 = 5;
const SUITE_PROCS: u32 = 4;
/// Two cores on the CI machine: two programs at a time.
const WORKERS: usize = 2;
const RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// Conformance or corpus programs that legitimately cannot match Go under
/// the parallel driver: (suite/name, reason). They still run; a failure is
/// reported as expected, a pass as a hint to drop the entry. Empty: every
/// program must match.
const UNSUPPORTED_PARALLEL: &[(&str, &str)] = &[];

/// The stress and suite tests each keep both cores busy; running them at
/// the same time would only make timeouts likelier.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

struct Program {
    suite: &'static str,
    name: String,
    path: PathBuf,
    golden: Golden,
}

#[derive(Clone, Copy)]
struct Job {
    program: usize,
    procs: u32,
    /// 1-based repetition; also the seed, so `--seed` differs per rep.
    rep: u32,
}

fn tests_dir(suite: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests")
        .join(suite)
}

fn filter() -> Option<String> {
    std::env::var("PARALLEL_FILTER")
        .ok()
        .filter(|f| !f.is_empty())
}

fn reps() -> u32 {
    match std::env::var("PARALLEL_REPS") {
        Ok(v) => v
            .trim()
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .unwrap_or_else(|| panic!("PARALLEL_REPS must be a positive integer, got {v:?}")),
        Err(_) => DEFAULT_REPS,
    }
}

/// Every `<name>.go` of a suite that has a golden, sorted by name.
fn load_suite(suite: &'static str, filter: Option<&str>) -> Vec<Program> {
    let dir = tests_dir(suite);
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
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
    assert!(
        filter.is_some() || !programs.is_empty(),
        "no programs with goldens in {}",
        dir.display()
    );
    programs
}

fn args(path: &Path, procs: u32, seed: u32) -> Vec<String> {
    vec![
        "run".into(),
        "--parallel".into(),
        "--procs".into(),
        procs.to_string(),
        "--seed".into(),
        seed.to_string(),
        path.display().to_string(),
    ]
}

fn run_chanscope(path: &Path, procs: u32, seed: u32) -> Outcome {
    harness::run_chanscope(&args(path, procs, seed), RUN_TIMEOUT)
}

/// `None` when the run matches Go, else a readable description.
fn check(program: &Program, outcome: &Outcome) -> Option<String> {
    let (exit, stdout, stderr) = match outcome {
        Outcome::Finished {
            exit,
            stdout,
            stderr,
        } => (exit, stdout, stderr),
        Outcome::TimedOut => return Some(format!("hung: killed after {RUN_TIMEOUT:?}")),
        Outcome::SpawnFailed(e) => return Some(format!("could not start chanscope: {e}")),
        Outcome::Skipped => return Some("skipped: an earlier run of it hung".to_string()),
    };
    let want = &program.golden;
    let mut problems = Vec::new();
    if *exit != Some(want.exit) {
        let got = exit.map_or("killed by a signal".to_string(), |c| c.to_string());
        problems.push(format!("exit code: want {}, got {got}", want.exit));
    }
    let got_first = normalize_path_prefix(first_line(stderr), &program.name);
    if got_first != want.stderr_first {
        problems.push(format!(
            "stderr first line:\n      want: {:?}\n      got:  {:?}",
            want.stderr_first, got_first
        ));
    }
    if *stdout != want.stdout {
        problems.push(stdout_diff(&want.stdout, stdout));
    }
    if problems.is_empty() {
        return None;
    }
    // A crash of the driver itself (a Rust panic, a borrow error) explains
    // itself in the lines after the first.
    let more: Vec<&str> = stderr.lines().skip(1).take(3).collect();
    if *exit != Some(want.exit) && !more.is_empty() {
        problems.push(format!(
            "stderr continues:\n        {}",
            more.join("\n        ")
        ));
    }
    Some(problems.join("\n    "))
}

struct Failure {
    job: Job,
    text: String,
}

/// Runs the jobs on `WORKERS` threads; returns the failures in job order.
fn run_jobs(programs: &[Program], jobs: &[Job]) -> Vec<Failure> {
    let next = AtomicUsize::new(0);
    let hung: Vec<AtomicBool> = programs.iter().map(|_| AtomicBool::new(false)).collect();
    let failures = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| {
                while let Some(&job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let program = &programs[job.program];
                    let outcome = if hung[job.program].load(Ordering::Relaxed) {
                        Outcome::Skipped
                    } else {
                        run_chanscope(&program.path, job.procs, job.rep)
                    };
                    if matches!(outcome, Outcome::TimedOut) {
                        hung[job.program].store(true, Ordering::Relaxed);
                    }
                    if let Some(text) = check(program, &outcome) {
                        failures.lock().unwrap().push(Failure { job, text });
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort_by_key(|f| (f.job.program, f.job.procs, f.job.rep));
    failures
}

/// Distinct failures of one program shown in full; the rest are only
/// listed (a racy driver gives a different output almost every run).
const SHOWN_PER_PROGRAM: usize = 2;

/// Per program: each distinct failure (up to `SHOWN_PER_PROGRAM`) with the
/// runs that gave it and the command line reproducing the first of them
/// (from the repository root); a program failing the same way in every run
/// shows once.
fn describe(programs: &[Program], failures: &[Failure]) -> String {
    let mut by_program: BTreeMap<usize, Vec<(&str, Vec<Job>)>> = BTreeMap::new();
    for f in failures {
        let groups = by_program.entry(f.job.program).or_default();
        match groups.iter_mut().find(|(text, _)| *text == f.text) {
            Some((_, jobs)) => jobs.push(f.job),
            None => groups.push((&f.text, vec![f.job])),
        }
    }
    let runs = |jobs: &[Job]| -> String {
        let names: Vec<String> = jobs
            .iter()
            .map(|j| format!("procs={} rep={}", j.procs, j.rep))
            .collect();
        names.join(", ")
    };
    let mut text = String::new();
    for (program, groups) in by_program {
        let p = &programs[program];
        let rel = format!("tests/{}/{}.go", p.suite, p.name);
        for (failure, jobs) in groups.iter().take(SHOWN_PER_PROGRAM) {
            text.push_str(&format!(
                "--- {rel} [{}]\n    {failure}\n    reproduce: target/release/chanscope {}\n",
                runs(jobs),
                args(Path::new(&rel), jobs[0].procs, jobs[0].rep).join(" ")
            ));
        }
        let mut rest: Vec<Job> = groups
            .iter()
            .skip(SHOWN_PER_PROGRAM)
            .flat_map(|(_, jobs)| jobs.iter().copied())
            .collect();
        rest.sort_by_key(|j| (j.procs, j.rep));
        if !rest.is_empty() {
            text.push_str(&format!(
                "--- {rel}: {} more failed runs with other outputs [{}]\n",
                rest.len(),
                runs(&rest)
            ));
        }
    }
    text
}

fn unsupported_reason(p: &Program) -> Option<&'static str> {
    let key = format!("{}/{}", p.suite, p.name);
    UNSUPPORTED_PARALLEL
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, why)| *why)
}

#[test]
fn stress_programs() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let filter = filter();
    let programs = load_suite("parallel", filter.as_deref());
    let reps = reps();
    let count = programs.len();
    // Repetition-major order: a first pass over everything finishes before
    // the second starts, so an early hang or crash shows in every program.
    let jobs: Vec<Job> = (1..=reps)
        .flat_map(|rep| {
            STRESS_PROCS.iter().flat_map(move |&procs| {
                (0..count).map(move |program| Job {
                    program,
                    procs,
                    rep,
                })
            })
        })
        .collect();
    let start = Instant::now();
    let failures = run_jobs(&programs, &jobs);
    let failed_programs: BTreeSet<usize> = failures.iter().map(|f| f.job.program).collect();
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{}", describe(&programs, &failures));
    let _ = writeln!(
        err,
        "parallel stress: {} programs x procs {STRESS_PROCS:?} x {reps} reps = {} runs, {} failed ({} programs), {:.1}s",
        programs.len(),
        jobs.len(),
        failures.len(),
        failed_programs.len(),
        start.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of {} parallel runs differ from Go (listed above)",
        failures.len(),
        jobs.len()
    );
}

#[test]
fn conformance_suites() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let filter = filter();
    let mut programs = load_suite("conformance", filter.as_deref());
    programs.extend(load_suite("corpus", filter.as_deref()));
    for (name, _) in UNSUPPORTED_PARALLEL {
        assert!(
            filter.is_some()
                || programs
                    .iter()
                    .any(|p| format!("{}/{}", p.suite, p.name) == *name),
            "UNSUPPORTED_PARALLEL names {name}, which has no program with a golden"
        );
    }
    let jobs: Vec<Job> = (0..programs.len())
        .map(|program| Job {
            program,
            procs: SUITE_PROCS,
            rep: 1,
        })
        .collect();
    let start = Instant::now();
    let all = run_jobs(&programs, &jobs);
    let (expected, failures): (Vec<Failure>, Vec<Failure>) = all
        .into_iter()
        .partition(|f| unsupported_reason(&programs[f.job.program]).is_some());
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{}", describe(&programs, &failures));
    for (i, p) in programs.iter().enumerate() {
        if let Some(why) = unsupported_reason(p) {
            let failed = expected.iter().any(|f| f.job.program == i);
            let _ = writeln!(
                err,
                "note: {}/{} is listed as unsupported under --parallel ({why}); it {}",
                p.suite,
                p.name,
                if failed {
                    "failed as expected"
                } else {
                    "passed: drop it from UNSUPPORTED_PARALLEL"
                }
            );
        }
    }
    let _ = writeln!(
        err,
        "parallel conformance (procs {SUITE_PROCS}): {} programs, {} failed, {} listed unsupported, {:.1}s",
        programs.len(),
        failures.len(),
        UNSUPPORTED_PARALLEL.len(),
        start.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of {} conformance/corpus programs differ from Go under --parallel (listed above)",
        failures.len(),
        programs.len()
    );
}
