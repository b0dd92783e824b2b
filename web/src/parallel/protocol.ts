// Messages of parallel mode: the page, one coordinator worker and a worker
// per P, all over one shared WebAssembly.Memory. The main thread never
// calls into the threaded module (it must not block on the runtime lock).
import type { FromWorker } from '../protocol';
import type { ParallelStatus, SessionConfig } from './mt';

export type ToCoordinator =
  | { type: 'start'; module: WebAssembly.Module; memory: WebAssembly.Memory; source: string; config: SessionConfig }
  /** SIGINT to the running program (the Interrupt button). */
  | { type: 'interrupt' };

export type FromCoordinator =
  /** Compile errors and failures, as the deterministic worker posts them. */
  | FromWorker
  /** Output, events and the exit since the previous status: a `ParallelStatus` as JSON.
   * Just before the statuses with the exit: a `parallel-schedule` (a `FromWorker`). */
  | { type: 'status'; json: string }
  /** Start P workers `from..from+handles.length`, each with its handle. */
  | { type: 'spawn'; from: number; handles: number[] };

export type ToP = { module: WebAssembly.Module; memory: WebAssembly.Memory; handle: number; p: number };

export type FromP =
  /** Instantiated; its M loop is running. */
  | { type: 'started'; p: number }
  /** Its M loop returned (the program ended or was stopped). */
  | { type: 'returned'; p: number }
  | { type: 'error'; p: number; message: string };

export type { ParallelStatus };
