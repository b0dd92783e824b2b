// Parallel mode on the page: each P of a run on its own Web Worker over
// one shared WebAssembly.Memory (wasm/src/parallel.rs). The main thread
// only compiles the module and creates the memory; it never calls into the
// threaded wasm, so it cannot block on the runtime lock.
import type { FromWorker } from '../protocol';
import type { ParallelStatus, SessionConfig } from './mt';
import type { FromCoordinator, FromP, ToCoordinator, ToP } from './protocol';
import { Pool } from './pool';
import { importedMemoryLimits, type MemoryLimits } from './wasm-limits';

export { importedMemoryLimits };

const wasmUrl = Object.values(import.meta.glob<string>('../wasm-pkg-mt/chanscope_wasm_bg.wasm', { query: '?url', import: 'default', eager: true }))[0];

export type Support = { ok: true; module: WebAssembly.Module; limits: MemoryLimits } | { ok: false; reason: string; short: string };

let support: Promise<Support> | null = null;

/** Whether this page can run parallel mode, and the compiled module if so. */
export function parallelSupport(): Promise<Support> {
  support ??= probe();
  return support;
}

async function probe(): Promise<Support> {
  if (!globalThis.crossOriginIsolated || typeof SharedArrayBuffer === 'undefined') {
    return {
      ok: false,
      short: 'parallel mode needs a cross-origin isolated page',
      reason:
        'Parallel mode needs shared memory, which a browser gives only to a cross-origin isolated page ' +
        '(served with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp, ' +
        'or through the page’s service worker). This page is not isolated; deterministic mode works.',
    };
  }
  if (!wasmUrl) return { ok: false, short: 'parallel mode is not in this build', reason: 'Parallel mode is not part of this build of the page (make wasm-mt).' };
  try {
    const res = await fetch(wasmUrl);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    const bytes = await res.arrayBuffer();
    const limits = importedMemoryLimits(bytes);
    if (!limits?.shared) throw new Error('the module does not import a shared memory');
    return { ok: true, module: await WebAssembly.compile(bytes), limits };
  } catch (e) {
    return { ok: false, short: 'parallel mode failed to load', reason: `The threaded runtime failed to load (${e instanceof Error ? e.message : String(e)}); deterministic mode works.` };
  }
}

/** Registers the COOP/COEP service worker (npm coi-serviceworker, copied
 * to the site's root at build time) when the server did not isolate the
 * page, and reloads once it controls the page: the reload is isolated. A
 * second reload is never attempted (no loop when isolation still fails). */
export async function requestIsolation() {
  const sw = navigator.serviceWorker;
  if (globalThis.crossOriginIsolated !== false || !window.isSecureContext || !sw) return;
  const RELOADED = 'chanscope.coi-reloaded';
  try {
    const reg = await sw.register(`${import.meta.env.BASE_URL}coi-serviceworker.min.js`);
    if (!reg) return; // service workers blocked
    await sw.ready;
    if (sessionStorage.getItem(RELOADED)) return;
    sessionStorage.setItem(RELOADED, '1');
    location.reload();
  } catch {
    // No service worker here: parallel mode stays disabled, with its note.
  }
}

/** A coordinator's status as the page's progress message. */
function progress(json: string): FromWorker {
  const { wantedMs: _, ...st } = JSON.parse(json) as ParallelStatus;
  return { type: 'progress', ...st, waiting: st.waiting ?? false, findings: null };
}

/** One parallel run at a time: a coordinator worker and a worker per P.
 * Messages for the page arrive through `onMessage` exactly as the
 * deterministic worker's do. The next run's workers wait started in a
 * pool (pool.ts) while the page is in parallel mode (`warm`). */
export class ParallelRunner {
  /** The run's workers: the coordinator and the Ms given a P. */
  private workers: Worker[] = [];
  /** The run's pool (its idle P workers die with the run). */
  private run: Pool | null = null;
  /** The run's coordinator (Interrupts go to it), while the run lasts,
   * and Interrupts pressed before it was given the run. */
  private coord: Worker | null = null;
  private interrupts = 0;
  /** The next run's pool. */
  private next: Pool | null = null;
  /** P workers the next pool starts (0: no pool). */
  private warmPs = 0;
  /** Bumped by every start and stop: late messages of an old run are dropped. */
  private gen = 0;
  private t0 = 0;
  constructor(private onMessage: (m: FromWorker) => void) {}

  /** Workers alive now (the coordinator and the Ps). */
  get workerCount() {
    return this.workers.length;
  }

  /** Keeps the next run's workers started, with `procs` P workers (at
   * least as many as the cores, up to 4); 0 ends the pool. */
  warm(procs: number) {
    const cores = Math.min(navigator.hardwareConcurrency || 1, 4);
    this.warmPs = procs > 0 ? Math.max(procs, cores) : 0;
    if (this.warmPs === 0) {
      this.next?.terminate();
      this.next = null;
      return this.publish();
    }
    if (this.next) this.next.grow(this.warmPs);
    else void this.prepare();
  }

  /** Starts the next pool if the page is in parallel mode and can run it. */
  private async prepare() {
    if (this.next || this.run || this.warmPs === 0) return;
    const s = await parallelSupport();
    // Never while a run goes on: starting workers takes CPU from its Ps.
    if (!s.ok || this.next || this.run || this.warmPs === 0) return;
    const pool = new Pool(s.module, s.limits, this.warmPs, () => this.publish());
    // Broken before its run: dropped; the next start makes another.
    pool.onError = () => {
      pool.terminate();
      if (this.next === pool) this.next = null;
      this.publish();
    };
    this.next = pool;
    this.publish();
  }

  async start(source: string, config: SessionConfig) {
    this.stop();
    const gen = this.gen;
    // From the Run: waiting for a pool still starting counts.
    this.t0 = performance.now();
    const s = await parallelSupport();
    if (gen !== this.gen) return;
    if (!s.ok) return this.onMessage({ type: 'error', message: s.reason });
    const procs = config.procs ?? 1;
    // A run in parallel mode: the page stays in it; the pool for the next
    // run starts when this one ends (not now: it would take CPU from it).
    this.warmPs ||= Math.max(procs, Math.min(navigator.hardwareConcurrency || 1, 4));
    const pool = this.next ?? new Pool(s.module, s.limits, procs, () => this.publish());
    this.next = null;
    this.run = pool;
    pool.onError = (message) => this.fail(gen, message);
    pool.grow(procs);
    const failed = await pool.whenReady();
    if (gen !== this.gen) return;
    if (failed) return this.fail(gen, failed);
    const coord = this.track(pool.coordinator, gen);
    coord.onmessage = (ev: MessageEvent<FromCoordinator>) => {
      if (gen !== this.gen) return;
      const m = ev.data;
      if (m.type === 'spawn') return m.handles.forEach((handle, i) => this.startP(pool, handle, m.from + i, gen));
      const msg = m.type === 'status' ? progress(m.json) : m;
      const over = msg.type === 'compile-error' || msg.type === 'error' || (msg.type === 'progress' && msg.exit !== null);
      if (over) {
        document.body.dataset.parallelMs = String(Math.round(performance.now() - this.t0));
        this.stop();
      }
      this.onMessage(msg);
    };
    coord.postMessage({ type: 'start', module: s.module, memory: pool.memory, source, config } satisfies ToCoordinator);
    this.coord = coord;
    for (; this.interrupts > 0; this.interrupts--) this.interrupt();
  }

  /** SIGINT to the running program: its coordinator delivers it (the main
   * thread never calls into the threaded wasm). */
  interrupt() {
    if (this.coord) this.coord.postMessage({ type: 'interrupt' } satisfies ToCoordinator);
    else this.interrupts++;
  }

  /** P `p`'s M: an idle worker of the pool, else a new one (a P added by
   * runtime.GOMAXPROCS), which instantiates the module first. */
  private startP(pool: Pool, handle: number, p: number, gen: number) {
    const w = this.track(pool.takeP() ?? new Worker(new URL('./p-worker.ts', import.meta.url), { type: 'module' }), gen);
    w.onmessage = (ev: MessageEvent<FromP>) => {
      if (ev.data.type === 'error') this.fail(gen, ev.data.message);
      // When P 0's M started, since Run: the start-up cost left in the run.
      else if (ev.data.type === 'started' && p === 0 && gen === this.gen) document.body.dataset.parallelStartMs = String(Math.round(performance.now() - this.t0));
    };
    w.postMessage({ module: pool.module, memory: pool.memory, handle, p } satisfies ToP);
  }

  private track(w: Worker, gen: number): Worker {
    // A trap in any worker may leave the runtime lock held: the whole run is over.
    w.onerror = (e) => {
      e.preventDefault();
      this.fail(gen, `parallel run failed: ${e.message || 'a worker crashed'}`);
    };
    w.onmessageerror = () => this.fail(gen, 'parallel run failed: a message could not be read');
    this.workers.push(w);
    this.publish();
    return w;
  }

  private fail(gen: number, message: string) {
    if (gen !== this.gen) return;
    this.stop();
    this.onMessage({ type: 'error', message });
  }

  /** Terminates every worker of the run at once (its pool's idle ones
   * too), then starts the next run's pool. */
  stop() {
    this.gen++;
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.coord = null;
    this.interrupts = 0;
    this.run?.terminate();
    this.run = null;
    this.publish();
    void this.prepare();
  }

  /** The live worker counts, for tests and the curious: the run's, and the
   * next run's started ahead (`parallelPool`: ready once all instantiated). */
  private publish() {
    const b = document.body.dataset;
    b.parallelWorkers = String(this.workers.length);
    b.parallelPooled = String(this.next?.size ?? 0);
    b.parallelPool = !this.next ? '' : this.next.ready ? 'ready' : 'starting';
  }
}

/** Adds `parallel` to the mode select; disables it, with the reason as its
 * tooltip and a note beside it, when this page cannot run it. */
export function mountParallelMode(modeSel: HTMLSelectElement): { ready: Promise<boolean> } {
  const opt = new Option('parallel', 'parallel');
  opt.title = 'Each P runs on its own Web Worker: real parallelism (each run is recorded: Replay reruns it exactly)';
  modeSel.add(opt);
  const note = document.createElement('span');
  note.dataset.testid = 'parallel-note';
  note.className = 'parallel-note';
  note.hidden = true;
  note.style.cssText = 'font-size: 0.85em; color: var(--warn); cursor: help;';
  modeSel.closest('label')?.after(note);
  void requestIsolation();
  const ready = parallelSupport().then((s) => {
    if (s.ok) return true;
    opt.disabled = true;
    opt.title = s.reason;
    modeSel.title = s.reason;
    note.textContent = s.short;
    note.title = s.reason;
    note.hidden = false;
    if (modeSel.value === 'parallel') modeSel.value = 'deterministic';
    return false;
  });
  return { ready };
}
