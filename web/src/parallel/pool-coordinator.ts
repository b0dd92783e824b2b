// The coordinator as the page's pool starts it (pool.ts): the same worker
// (./coordinator, imported for its message handler), which also accepts
// `init` before its run, to instantiate the threaded module over the run's
// memory ahead of time. The `start` that follows instantiates again with
// the same module and memory, which the wasm-bindgen glue answers from its
// cache (its init runs once per worker), so the run skips that cost.
import './coordinator';
import { importMt } from './mt';
import type { PoolInit, PoolReply } from './pool';

const reply = (m: PoolReply) => (self as unknown as Worker).postMessage(m);
const coordinator = self.onmessage;

async function init({ module, memory }: PoolInit) {
  const mt = await importMt();
  if (!mt) throw new Error('the threaded build is missing (make wasm-mt)');
  await mt.default({ module_or_path: module, memory });
  reply({ type: 'pool-ready' });
}

self.onmessage = (ev: MessageEvent) => {
  const m = ev.data as PoolInit | { type: string };
  if (m.type !== 'pool-init') return coordinator?.call(self, ev);
  init(m as PoolInit).catch((e) => reply({ type: 'pool-error', message: `parallel mode: ${e instanceof Error ? e.message : String(e)}` }));
};
