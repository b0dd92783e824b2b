//! "Find bugs": the schedule explorer (`session::CheckSession`) and replays
//! of its findings (`session::Session::replay`), as thin as the rest.

use chanscope_core::session::{self, SessionConfig};
use wasm_bindgen::prelude::*;

use crate::{config_from_js, to_js, Error, JsSessionConfig, Session};

#[wasm_bindgen(typescript_custom_section)]
const TS_CHECK_TYPES: &'static str = r#"
export type FindingKind = "deadlock" | "leak" | "race" | "lock-order" | "panic";

/** One bug the explorer found. */
export interface Finding {
  kind: FindingKind;
  /** One line: what went wrong. */
  message: string;
  /** The goroutines involved: `goroutine 7 [chan send]: main.worker at prog.go:12`. */
  goroutines: string[];
  /** A token for `Session.replay` (and `chanscope run --replay`) that reproduces it. */
  replay: string;
}

/** Where an exploration is, after a `Checker.step`. */
export interface CheckProgress {
  /** Schedules explored so far. */
  schedules: number;
  /** The schedule budget it was created with. */
  budget: number;
  /** No more schedules will run (budget spent, or every interleaving covered). */
  done: boolean;
  /** Every interleaving was covered (only small programs). */
  exhaustive: boolean;
  /** Every distinct finding so far, each with its (shrunk) replay token. */
  findings: Finding[];
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "CheckProgress")]
    pub type JsCheckProgress;
    #[wasm_bindgen(typescript_type = "Finding[]")]
    pub type JsFindings;
}

/// Explores schedules of a program in slices, so a worker can report
/// progress between them and a page can stop it.
#[wasm_bindgen]
pub struct Checker {
    inner: session::CheckSession,
}

#[wasm_bindgen]
impl Checker {
    /// Compiles `source` (throws a `SessionError` like `Session`'s
    /// constructor); `procs` and `seed` of `config` apply, and at most
    /// `schedules` schedules will run.
    #[wasm_bindgen(constructor)]
    pub fn new(source: &str, config: JsSessionConfig, schedules: u32) -> Result<Checker, JsValue> {
        let cfg = config_from_js(config)?;
        let inner = session::CheckSession::new(source, &cfg, schedules as u64).map_err(Error::Compile)?;
        Ok(Checker { inner })
    }

    /// Runs up to `n` more schedules (a new finding also spends a few dozen
    /// replays on shrinking it) and says where the exploration is.
    pub fn step(&mut self, n: u32) -> Result<JsCheckProgress, JsValue> {
        Ok(to_js(&self.inner.step(n as u64))?.unchecked_into())
    }
}

#[wasm_bindgen]
impl Session {
    /// A run that replays a finding's schedule (`Finding.replay`; the token
    /// carries procs and seed); it steps like any other run. Throws a
    /// `SessionError` of kind "replay" for a bad token, "compile" when the
    /// source does not compile.
    pub fn replay(source: &str, config: JsSessionConfig, token: &str) -> Result<Session, JsValue> {
        let cfg: SessionConfig = config_from_js(config)?;
        let inner = session::Session::replay(source, &cfg, token).map_err(replay_error)?;
        Ok(Session { inner })
    }

    /// A run that replays a recorded parallel run (`schedule`: the bytes of
    /// `ParallelRun.takeSchedule`, which carry procs and seed) on this one
    /// thread: the same output and events, stepping like any other run.
    /// Throws a `SessionError` of kind "replay" for a schedule of another
    /// program or a damaged one.
    #[wasm_bindgen(js_name = replayParallel)]
    pub fn replay_parallel(source: &str, config: JsSessionConfig, schedule: &[u8]) -> Result<Session, JsValue> {
        let cfg: SessionConfig = config_from_js(config)?;
        let inner = session::Session::replay_parallel(source, &cfg, schedule).map_err(replay_error)?;
        Ok(Session { inner })
    }

    /// What this run found so far (a replay: its finding, once it exited).
    pub fn findings(&self) -> Result<JsFindings, JsValue> {
        Ok(to_js(&self.inner.findings())?.unchecked_into())
    }
}

/// The core reports a replay that does not fit as a compile error without
/// diagnostics.
fn replay_error(e: session::CompileError) -> Error {
    if e.diagnostics.is_empty() {
        Error::Replay(e.text)
    } else {
        Error::Compile(e)
    }
}
