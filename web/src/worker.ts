// The runtime, off the main thread: compiles and runs a program in slices
// and posts what each slice did. The page stops a run by terminating the
// worker, so nothing here has to poll for a stop request; an Interrupt
// arrives as a message between two slices.
import init, { Checker, Session, type SessionError } from './wasm-pkg/chanscope_wasm';
import type { FromWorker, ToWorker } from './protocol';

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);
const ready = init();

ready.then(
  () => post({ type: 'ready' }),
  (e) => post({ type: 'error', message: `could not load the runtime: ${e}` }),
);

/** Yield to the event loop between slices (lets the page's messages in). */
const tick = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));

/** Wall time one `Session.step` should take (ms), and the bounds of its
 * instruction budget (a slice always finishes the scheduling round it is in). */
const SLICE_MS = 30;
const MIN_BUDGET = 10_000;
const MAX_BUDGET = 50_000_000;
/** While a program only waits for a signal, look again this often (ms). */
const IDLE_POLL = 30;

/** The run in progress; a run being started, and interrupts that came
 * before it was compiled (one that comes after a run ended is dropped). */
let current: Session | null = null;
let starting = false;
let pendingInterrupts = 0;
let now = 0;

function interrupt(s: Session) {
  s.interrupt();
  post({ type: 'signal', name: 'interrupt', now });
}

function postSessionError(e: unknown) {
  const err = e as SessionError;
  if (err.kind === 'compile') post({ type: 'compile-error', diagnostics: err.diagnostics ?? [], text: err.message });
  else post({ type: 'error', message: String(err.message ?? e) });
}

async function run({ source, config, replay, pschedule }: Extract<ToWorker, { type: 'run' }>) {
  await ready;
  let s: Session;
  try {
    if (pschedule) s = Session.replayParallel(source, config, pschedule);
    else s = replay ? Session.replay(source, config, replay) : new Session(source, config);
  } catch (e) {
    starting = false;
    pendingInterrupts = 0;
    postSessionError(e);
    return;
  }
  current = s;
  starting = false;
  now = 0;
  try {
    let steps = -1;
    let waiting = false;
    // Instructions per slice, adapted so a slice takes about SLICE_MS: a
    // CPU-bound program runs at full speed, and the worker still hears
    // Stop and Interrupt and posts progress several times a second.
    let budget = MIN_BUDGET;
    for (;;) {
      for (; pendingInterrupts > 0; pendingInterrupts--) interrupt(s);
      const t0 = performance.now();
      const st = s.step(budget);
      const took = performance.now() - t0;
      if (took < SLICE_MS / 2) budget = Math.min(budget * 2, MAX_BUDGET);
      else if (took > SLICE_MS * 2) budget = Math.max(Math.floor(budget / 2), MIN_BUDGET);
      now = st.now;
      // A slice that ran nothing and did not end: the machine waits for a signal.
      const idle = !st.exit && st.steps === steps && !st.stdout && !st.stderr && st.events.length === 0;
      steps = st.steps;
      if (!idle || !waiting) {
        const findings = st.exit && replay ? s.findings() : null;
        post({ type: 'progress', ...st, report: st.exit ? s.report() : null, waiting: idle, findings });
      }
      waiting = idle;
      if (st.exit) break;
      await tick(idle ? IDLE_POLL : 0);
    }
  } catch (e) {
    post({ type: 'error', message: `the runtime failed: ${e}` });
  } finally {
    current = null;
    s.free();
  }
}

/** Wall time a slice of schedules should take (ms): progress stays lively
 * and a Stop (which terminates the worker) loses little. */
const CHECK_SLICE_MS = 100;

async function check({ source, config, schedules, timeLimitMs }: Extract<ToWorker, { type: 'check' }>) {
  await ready;
  let c: Checker;
  try {
    c = new Checker(source, config, schedules);
  } catch (e) {
    postSessionError(e);
    return;
  }
  try {
    const t0 = performance.now();
    let n = 1;
    for (;;) {
      const t = performance.now();
      const p = c.step(n);
      const now = performance.now();
      // Schedules differ wildly in length: size the next slice on this one.
      const per = (now - t) / Math.max(n, 1);
      n = Math.max(1, Math.min(64, Math.round(CHECK_SLICE_MS / Math.max(per, 0.01))));
      const timedOut = !p.done && now - t0 >= timeLimitMs;
      post({ type: 'check-progress', ...p, elapsedMs: now - t0, timedOut });
      if (p.done || timedOut) break;
      await tick();
    }
  } catch (e) {
    post({ type: 'error', message: `the explorer failed: ${e}` });
  } finally {
    c.free();
  }
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type === 'check') void check(m);
  else if (m.type === 'run') {
    starting = true;
    void run(m);
  } else if (m.type === 'interrupt') {
    if (current) interrupt(current);
    else if (starting) pendingInterrupts++;
  }
};
