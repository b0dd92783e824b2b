// Runs one program to its end in slices: shared by the Node entry (in the
// calling thread) and the browser worker. Nothing here touches the DOM or fs.
import { check as wasmCheck, Session, type SessionError } from '../../src/wasm-pkg/chanscope_wasm';
import type { Diagnostic, RunResult, TraceEvent } from './types';
import { checkSource, type Chunk, type DriveOptions } from './options';

export { checkSource, driveOptions, type Chunk, type DriveOptions } from './options';

/** Compile errors of `source` ([] when it compiles). */
export function checkSync(source: string): Diagnostic[] {
  return wasmCheck(checkSource(source));
}

/**
 * Runs `source` to its end. `onChunk` gets each slice's output and events;
 * `pause` is awaited between slices (lets the host's event loop run);
 * `cancelled` is polled between slices.
 */
export async function drive(
  source: string,
  o: DriveOptions,
  onChunk: (c: Chunk) => void,
  pause: () => Promise<void>,
  cancelled: () => boolean = () => false,
): Promise<RunResult> {
  let s: Session;
  try {
    const cfg: Record<string, unknown> = {
      procs: o.procs,
      seed: o.seed,
      preempt: o.preempt,
      maxSteps: o.maxSteps,
      maxOutput: o.maxOutput,
      trace: o.trace,
      traceLimit: o.trace ? o.traceLimit : 0,
      signals: o.signalAt === undefined ? undefined : [o.signalAt],
      // Headless: a program left waiting for a signal stops as the CLI does.
      interactiveSignals: false,
    };
    // serde wants absent fields, not undefined ones.
    for (const k of Object.keys(cfg)) if (cfg[k] === undefined) delete cfg[k];
    s = new Session(checkSource(source), cfg);
  } catch (e) {
    const err = e as SessionError;
    if (err && err.kind === 'compile') {
      const text = err.message.endsWith('\n') ? err.message : err.message + '\n';
      onChunk({ stdout: '', stderr: text, events: [] });
      return { stdout: '', stderr: text, exitCode: 1, kind: 'compile', diagnostics: err.diagnostics ?? [], droppedEvents: 0, steps: 0, now: 0 };
    }
    throw new Error(`chanscope: ${err?.message ?? String(e)}`);
  }
  const start = Date.now();
  let stdout = '';
  let stderr = '';
  const kept: TraceEvent[] = [];
  try {
    for (;;) {
      if (cancelled()) throw new DOMException('chanscope: the run was aborted', 'AbortError');
      if (o.timeoutMs && Date.now() - start >= o.timeoutMs) s.stop(`timeout: the run took more than ${o.timeoutMs} ms`);
      const st = s.step(1);
      stdout += st.stdout;
      stderr += st.stderr;
      if (o.keepEvents) for (const e of st.events) kept.push(e);
      if (st.stdout || st.stderr || st.events.length) onChunk({ stdout: st.stdout, stderr: st.stderr, events: st.events });
      if (st.exit) {
        const report = st.exit.kind === 'normal' ? null : s.report();
        const r: RunResult = { stdout, stderr, exitCode: st.exit.code, kind: st.exit.kind, droppedEvents: st.droppedEvents, steps: st.steps, now: st.now };
        if (report) r.report = report;
        if (o.keepEvents) r.events = kept;
        return r;
      }
      await pause();
    }
  } finally {
    s.free();
  }
}
