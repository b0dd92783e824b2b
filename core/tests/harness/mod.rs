//! What the golden-output tests share: Go's recorded goldens, running the
//! `chanscope` binary with a time limit, and explaining a mismatch.

#![allow(dead_code)]

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Output kept per stream of one run.
const OUTPUT_LIMIT: usize = 1 << 20;

#[derive(Debug)]
pub struct Golden {
    pub exit: i32,
    pub stdout: String,
    pub stderr_first: String,
}

pub enum Outcome {
    Finished {
        exit: Option<i32>,
        stdout: String,
        stderr: String,
    },
    TimedOut,
    SpawnFailed(String),
    /// An earlier run of the same program hung; re-running it under every
    /// other configuration would only multiply the wait.
    Skipped,
}

pub fn parse_golden(path: &Path) -> Result<Golden, String> {
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

/// Runs the binary with `args`, killed after `timeout`.
pub fn run_chanscope(args: &[String], timeout: Duration) -> Outcome {
    let spawned = Command::new(env!("CARGO_BIN_EXE_chanscope"))
        .args(args)
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
    let status = wait_with_timeout(&mut child, timeout);
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

/// Reads a pipe to the end on its own thread, so a chatty child can never
/// block on a full pipe while we wait for it to exit.
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

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + timeout;
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

/// The CLI names the file as it was given; Go's golden names it `<name>.go`.
pub fn normalize_path_prefix(line: &str, name: &str) -> String {
    let file = format!("{name}.go:");
    match line.find(&file) {
        Some(i) if i == 0 || line[..i].ends_with('/') || line[..i].ends_with('\\') => {
            line[i..].to_string()
        }
        _ => line.to_string(),
    }
}

pub fn first_line(s: &str) -> &str {
    s.split('\n').next().unwrap_or("")
}

/// Short, line-oriented explanation of how two outputs differ.
pub fn stdout_diff(want: &str, got: &str) -> String {
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
