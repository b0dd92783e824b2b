//! A parallel run as a page drives it: one worker per P calls `mstart`,
//! and a poller that must never block reads output, events and the exit
//! (`poll`). The page's deterministic runs use `session::Session`; a
//! recorded parallel run replays there (`Session::replay_parallel`).

use std::sync::Arc;

use serde::Serialize;

use crate::runtime::parallel::Parallel;
use crate::session::{encode_parallel_schedule, machine_for, CompileError, Output, Report, RunStatus, SessionConfig};

pub struct ParallelSession {
    par: Arc<Parallel>,
    out: Output,
    /// The exit has been handed over: later polls are empty.
    done: bool,
    /// For the schedule's header: the program and the settings it ran with.
    src: String,
    cfg: SessionConfig,
}

/// What a poll saw since the previous one.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParallelStatus {
    #[serde(flatten)]
    pub status: RunStatus,
    /// Ps, hence Ms (workers), the run wants now: grows with GOMAXPROCS.
    pub wanted_ms: usize,
    /// Once the run ended badly: the report.
    pub report: Option<Report>,
    /// Every goroutine waits and only a signal (`interrupt`) can wake one.
    pub waiting: bool,
}

impl ParallelSession {
    /// Compiles `src`; with `record`, the run's schedule is kept for
    /// `take_schedule`.
    pub fn new(src: &str, cfg: &SessionConfig, record: bool) -> Result<ParallelSession, CompileError> {
        let m = machine_for(src, cfg)?;
        Ok(ParallelSession { par: Arc::new(Parallel::new(m, record)), out: Output::default(), done: false, src: src.to_string(), cfg: cfg.clone() })
    }

    /// The driver, for the Ms: each calls `mstart(p)` for its P, after the
    /// host called `note_started` with their number.
    pub fn parallel(&self) -> &Arc<Parallel> {
        &self.par
    }

    /// Output, events and the exit since the previous poll; `None` when an
    /// M holds the runtime lock right now (poll again later) or once the
    /// exit was handed over. Never blocks.
    pub fn poll(&mut self) -> Option<ParallelStatus> {
        if self.done {
            return None;
        }
        let out = &mut self.out;
        let st = self.par.try_with_machine(|m| {
            let status = out.drain(m);
            let report = out.report(m);
            ParallelStatus { status, wanted_ms: m.sched.ps.len(), report, waiting: m.signals.awaiting }
        })?;
        self.done = st.status.exit.is_some();
        Some(st)
    }

    /// The schedule so far, encoded for `Session::replay_parallel` (and
    /// `chanscope run --replay-schedule`); empty steps unless recording,
    /// and no bytes at all when recording stopped at its cap
    /// (`Parallel::cap_schedule`): an incomplete schedule cannot replay.
    /// Takes the runtime lock: call it once the run is over.
    pub fn take_schedule(&self) -> Vec<u8> {
        if self.par.schedule_overflowed() {
            return Vec::new();
        }
        encode_parallel_schedule(&self.src, &self.cfg, self.par.take_schedule())
    }

    /// Delivers SIGINT now, as Ctrl-C would, and returns the virtual time
    /// (ns) it came at (takes the runtime lock briefly: never from a thread
    /// that must not block).
    pub fn interrupt(&self) -> i64 {
        self.par.interrupt(crate::runtime::signal::SIGINT)
    }

    /// Asks every M to return (takes the runtime lock briefly).
    pub fn stop(&self) {
        self.par.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    #[test]
    fn polls_a_threaded_run_and_its_schedule_replays() {
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tc := make(chan int)\n\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor j := 0; j < 1000; j++ {\n\t\t\t\tc <- j\n\t\t\t}\n\t\t}()\n\t}\n\tgo func() { wg.Wait(); close(c) }()\n\tn := 0\n\tfor v := range c {\n\t\tn += v\n\t}\n\tfmt.Println(\"é\", n)\n}\n";
        let cfg = SessionConfig { procs: 3, ..SessionConfig::default() };
        let mut s = ParallelSession::new(src, &cfg, true).unwrap();
        let (out, events, status) = run_polled(&mut s, |_| panic!("no signal is awaited"));
        assert_eq!(out, "é 1998000\n");
        assert_eq!(status.status.exit.map(|e| e.code), Some(0));
        assert!(status.report.is_none());
        assert!(events.len() > 4000, "{}", events.len());
        assert!(s.poll().is_none());
        let mut r = Session::replay_parallel(src, &SessionConfig::default(), &s.take_schedule()).map_err(|e| e.text).unwrap();
        let mut replayed = String::new();
        while r.exit().is_none() {
            replayed.push_str(&r.step(1000).stdout);
        }
        assert_eq!(replayed, out);
    }

    #[test]
    fn polled_events_of_fast_channel_operations_come_in_the_replays_order() {
        // Two pairs on buffered channels: most operations run under the
        // channel's lock alone, and the host polls while they do.
        let src = "package main\n\nimport \"fmt\"\n\nfunc pair(n int, done chan int) {\n\tc := make(chan int, 32)\n\tgo func() {\n\t\tfor i := 0; i < n; i++ {\n\t\t\tc <- i\n\t\t}\n\t\tclose(c)\n\t}()\n\ts := 0\n\tfor v := range c {\n\t\ts += v\n\t}\n\tdone <- s\n}\n\nfunc main() {\n\tdone := make(chan int)\n\tgo pair(20000, done)\n\tgo pair(20000, done)\n\tfmt.Println(<-done + <-done)\n}\n";
        let cfg = SessionConfig { procs: 2, ..SessionConfig::default() };
        let mut s = ParallelSession::new(src, &cfg, true).unwrap();
        let (out, events, _) = run_polled(&mut s, |_| panic!("no signal is awaited"));
        assert_eq!(out, "399980000\n");
        assert!(events.iter().enumerate().all(|(i, e)| e.seq == i as u64 + 1), "events are numbered in order across polls");
        // Every value sent shows once: as a send, or (a sender that parked
        // on a full buffer) as the refill of the receive that woke it.
        let sent = events
            .iter()
            .filter(|e| match &e.kind {
                crate::trace::EventKind::ChanSend { .. } => true,
                crate::trace::EventKind::ChanRecv { refill, .. } => refill.is_some(),
                _ => false,
            })
            .count();
        assert_eq!(sent, 40002);
        let mut r = Session::replay_parallel(src, &SessionConfig::default(), &s.take_schedule()).map_err(|e| e.text).unwrap();
        let mut replayed = Vec::new();
        for _ in 0..100_000 {
            if r.exit().is_some() {
                break;
            }
            replayed.extend(r.step(10_000).events);
        }
        assert!(replayed == events, "the replay's events differ from the polled run's");
    }

    /// Runs `s` on threads, polling; calls `on_waiting` each time the run
    /// waits for a signal. Returns stdout, the events and the final status.
    fn run_polled(s: &mut ParallelSession, mut on_waiting: impl FnMut(&ParallelSession)) -> (String, Vec<crate::trace::Event>, ParallelStatus) {
        let procs = s.parallel().wanted_ms();
        s.parallel().note_started(procs);
        let mut out = String::new();
        let mut events = Vec::new();
        std::thread::scope(|sc| {
            for p in 0..procs {
                let par = s.parallel().clone();
                sc.spawn(move || par.mstart(p));
            }
            loop {
                if let Some(st) = s.poll() {
                    out.push_str(&st.status.stdout);
                    events.extend(st.status.events.iter().cloned());
                    if st.status.exit.is_some() {
                        break (out, events, st);
                    }
                    if st.waiting {
                        on_waiting(s);
                    }
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        })
    }

    #[test]
    fn interrupt_wakes_a_run_waiting_for_a_signal_and_replays() {
        // Workers finish, then main waits for Ctrl-C (twice: the second
        // signal comes while the first's handler runs or after it).
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"os/signal\"\n\t\"sync\"\n)\n\nfunc main() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, os.Interrupt)\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n\tn := 0\n\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor j := 0; j < 500; j++ {\n\t\t\t\tmu.Lock()\n\t\t\t\tn++\n\t\t\t\tmu.Unlock()\n\t\t\t}\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(\"ready\", n)\n\tfor k := 0; k < 2; k++ {\n\t\tfmt.Println(\"got\", <-c)\n\t}\n}\n";
        let cfg = SessionConfig { procs: 3, interactive_signals: true, ..SessionConfig::default() };
        let mut s = ParallelSession::new(src, &cfg, true).unwrap();
        let mut sent = 0;
        let (out, _, st) = run_polled(&mut s, |s| {
            sent += 1;
            s.interrupt();
        });
        assert_eq!(out, "ready 2000\ngot interrupt\ngot interrupt\n");
        assert_eq!(st.status.exit.map(|e| e.code), Some(0));
        assert!(sent >= 2, "{}", sent);
        // The schedule carries the signals: the replay needs no Interrupt.
        let mut r = Session::replay_parallel(src, &cfg, &s.take_schedule()).map_err(|e| e.text).unwrap();
        let mut replayed = String::new();
        for _ in 0..100_000 {
            if r.exit().is_some() {
                break;
            }
            replayed.push_str(&r.step(1000).stdout);
        }
        assert_eq!(replayed, out);
        assert_eq!(r.exit().map(|e| e.code), Some(0));
    }

    #[test]
    fn without_interactive_signals_a_run_waiting_for_one_stops() {
        let src = "package main\n\nimport (\n\t\"os\"\n\t\"os/signal\"\n)\n\nfunc main() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, os.Interrupt)\n\t<-c\n}\n";
        let cfg = SessionConfig { procs: 2, interactive_signals: false, ..SessionConfig::default() };
        let mut s = ParallelSession::new(src, &cfg, false).unwrap();
        let (_, _, st) = run_polled(&mut s, |_| panic!("waits"));
        assert_eq!(st.status.exit.map(|e| e.code), Some(2));
        assert!(st.status.stderr.contains("only a signal could wake one"), "{}", st.status.stderr);
    }
}
