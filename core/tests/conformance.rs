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
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const PROCS: [u32; 4] = [1, 2, 4, 8];
const SEEDS: [u64; 3] = [1, 2, 3];
const WORKERS: usize = 2;
const RUN_TIMEOUT: Duration = Duration::from_secs(20);
/// A runaway program must not exhaust memory before the timeout hits.
const OUTPUT_LIMIT: usize = 1 << 20;

#[derive(Debug)]
struct Golden {
    exit: i32,
    stdout: String,
    stderr_first: String,
}

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

enum Outcome {
    Finished {
        exit: Option<i32>,
        stdout: String,
        stderr: String,
    },
    TimedOut,
    SpawnFailed(String),
    /// An earlier run of the same program hung; re-running it under every
    /// other configuration would only multiply the 20 s wait.
    Skipped,
}

/// Programs in `tests/pending/` are not run: they wait for features.
const SUITES: [&str; 2] = ["conformance", "corpus"];

fn suite_dir(suite: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests")
        .join(suite)
}

fn parse_golden(path: &Path) -> Result<Golden, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let field = |k: &str| {
        v.get(k)
            .ok_or_else(|| format!("{}: no {k:?}", path.display()))
    };
    Ok(Golden {
        exit: field("exit")?
            .as_i64()
            .ok_or_else(|| format!("{}: exit is not an integer", path.display()))?
            as i32,
        stdout: field("stdout")?.as_str().unwrap_or_default().to_string(),
        stderr_first: field("stderr_first")?
            .as_str()
            .unwrap_or_default()
            .to_string(),
    })
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

/// Reads a pipe to the end on its own thread, so a chatty child can never
/// block on a full stdout while we wait for it to exit.
fn drain<R: Read + Send + 'static>(mut pipe: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            let room = OUTPUT_LIMIT.saturating_sub(kept.len());
            kept.extend_from_slice(&buf[..n.min(room)]);
        }
        kept
    })
}

fn wait_with_timeout(child: &mut Child) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + RUN_TIMEOUT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
}

fn run_chanscope(path: &Path, config: Config) -> Outcome {
    let spawned = Command::new(env!("CARGO_BIN_EXE_chanscope"))
        .arg("run")
        .arg("--procs")
        .arg(config.procs.to_string())
        .arg("--seed")
        .arg(config.seed.to_string())
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => return Outcome::SpawnFailed(e.to_string()),
    };
    let out = drain(child.stdout.take().expect("piped stdout"));
    let err = drain(child.stderr.take().expect("piped stderr"));
    let status = wait_with_timeout(&mut child);
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    match status {
        None => Outcome::TimedOut,
        Some(status) => Outcome::Finished {
            exit: status.code(),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        },
    }
}

/// The CLI names the file as it was given; Go's golden names it `<name>.go`.
fn normalize_path_prefix(line: &str, name: &str) -> String {
    let file = format!("{name}.go:");
    match line.find(&file) {
        Some(i) if i == 0 || line[..i].ends_with('/') || line[..i].ends_with('\\') => {
            line[i..].to_string()
        }
        _ => line.to_string(),
    }
}

fn first_line(s: &str) -> &str {
    s.split('\n').next().unwrap_or("")
}

/// Short, line-oriented explanation of how two outputs differ.
fn describe_stdout_diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.split_inclusive('\n').collect();
    let g: Vec<&str> = got.split_inclusive('\n').collect();
    let at = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let show = |lines: &[&str]| -> String {
        let shown: Vec<String> = lines
            .iter()
            .skip(at)
            .take(4)
            .map(|l| format!("        {l:?}"))
            .collect();
        if shown.is_empty() {
            "        <end of output>".to_string()
        } else {
            shown.join("\n")
        }
    };
    format!(
        "stdout differs at line {} (want {} lines, got {}):\n      want:\n{}\n      got:\n{}",
        at + 1,
        w.len(),
        g.len(),
        show(&w),
        show(&g)
    )
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
        problems.push(describe_stdout_diff(&want.stdout, stdout));
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
