// The Node entry (package.json "exports" condition "node"): the wasm is read
// with fs and runs in the calling thread, in slices, yielding to the event
// loop between them (setImmediate), so timers and I/O keep working.
import { readFile } from 'node:fs/promises';
import { initSync } from '../../src/wasm-pkg/chanscope_wasm';
import { checkSync, drive, driveOptions } from './drive';
import type { Diagnostic, RunOptions, RunResult } from './types';

export type * from './types';

let ready: Promise<void> | null = null;

/** Loads the wasm (once). Called by `run` and `check`; call it yourself to pay the cost up front. */
export function load(): Promise<void> {
  ready ??= (async () => {
    const bytes = await readFile(new URL('./chanscope_wasm_bg.wasm', import.meta.url));
    initSync({ module: await WebAssembly.compile(bytes) });
  })();
  ready.catch(() => (ready = null));
  return ready;
}

const pause = () => new Promise<void>((r) => setImmediate(r));

/** Compiles and runs a Go program. Rejects only on bad options or an internal error. */
export async function run(source: string, options: RunOptions = {}): Promise<RunResult> {
  const o = driveOptions(options);
  await load();
  const signal = options.signal;
  signal?.throwIfAborted();
  return drive(
    source,
    o,
    (c) => {
      if (options.onOutput && (c.stdout || c.stderr)) options.onOutput({ stdout: c.stdout, stderr: c.stderr });
      if (options.onEvent) for (const e of c.events) options.onEvent(e);
    },
    pause,
    () => signal?.aborted === true,
  );
}

/** The compile errors of `source` ([] when it compiles), each with `text` = `prog.go:LINE:COL: message`. */
export async function check(source: string): Promise<Diagnostic[]> {
  await load();
  return checkSync(source);
}
