//! chanscope-wasm: the browser's handle on `chanscope_core::session`.
//!
//! Thin on purpose: one handle type (`Session`), one error conversion
//! (`Error` → a JS `Error` with `kind` and, for compile errors,
//! `diagnostics`), and serde-wasm-bindgen for the data. The TypeScript types
//! of everything that crosses the boundary are in `TS_TYPES` below and end
//! up in the generated `chanscope_wasm.d.ts`.

use chanscope_core::session::{self, CompileError, SessionConfig};
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod check;
pub use check::Checker;
#[cfg(feature = "threads")]
mod parallel;

// The memory limit (`max_memory`) needs the counting allocator, as in the CLI.
#[global_allocator]
static ALLOC: chanscope_core::runtime::memory::CountingAlloc = chanscope_core::runtime::memory::CountingAlloc;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Settings of a run; every field is optional. */
export interface SessionConfig {
  /** GOMAXPROCS (1..256; the page offers 1..16). Default 4. */
  procs?: number;
  /** Seed of the scheduler's PRNG. Default 1. */
  seed?: number;
  /** Default "async" (Go 1.14+); "cooperative" preempts only at calls. */
  preempt?: PreemptMode;
  /** Instructions before the run stops with kind "limit" (0: none). */
  maxSteps?: number;
  /** Bytes of stdout+stderr before the run stops with kind "limit". */
  maxOutput?: number;
  /** Record events. Default true. */
  trace?: boolean;
  /** Events recorded for the whole run; later ones are only counted. */
  traceLimit?: number;
}

export type PreemptMode = "async" | "cooperative";

/** A compile error. `col` counts UTF-8 bytes (Go's column), `colUtf16` UTF-16 units (the editor's). Both 1-based. */
export interface Diagnostic {
  line: number;
  col: number;
  colUtf16: number;
  message: string;
  /** `prog.go:LINE:COL: message`, as go build prints it. */
  text: string;
}

export type ExitKind = "normal" | "panic" | "deadlock" | "fatal" | "limit";

export interface ExitInfo {
  code: number;
  kind: ExitKind;
}

export type StartFrom = "runnext" | "local" | "global" | "global_tick" | "stolen";

/** One event of the log (core/src/trace/mod.rs), tagged by `kind`. */
export type TraceEvent = { seq: number; t: number; p: number | null; line: number } & (
  | { kind: "go_create"; g: number; parent: number; func: string }
  | { kind: "go_start"; g: number; from: StartFrom }
  | { kind: "go_block"; g: number; reason: string; obj: number | null }
  | { kind: "go_unblock"; g: number; by: number }
  | { kind: "go_yield"; g: number; preempted: boolean }
  | { kind: "go_exit"; g: number }
  | { kind: "steal"; g: number; victim: number; moved: number[] }
  | { kind: "runq_put"; g: number; next: boolean; kicked: number | null; spilled: number[] }
  | { kind: "global_put"; g: number }
  | { kind: "global_get"; g: number; moved: number[] }
  | { kind: "proc_idle" }
  | { kind: "proc_wake" }
  | { kind: "chan_make"; ch: number; cap: number; elem: string }
  | { kind: "chan_send"; ch: number; from: number; to: number | null; value: string; buffered: number }
  | { kind: "chan_recv"; ch: number; to: number; from: number | null; value: string; buffered: number; closed: boolean }
  | { kind: "chan_close"; ch: number; by: number }
  | { kind: "select"; g: number; case: number | null; ready: number; cases: number }
  | { kind: "mutex_lock"; m: number; g: number }
  | { kind: "mutex_unlock"; m: number; g: number }
  | { kind: "wg_add"; wg: number; g: number; delta: number; counter: number }
  | { kind: "wg_wait"; wg: number; g: number }
  | { kind: "timer_fire"; g: number | null; ch: number | null }
  | { kind: "clock_advance"; to: number }
  | { kind: "output"; g: number; text: string }
  | { kind: "panic"; g: number; message: string }
  | { kind: "deadlock" }
  | { kind: "exit"; code: number }
);

/** What one `step` did (output and events since the previous step). */
export interface RunStatus {
  stdout: string;
  stderr: string;
  events: TraceEvent[];
  /** Set once the program has ended. */
  exit: ExitInfo | null;
  /** Instructions executed so far. */
  steps: number;
  /** Virtual time, nanoseconds. */
  now: number;
  droppedEvents: number;
}

export interface CreatedBy { func: string; line: number; parent: number }

export interface GoroutineInfo {
  id: number;
  status: "running" | "runnable" | "waiting" | "dead";
  /** Go's wait reason ("chan receive", "sync.Mutex.Lock"...), "" unless waiting. */
  waitReason: string;
  blockedOn: number | null;
  parkedAt: number | null;
  /** Source line it is at (0: not started). */
  line: number;
  func: string;
  createdBy: CreatedBy | null;
}

export interface ProcInfo {
  id: number;
  curg: number | null;
  runnext: number | null;
  /** Local run queue, head first. */
  runq: number[];
}

export interface Snapshot {
  goroutines: GoroutineInfo[];
  procs: ProcInfo[];
  globalRunq: number[];
  now: number;
  steps: number;
  exit: ExitInfo | null;
}

/** After a panic, deadlock, fatal error or limit. */
export interface Report {
  kind: Exclude<ExitKind, "normal">;
  code: number;
  /** The Go-format text. */
  text: string;
  goroutines: GoroutineInfo[];
}

/** What the functions here throw: a JS Error with these extra fields. */
export interface SessionError extends Error {
  /** "replay": a replay token that does not decode. */
  kind: "compile" | "config" | "replay" | "internal";
  /** For kind "compile": the errors, sorted by position. */
  diagnostics?: Diagnostic[];
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "SessionConfig | undefined")]
    pub type JsSessionConfig;
    #[wasm_bindgen(typescript_type = "RunStatus")]
    pub type JsRunStatus;
    #[wasm_bindgen(typescript_type = "Snapshot")]
    pub type JsSnapshot;
    #[wasm_bindgen(typescript_type = "Report | null")]
    pub type JsReport;
    #[wasm_bindgen(typescript_type = "Diagnostic[]")]
    pub type JsDiagnostics;
}

/// Everything that can go wrong at the boundary.
#[derive(Debug)]
pub enum Error {
    Compile(CompileError),
    Config(String),
    Replay(String),
    Internal(String),
}

impl Error {
    fn kind(&self) -> &'static str {
        match self {
            Error::Compile(_) => "compile",
            Error::Config(_) => "config",
            Error::Replay(_) => "replay",
            Error::Internal(_) => "internal",
        }
    }
}

/// The one conversion: a JS `Error` (message = the Go-format text for
/// compile errors) with `kind` and `diagnostics` set.
impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        let (msg, diags) = match &e {
            Error::Compile(c) => (c.to_string(), to_js(&c.diagnostics).ok()),
            Error::Config(m) | Error::Replay(m) => (m.clone(), None),
            Error::Internal(m) => {
                // A bug on our side: leave a trace in the console too.
                web_sys::console::error_1(&format!("chanscope-wasm: {}", m).into());
                (m.clone(), None)
            }
        };
        let err = js_sys::Error::new(&msg);
        err.set_name("SessionError");
        let obj: &JsValue = err.as_ref();
        let _ = js_sys::Reflect::set(obj, &"kind".into(), &e.kind().into());
        if let Some(d) = diags {
            let _ = js_sys::Reflect::set(obj, &"diagnostics".into(), &d);
        }
        err.into()
    }
}

/// Plain JS objects: `null` for `None`, objects (not `Map`s) for maps.
fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, Error> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| Error::Internal(e.to_string()))
}

/// `undefined`/`null` give the defaults.
fn config_from_js(config: JsSessionConfig) -> Result<SessionConfig, Error> {
    let config: JsValue = config.into();
    if config.is_undefined() || config.is_null() {
        return Ok(SessionConfig::default());
    }
    serde_wasm_bindgen::from_value(config).map_err(|e| Error::Config(e.to_string()))
}

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A compiled program and its run.
#[wasm_bindgen]
pub struct Session {
    inner: session::Session,
}

#[wasm_bindgen]
impl Session {
    /// Compiles `source`. Throws a `SessionError` (kind "compile", with
    /// `diagnostics`) when it does not compile.
    #[wasm_bindgen(constructor)]
    pub fn new(source: &str, config: JsSessionConfig) -> Result<Session, JsValue> {
        let cfg = config_from_js(config)?;
        let inner = session::Session::new(source, &cfg).map_err(Error::Compile)?;
        Ok(Session { inner })
    }

    /// Runs at least `budget` instructions (0: to the end; the run pauses
    /// only every 4M instructions) and returns what happened since the
    /// previous call.
    pub fn step(&mut self, budget: u32) -> Result<JsRunStatus, JsValue> {
        Ok(to_js(&self.inner.step(budget as u64))?.unchecked_into())
    }

    /// The goroutines, Ps and run queues now.
    pub fn snapshot(&self) -> Result<JsSnapshot, JsValue> {
        Ok(to_js(&self.inner.snapshot())?.unchecked_into())
    }

    /// The crash report once the run ended badly, else null.
    pub fn report(&self) -> Result<JsReport, JsValue> {
        Ok(to_js(&self.inner.report())?.unchecked_into())
    }

    /// Ends the run with kind "limit" and `chanscope: <why>` on stderr.
    pub fn stop(&mut self, why: &str) {
        self.inner.stop(why);
    }

    /// Delivers SIGINT now, as Ctrl-C would: to the channels registered with
    /// `signal.Notify` (`signal.NotifyContext`), else the program dies of it
    /// (exit 130, `signal: interrupt` on stderr, kind "fatal"). Takes effect
    /// from the next `step`; after the exit it does nothing.
    pub fn interrupt(&mut self) {
        self.inner.interrupt();
    }
}

/// Compiles only: the diagnostics of `source` (empty when it compiles).
#[wasm_bindgen]
pub fn check(source: &str) -> Result<JsDiagnostics, JsValue> {
    Ok(to_js(&session::check(source, session::Session::FILE))?.unchecked_into())
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
