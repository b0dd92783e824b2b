// The threaded module (web/src/wasm-pkg-mt, built by `make wasm-mt`, not
// committed) as this code uses it. Declared here rather than imported so
// the page builds, and falls back to deterministic mode, without it.
import type { Diagnostic, ExitInfo, Report, SessionConfig, TraceEvent } from '../wasm-pkg/chanscope_wasm';

export type { SessionConfig };

/** core/src/parallel_session.rs `ParallelStatus` (as wasm/src/parallel.rs hands it out). */
export interface ParallelStatus {
  stdout: string;
  stderr: string;
  events: TraceEvent[];
  exit: ExitInfo | null;
  steps: number;
  now: number;
  droppedEvents: number;
  wantedMs: number;
  report: Report | null;
  /** Every goroutine waits and only a signal (Interrupt) can wake one. */
  waiting: boolean;
}

export interface MtRun {
  handle(): number;
  noteStarted(n: number): void;
  wantedMs(): number;
  drain(): boolean;
  exited(): boolean;
  takeJson(maxEvents: number): string;
  poll(): ParallelStatus | null;
  /** After the exit: the run's schedule (CSPS1 bytes); empty when it grew too long to keep. */
  takeSchedule(): Uint8Array;
  /** SIGINT now, as Ctrl-C; returns the virtual time (ns) it was delivered at. */
  interrupt(): number;
  stop(): void;
  free(): void;
}

export interface MtModule {
  default(o: { module_or_path: WebAssembly.Module; memory: WebAssembly.Memory; thread_stack_size?: number }): Promise<unknown>;
  ParallelRun: new (source: string, config: SessionConfig) => MtRun;
  mstart(handle: number, p: number): void;
}

/** A SessionError thrown by the constructor (wasm/src/lib.rs). */
export interface MtError {
  kind?: string;
  message?: string;
  diagnostics?: Diagnostic[];
}

const glue = import.meta.glob<MtModule>('../wasm-pkg-mt/chanscope_wasm.js');

/** The glue module, or null when the threaded build is absent. */
export async function importMt(): Promise<MtModule | null> {
  const load = Object.values(glue)[0];
  return load ? load() : null;
}
