// Messages between the page and the runtime worker.
import type { CheckProgress, Diagnostic, ExitInfo, Finding, Report, SessionConfig, TraceEvent } from './wasm-pkg/chanscope_wasm';

export type ToWorker =
  /** A run; with `replay`, the schedule of a finding (its replay token);
   * with `pschedule`, a recorded parallel run's schedule (CSPS1 bytes) to
   * replay on the deterministic driver. */
  | { type: 'run'; source: string; config: SessionConfig; replay?: string; pschedule?: Uint8Array }
  /** "Find bugs": explore up to `schedules` schedules for at most `timeLimitMs`. */
  | { type: 'check'; source: string; config: SessionConfig; schedules: number; timeLimitMs: number }
  /** SIGINT to the running program (the Interrupt button). */
  | { type: 'interrupt' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'compile-error'; diagnostics: Diagnostic[]; text: string }
  /** One slice of the run: output and events since the previous one. */
  | {
      type: 'progress';
      stdout: string;
      stderr: string;
      events: TraceEvent[];
      exit: ExitInfo | null;
      steps: number;
      now: number;
      droppedEvents: number;
      report: Report | null;
      /** Nothing can run until a signal comes (the program waits in signal.Notify). */
      waiting: boolean;
      /** A replay, once it exited: what the run found. */
      findings: Finding[] | null;
    }
  /** One slice of an exploration; `timedOut`: it ended at the time limit. */
  | ({ type: 'check-progress'; elapsedMs: number; timedOut: boolean } & CheckProgress)
  /** A SIGINT was handed to the run at virtual time `now` (ns). */
  | { type: 'signal'; name: 'interrupt'; now: number }
  /** Parallel mode, just before the exit: the run's recorded schedule
   * (CSPS1 bytes, for `Session.replayParallel`), or null when it grew too
   * long to keep (`why` says so). */
  | { type: 'parallel-schedule'; bytes: Uint8Array | null; why: string }
  | { type: 'error'; message: string };
