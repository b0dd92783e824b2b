// Option checking, shared by every entry (no wasm in here: the page side
// of the browser entries must not pull in the wasm glue).
import type { RunOptions, TraceEvent } from './types';

export const DEFAULT_TRACE_LIMIT = 1_000_000;

/** The options a driver needs (no callbacks: those stay on the caller's side). */
export interface DriveOptions {
  procs?: number;
  seed?: number;
  mode?: string;
  preempt?: string;
  maxSteps?: number;
  maxOutput?: number;
  timeoutMs?: number;
  signalAt?: number;
  /** Record events (to stream them or to return them). */
  trace: boolean;
  /** Keep them for the result. */
  keepEvents: boolean;
  traceLimit?: number;
}

/** Checks the options; throws a TypeError / Error with a clear message. */
export function driveOptions(o: RunOptions = {}): DriveOptions {
  if (o === null || typeof o !== 'object') throw new TypeError('chanscope: options must be an object');
  const int = (name: keyof RunOptions, lo: number, hi: number) => {
    const v = o[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`chanscope: ${name} must be an integer from ${lo} to ${hi} (got ${String(v)})`);
    return v;
  };
  if (o.signalAt !== undefined && (typeof o.signalAt !== 'number' || !Number.isFinite(o.signalAt) || o.signalAt < 0)) {
    throw new RangeError(`chanscope: signalAt must be a virtual time in milliseconds, 0 or more (got ${String(o.signalAt)})`);
  }
  if (o.mode !== undefined && o.mode !== 'deterministic') {
    throw new Error(`chanscope: mode "${String(o.mode)}" is not available (only "deterministic" exists for now)`);
  }
  if (o.preempt !== undefined && o.preempt !== 'async' && o.preempt !== 'cooperative') {
    throw new Error(`chanscope: preempt must be "async" or "cooperative" (got "${String(o.preempt)}")`);
  }
  if (o.onEvent !== undefined && typeof o.onEvent !== 'function') throw new TypeError('chanscope: onEvent must be a function');
  if (o.onOutput !== undefined && typeof o.onOutput !== 'function') throw new TypeError('chanscope: onOutput must be a function');
  const keepEvents = o.events === true;
  return {
    procs: int('procs', 1, 256),
    seed: int('seed', 0, Number.MAX_SAFE_INTEGER),
    mode: o.mode,
    preempt: o.preempt,
    maxSteps: int('maxSteps', 0, Number.MAX_SAFE_INTEGER),
    maxOutput: int('maxOutput', 0, Number.MAX_SAFE_INTEGER),
    timeoutMs: int('timeoutMs', 0, Number.MAX_SAFE_INTEGER),
    signalAt: o.signalAt,
    trace: keepEvents || o.onEvent !== undefined,
    keepEvents,
    traceLimit: int('traceLimit', 0, Number.MAX_SAFE_INTEGER) ?? DEFAULT_TRACE_LIMIT,
  };
}

export interface Chunk {
  stdout: string;
  stderr: string;
  events: TraceEvent[];
}

/** The source must be a string. */
export function checkSource(source: unknown): string {
  if (typeof source !== 'string') throw new TypeError('chanscope: the source must be a string');
  return source;
}

