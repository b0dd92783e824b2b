// The public types of the package (re-exported by index.ts and node.ts).
import type { Diagnostic, ExitKind, GoroutineInfo, Report, TraceEvent } from '../../src/wasm-pkg/chanscope_wasm';

export type { Diagnostic, ExitKind, GoroutineInfo, Report, TraceEvent };

/** The runtime model. Only the single-threaded deterministic one exists today. */
export type Mode = 'deterministic';
export type Preempt = 'async' | 'cooperative';

export interface RunOptions {
  /** GOMAXPROCS, 1..256. Default 4. */
  procs?: number;
  /** Seed of the scheduler's PRNG (same seed, same schedule). Default 1. */
  seed?: number;
  /** "deterministic" (the default and, for now, the only mode). */
  mode?: Mode;
  /** Goroutine preemption: "async" (Go 1.14+, the default) or "cooperative". */
  preempt?: Preempt;
  /** Instructions before the run stops (exit 2, `chanscope: ...` on stderr). 0: no limit. */
  maxSteps?: number;
  /** Wall-clock milliseconds before the run stops (exit 2, `chanscope: timeout ...`). */
  timeoutMs?: number;
  /** Bytes of stdout+stderr before the run stops. */
  maxOutput?: number;
  /**
   * Deliver SIGINT at this virtual time (ms), as `chanscope run --signal` does: to
   * `signal.Notify` channels and `signal.NotifyContext`; a program without a handler
   * dies with exit code 130 and `signal: interrupt`.
   */
  signalAt?: number;
  /** Called with every trace event as the run produces it (turns tracing on). */
  onEvent?: (event: TraceEvent) => void;
  /** Called with output as the run produces it. */
  onOutput?: (chunk: { stdout: string; stderr: string }) => void;
  /** Return the event log in `result.events`. Default false. */
  events?: boolean;
  /** Events recorded at most (later ones are only counted in `droppedEvents`). Default 1,000,000. */
  traceLimit?: number;
  /** Aborting stops the run (in browsers: terminates its worker) and rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** 0, 1 (compile errors), 2 (panic, deadlock, fatal error, limit or timeout) — as the CLI and Go. */
  exitCode: number;
  /** How the run ended; "compile" when it did not compile. */
  kind: ExitKind | 'compile';
  /** The compile errors (kind "compile"). */
  diagnostics?: Diagnostic[];
  /** After a panic, deadlock, fatal error or limit: Go's text and the goroutines. */
  report?: Report;
  /** The event log, with `events: true`. */
  events?: TraceEvent[];
  /** Events past the trace limit that were not recorded. */
  droppedEvents: number;
  /** Instructions executed. */
  steps: number;
  /** Virtual time at the end, nanoseconds. */
  now: number;
}
