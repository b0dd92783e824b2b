// The next parallel run's workers, started ahead of it: a fresh shared
// memory, a coordinator and some P workers, each with the threaded module
// instantiated over that memory. Starting them (worker start-up, module
// instantiation: 110-300 ms on two cores) then happens between runs, not
// in the run's wall time. A pool serves one run only: a run leaves its
// memory in whatever state its last instruction left (locks held by a
// stopped worker included), so the next run gets a new pool, never a
// reused one.

import type { MemoryLimits } from './wasm-limits';

export type PoolInit = { type: 'pool-init'; module: WebAssembly.Module; memory: WebAssembly.Memory };
export type PoolReply = { type: 'pool-ready' } | { type: 'pool-error'; message: string };


export class Pool {
  readonly memory: WebAssembly.Memory;
  readonly coordinator: Worker;
  /** P workers instantiated, or instantiating, and not yet given a P. */
  private idle: Worker[] = [];
  /** Workers whose `pool-init` has not been answered yet. */
  private pending = 1;
  private failure: string | null = null;
  private settled: (() => void)[] = [];
  private coordinatorReady: Promise<void>;
  private coordinatorAnswered: () => void = () => {};
  /** A worker of the pool failed (its run, if it has one, is over). */
  onError: (message: string) => void = () => {};

  constructor(readonly module: WebAssembly.Module, limits: MemoryLimits, ps: number, private onChange: () => void) {
    this.memory = new WebAssembly.Memory({ initial: limits.initial, maximum: limits.maximum, shared: true });
    // Literal `new Worker(new URL(...))`: the form Vite bundles workers from.
    this.coordinator = this.watch(new Worker(new URL('./pool-coordinator.ts', import.meta.url), { type: 'module' }));
    this.coordinatorReady = new Promise((resolve) => (this.coordinatorAnswered = resolve));
    // The coordinator instantiates first: it is the module's main thread
    // (it initialises the memory), the P workers then only add their stacks.
    this.coordinator.postMessage(this.init());
    this.grow(ps);
  }

  /** Starts P workers until the pool holds `n` idle ones. */
  grow(n: number) {
    while (this.idle.length < n && !this.failure) {
      const w = this.watch(new Worker(new URL('./p-worker.ts', import.meta.url), { type: 'module' }));
      this.idle.push(w);
      this.pending++;
      void this.coordinatorReady.then(() => w.postMessage(this.init()));
    }
    this.onChange();
  }

  /** Every worker instantiated: null, or what failed. */
  whenReady(): Promise<string | null> {
    if (this.pending === 0 || this.failure) return Promise.resolve(this.failure);
    return new Promise((resolve) => this.settled.push(() => resolve(this.failure)));
  }

  get ready() {
    return this.pending === 0 && !this.failure;
  }

  /** Workers alive: the coordinator and the idle P workers. */
  get size() {
    return 1 + this.idle.length;
  }

  /** An idle P worker for a new P, if one is left. */
  takeP(): Worker | undefined {
    const w = this.idle.shift();
    this.onChange();
    return w;
  }

  /** Terminates the coordinator and the idle P workers (not the ones taken). */
  terminate() {
    this.coordinator.terminate();
    for (const w of this.idle) w.terminate();
    this.idle = [];
    this.onChange();
  }

  private init(): PoolInit {
    return { type: 'pool-init', module: this.module, memory: this.memory };
  }

  private watch(w: Worker): Worker {
    w.onmessage = (ev: MessageEvent<PoolReply>) => {
      if (ev.data.type === 'pool-ready') this.answered(w);
      else if (ev.data.type === 'pool-error') this.fail(ev.data.message);
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.fail(`parallel run failed: ${e.message || 'a worker crashed'}`);
    };
    w.onmessageerror = () => this.fail('parallel run failed: a message could not be read');
    return w;
  }

  private answered(w: Worker) {
    this.pending--;
    if (w === this.coordinator) this.coordinatorAnswered();
    if (this.pending === 0) this.settle();
    this.onChange();
  }

  private fail(message: string) {
    if (this.failure) return;
    this.failure = message;
    this.settle();
    this.onError(message);
  }

  private settle() {
    for (const f of this.settled.splice(0)) f();
  }
}
