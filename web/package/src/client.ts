// The page side of a runtime worker. The wasm module is fetched and compiled
// once per page and handed to every worker; each worker runs one program at
// a time, and terminating it is how a run is stopped.
import type { DriveOptions } from './options';
import type { FromWorker, ToWorker } from './protocol';
import type { Diagnostic, RunResult } from './types';
import type { Chunk } from './options';

let modulePromise: Promise<WebAssembly.Module> | null = null;

/** Fetches and compiles the wasm (once per page). */
export function loadModule(): Promise<WebAssembly.Module> {
  modulePromise ??= (async () => {
    const url = new URL('./chanscope_wasm_bg.wasm', import.meta.url);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`chanscope: could not load ${url} (HTTP ${res.status})`);
    if (typeof WebAssembly.compileStreaming === 'function' && res.headers.get('content-type')?.startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(res);
    }
    return WebAssembly.compile(await res.arrayBuffer());
  })();
  modulePromise.catch(() => (modulePromise = null));
  return modulePromise;
}

function makeWorker(): Worker {
  try {
    // This exact form lets bundlers (Vite, webpack 5, esbuild plugins) find and bundle the worker.
    return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  } catch {
    // The package is served from another origin (a CDN): start a same-origin
    // blob worker that imports it (module workers may import cross-origin with CORS).
    const src = `import ${JSON.stringify(new URL('./worker.js', import.meta.url).href)};`;
    return new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })), { type: 'module' });
  }
}

interface Job {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onChunk?(c: Chunk): void;
}

const abortError = (why = 'chanscope: the run was stopped') => new DOMException(why, 'AbortError');

/** One worker. Create, use, terminate; a terminated runtime rejects its jobs with an AbortError. */
export class Runtime {
  private worker: Worker;
  private jobs = new Map<number, Job>();
  private nextId = 1;
  private dead: unknown = null;
  readonly ready: Promise<void>;

  constructor() {
    this.worker = makeWorker();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        if (ev.data.type === 'ready') resolve();
        else this.onMessage(ev.data);
      };
      this.worker.onerror = (ev) => {
        ev.preventDefault?.();
        const e = new Error(`chanscope: the runtime worker failed: ${ev.message || 'could not start it'}`);
        reject(e);
        this.fail(e);
      };
      loadModule().then(
        (module) => this.worker.postMessage({ type: 'init', module } satisfies ToWorker),
        (e) => {
          reject(e);
          this.fail(e);
        },
      );
    });
    this.ready.catch(() => {});
  }

  get alive(): boolean {
    return this.dead === null;
  }

  private onMessage(m: Exclude<FromWorker, { type: 'ready' }>) {
    const job = this.jobs.get(m.id);
    if (!job) return;
    switch (m.type) {
      case 'chunk':
        job.onChunk?.(m);
        return;
      case 'done':
        this.jobs.delete(m.id);
        job.resolve(m.result);
        return;
      case 'checked':
        this.jobs.delete(m.id);
        job.resolve(m.diagnostics);
        return;
      case 'error':
        // A trap leaves the wasm instance unusable: this runtime is done.
        this.jobs.delete(m.id);
        job.reject(new Error(m.message));
        this.terminate(new Error(m.message));
        return;
    }
  }

  private fail(e: unknown) {
    if (this.dead !== null) return;
    this.dead = e;
    this.worker.terminate();
    for (const j of this.jobs.values()) j.reject(e);
    this.jobs.clear();
  }

  private post<T>(msg: ToWorker & { id: number }, onChunk?: (c: Chunk) => void): Promise<T> {
    if (this.dead !== null) return Promise.reject(this.dead);
    return new Promise<T>((resolve, reject) => {
      this.jobs.set(msg.id, { resolve: resolve as (v: unknown) => void, reject, onChunk });
      this.ready.then(
        () => {
          if (this.dead === null) this.worker.postMessage(msg);
        },
        () => {},
      );
    });
  }

  run(source: string, options: DriveOptions, onChunk?: (c: Chunk) => void): Promise<RunResult> {
    return this.post({ type: 'run', id: this.nextId++, source, options }, onChunk);
  }

  check(source: string): Promise<Diagnostic[]> {
    return this.post({ type: 'check', id: this.nextId++, source });
  }

  /** Stops the worker at once; pending runs reject with `why` (default: an AbortError). */
  terminate(why: unknown = abortError()) {
    this.fail(why);
  }
}
