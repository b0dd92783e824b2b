// Messages between the page side (client.ts) and the worker (worker.ts).
import type { DriveOptions } from './options';
import type { Diagnostic, RunResult, TraceEvent } from './types';

export type ToWorker =
  | { type: 'init'; module: WebAssembly.Module }
  | { type: 'run'; id: number; source: string; options: DriveOptions }
  | { type: 'check'; id: number; source: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'chunk'; id: number; stdout: string; stderr: string; events: TraceEvent[] }
  | { type: 'done'; id: number; result: RunResult }
  | { type: 'checked'; id: number; diagnostics: Diagnostic[] }
  | { type: 'error'; id: number; message: string };
