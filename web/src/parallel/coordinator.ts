// The coordinator of a parallel run (a worker): instantiates the threaded
// module over the page's shared memory, compiles the program, asks the
// page for one worker per P, and polls the run about every frame, posting
// output, events and the exit to the page (batched: at most four posts a
// second, as JSON text, which crosses from wasm and between threads far
// more cheaply than thousands of event objects). Polling never blocks
// (try-lock), so a busy runtime costs a skipped frame at most. Every run
// is recorded: just before the exit the page gets its schedule, to replay
// it deterministically. The page's Interrupt arrives here as a message.
import { importMt, type MtError, type MtRun } from './mt';
import type { FromCoordinator, ToCoordinator } from './protocol';

const post = (m: FromCoordinator, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
/** Milliseconds between polls: about a frame. */
const POLL_MS = 16;
/** Milliseconds between posts to the page, at most (the exit goes at once).
 * The views redraw on each; on two cores, posting every 100 ms kept the
 * page's main thread busy enough to cut cpu8's procs-2 speedup to ~1.4x. */
const POST_MS = 250;
/** Events in one post, at most (a channel ping-pong records ~300,000 a second). */
const MAX_EVENTS = 20_000;

let started = 0;
/** The run, once compiled; Interrupts that came before it (none is lost). */
let current: MtRun | null = null;
let pendingInterrupts = 0;

/** SIGINT to the run (blocks briefly on the runtime lock: fine in a worker). */
function interrupt(run: MtRun) {
  post({ type: 'signal', name: 'interrupt', now: run.interrupt() });
}

/** The run's schedule, for a deterministic replay (Replay, share links).
 * Posted before the statuses with the exit: the page stops the run's
 * workers once it sees the exit. */
function postSchedule(run: MtRun) {
  const bytes = run.takeSchedule();
  if (bytes.length > 0) return post({ type: 'parallel-schedule', bytes, why: '' }, [bytes.buffer]);
  post({ type: 'parallel-schedule', bytes: null, why: 'the run was too long to record its schedule, so it cannot be replayed' });
}

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

async function start({ module, memory, source, config }: Extract<ToCoordinator, { type: 'start' }>) {
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
  current = run;
  for (; pendingInterrupts > 0; pendingInterrupts--) interrupt(run);
  spawnUpTo(run, run.wantedMs());
  // Drained every frame (the machine's buffers stay small), posted at
  // most every POST_MS: each post makes the page redraw its views, and on
  // a machine with few cores that drawing takes CPU from the Ps.
  let posted = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    if (!run.drain()) continue; // an M holds the runtime lock: next frame
    spawnUpTo(run, run.wantedMs());
    const exited = run.exited();
    const now = performance.now();
    if (exited) postSchedule(run);
    if (exited || now - posted >= POST_MS) {
      // Several posts when events pile up: the page digests each in its own
      // task, so it can draw between them.
      for (let json = run.takeJson(MAX_EVENTS); json; json = run.takeJson(MAX_EVENTS)) post({ type: 'status', json });
      posted = now;
    }
    if (exited) break;
  }
  // The P workers hold their own references; the page terminates them all.
  current = null;
  run.free();
}

self.onmessage = (ev: MessageEvent<ToCoordinator>) => {
  const m = ev.data;
  if (m.type === 'interrupt') {
    if (current) interrupt(current);
    else pendingInterrupts++;
    return;
  }
  start(m).catch((e) => post({ type: 'error', message: `parallel mode: ${e instanceof Error ? e.message : String(e)}` }));
};
