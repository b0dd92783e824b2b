// Messages between the page and the runtime worker.
import type { Diagnostic, ExitInfo, Report, SessionConfig, TraceEvent } from './wasm-pkg/chanscope_wasm';

export type ToWorker =
  | { type: 'run'; source: string; config: SessionConfig }
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
    }
  /** A SIGINT was handed to the run at virtual time `now` (ns). */
  | { type: 'signal'; name: 'interrupt'; now: number }
  | { type: 'error'; message: string };
