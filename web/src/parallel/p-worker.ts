// One P's M (a worker): instantiates the threaded module over the shared
// memory and runs the M loop, which blocks on the runtime lock and parks
// on its condition variable (allowed in a worker, never on the page).
// The page's pool (pool.ts) sends `pool-init` first, so the module is
// instantiated before the run and its handle only starts the M; a worker
// sent the handle straight away (a P added by runtime.GOMAXPROCS beyond
// the pool) instantiates then. The glue instantiates once per worker.
import { importMt } from './mt';
import type { PoolInit, PoolReply } from './pool';
import type { FromP, ToP } from './protocol';

const post = (m: FromP | PoolReply) => (self as unknown as Worker).postMessage(m);

async function instantiate({ module, memory }: { module: WebAssembly.Module; memory: WebAssembly.Memory }) {
  const mt = await importMt();
  if (!mt) throw new Error('the threaded build is missing');
  await mt.default({ module_or_path: module, memory });
  return mt;
}

async function start(m: ToP) {
  const mt = await instantiate(m);
  post({ type: 'started', p: m.p });
  mt.mstart(m.handle, m.p);
  post({ type: 'returned', p: m.p });
}

self.onmessage = (ev: MessageEvent<ToP | PoolInit>) => {
  const m = ev.data;
  if ('type' in m && m.type === 'pool-init') {
    instantiate(m).then(
      () => post({ type: 'pool-ready' }),
      (e) => post({ type: 'pool-error', message: `a P worker failed to start: ${e instanceof Error ? e.message : String(e)}` }),
    );
    return;
  }
  const p = (m as ToP).p;
  start(m as ToP).catch((e) => post({ type: 'error', p, message: `P ${p} failed: ${e instanceof Error ? e.message : String(e)}` }));
};
