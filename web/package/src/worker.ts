// The runtime worker of the browser entries: gets the compiled wasm module
// from the page (so it is fetched and compiled once per page), then runs
// programs and checks sources on request. The page stops a run by
// terminating the worker.
import { initSync } from '../../src/wasm-pkg/chanscope_wasm';
import { checkSync, drive } from './drive';
import type { FromWorker, ToWorker } from './protocol';

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
let queue: Promise<void> = Promise.resolve();

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type === 'init') {
    initSync({ module: m.module });
    post({ type: 'ready' });
    return;
  }
  // One job at a time, in order.
  queue = queue.then(async () => {
    try {
      if (m.type === 'check') post({ type: 'checked', id: m.id, diagnostics: checkSync(m.source) });
      else {
        const result = await drive(m.source, m.options, (c) => post({ type: 'chunk', id: m.id, ...c }), tick);
        post({ type: 'done', id: m.id, result });
      }
    } catch (e) {
      post({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
    }
  });
};
