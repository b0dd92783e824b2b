//! A run as the playground page drives it: compile a source, run it in
//! slices (so a host can stay responsive and stop it between slices), hand
//! out what happened since the previous slice (output, events, the exit),
//! and describe the scheduler's state at any moment (`snapshot`).
//!
//! Everything here is plain serde data, so the wasm layer only converts it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostics;
use crate::runtime::machine::{Config, ExitKind, Machine, Preempt};
use crate::runtime::sched::{GIdx, GStatus, Sched, WaitReason};
use crate::runtime::traceback::current_line;
use crate::trace::Event;

/// A machine for `src` under the page's settings, for drivers other than
/// `Session` (the parallel driver's host in a browser).
pub fn machine_for(src: &str, cfg: &SessionConfig) -> Result<Machine, CompileError> {
    let prog = compile_for_session(src)?;
    Ok(Machine::new(Arc::new(prog), cfg.machine_config()))
}

/// The bytes of a recorded parallel schedule of `src` run with `cfg`, for
/// `Session::replay_parallel` (and `chanscope run --replay-schedule`).
pub fn encode_parallel_schedule(src: &str, cfg: &SessionConfig, steps: Vec<crate::runtime::parallel::Step>) -> Vec<u8> {
    let mc = cfg.machine_config();
    crate::runtime::schedlog::encode(&crate::runtime::schedlog::Schedule {
        procs: mc.procs as u64,
        seed: mc.seed,
        source_hash: crate::runtime::schedlog::source_hash(src.as_bytes()),
        steps,
    })
}

/// The settings a page exposes. Missing fields take `Default`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SessionConfig {
    /// GOMAXPROCS, clamped to 1..=256.
    pub procs: u32,
    pub seed: u64,
    pub preempt: PreemptMode,
    /// Instructions before the run stops with `limit` (0: no limit).
    pub max_steps: u64,
    /// Bytes of stdout+stderr before the run stops with `limit`.
    pub max_output: u64,
    /// Record events (`RunStatus::events`).
    pub trace: bool,
    /// Events kept for the whole run; later ones are only counted.
    pub trace_limit: u64,
    /// Virtual times (milliseconds) at which SIGINT is delivered, as
    /// `chanscope run --signal` does.
    pub signals: Vec<f64>,
    /// A program waiting for a signal idles until `interrupt` (a page);
    /// when false it stops as the CLI does (headless embedders).
    pub interactive_signals: bool,
}

impl Default for SessionConfig {
    fn default() -> SessionConfig {
        SessionConfig {
            procs: 4,
            seed: 1,
            preempt: PreemptMode::Async,
            max_steps: 2_000_000_000,
            max_output: 1 << 20,
            trace: true,
            trace_limit: 1_000_000,
            signals: Vec::new(),
            interactive_signals: true,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PreemptMode {
    Async,
    Cooperative,
}

impl SessionConfig {
    fn machine_config(&self) -> Config {
        Config {
            procs: self.procs.clamp(1, 256) as usize,
            seed: self.seed,
            max_steps: self.max_steps,
            max_output: usize::try_from(self.max_output).unwrap_or(usize::MAX),
            preempt: match self.preempt {
                PreemptMode::Async => Preempt::Async,
                PreemptMode::Cooperative => Preempt::Cooperative,
            },
            trace: self.trace,
            trace_limit: usize::try_from(self.trace_limit).unwrap_or(usize::MAX),
            interactive_signals: self.interactive_signals,
            signals: self
                .signals
                .iter()
                .filter(|ms| ms.is_finite() && **ms >= 0.0)
                .map(|ms| ((ms * 1e6).min(i64::MAX as f64) as i64, 2))
                .collect(),
            ..Config::default()
        }
    }
}

/// One compile error. `col` counts UTF-8 bytes (as Go prints it);
/// `col_utf16` counts UTF-16 units, as JavaScript strings and editors do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticInfo {
    pub line: u32,
    pub col: u32,
    pub col_utf16: u32,
    pub message: String,
    /// `prog.go:3:5: undefined: x`.
    pub text: String,
}

/// Compile errors, sorted by position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CompileError {
    pub diagnostics: Vec<DiagnosticInfo>,
    /// All of them as `go build` prints them.
    pub text: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text.trim_end())
    }
}

impl std::error::Error for CompileError {}

/// 1-based UTF-16 column of the 1-based UTF-8 byte column `col` on line
/// `line` of `src`. A column inside a character or past the end of the line
/// is clamped to that character / the end.
pub fn utf16_col(src: &str, line: u32, col: u32) -> u32 {
    let Some(text) = src.split('\n').nth(line.saturating_sub(1) as usize) else {
        return col.max(1);
    };
    let byte = (col.max(1) - 1) as usize;
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if i >= byte {
            break;
        }
        units += c.len_utf16() as u32;
    }
    units + 1
}

fn diagnostics_info(src: &[u8], file: &str, d: &Diagnostics) -> Vec<DiagnosticInfo> {
    let text = String::from_utf8_lossy(src);
    d.0.iter()
        .map(|d| DiagnosticInfo {
            line: d.pos.line,
            col: d.pos.col,
            col_utf16: utf16_col(&text, d.pos.line, d.pos.col),
            message: d.message.clone(),
            text: d.render(file),
        })
        .collect()
}

/// Compiles only: the diagnostics for an editor's lint pass (empty when the
/// source compiles).
pub fn check(src: &str, file: &str) -> Vec<DiagnosticInfo> {
    match crate::compile_source(src.as_bytes(), file) {
        Ok(_) => Vec::new(),
        Err(d) => diagnostics_info(src.as_bytes(), file, &d),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExitKindName {
    Normal,
    Panic,
    Deadlock,
    Fatal,
    Limit,
}

impl From<ExitKind> for ExitKindName {
    fn from(k: ExitKind) -> Self {
        match k {
            ExitKind::Normal => ExitKindName::Normal,
            ExitKind::Panic => ExitKindName::Panic,
            ExitKind::Deadlock => ExitKindName::Deadlock,
            ExitKind::Fatal => ExitKindName::Fatal,
            ExitKind::Limit => ExitKindName::Limit,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExitInfo {
    pub code: i32,
    pub kind: ExitKindName,
}

/// What one `step` did.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunStatus {
    /// Output written since the previous step.
    pub stdout: String,
    pub stderr: String,
    /// Events recorded since the previous step.
    pub events: Vec<Event>,
    /// Set once the program has ended (then every later step is empty).
    pub exit: Option<ExitInfo>,
    /// Instructions executed so far.
    pub steps: u64,
    /// Virtual time, nanoseconds.
    pub now: i64,
    /// Events not recorded because of `trace_limit`, so far.
    pub dropped_events: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedBy {
    pub func: String,
    pub line: u32,
    pub parent: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoroutineInfo {
    pub id: u64,
    /// Go's state words: `running`, `runnable`, `waiting`, `dead`.
    pub status: &'static str,
    /// Go's wait reason (`chan receive`, `sync.Mutex.Lock`...), empty unless waiting.
    pub wait_reason: &'static str,
    /// The channel or lock it waits on.
    pub blocked_on: Option<u32>,
    /// Virtual time at which it parked (when waiting).
    pub parked_at: Option<i64>,
    /// The source line it is at (0: not started yet / unknown).
    pub line: u32,
    /// Name of the function it is in.
    pub func: String,
    pub created_by: Option<CreatedBy>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcInfo {
    pub id: u32,
    /// The goroutine it runs.
    pub curg: Option<u64>,
    pub runnext: Option<u64>,
    /// The local run queue, head first.
    pub runq: Vec<u64>,
}

/// The scheduler's state at one moment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    /// Live goroutines by id.
    pub goroutines: Vec<GoroutineInfo>,
    pub procs: Vec<ProcInfo>,
    /// The global run queue, head first.
    pub global_runq: Vec<u64>,
    pub now: i64,
    pub steps: u64,
    pub exit: Option<ExitInfo>,
}

/// What the page shows after a panic, deadlock, fatal error or limit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub kind: ExitKindName,
    pub code: i32,
    /// The Go-format text (`fatal error: all goroutines are asleep - deadlock!` and the dump).
    pub text: String,
    /// The goroutines left when it ended (blocked ones carry their wait reason and line).
    pub goroutines: Vec<GoroutineInfo>,
}

/// A compiled program and its run.
pub struct Session {
    machine: Machine,
    out: Output,
}

/// What a host has been handed of a run's output so far.
#[derive(Default)]
pub(crate) struct Output {
    /// A trailing incomplete UTF-8 sequence of stdout, kept for the next chunk.
    stdout_tail: Vec<u8>,
    /// All stderr so far (for the report).
    stderr_all: String,
}

impl Output {
    /// Output, events and the exit since the previous call.
    pub(crate) fn drain(&mut self, m: &mut Machine) -> RunStatus {
        let mut out = std::mem::take(&mut self.stdout_tail);
        out.append(&mut m.stdout);
        let stdout = match std::str::from_utf8(&out) {
            Ok(s) => s.to_string(),
            // Hold back a sequence cut at the end of the chunk, unless the run is over.
            Err(e) if e.error_len().is_none() && m.exit.is_none() => {
                self.stdout_tail = out.split_off(e.valid_up_to());
                String::from_utf8_lossy(&out).into_owned()
            }
            Err(_) => String::from_utf8_lossy(&out).into_owned(),
        };
        let stderr = String::from_utf8_lossy(&std::mem::take(&mut m.stderr)).into_owned();
        self.stderr_all.push_str(&stderr);
        // Hand the events over; the recorder's cap is for the whole run.
        let events = m.trace.take_events();
        m.trace.limit = m.trace.limit.saturating_sub(events.len());
        RunStatus { stdout, stderr, events, exit: exit_of(m), steps: m.steps, now: m.now, dropped_events: m.trace.dropped }
    }

    /// The crash report once the run ended badly (`None` while running or
    /// after a normal exit).
    pub(crate) fn report(&self, m: &Machine) -> Option<Report> {
        let e = m.exit.as_ref()?;
        if e.kind == ExitKind::Normal {
            return None;
        }
        Some(Report { kind: e.kind.into(), code: e.code, text: self.stderr_all.clone(), goroutines: goroutines_of(m) })
    }
}

fn exit_of(m: &Machine) -> Option<ExitInfo> {
    m.exit.as_ref().map(|e| ExitInfo { code: e.code, kind: e.kind.into() })
}

fn goroutine_of(m: &Machine, gi: GIdx) -> Option<GoroutineInfo> {
    let prog = &m.prog;
    let g = m.sched.g(gi)?;
    let waiting = g.status == GStatus::Waiting;
    let func = g.frames.last().and_then(|f| prog.funcs.get(f.func as usize)).map(|f| f.name.clone()).unwrap_or_default();
    Some(GoroutineInfo {
        id: g.id,
        status: match g.status {
            GStatus::Running => "running",
            GStatus::Runnable => "runnable",
            GStatus::Waiting => "waiting",
            GStatus::Dead => "dead",
        },
        wait_reason: if waiting { g.wait.as_str() } else { WaitReason::None.as_str() },
        blocked_on: if waiting { g.blocked_on } else { None },
        parked_at: waiting.then_some(g.parked_at),
        line: current_line(prog, g),
        func,
        created_by: g.created_by.map(|(f, line, parent)| CreatedBy {
            func: prog.funcs.get(f as usize).map(|f| f.name.clone()).unwrap_or_default(),
            line,
            parent,
        }),
    })
}

/// Every goroutine, by id. Under the parallel driver a goroutine running
/// without the runtime lock is not in the table and not listed.
pub(crate) fn goroutines_of(m: &Machine) -> Vec<GoroutineInfo> {
    let sched: &Sched = &m.sched;
    let mut gs: Vec<GoroutineInfo> = (0..sched.gs.len() as GIdx).filter_map(|i| goroutine_of(m, i)).collect();
    gs.sort_by_key(|g| g.id);
    gs
}

/// The scheduler's state now.
pub(crate) fn snapshot_of(m: &Machine) -> Snapshot {
    let sched = &m.sched;
    let id = |gi: GIdx| sched.g(gi).map(|g| g.id);
    Snapshot {
        goroutines: goroutines_of(m),
        procs: sched
            .ps
            .iter()
            .map(|p| ProcInfo {
                id: p.id,
                curg: p.curg.and_then(id),
                runnext: p.runnext.and_then(id),
                runq: p.runq.iter().filter_map(|&g| id(g)).collect(),
            })
            .collect(),
        global_runq: sched.global.iter().filter_map(|&g| id(g)).collect(),
        now: m.now,
        steps: m.steps,
        exit: exit_of(m),
    }
}

impl Session {
    pub const FILE: &'static str = "prog.go";

    /// Compiles `src`; errors come with both column kinds.
    pub fn new(src: &str, cfg: &SessionConfig) -> Result<Session, CompileError> {
        let prog = crate::compile_source(src.as_bytes(), Self::FILE).map_err(|d| CompileError {
            diagnostics: diagnostics_info(src.as_bytes(), Self::FILE, &d),
            text: d.render(Self::FILE),
        })?;
        Ok(Session { machine: Machine::new(Arc::new(prog), cfg.machine_config()), out: Output::default() })
    }

    pub fn exit(&self) -> Option<ExitInfo> {
        exit_of(&self.machine)
    }

    /// Runs about `budget` instructions (0: to the end; the machine may
    /// overshoot by one scheduling quantum) and returns what happened since
    /// the previous call. Where a host pauses does not change the run: the
    /// machine never cuts a quantum short for a budget.
    pub fn step(&mut self, budget: u64) -> RunStatus {
        self.machine.run(budget);
        self.out.drain(&mut self.machine)
    }

    /// Stops the run as a limit would (`chanscope: stopped`), e.g. when a
    /// person presses Stop between slices.
    pub fn stop(&mut self, why: &str) {
        self.machine.limit(why);
    }

    /// Delivers SIGINT now (virtual time), as Ctrl-C would: to the channels
    /// registered with `signal.Notify`, else the program dies of it.
    pub fn interrupt(&mut self) {
        let now = self.machine.now;
        self.machine.signals.push(now, crate::runtime::signal::SIGINT);
        self.machine.deliver_due_signals();
    }

    /// The scheduler's state now.
    pub fn snapshot(&self) -> Snapshot {
        snapshot_of(&self.machine)
    }

    /// The crash report once the run ended badly (`None` while running or
    /// after a normal exit).
    pub fn report(&self) -> Option<Report> {
        self.out.report(&self.machine)
    }
}

// ---- "Find bugs": schedule exploration and replay (core/src/analysis).

/// Progress of a `CheckSession` after a slice.
#[derive(Clone, Debug, Serialize)]
pub struct CheckProgress {
    pub schedules: u64,
    /// The schedule budget.
    pub budget: u64,
    pub done: bool,
    pub exhaustive: bool,
    pub findings: Vec<crate::analysis::Finding>,
}

/// Explores schedules of a program in slices (`step`), so a worker can
/// report progress and a page can stop it between slices.
pub struct CheckSession {
    checker: crate::analysis::check::Checker,
    budget: u64,
}

impl CheckSession {
    pub fn new(src: &str, cfg: &SessionConfig, schedules: u64) -> Result<CheckSession, CompileError> {
        let prog = compile_for_session(src)?;
        let c = crate::analysis::check::CheckConfig { procs: cfg.procs as usize, seed: cfg.seed, schedules, ..Default::default() };
        Ok(CheckSession { checker: crate::analysis::check::Checker::new(Arc::new(prog), c), budget: schedules })
    }

    /// Runs up to `n` more schedules.
    pub fn step(&mut self, n: u64) -> CheckProgress {
        self.checker.step(n);
        let r = self.checker.report();
        CheckProgress { schedules: r.schedules, budget: self.budget, done: self.checker.done(), exhaustive: r.exhaustive, findings: r.findings }
    }
}

fn compile_for_session(src: &str) -> Result<crate::vm::program::Program, CompileError> {
    crate::compile_source(src.as_bytes(), Session::FILE)
        .map_err(|d| CompileError { diagnostics: diagnostics_info(src.as_bytes(), Session::FILE, &d), text: d.render(Session::FILE) })
}

impl Session {
    /// A session replaying a finding's schedule (its token sets procs and
    /// seed); it runs and steps like any other. A bad token is reported
    /// as an error without diagnostics.
    pub fn replay(src: &str, cfg: &SessionConfig, token: &str) -> Result<Session, CompileError> {
        let s = crate::analysis::replay::decode(token).map_err(|e| CompileError { diagnostics: Vec::new(), text: e })?;
        let prog = compile_for_session(src)?;
        let base = crate::analysis::check::machine_config(s.procs, s.seed);
        let mc = Config { max_steps: base.max_steps, ..cfg.machine_config() };
        let machine = crate::analysis::check::replay_machine(Arc::new(prog), mc, &s);
        Ok(Session { machine, out: Output::default() })
    }

    /// A session replaying a recorded parallel run (`schedule`: the bytes
    /// `encode_parallel_schedule` made, which set procs and seed): the same
    /// output and events as the parallel run, on one thread, stepping and
    /// pausing like any session. A schedule of another program or a damaged
    /// one is an error without diagnostics.
    pub fn replay_parallel(src: &str, cfg: &SessionConfig, schedule: &[u8]) -> Result<Session, CompileError> {
        let no_fit = |text: String| CompileError { diagnostics: Vec::new(), text };
        let s = crate::runtime::schedlog::decode(schedule).map_err(no_fit)?;
        if s.source_hash != crate::runtime::schedlog::source_hash(src.as_bytes()) {
            return Err(no_fit("the schedule was recorded from another program".into()));
        }
        let prog = compile_for_session(src)?;
        let mc = Config { procs: s.procs.clamp(1, 256) as usize, seed: s.seed, ..cfg.machine_config() };
        let mut machine = Machine::new(Arc::new(prog), mc);
        crate::runtime::parallel::install_replay(&mut machine, s.steps);
        Ok(Session { machine, out: Output::default() })
    }

    /// What the run found so far (a replay's finding once it exited).
    pub fn findings(&self) -> Vec<crate::analysis::Finding> {
        crate::analysis::findings::of_run(&self.machine)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::EventKind;

    fn run_all(src: &str, cfg: &SessionConfig, budget: u64) -> (String, String, Vec<Event>, ExitInfo, usize) {
        let mut s = Session::new(src, cfg).expect("compiles");
        let (mut out, mut err, mut evs, mut slices) = (String::new(), String::new(), Vec::new(), 0);
        loop {
            let st = s.step(budget);
            slices += 1;
            out.push_str(&st.stdout);
            err.push_str(&st.stderr);
            evs.extend(st.events);
            if let Some(e) = st.exit {
                return (out, err, evs, e, slices);
            }
            assert!(slices < 100_000, "runaway");
        }
    }

    const PINGS: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() {\n\t\tfor i := 0; i < 3; i++ {\n\t\t\tch <- i\n\t\t}\n\t\tclose(ch)\n\t}()\n\tfor v := range ch {\n\t\tfmt.Println(\"got\", v)\n\t}\n}\n";

    #[test]
    fn sliced_run_equals_whole_run() {
        let cfg = SessionConfig { procs: 2, seed: 7, ..Default::default() };
        let (out1, _, ev1, exit1, n1) = run_all(PINGS, &cfg, 0);
        let (out2, _, ev2, exit2, n2) = run_all(PINGS, &cfg, 3);
        assert_eq!(out1, "got 0\ngot 1\ngot 2\n");
        assert_eq!(out1, out2);
        assert_eq!(ev1, ev2, "slicing must not change the run");
        assert_eq!(exit1, ExitInfo { code: 0, kind: ExitKindName::Normal });
        assert_eq!(exit1, exit2);
        assert_eq!(n1, 1, "a short program ends within the first call");
        assert!(n2 > 1, "budget 3 pauses the run several times");
        // The same run as the CLI's loop of 4M-instruction chunks.
        let prog = crate::compile_source(PINGS.as_bytes(), "prog.go").unwrap();
        let mut m = Machine::new(Arc::new(prog), cfg.machine_config());
        while m.run(4_000_000).is_none() {}
        assert_eq!(m.trace.events, ev1);
        // Sequence numbers are contiguous across slices.
        for (i, e) in ev2.iter().enumerate() {
            assert_eq!(e.seq, i as u64 + 1);
        }
        // Each value is one event: a send into a waiting receiver, or a receive from a waiting sender.
        let msgs = ev2.iter().filter(|e| matches!(e.kind, EventKind::ChanSend { .. } | EventKind::ChanRecv { closed: false, .. })).count();
        assert_eq!(msgs, 3);
        assert!(matches!(ev2.last().unwrap().kind, EventKind::Exit { code: 0 }));
    }

    #[test]
    fn long_runs_pause_at_slice_boundaries() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan int)\n\tfor k := 0; k < 3; k++ {\n\t\tgo func() {\n\t\t\tn := 0\n\t\t\tfor i := 0; i < 1500000; i++ {\n\t\t\t\tn += i\n\t\t\t}\n\t\t\tdone <- n\n\t\t}()\n\t}\n\tfmt.Println(<-done + <-done + <-done)\n}\n";
        let cfg = SessionConfig { procs: 3, seed: 3, ..Default::default() };
        let mut s = Session::new(src, &cfg).unwrap();
        let first = s.step(1);
        assert!(first.exit.is_none());
        assert!(first.steps >= 1 && first.steps <= 20_000, "pauses after one quantum, took {}", first.steps);
        let mut evs = first.events;
        let mut out = first.stdout;
        let mut slices = 1;
        loop {
            let st = s.step(1);
            slices += 1;
            out.push_str(&st.stdout);
            evs.extend(st.events);
            if st.exit.is_some() {
                break;
            }
        }
        assert!(slices >= 3, "{} slices", slices);
        assert_eq!(out, "3374997750000\n");
        let (out2, _, evs2, _, n) = run_all(src, &cfg, 0);
        assert_eq!(n, 1);
        assert_eq!(out2, out);
        assert_eq!(evs2, evs, "pauses do not change the run");
    }

    #[test]
    fn after_exit_steps_are_empty() {
        let mut s = Session::new(PINGS, &SessionConfig::default()).unwrap();
        let st = s.step(0);
        assert!(st.exit.is_some());
        let again = s.step(1000);
        assert_eq!(again.stdout, "");
        assert!(again.events.is_empty());
        assert_eq!(again.exit, st.exit);
        assert_eq!(s.report(), None);
    }

    #[test]
    fn compile_errors_carry_utf16_columns() {
        // "é" is 2 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 units.
        let src = "package main\n\nfunc main() {\n\ts := \"é😀\"; _ = s; undefinedName()\n}\n";
        let err = Session::new(src, &SessionConfig::default()).err().expect("fails");
        assert_eq!(err.diagnostics.len(), 1);
        let d = &err.diagnostics[0];
        assert_eq!(d.line, 4);
        assert!(d.message.contains("undefined: undefinedName"), "{}", d.message);
        let line = src.lines().nth(3).unwrap();
        let byte = line.find("undefinedName").unwrap() as u32 + 1;
        let units = line[..line.find("undefinedName").unwrap()].encode_utf16().count() as u32 + 1;
        assert_eq!(d.col, byte);
        assert_eq!(d.col_utf16, units);
        assert_eq!(byte - units, 1 + 2, "é saves 1 unit, 😀 saves 2");
        assert_eq!(d.text, format!("prog.go:4:{}: {}", byte, d.message));
        assert_eq!(err.text, format!("{}\n", d.text));
        assert_eq!(check(src, "prog.go"), err.diagnostics);
        assert!(check(PINGS, "prog.go").is_empty());
    }

    #[test]
    fn utf16_col_edges() {
        assert_eq!(utf16_col("abc", 1, 1), 1);
        assert_eq!(utf16_col("a\n€x", 2, 4), 2); // after the 3-byte euro sign
        assert_eq!(utf16_col("a\n€x", 2, 2), 2); // inside it: clamped past it
        assert_eq!(utf16_col("ab", 1, 10), 3); // past the end
        assert_eq!(utf16_col("ab", 5, 3), 3); // no such line: as given
    }

    #[test]
    fn deadlock_report_and_snapshot() {
        let src = "package main\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() {\n\t\tch <- 1\n\t\tch <- 2\n\t}()\n\t<-ch\n\tvar mu chan bool\n\t<-mu\n}\n";
        let cfg = SessionConfig { procs: 1, ..Default::default() };
        let mut s = Session::new(src, &cfg).unwrap();
        let st = s.step(0);
        assert_eq!(st.exit, Some(ExitInfo { code: 2, kind: ExitKindName::Deadlock }));
        assert!(st.stderr.starts_with("fatal error: all goroutines are asleep - deadlock!"));
        let r = s.report().expect("report");
        assert_eq!(r.kind, ExitKindName::Deadlock);
        assert_eq!(r.text, st.stderr);
        let ids: Vec<(u64, &str, u32)> = r.goroutines.iter().map(|g| (g.id, g.wait_reason, g.line)).collect();
        assert_eq!(ids, vec![(1, "chan receive (nil chan)", 11), (7, "chan send", 7)]);
        let g7 = &r.goroutines[1];
        assert_eq!(g7.status, "waiting");
        assert_eq!(g7.created_by.as_ref().map(|c| (c.line, c.parent)), Some((5, 1)));
        assert!(g7.blocked_on.is_some());
        let snap = s.snapshot();
        assert_eq!(snap.goroutines, r.goroutines);
        assert_eq!(snap.procs.len(), 1);
        assert!(snap.procs[0].curg.is_none() && snap.procs[0].runq.is_empty());
    }

    #[test]
    fn snapshot_mid_run() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan bool)\n\tfor i := 0; i < 5; i++ {\n\t\tgo func() { done <- true }()\n\t}\n\tn := 0\n\tfor j := 0; j < 3000000; j++ {\n\t\tn += j\n\t}\n\tfor i := 0; i < 5; i++ {\n\t\t<-done\n\t}\n\tfmt.Println(\"ok\", n > 0)\n}\n";
        let cfg = SessionConfig { procs: 1, ..Default::default() };
        let mut s = Session::new(src, &cfg).unwrap();
        // main is queued on P0 before anything runs.
        let snap = s.snapshot();
        assert_eq!(snap.procs[0].runq, vec![1]);
        assert_eq!(snap.goroutines.len(), 1);
        assert_eq!((snap.goroutines[0].id, snap.goroutines[0].status), (1, "runnable"));
        // A few time slices later main still loops (preempted now and then);
        // the five senders ran and are parked.
        let st = s.step(200_000);
        assert!(st.exit.is_none(), "main still loops after one slice");
        let snap = s.snapshot();
        assert!(snap.steps >= 1, "ran one quantum");
        let ids: Vec<u64> = snap.goroutines.iter().map(|g| g.id).collect();
        assert_eq!(ids, vec![1, 7, 8, 9, 10, 11]);
        for g in &snap.goroutines[1..] {
            assert_eq!((g.status, g.wait_reason, g.line), ("waiting", "chan send", 8), "{:?}", g);
            assert_eq!(g.func, "main.main.func1");
            assert_eq!(g.created_by.as_ref().map(|c| (c.func.as_str(), c.line, c.parent)), Some(("main.main", 8, 1)));
        }
        let main = &snap.goroutines[0];
        assert!(main.line == 11 || main.line == 12, "main in its loop: {:?}", main);
        let p = &snap.procs[0];
        let queued = p.curg.into_iter().chain(p.runnext).chain(p.runq.iter().copied()).chain(snap.global_runq.iter().copied());
        assert_eq!(queued.collect::<Vec<_>>(), vec![1], "main is the only runnable goroutine");
        let st = s.step(0);
        assert_eq!(st.stdout, "ok true\n");
        assert_eq!(st.exit.unwrap().kind, ExitKindName::Normal);
    }

    #[test]
    fn limits_stop_and_panic() {
        let spin = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n";
        let cfg = SessionConfig { max_steps: 10_000, ..Default::default() };
        let (_, err, _, exit, _) = run_all(spin, &cfg, 1000);
        assert_eq!(exit.kind, ExitKindName::Limit);
        assert!(err.contains("step limit of 10000"), "{}", err);

        let mut s = Session::new(spin, &SessionConfig::default()).unwrap();
        assert!(s.step(5000).exit.is_none());
        s.stop("stopped");
        let st = s.step(5000);
        assert_eq!(st.exit, Some(ExitInfo { code: 2, kind: ExitKindName::Limit }));
        assert_eq!(st.stderr, "chanscope: stopped\n");

        let p = "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n";
        let (_, err, _, exit, _) = run_all(p, &SessionConfig::default(), 0);
        assert_eq!(exit, ExitInfo { code: 2, kind: ExitKindName::Panic });
        assert!(err.starts_with("panic: boom"), "{}", err);
    }

    #[test]
    fn trace_limit_holds_across_slices() {
        let cfg = SessionConfig { trace_limit: 5, ..Default::default() };
        let (_, _, evs, _, _) = run_all(PINGS, &cfg, 2);
        assert_eq!(evs.len(), 5);
        let cfg = SessionConfig { trace: false, ..Default::default() };
        let (out, _, evs, _, _) = run_all(PINGS, &cfg, 2);
        assert!(evs.is_empty());
        assert_eq!(out, "got 0\ngot 1\ngot 2\n");
    }

    #[test]
    fn config_from_json_defaults() {
        let c: SessionConfig = serde_json::from_str(r#"{"procs":2,"preempt":"cooperative"}"#).unwrap();
        assert_eq!(c.procs, 2);
        assert_eq!(c.preempt, PreemptMode::Cooperative);
        assert_eq!(c.seed, SessionConfig::default().seed);
        assert_eq!(c.machine_config().preempt, Preempt::Cooperative);
        let c = SessionConfig { procs: 0, ..Default::default() };
        assert_eq!(c.machine_config().procs, 1);
    }

    #[test]
    fn multibyte_output_is_not_split() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 20; i++ {\n\t\tfmt.Print(\"é😀\")\n\t}\n}\n";
        let (out, _, _, _, _) = run_all(src, &SessionConfig::default(), 1);
        assert_eq!(out, "é😀".repeat(20));
    }
}
