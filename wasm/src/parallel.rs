//! Parallel mode (feature `threads`): each P runs on its own Web Worker
//! over one shared `WebAssembly.Memory` (core's `ParallelSession` over
//! runtime/parallel.rs).
//!
//! Thin like the rest of the crate. A coordinator worker creates a
//! `ParallelRun`, hands one `handle()` to each P worker, which calls
//! `mstart(handle, p)` (blocking until the program ends or `stop`), and
//! polls the run: `drain()` every frame, `takeJson()` whenever it posts to
//! the page (or `poll()`, both in one). None of them blocks: a busy
//! runtime lock just means "nothing new yet".
//!
//! Every run is recorded (a step per runtime-lock acquisition, up to
//! `MAX_SCHEDULE_STEPS`): after the exit `takeSchedule()` hands out the
//! bytes `Session.replayParallel` replays on the deterministic driver.

use std::sync::Arc;

use chanscope_core::parallel_session::{ParallelSession, ParallelStatus};
use chanscope_core::runtime::parallel::Parallel;
use chanscope_core::session::{RunStatus, SessionConfig};
use wasm_bindgen::prelude::*;

use crate::{config_from_js, to_js, Error, JsSessionConfig};

/// Steps of a schedule kept at most (12 bytes each in memory, 2-4 once
/// encoded): a run with more stops recording and cannot be replayed. A
/// CPU-bound run takes a step per 4096 instructions per P, a channel
/// ping-pong a few per message, so this is minutes of the former and
/// about a million messages of the latter.
const MAX_SCHEDULE_STEPS: usize = 4_000_000;

#[wasm_bindgen(typescript_custom_section)]
const TS_PARALLEL_TYPES: &'static str = r#"
/** What `ParallelRun.poll` (or `takeJson`, as JSON) hands out: what is new since the previous one. */
export interface ParallelStatus extends RunStatus {
  /** Ps (hence P workers) the run wants now; grows with runtime.GOMAXPROCS. */
  wantedMs: number;
  /** Once the run ended badly: the report. */
  report: Report | null;
  /** Every goroutine waits and only a signal (`interrupt`) can wake one. */
  waiting: boolean;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "ParallelStatus | null")]
    pub type JsParallelStatus;
}

/// A compiled program run by one worker per P.
#[wasm_bindgen]
pub struct ParallelRun {
    session: ParallelSession,
    /// Polled but not handed out yet: the polls since the last take, merged.
    pending: Option<ParallelStatus>,
    /// Ps the run wants (one M each), as of the last drain.
    wanted_ms: usize,
    /// A drain has seen the exit (the session has nothing more to give).
    exited: bool,
    /// `waiting` as last handed out: a change is news even without output.
    waiting: bool,
}

#[wasm_bindgen]
impl ParallelRun {
    /// Compiles `source`; throws a `SessionError` (kind "compile", with
    /// `diagnostics`) as `Session`'s constructor does.
    #[wasm_bindgen(constructor)]
    pub fn new(source: &str, config: JsSessionConfig) -> Result<ParallelRun, JsValue> {
        Ok(ParallelRun::create(source, config_from_js(config)?)?)
    }

    /// A new reference to the run for one P worker, as an opaque number:
    /// `mstart` takes it over (and drops it when its M returns). A worker
    /// terminated before that leaks it, with the memory it lives in.
    pub fn handle(&self) -> usize {
        Arc::into_raw(self.session.parallel().clone()) as usize
    }

    /// Marks Ms `0..n` as started (call before starting their workers, so
    /// the first M to go idle does not take the world for quiescent).
    #[wasm_bindgen(js_name = noteStarted)]
    pub fn note_started(&self, n: usize) {
        self.session.parallel().note_started(n);
    }

    /// How many Ms (P workers) the run wants, one per P, as of the last
    /// `drain` (at first: the procs it was created with). Never blocks.
    #[wasm_bindgen(js_name = wantedMs)]
    pub fn wanted_ms(&self) -> usize {
        self.wanted_ms
    }

    /// Moves output, events and the exit out of the machine into this
    /// handle, if no M holds the runtime lock right now (false: try again
    /// later). Never blocks, and nothing crosses into JS.
    pub fn drain(&mut self) -> bool {
        if self.exited {
            return true;
        }
        let Some(st) = self.session.poll() else { return false };
        self.wanted_ms = st.wanted_ms;
        self.exited = st.status.exit.is_some();
        self.pending = Some(match self.pending.take() {
            None => st,
            Some(mut p) => {
                p.status.stdout.push_str(&st.status.stdout);
                p.status.stderr.push_str(&st.status.stderr);
                p.status.events.extend(st.status.events);
                let (stdout, stderr, events) = (p.status.stdout, p.status.stderr, p.status.events);
                ParallelStatus { status: RunStatus { stdout, stderr, events, ..st.status }, ..st }
            }
        });
        true
    }

    /// A drain has seen the program end.
    pub fn exited(&self) -> bool {
        self.exited
    }

    /// What was drained since the previous take, as the JSON text of a
    /// `ParallelStatus` ("" when there is nothing new); with `max_events`
    /// (0: no limit) at most that many events, the rest (and the exit) left
    /// for the next take. Never blocks. Text because a string crosses to
    /// JS, and to the page, far more cheaply than thousands of event
    /// objects; a limit because the page digests one post in one task.
    #[wasm_bindgen(js_name = takeJson)]
    pub fn take_json(&mut self, max_events: usize) -> Result<String, JsValue> {
        match self.take(max_events) {
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
        match self.take(0) {
            None => Ok(JsValue::NULL.unchecked_into()),
            Some(st) => Ok(to_js(&st)?.unchecked_into()),
        }
    }

    /// Asks every M to return (takes the runtime lock briefly: call it
    /// from a worker, never from the page's main thread).
    pub fn stop(&self) {
        self.session.stop();
    }

    /// The run's schedule, once it exited: the bytes `Session.replayParallel`
    /// replays. Empty when the run outgrew `MAX_SCHEDULE_STEPS` (too long to
    /// replay). Takes the runtime lock: call it from a worker.
    #[wasm_bindgen(js_name = takeSchedule)]
    pub fn take_schedule(&self) -> Vec<u8> {
        self.session.take_schedule()
    }

    /// Delivers SIGINT now, as Ctrl-C would, and returns the virtual time
    /// (ns) it came at. Takes the runtime lock: call it from a worker.
    pub fn interrupt(&self) -> f64 {
        self.session.interrupt() as f64
    }
}

impl ParallelRun {
    fn create(source: &str, cfg: SessionConfig) -> Result<ParallelRun, Error> {
        let session = ParallelSession::new(source, &cfg, true).map_err(Error::Compile)?;
        // No M runs yet: these locks are free.
        session.parallel().cap_schedule(MAX_SCHEDULE_STEPS);
        let wanted_ms = session.parallel().wanted_ms();
        Ok(ParallelRun { session, pending: None, wanted_ms, exited: false, waiting: false })
    }

    /// The pending status, handed out once, or its first `max_events`
    /// events (0: all) with the output; None when nothing is new.
    fn take(&mut self, max_events: usize) -> Option<ParallelStatus> {
        let p = self.pending.as_mut()?;
        if max_events > 0 && p.status.events.len() > max_events {
            let rest = p.status.events.split_off(max_events);
            let events = std::mem::replace(&mut p.status.events, rest);
            let (stdout, stderr) = (std::mem::take(&mut p.status.stdout), std::mem::take(&mut p.status.stderr));
            // The exit and the report go with the last events.
            let status = RunStatus { stdout, stderr, events, exit: None, steps: p.status.steps, now: p.status.now, dropped_events: p.status.dropped_events };
            return Some(ParallelStatus { status, wanted_ms: p.wanted_ms, report: None, waiting: false });
        }
        let p = self.pending.take()?;
        let was = std::mem::replace(&mut self.waiting, p.waiting);
        Some(p).filter(|p| p.waiting != was || p.status.exit.is_some() || !p.status.stdout.is_empty() || !p.status.stderr.is_empty() || !p.status.events.is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `src` as the page does, with threads for workers: a handle per
    /// P to `mstart`, `drain` every millisecond, `takeJson(max_events)`
    /// every tenth drain and after the exit. Returns the statuses, parsed
    /// back from their JSON.
    fn run_threads(src: &str, procs: u32, max_events: usize) -> Vec<serde_json::Value> {
        let cfg = SessionConfig { procs, ..SessionConfig::default() };
        drive(ParallelRun::create(src, cfg).expect("compiles"), max_events, |_| {}).0
    }

    /// `run_threads` over a run made by the caller; `on_drain` sees the run
    /// after each drain (to interrupt it). Returns the run too.
    fn drive(mut run: ParallelRun, max_events: usize, mut on_drain: impl FnMut(&ParallelRun)) -> (Vec<serde_json::Value>, ParallelRun) {
        let procs = run.wanted_ms() as u32;
        run.note_started(procs as usize);
        let ms: Vec<_> = (0..procs as usize).map(|p| (run.handle(), p)).map(|(h, p)| std::thread::spawn(move || mstart(h, p))).collect();
        let mut out = Vec::new();
        let t0 = std::time::Instant::now();
        for i in 0.. {
            assert!(t0.elapsed().as_secs() < 60, "the run did not end: {out:?}");
            std::thread::sleep(std::time::Duration::from_millis(1));
            if !run.drain() {
                continue;
            }
            on_drain(&run);
            if i % 10 == 0 || run.exited() {
                let json = run.take_json(max_events).unwrap_or_default();
                if !json.is_empty() {
                    out.push(serde_json::from_str(&json).expect("valid JSON"));
                }
            }
            if run.exited && run.pending.is_none() {
                break;
            }
        }
        for m in ms {
            m.join().expect("an M panicked");
        }
        assert_eq!(Arc::strong_count(run.session.parallel()), 1, "every M dropped its handle");
        (out, run)
    }

    /// The parallel run's schedule replayed by core's deterministic
    /// `Session`: its stdout and exit.
    fn replay(src: &str, schedule: &[u8]) -> (String, Option<i32>) {
        let mut s = chanscope_core::session::Session::replay_parallel(src, &SessionConfig::default(), schedule).map_err(|e| e.text).expect("replays");
        let mut out = String::new();
        // Bounded: a replay that stalls fails instead of hanging.
        for _ in 0..100_000 {
            if s.exit().is_some() {
                break;
            }
            out.push_str(&s.step(100_000).stdout);
        }
        (out, s.exit().map(|e| e.code))
    }

    fn text(sts: &[serde_json::Value], key: &str) -> String {
        sts.iter().map(|s| s[key].as_str().unwrap_or_default()).collect()
    }

    #[test]
    fn a_run_streams_output_events_and_the_exit() {
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n\tn := 0\n\tfor g := 0; g < 8; g++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor i := 0; i < 20000; i++ {\n\t\t\t\tmu.Lock()\n\t\t\t\tn++\n\t\t\t\tmu.Unlock()\n\t\t\t}\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(\"n =\", n, \"日本\")\n}\n";
        let sts = run_threads(src, 3, 5000);
        assert_eq!(text(&sts, "stdout"), "n = 160000 日本\n");
        let last = sts.last().expect("a status");
        assert_eq!(last["exit"], serde_json::json!({"code": 0, "kind": "normal"}));
        assert!(last["report"].is_null());
        assert_eq!(last["wantedMs"], 3);
        assert!(last["steps"].as_u64().unwrap_or(0) > 160000);
        // Every status but the last is without an exit, none has more than
        // the 5000 events asked for, and the events keep their order.
        assert!(sts[..sts.len() - 1].iter().all(|s| s["exit"].is_null() && s["report"].is_null()));
        assert!(sts.iter().all(|s| s["events"].as_array().map_or(0, |e| e.len()) <= 5000));
        let seqs: Vec<u64> = sts.iter().flat_map(|s| s["events"].as_array().cloned().unwrap_or_default()).filter_map(|e| e["seq"].as_u64()).collect();
        assert!(seqs.len() > 8 && seqs.windows(2).all(|w| w[0] < w[1]), "{} events", seqs.len());
        let creates = sts.iter().flat_map(|s| s["events"].as_array().cloned().unwrap_or_default()).filter(|e| e["kind"] == "go_create").count();
        assert_eq!(creates, 8);
    }

    #[test]
    fn a_deadlock_comes_with_its_report() {
        let src = "package main\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n\t<-ch\n\tch <- 2\n}\n";
        let sts = run_threads(src, 2, 3);
        let last = sts.last().expect("a status");
        assert_eq!(last["exit"], serde_json::json!({"code": 2, "kind": "deadlock"}));
        assert_eq!(last["report"]["kind"], "deadlock");
        let report = last["report"]["text"].as_str().unwrap_or_default();
        assert!(report.starts_with("fatal error: all goroutines are asleep - deadlock!"), "{report}");
        assert_eq!(text(&sts, "stderr"), report);
        // The goroutines left, as the deterministic report lists them.
        let gs = last["report"]["goroutines"].as_array().cloned().unwrap_or_default();
        assert!(gs.iter().any(|g| g["waitReason"] == "chan send" && g["line"] == 7), "{gs:?}");
        // At most 3 events a take: the exit and the report come with the last.
        assert!(sts.len() > 2 && sts.iter().all(|s| s["events"].as_array().map_or(0, |e| e.len()) <= 3));
        assert!(sts[..sts.len() - 1].iter().all(|s| s["exit"].is_null() && s["report"].is_null()));
        let kinds: Vec<_> = sts.iter().flat_map(|s| s["events"].as_array().cloned().unwrap_or_default()).map(|e| e["kind"].clone()).collect();
        assert!(kinds.ends_with(&[serde_json::json!("deadlock"), serde_json::json!("exit")]), "{kinds:?}");
    }

    /// Producers race on one channel at procs 3; the order of what main
    /// receives (printed) depends on the run's interleaving.
    const RACE: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tc := make(chan int, 2)\n\tvar wg sync.WaitGroup\n\tfor g := 0; g < 4; g++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor i := 0; i < 300; i++ {\n\t\t\t\tx := 0\n\t\t\t\tfor j := 0; j < i*50; j++ {\n\t\t\t\t\tx += j\n\t\t\t\t}\n\t\t\t\tc <- g*1000 + x%7\n\t\t\t}\n\t\t}()\n\t}\n\tgo func() { wg.Wait(); close(c) }()\n\th := 0\n\tfor v := range c {\n\t\th = h*31 + v\n\t\th %= 1000000007\n\t}\n\tfmt.Println(h)\n}\n";

    #[test]
    fn take_schedule_replays_with_the_same_output() {
        for _ in 0..3 {
            let cfg = SessionConfig { procs: 3, ..SessionConfig::default() };
            let (sts, run) = drive(ParallelRun::create(RACE, cfg).expect("compiles"), 0, |_| {});
            let out = text(&sts, "stdout");
            assert!(!out.is_empty());
            let schedule = run.take_schedule();
            assert!(schedule.starts_with(b"CSPS1") && schedule.len() > 100, "{} bytes", schedule.len());
            assert_eq!(replay(RACE, &schedule), (out, Some(0)));
        }
    }

    #[test]
    fn a_schedule_past_the_cap_is_not_handed_out() {
        let cfg = SessionConfig { procs: 2, ..SessionConfig::default() };
        let run = ParallelRun::create(RACE, cfg).expect("compiles");
        run.session.parallel().cap_schedule(50);
        let (sts, run) = drive(run, 0, |_| {});
        assert_eq!(sts.last().map(|s| s["exit"]["code"].clone()), Some(serde_json::json!(0)));
        assert!(run.take_schedule().is_empty());
    }

    #[test]
    fn interrupt_wakes_a_notify_context_program_and_the_replay_agrees() {
        let src = include_str!("../../examples/graceful-shutdown.go");
        let cfg = SessionConfig { procs: 2, ..SessionConfig::default() };
        let mut sent = false;
        let mut waited = false;
        let (sts, run) = drive(ParallelRun::create(src, cfg).expect("compiles"), 0, |run| {
            // Once every goroutine waits for the signal (as the page shows it).
            let waiting = run.pending.as_ref().is_some_and(|p| p.waiting);
            waited |= waiting;
            if waiting && !sent {
                sent = true;
                assert!(run.interrupt() > 0.0);
            }
        });
        assert!(sent && waited);
        let out = text(&sts, "stdout");
        assert_eq!(out, "6 jobs done, sum of squares 91\nserving until interrupted (press Interrupt, or Ctrl-C)\nshutting down: interrupt signal received\nall workers stopped, exiting cleanly\n");
        assert_eq!(sts.last().map(|s| s["exit"]["code"].clone()), Some(serde_json::json!(0)));
        assert_eq!(replay(src, &run.take_schedule()), (out, Some(0)));
    }

    #[test]
    fn a_deadlock_is_reported_with_interactive_signals_too() {
        let sts = run_threads("package main\n\nfunc main() {\n\tselect {}\n}\n", 2, 0);
        assert_eq!(sts.last().map(|s| s["exit"]["kind"].clone()), Some(serde_json::json!("deadlock")));
    }

    #[test]
    fn an_interrupt_before_the_ms_start_kills_an_unhandling_program() {
        let src = "package main\n\nimport \"time\"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}\n";
        let run = ParallelRun::create(src, SessionConfig { procs: 2, ..SessionConfig::default() }).expect("compiles");
        run.interrupt();
        let (sts, _) = drive(run, 0, |_| {});
        assert_eq!(sts.last().map(|s| s["exit"]["code"].clone()), Some(serde_json::json!(130)));
        assert_eq!(text(&sts, "stderr"), "signal: interrupt\n");
    }

    #[test]
    fn compile_errors_carry_diagnostics() {
        match ParallelRun::create("package main\n\nfunc main() { x }\n", SessionConfig::default()) {
            Err(Error::Compile(e)) => assert_eq!(e.diagnostics.first().map(|d| (d.line, d.col)), Some((3, 15))),
            Err(e) => panic!("{e:?}"),
            Ok(_) => panic!("compiled"),
        }
    }
}
