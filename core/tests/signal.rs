//! Host-delivered signals (`chanscope run --signal 2s`): each program in
//! `tests/data/signal/` is run with SIGINT at given virtual times and
//! compared with what the same program built by Go 1.27.3 does when sent
//! `kill -INT` at comparable wall-clock times (recorded by hand, see each
//! case). Signal timing cannot be golden-recorded by `record-goldens`.
//!
//! chanscope's choices where a real process has no output of its own:
//! a program killed by a signal exits with 128+signo and prints
//! `signal: interrupt` on stderr (what a shell or `go run` reports); a
//! program whose goroutines all wait for a signal that will never come
//! (Go hangs) is stopped with a chanscope limit message, exit status 2.

use std::path::Path;
use std::process::Command;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(name: &str, signals: &[&str], procs: u32) -> Out {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/signal")
        .join(format!("{name}.go"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chanscope"));
    cmd.arg("run").arg("--procs").arg(procs.to_string());
    for s in signals {
        cmd.arg("--signal").arg(s);
    }
    let out = cmd.arg(&file).output().expect("run chanscope");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every procs setting gives Go's result.
fn check(name: &str, signals: &[&str], code: i32, stdout: &str, stderr_first: &str) {
    for procs in [1, 2, 4] {
        let o = run(name, signals, procs);
        assert_eq!(
            o.stdout, stdout,
            "{name} procs={procs} stdout; stderr: {}",
            o.stderr
        );
        assert_eq!(
            o.code, code,
            "{name} procs={procs} exit; stderr: {}",
            o.stderr
        );
        assert_eq!(
            o.stderr.lines().next().unwrap_or(""),
            stderr_first,
            "{name} procs={procs} stderr"
        );
    }
}

#[test]
fn graceful_shutdown_on_interrupt() {
    // Go: kill -INT after 0.5s -> exit 0.
    check(
        "graceful",
        &["2s"],
        0,
        "running\nreceived interrupt\nworker: stopping\nclean exit\n",
        "",
    );
}

#[test]
fn a_pending_signal_is_not_a_deadlock() {
    // main blocks on <-sigs with nothing else to run: the signal due at
    // 5s must still come (checkdead waits for it).
    check(
        "twice",
        &["5s", "1m"],
        0,
        "start\n1 interrupt\n2 interrupt\nstopped\n",
        "",
    );
}

#[test]
fn no_handler_kills_the_program() {
    // Go: killed by SIGINT (status -2 from the parent's view), stdout
    // "start", deferred calls not run.
    check("nohandler", &["1s"], 130, "start\n", "signal: interrupt");
}

#[test]
fn ignored_signal_does_nothing() {
    check("ignore", &["500ms"], 0, "start\nsurvived\n", "");
}

#[test]
fn unbuffered_channel_misses_the_signal() {
    // os/signal's delivery is a non-blocking send.
    check("missed", &["0.5s"], 0, "start\nmissed\n", "");
}

#[test]
fn notify_all_signals_and_os_exit() {
    check("exitcode", &["300ms"], 4, "start\ngot interrupt\n", "");
}

#[test]
fn waiting_for_a_signal_that_never_comes() {
    // Go hangs forever; chanscope stops the run and says why.
    let o = run("forever", &[], 1);
    assert_eq!(o.stdout, "waiting\n");
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .starts_with("chanscope: every goroutine is blocked and only a signal could wake one"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_signal_after_the_program_ends_changes_nothing() {
    check(
        "graceful",
        &["2s", "1h"],
        0,
        "running\nreceived interrupt\nworker: stopping\nclean exit\n",
        "",
    );
}

#[test]
fn bad_signal_time_is_a_usage_error() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/signal/graceful.go");
    let out = Command::new(env!("CARGO_BIN_EXE_chanscope"))
        .args(["run", "--signal", "2"])
        .arg(&file)
        .output()
        .expect("run chanscope");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing unit"));
}

#[test]
fn session_interrupt_button() {
    use chanscope_core::session::{Session, SessionConfig};
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/signal/twice.go"),
    )
    .unwrap();
    let cfg = SessionConfig {
        procs: 2,
        trace: false,
        ..SessionConfig::default()
    };
    let mut s = Session::new(&src, &cfg).ok().expect("compiles");
    let mut out = String::new();
    // Waiting for a signal, the session idles instead of ending the run.
    for _ in 0..3 {
        let st = s.step(1_000_000);
        out.push_str(&st.stdout);
        assert!(st.exit.is_none(), "ended early: {}", st.stderr);
    }
    assert_eq!(out, "start\n");
    for _ in 0..2 {
        s.interrupt();
        let st = s.step(1_000_000);
        out.push_str(&st.stdout);
    }
    let st = s.step(0);
    out.push_str(&st.stdout);
    assert_eq!(out, "start\n1 interrupt\n2 interrupt\nstopped\n");
    assert_eq!(st.exit.map(|e| e.code), Some(0));
}

#[test]
fn session_interrupt_without_handler_kills() {
    use chanscope_core::session::{Session, SessionConfig};
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/signal/busy.go"),
    )
    .unwrap();
    let mut s = Session::new(
        &src,
        &SessionConfig {
            trace: false,
            ..SessionConfig::default()
        },
    )
    .ok()
    .expect("compiles");
    let st = s.step(1000);
    assert_eq!(st.stdout, "start\n");
    s.interrupt();
    let st = s.step(0);
    assert_eq!(st.stderr, "signal: interrupt\n");
    assert_eq!(st.exit.map(|e| e.code), Some(130));
}
