//! A parallel run's recorded schedule replays exactly on one thread: the
//! same stdout, stderr, exit code and event log, byte for byte, although
//! the recorded run's interleaving came from real threads.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_chanscope")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    events: Vec<u8>,
}

fn run(args: &[&str], file: &Path, events: &Path) -> Run {
    let out = Command::new(bin())
        .arg("run")
        .args(args)
        .arg("--events")
        .arg(events)
        .arg(file)
        .output()
        .expect("run chanscope");
    Run { code: out.status.code(), stdout: out.stdout, stderr: out.stderr, events: std::fs::read(events).unwrap_or_default() }
}

/// `0xc0...` heap addresses (10 hex digits after `0x`) replaced by `0xADDR`.
fn mask_addresses(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"0xc") && b.len() - i >= 12 && b[i + 2..i + 12].iter().all(|c| c.is_ascii_hexdigit()) {
            out.extend_from_slice(b"0xADDR");
            i += 12;
            while i < b.len() && b[i].is_ascii_hexdigit() {
                i += 1;
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

fn programs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/parallel"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    v.sort();
    v
}

#[test]
fn recorded_parallel_runs_replay_exactly() {
    let dir = std::env::temp_dir().join(format!("chanscope-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut checked = 0;
    for (i, prog) in programs().iter().enumerate() {
        let procs = ["2", "4", "8"][i % 3];
        let sched = dir.join("s.bin");
        let (e1, e2) = (dir.join("e1.json"), dir.join("e2.json"));
        let a = run(&["--parallel", "--procs", procs, "--record-schedule", sched.to_str().unwrap()], prog, &e1);
        let b = run(&["--replay-schedule", sched.to_str().unwrap()], prog, &e2);
        let name = prog.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(a.code, b.code, "{}: exit code", name);
        assert_eq!(String::from_utf8_lossy(&a.stdout), String::from_utf8_lossy(&b.stdout), "{}: stdout", name);
        assert_eq!(String::from_utf8_lossy(&a.stderr), String::from_utf8_lossy(&b.stderr), "{}: stderr", name);
        assert!(!a.events.is_empty(), "{}: no events recorded", name);
        // Pointers print as host addresses (as Go's differ run to run); the
        // rest of every event must match.
        assert!(mask_addresses(&a.events) == mask_addresses(&b.events), "{}: the replayed event log differs", name);
        checked += 1;
    }
    assert!(checked >= 20, "only {} programs", checked);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_schedule_does_not_replay_against_another_program_or_when_damaged() {
    let dir = std::env::temp_dir().join(format!("chanscope-replay-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let progs = programs();
    let sched = dir.join("s.bin");
    let ev = dir.join("e.json");
    run(&["--parallel", "--procs", "4", "--record-schedule", sched.to_str().unwrap()], &progs[0], &ev);
    let other = run(&["--replay-schedule", sched.to_str().unwrap()], &progs[1], &ev);
    assert_eq!(other.code, Some(2));
    assert!(String::from_utf8_lossy(&other.stderr).contains("recorded from another program"));
    // Truncated and garbled files: a clear message, never a crash.
    let bytes = std::fs::read(&sched).unwrap();
    for cut in [3, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(&sched, &bytes[..cut]).unwrap();
        let r = run(&["--replay-schedule", sched.to_str().unwrap()], &progs[0], &ev);
        let err = String::from_utf8_lossy(&r.stderr).to_string();
        assert!(r.code == Some(2) || r.code == Some(0), "cut {}: {:?} {}", cut, r.code, err);
        assert!(!err.contains("panicked"), "cut {}: {}", cut, err);
    }
    let mut garbled = bytes.clone();
    for b in garbled.iter_mut().skip(12).step_by(3) {
        *b ^= 0x5a;
    }
    std::fs::write(&sched, &garbled).unwrap();
    let r = run(&["--replay-schedule", sched.to_str().unwrap()], &progs[0], &ev);
    let err = String::from_utf8_lossy(&r.stderr).to_string();
    assert!(!err.contains("panicked"), "garbled: {}", err);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The page's path: a parallel run's schedule replays in a `Session`,
/// stepped in small slices as the page steps it.
#[test]
fn a_session_replays_a_parallel_run_in_slices() {
    use chanscope_core::session::{encode_parallel_schedule, machine_for, Session, SessionConfig};
    let src = std::fs::read_to_string(root().join("tests/parallel/worker_pool.go")).unwrap();
    let cfg = SessionConfig { procs: 4, ..SessionConfig::default() };
    let mut out = Vec::new();
    let (m, steps) = chanscope_core::runtime::parallel::run_threads(machine_for(&src, &cfg).unwrap(), true, |m| {
        out.extend(std::mem::take(&mut m.stdout));
        false
    });
    out.extend(m.stdout.iter());
    assert!(!steps.is_empty());
    let bytes = encode_parallel_schedule(&src, &cfg, steps);
    let mut s = Session::replay_parallel(&src, &SessionConfig::default(), &bytes).map_err(|e| e.text).unwrap();
    let mut replayed = String::new();
    let mut slices = 0;
    while s.exit().is_none() && slices < 1_000_000 {
        replayed.push_str(&s.step(500).stdout);
        slices += 1;
    }
    assert!(slices > 3, "the replay should take several slices, took {}", slices);
    assert_eq!(s.exit().map(|e| e.code), m.exit.as_ref().map(|e| e.code));
    assert_eq!(replayed, String::from_utf8_lossy(&out));
    // Another program's source is refused.
    let other = std::fs::read_to_string(root().join("tests/parallel/spawn_churn.go")).unwrap();
    assert!(Session::replay_parallel(&other, &SessionConfig::default(), &bytes).is_err());
}

/// A page's settings let a program wait for the Interrupt button; a
/// parallel run has no such button, so it stops as the CLI does instead of
/// its last M waiting forever with the runtime lock held.
#[test]
fn a_parallel_run_only_a_signal_could_wake_stops_or_waits_for_one() {
    use chanscope_core::session::{machine_for, SessionConfig};
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"os/signal\"\n)\n\nfunc main() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, os.Interrupt)\n\tfmt.Println(\"waiting\")\n\tfmt.Println(\"got\", <-c)\n}\n";
    // Headless (the CLI): it stops, as Go would otherwise wait forever.
    let cfg = SessionConfig { procs: 2, interactive_signals: false, ..SessionConfig::default() };
    let start = std::time::Instant::now();
    let (m, _) = chanscope_core::runtime::parallel::run_threads(machine_for(src, &cfg).map_err(|e| e.text).unwrap(), false, |_| false);
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(m.exit.as_ref().map(|e| e.code), Some(2));
    assert!(String::from_utf8_lossy(&m.stderr).contains("only a signal could wake one"), "{}", String::from_utf8_lossy(&m.stderr));
    // Interactive (a page): every M parks until the host's Ctrl-C, which
    // the poller sends once it sees the run waiting.
    let cfg = SessionConfig { procs: 2, interactive_signals: true, ..SessionConfig::default() };
    let par = std::sync::Arc::new(chanscope_core::runtime::parallel::Parallel::new(machine_for(src, &cfg).map_err(|e| e.text).unwrap(), true));
    par.note_started(2);
    std::thread::scope(|s| {
        for p in 0..2 {
            let par = par.clone();
            s.spawn(move || par.mstart(p));
        }
        let start = std::time::Instant::now();
        while par.with_machine(|m| m.exit.is_none()) {
            assert!(start.elapsed() < std::time::Duration::from_secs(10), "the run never ended");
            if par.with_machine(|m| m.signals.awaiting) {
                par.interrupt(2);
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    });
    let steps = par.take_schedule();
    assert!(steps.iter().any(|s| matches!(s, chanscope_core::runtime::parallel::Step::Signal { sig: 2 })));
    let m = std::sync::Arc::try_unwrap(par).ok().expect("the Ms are gone").into_machine();
    assert_eq!(m.exit.as_ref().map(|e| e.code), Some(0));
    assert_eq!(String::from_utf8_lossy(&m.stdout), "waiting\ngot interrupt\n");
}
