//! Parallel mode (feature `threads`): each P runs on its own Web Worker
//! over one shared `WebAssembly.Memory` (core/src/runtime/parallel.rs).
//!
//! Thin like the rest of the crate. A coordinator worker creates a
//! `ParallelRun`, hands one `handle()` to each P worker, which calls
//! `mstart(handle, p)` (blocking until the program ends or `stop`), and
//! polls the run: `drain()` every frame, `takeJson()` whenever it posts to
//! the page (or `poll()`, both in one). None of them blocks: a busy
//! runtime lock just means "nothing new yet".

use std::sync::Arc;

use chanscope_core::runtime::machine::{Config, Machine, Preempt};
use chanscope_core::runtime::parallel::Parallel;
use chanscope_core::session::{self, ExitInfo, ExitKindName, PreemptMode, Report, RunStatus, SessionConfig};
use chanscope_core::trace::Event;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{config_from_js, to_js, Error, JsSessionConfig};

#[wasm_bindgen(typescript_custom_section)]
const TS_PARALLEL_TYPES: &'static str = r#"
/** What `ParallelRun.poll` (or `takeJson`, as JSON) hands out: what is new since the previous one. */
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
    /// Drained from the machine, not handed out yet.
    pending: Pending,
    /// A trailing incomplete UTF-8 sequence of stdout, kept for the next take.
    stdout_tail: Vec<u8>,
    /// All stderr so far (the report's text).
    stderr_all: String,
    /// The exit has been handed out: later takes are empty.
    done: bool,
}

/// What `drain` moved out of the machine since the last take.
#[derive(Default)]
struct Pending {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    events: Vec<Event>,
    exit: Option<ExitInfo>,
    steps: u64,
    now: i64,
    dropped: u64,
    /// Ps the run wants (one M each), as of the last drain.
    wanted_ms: usize,
}

impl Pending {
    fn is_news(&self) -> bool {
        self.exit.is_some() || !self.stdout.is_empty() || !self.stderr.is_empty() || !self.events.is_empty()
    }
}

#[wasm_bindgen]
impl ParallelRun {
    /// Compiles `source`; throws a `SessionError` (kind "compile", with
    /// `diagnostics`) as `Session`'s constructor does.
    #[wasm_bindgen(constructor)]
    pub fn new(source: &str, config: JsSessionConfig) -> Result<ParallelRun, JsValue> {
        Ok(ParallelRun::compile(source, &config_from_js(config)?)?)
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

    /// How many Ms (P workers) the run wants, one per P, as of the last
    /// `drain` (at first: the procs it was created with). Never blocks.
    #[wasm_bindgen(js_name = wantedMs)]
    pub fn wanted_ms(&self) -> usize {
        self.pending.wanted_ms
    }

    /// Moves output, events and the exit out of the machine into this
    /// handle, if no M holds the runtime lock right now (false: try again
    /// later). Never blocks, and costs little: nothing crosses into JS.
    pub fn drain(&mut self) -> bool {
        if self.done || self.pending.exit.is_some() {
            return true;
        }
        let p = &mut self.pending;
        self.par
            .try_with_machine(|m| {
                let events = std::mem::take(&mut m.trace.events);
                // The recorder's cap is for the whole run, as in Session::step.
                m.trace.limit = m.trace.limit.saturating_sub(events.len());
                p.events.extend(events);
                p.stdout.append(&mut m.stdout);
                p.stderr.append(&mut m.stderr);
                p.exit = m.exit.as_ref().map(|e| ExitInfo { code: e.code, kind: e.kind.into() });
                (p.steps, p.now, p.dropped, p.wanted_ms) = (m.steps, m.now, m.trace.dropped, m.sched.ps.len());
            })
            .is_some()
    }

    /// A drain has seen the program end.
    pub fn exited(&self) -> bool {
        self.pending.exit.is_some()
    }

    /// What was drained since the previous take, as the JSON text of a
    /// `ParallelStatus` ("" when there is nothing new). Never blocks. Text
    /// because a string crosses to JS, and to the page, far more cheaply
    /// than thousands of event objects.
    #[wasm_bindgen(js_name = takeJson)]
    pub fn take_json(&mut self) -> Result<String, JsValue> {
        match self.take() {
            None => Ok(String::new()),
            Some(st) => serde_json::to_string(&st).map_err(|e| Error::Internal(e.to_string()).into()),
        }
    }

    /// `drain`, then what is new as an object; null when an M holds the
    /// runtime lock right now or nothing is new. Never blocks.
    pub fn poll(&mut self) -> Result<JsParallelStatus, JsValue> {
        if !self.drain() {
            return Ok(JsValue::NULL.unchecked_into());
        }
        match self.take() {
            None => Ok(JsValue::NULL.unchecked_into()),
            Some(st) => Ok(to_js(&st)?.unchecked_into()),
        }
    }

    /// Asks every M to return (takes the runtime lock briefly: call it
    /// from a worker, never from the page's main thread).
    pub fn stop(&self) {
        self.par.stop();
    }
}

impl ParallelRun {
    fn compile(source: &str, cfg: &SessionConfig) -> Result<ParallelRun, Error> {
        let prog = match chanscope_core::compile_source(source.as_bytes(), session::Session::FILE) {
            Ok(p) => p,
            Err(_) => return Err(compile_error(source, cfg)),
        };
        // No Interrupt reaches a parallel run, and Ms idling for a signal
        // would spin: a program that only a signal could wake stops as the
        // CLI's does.
        let mc = Config { interactive_signals: false, ..machine_config(cfg) };
        let m = Machine::new(Arc::new(prog), mc);
        let pending = Pending { wanted_ms: m.sched.ps.len(), ..Pending::default() };
        Ok(ParallelRun { par: Arc::new(Parallel::new(m, false)), pending, stdout_tail: Vec::new(), stderr_all: String::new(), done: false })
    }

    /// The pending status, handed out once; None when nothing is new.
    fn take(&mut self) -> Option<ParallelStatus> {
        if self.done || !self.pending.is_news() {
            return None;
        }
        let wanted_ms = self.pending.wanted_ms;
        let p = std::mem::replace(&mut self.pending, Pending { wanted_ms, ..Pending::default() });
        let mut bytes = std::mem::take(&mut self.stdout_tail);
        bytes.extend(p.stdout);
        let stdout = utf8_chunk(bytes, p.exit.is_none(), &mut self.stdout_tail);
        let stderr = String::from_utf8_lossy(&p.stderr).into_owned();
        self.stderr_all.push_str(&stderr);
        self.done = p.exit.is_some();
        let report = p.exit.as_ref().filter(|e| e.kind != ExitKindName::Normal).map(|e| Report {
            kind: e.kind,
            code: e.code,
            text: self.stderr_all.clone(),
            // The goroutine table is read under the runtime lock by core's
            // Session only; parallel mode shows the text.
            goroutines: Vec::new(),
        });
        let status = RunStatus { stdout, stderr, events: p.events, exit: p.exit, steps: p.steps, now: p.now, dropped_events: p.dropped };
        Some(ParallelStatus { status, wanted_ms, report })
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

    /// Runs `src` as the page does, with threads for workers: a handle per
    /// P to `mstart`, `drain` every millisecond, `takeJson` every tenth
    /// drain. Returns the statuses, parsed back from their JSON.
    fn run_threads(src: &str, procs: u32) -> Vec<serde_json::Value> {
        let cfg = SessionConfig { procs, ..SessionConfig::default() };
        let mut run = ParallelRun::compile(src, &cfg).expect("compiles");
        assert_eq!(run.wanted_ms(), procs as usize);
        run.note_started(procs as usize);
        let ms: Vec<_> = (0..procs as usize).map(|p| (run.handle(), p)).map(|(h, p)| std::thread::spawn(move || mstart(h, p))).collect();
        let mut out = Vec::new();
        for i in 0.. {
            std::thread::sleep(std::time::Duration::from_millis(1));
            if !run.drain() {
                continue;
            }
            if i % 10 == 0 || run.exited() {
                let json = run.take_json().unwrap_or_default();
                if !json.is_empty() {
                    out.push(serde_json::from_str(&json).expect("valid JSON"));
                }
            }
            if run.done {
                break;
            }
        }
        for m in ms {
            m.join().expect("an M panicked");
        }
        assert_eq!(Arc::strong_count(&run.par), 1, "every M dropped its handle");
        out
    }

    fn text(sts: &[serde_json::Value], key: &str) -> String {
        sts.iter().map(|s| s[key].as_str().unwrap_or_default()).collect()
    }

    #[test]
    fn a_run_streams_output_events_and_the_exit() {
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n\tn := 0\n\tfor g := 0; g < 8; g++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor i := 0; i < 20000; i++ {\n\t\t\t\tmu.Lock()\n\t\t\t\tn++\n\t\t\t\tmu.Unlock()\n\t\t\t}\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(\"n =\", n, \"日本\")\n}\n";
        let sts = run_threads(src, 3);
        assert_eq!(text(&sts, "stdout"), "n = 160000 日本\n");
        let last = sts.last().expect("a status");
        assert_eq!(last["exit"], serde_json::json!({"code": 0, "kind": "normal"}));
        assert!(last["report"].is_null());
        assert_eq!(last["wantedMs"], 3);
        assert!(last["steps"].as_u64().unwrap_or(0) > 160000);
        // Every status but the last is without an exit; events keep their order.
        assert!(sts[..sts.len() - 1].iter().all(|s| s["exit"].is_null()));
        let seqs: Vec<u64> = sts.iter().flat_map(|s| s["events"].as_array().cloned().unwrap_or_default()).filter_map(|e| e["seq"].as_u64()).collect();
        assert!(seqs.len() > 8 && seqs.windows(2).all(|w| w[0] < w[1]), "{} events", seqs.len());
        let creates = sts.iter().flat_map(|s| s["events"].as_array().cloned().unwrap_or_default()).filter(|e| e["kind"] == "go_create").count();
        assert_eq!(creates, 8);
    }

    #[test]
    fn a_deadlock_comes_with_its_report() {
        let src = "package main\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n\t<-ch\n\tch <- 2\n}\n";
        let sts = run_threads(src, 2);
        let last = sts.last().expect("a status");
        assert_eq!(last["exit"], serde_json::json!({"code": 2, "kind": "deadlock"}));
        assert_eq!(last["report"]["kind"], "deadlock");
        let report = last["report"]["text"].as_str().unwrap_or_default();
        assert!(report.starts_with("fatal error: all goroutines are asleep - deadlock!"), "{report}");
        assert_eq!(text(&sts, "stderr"), report);
    }

    #[test]
    fn compile_errors_carry_diagnostics() {
        match ParallelRun::compile("package main\n\nfunc main() { x }\n", &SessionConfig::default()) {
            Err(Error::Compile(e)) => assert_eq!(e.diagnostics.first().map(|d| (d.line, d.col)), Some((3, 15))),
            Err(e) => panic!("{e:?}"),
            Ok(_) => panic!("compiled"),
        }
    }
}
