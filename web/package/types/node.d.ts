// chanscope: run Go concurrency programs from JavaScript (Node entry: the wasm is read with fs and runs in the calling thread, in slices).
import type { Diagnostic, RunOptions, RunResult } from './types/types.js';
export type * from './types/types.js';

/** Compiles and runs a Go program. Resolves with Go-compatible stdout, stderr and exit code. */
export declare function run(source: string, options?: RunOptions): Promise<RunResult>;
/** The compile errors of `source` ([] when it compiles). */
export declare function check(source: string): Promise<Diagnostic[]>;
/** Fetches and compiles the wasm now (otherwise the first run/check does). */
export declare function load(): Promise<void>;
