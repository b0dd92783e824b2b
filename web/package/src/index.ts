// The browser entry (and the default for bundlers): `run` and `check` each
// use their own Web Worker, so a page never freezes; aborting a run
// terminates its worker. Works without cross-origin isolation.
import { checkSource, driveOptions } from './options';
import { loadModule, Runtime } from './client';
import type { Diagnostic, RunOptions, RunResult } from './types';

export type * from './types';

/** Fetches and compiles the wasm now (else the first `run`/`check` does). */
export async function load(): Promise<void> {
  await loadModule();
}

/** Compiles and runs a Go program in a worker. Rejects only on bad options, an abort or an internal error. */
export async function run(source: string, options: RunOptions = {}): Promise<RunResult> {
  checkSource(source);
  const o = driveOptions(options);
  const signal = options.signal;
  signal?.throwIfAborted();
  const rt = new Runtime();
  const onAbort = () => rt.terminate(signal?.reason instanceof DOMException ? signal.reason : new DOMException('chanscope: the run was aborted', 'AbortError'));
  signal?.addEventListener('abort', onAbort);
  try {
    return await rt.run(source, o, (c) => {
      if (options.onOutput && (c.stdout || c.stderr)) options.onOutput({ stdout: c.stdout, stderr: c.stderr });
      if (options.onEvent) for (const e of c.events) options.onEvent(e);
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    rt.terminate();
  }
}

/** The compile errors of `source` ([] when it compiles), each with `text` = `prog.go:LINE:COL: message`. */
export async function check(source: string): Promise<Diagnostic[]> {
  checkSource(source);
  const rt = new Runtime();
  try {
    return await rt.check(source);
  } finally {
    rt.terminate();
  }
}
