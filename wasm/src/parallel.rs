//! Parallel mode (feature `threads`): each P runs on its own Web Worker
//! over one shared `WebAssembly.Memory` (core/src/runtime/parallel.rs).
//!
//! Thin like the rest of the crate. A coordinator worker creates a
//! `ParallelRun`, hands one `handle()` to each P worker, which calls
//! `mstart(handle, p)` (blocking until the program ends or `stop`), and
//! polls the run with `poll()`, which never blocks: a busy runtime lock
//! just means "nothing new yet".

use std::sync::Arc;

use chanscope_core::runtime::machine::{Config, Machine, Preempt};
use chanscope_core::runtime::parallel::Parallel;
use chanscope_core::session::{self, ExitInfo, ExitKindName, PreemptMode, Report, RunStatus, SessionConfig};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{config_from_js, to_js, Error, JsSessionConfig};

#[wasm_bindgen(typescript_custom_section)]
const TS_PARALLEL_TYPES: &'static str = r#"
/** What a `ParallelRun.poll` saw since the previous poll. */
export interface ParallelStatus extends RunStatus {
  /** Ps (hence P workers) the run wants now; grows with runtime.GOMAXPROCS. */
  wantedMs: number;
  /** Once the run ended badly: the report (its `goroutines` are empty in parallel mode). */
  report: Report | null;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "ParallelStatus | null")]
    pub type JsParallelStatus;
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ParallelStatus {
    #[serde(flatten)]
    status: RunStatus,
    wanted_ms: usize,
    report: Option<Report>,
}

/// A compiled program run by one worker per P.
#[wasm_bindgen]
pub struct ParallelRun {
    par: Arc<Parallel>,
    /// A trailing incomplete UTF-8 sequence of stdout, kept for the next poll.
    stdout_tail: Vec<u8>,
    /// All stderr so far (the report's text).
    stderr_all: String,
    /// The exit, once a poll has seen it: later polls are empty.
    done: bool,
}

#[wasm_bindgen]
impl ParallelRun {
    /// Compiles `source`; throws a `SessionError` (kind "compile", with
    /// `diagnostics`) as `Session`'s constructor does.
    #[wasm_bindgen(constructor)]
    pub fn new(source: &str, config: JsSessionConfig) -> Result<ParallelRun, JsValue> {
        let cfg = config_from_js(config)?;
        let prog = match chanscope_core::compile_source(source.as_bytes(), session::Session::FILE) {
            Ok(p) => p,
            Err(_) => return Err(compile_error(source, &cfg).into()),
        };
        // No Interrupt reaches a parallel run, and Ms idling for a signal
        // would spin: a program that only a signal could wake stops as the
        // CLI's does.
        let mc = Config { interactive_signals: false, ..machine_config(&cfg) };
        let m = Machine::new(Arc::new(prog), mc);
        Ok(ParallelRun { par: Arc::new(Parallel::new(m, false)), stdout_tail: Vec::new(), stderr_all: String::new(), done: false })
    }

    /// A new reference to the run for one P worker, as an opaque number:
    /// `mstart` takes it over (and drops it when its M returns). A worker
    /// terminated before that leaks it, with the memory it lives in.
    pub fn handle(&self) -> usize {
        Arc::into_raw(self.par.clone()) as usize
    }

    /// Marks Ms `0..n` as started (call before starting their workers, so
    /// the first M to go idle does not take the world for quiescent).
    #[wasm_bindgen(js_name = noteStarted)]
    pub fn note_started(&self, n: usize) {
        self.par.note_started(n);
    }

    /// How many Ms (P workers) the run wants: one per P. Takes the runtime
    /// lock (a worker only).
    #[wasm_bindgen(js_name = wantedMs)]
    pub fn wanted_ms(&self) -> usize {
        self.par.wanted_ms()
    }

    /// Output, events and the exit since the previous poll; null when an M
    /// holds the runtime lock right now (poll again later). Never blocks.
    pub fn poll(&mut self) -> Result<JsParallelStatus, JsValue> {
        if self.done {
            return Ok(JsValue::NULL.unchecked_into());
        }
        let Some((mut out, err, events, exit, steps, now, dropped, wanted_ms)) = self.par.try_with_machine(|m| {
            let events = std::mem::take(&mut m.trace.events);
            // The recorder's cap is for the whole run, as in Session::step.
            m.trace.limit = m.trace.limit.saturating_sub(events.len());
            let exit = m.exit.as_ref().map(|e| ExitInfo { code: e.code, kind: e.kind.into() });
            (std::mem::take(&mut m.stdout), std::mem::take(&mut m.stderr), events, exit, m.steps, m.now, m.trace.dropped, m.sched.ps.len())
        }) else {
            return Ok(JsValue::NULL.unchecked_into());
        };
        let mut bytes = std::mem::take(&mut self.stdout_tail);
        bytes.append(&mut out);
        let stdout = utf8_chunk(bytes, exit.is_none(), &mut self.stdout_tail);
        let stderr = String::from_utf8_lossy(&err).into_owned();
        self.stderr_all.push_str(&stderr);
        self.done = exit.is_some();
        let report = exit.as_ref().filter(|e| e.kind != ExitKindName::Normal).map(|e| Report {
            kind: e.kind,
            code: e.code,
            text: self.stderr_all.clone(),
            // The goroutine table is read under the runtime lock by core's
            // Session only; parallel mode shows the text.
            goroutines: Vec::new(),
        });
        let status = RunStatus { stdout, stderr, events, exit, steps, now, dropped_events: dropped };
        Ok(to_js(&ParallelStatus { status, wanted_ms, report })?.unchecked_into())
    }

    /// Asks every M to return (takes the runtime lock briefly: call it
    /// from a worker, never from the page's main thread).
    pub fn stop(&self) {
        self.par.stop();
    }
}

/// P `p`'s M loop: returns when the program exits or the run is stopped.
/// `handle` comes from `ParallelRun::handle` and is consumed. Blocks, so
/// only a worker may call it.
#[wasm_bindgen]
pub fn mstart(handle: usize, p: usize) {
    if handle == 0 {
        return;
    }
    // SAFETY: `handle` is a reference made by `ParallelRun::handle` with
    // `Arc::into_raw`, handed to exactly one `mstart`, which now owns it.
    let par = unsafe { Arc::from_raw(handle as *const Parallel) };
    par.mstart(p);
}

/// The session's compile error for a source that did not compile: it
/// carries both column kinds. Compiling again costs nothing next to a
/// person reading the error.
fn compile_error(source: &str, cfg: &SessionConfig) -> Error {
    match session::Session::new(source, cfg) {
        Err(e) => Error::Compile(e),
        Ok(_) => Error::Internal("the program compiled on the second try".into()),
    }
}

/// `bytes` as text; with `more` to come, an incomplete UTF-8 sequence at
/// the end is moved to `tail` rather than mangled.
fn utf8_chunk(mut bytes: Vec<u8>, more: bool, tail: &mut Vec<u8>) -> String {
    match std::str::from_utf8(&bytes) {
        Ok(_) => String::from_utf8(bytes).unwrap_or_default(),
        Err(e) if e.error_len().is_none() && more => {
            *tail = bytes.split_off(e.valid_up_to());
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// The machine settings of a page's `SessionConfig`. Mirrors the private
/// `SessionConfig::machine_config` in core/src/session.rs (a public one
/// there would replace this).
fn machine_config(c: &SessionConfig) -> Config {
    Config {
        procs: c.procs.clamp(1, 256) as usize,
        seed: c.seed,
        max_steps: c.max_steps,
        max_output: usize::try_from(c.max_output).unwrap_or(usize::MAX),
        preempt: match c.preempt {
            PreemptMode::Async => Preempt::Async,
            PreemptMode::Cooperative => Preempt::Cooperative,
        },
        trace: c.trace,
        trace_limit: usize::try_from(c.trace_limit).unwrap_or(usize::MAX),
        interactive_signals: c.interactive_signals,
        signals: c.signals.iter().filter(|ms| ms.is_finite() && **ms >= 0.0).map(|ms| ((ms * 1e6).min(i64::MAX as f64) as i64, 2)).collect(),
        ..Config::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_chunk_holds_back_a_cut_sequence() {
        let mut tail = Vec::new();
        let s = utf8_chunk("aé".as_bytes()[..2].to_vec(), true, &mut tail);
        assert_eq!(s, "a");
        assert_eq!(tail, vec![0xc3]);
        let mut rest = std::mem::take(&mut tail);
        rest.push(0xa9);
        assert_eq!(utf8_chunk(rest, true, &mut tail), "é");
        assert!(tail.is_empty());
        // At the end nothing is held back.
        assert_eq!(utf8_chunk(vec![b'x', 0xc3], false, &mut tail), "x\u{fffd}");
    }
}
