// The runtime, off the main thread: compiles and runs a program in slices
// and posts what each slice did. The page stops a run by terminating the
// worker, so nothing here has to poll for a stop request.
import init, { Session, type SessionError } from './wasm-pkg/chanscope_wasm';
import type { FromWorker, ToWorker } from './protocol';

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);
const ready = init();

ready.then(
  () => post({ type: 'ready' }),
  (e) => post({ type: 'error', message: `could not load the runtime: ${e}` }),
);

/** Yield to the event loop between slices (lets the page's messages in). */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function run(source: string, config: ToWorker['config']) {
  await ready;
  let s: Session;
  try {
    s = new Session(source, config);
  } catch (e) {
    const err = e as SessionError;
    if (err.kind === 'compile') post({ type: 'compile-error', diagnostics: err.diagnostics ?? [], text: err.message });
    else post({ type: 'error', message: String(err.message ?? e) });
    return;
  }
  try {
    for (;;) {
      // One slice (the core pauses every 4M instructions).
      const st = s.step(1);
      post({ type: 'progress', ...st, report: st.exit ? s.report() : null });
      if (st.exit) break;
      await tick();
    }
  } catch (e) {
    post({ type: 'error', message: `the runtime failed: ${e}` });
  } finally {
    s.free();
  }
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  if (ev.data.type === 'run') void run(ev.data.source, ev.data.config);
};
