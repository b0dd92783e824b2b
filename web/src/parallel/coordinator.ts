// The coordinator of a parallel run (a worker): instantiates the threaded
// module over the page's shared memory, compiles the program, asks the
// page for one worker per P, and polls the run about every frame, posting
// output, events and the exit as the deterministic worker does. Polling
// never blocks (try-lock), so a busy runtime costs a skipped frame at most.
import { importMt, type MtError, type MtRun } from './mt';
import type { FromCoordinator, ToCoordinator } from './protocol';

const post = (m: FromCoordinator) => (self as unknown as Worker).postMessage(m);
/** Milliseconds between polls: about a frame. */
const POLL_MS = 16;

let started = 0;

/** Hands the page a handle per new P, after marking them started (so the
 * first M to go idle does not take the world for quiescent). */
function spawnUpTo(run: MtRun, n: number) {
  if (n <= started) return;
  run.noteStarted(n);
  const handles: number[] = [];
  for (let p = started; p < n; p++) handles.push(run.handle());
  post({ type: 'spawn', from: started, handles });
  started = n;
}

async function start({ module, memory, source, config }: ToCoordinator) {
  const mt = await importMt();
  if (!mt) return post({ type: 'error', message: 'parallel mode: the threaded build is missing (make wasm-mt)' });
  await mt.default({ module_or_path: module, memory });
  let run: MtRun;
  try {
    run = new mt.ParallelRun(source, config);
  } catch (e) {
    const err = e as MtError;
    if (err.kind === 'compile') post({ type: 'compile-error', diagnostics: err.diagnostics ?? [], text: err.message ?? '' });
    else post({ type: 'error', message: String(err.message ?? e) });
    return;
  }
  spawnUpTo(run, run.wantedMs());
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    const st = run.poll();
    if (!st) continue; // an M holds the runtime lock: next frame
    const { wantedMs, ...status } = st;
    spawnUpTo(run, wantedMs);
    if (st.exit || st.stdout || st.stderr || st.events.length) {
      post({ type: 'progress', ...status, waiting: false, findings: null });
    }
    if (st.exit) break;
  }
  // The P workers hold their own references; the page terminates them all.
  run.free();
}

self.onmessage = (ev: MessageEvent<ToCoordinator>) => {
  start(ev.data).catch((e) => post({ type: 'error', message: `parallel mode: ${e instanceof Error ? e.message : String(e)}` }));
};
