// One P's M (a worker): instantiates the threaded module over the shared
// memory and runs the M loop, which blocks on the runtime lock and parks
// on its condition variable (allowed in a worker, never on the page).
import { importMt } from './mt';
import type { FromP, ToP } from './protocol';

const post = (m: FromP) => (self as unknown as Worker).postMessage(m);

async function start({ module, memory, handle, p }: ToP) {
  const mt = await importMt();
  if (!mt) throw new Error('the threaded build is missing');
  await mt.default({ module_or_path: module, memory });
  post({ type: 'started', p });
  mt.mstart(handle, p);
  post({ type: 'returned', p });
}

self.onmessage = (ev: MessageEvent<ToP>) => {
  const p = ev.data.p;
  start(ev.data).catch((e) => post({ type: 'error', p, message: `P ${p} failed: ${e instanceof Error ? e.message : String(e)}` }));
};
