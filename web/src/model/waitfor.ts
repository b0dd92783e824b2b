// The wait-for graph: who waits for whom, through which channel or lock.
// A blocked receiver on channel c waits for any live goroutine that could
// send on c; we approximate "could" by "has sent on c before" (and the
// reverse for senders), or, for a channel never used that way yet, by its
// maker and the goroutines the maker started after making it. A lock waits for its holder; Wait for the
// goroutines that Add'ed or will call Done.

import type { GId } from './events';
import type { State } from './fold';

export type Via = 'chan send' | 'chan receive' | 'select' | 'mutex' | 'waitgroup' | 'nil chan' | 'sleep';

export interface WaitEdge {
  from: GId;
  /** The goroutine waited for; null: nobody alive can wake it. */
  to: GId | null;
  via: Via;
  /** Channel / mutex / wait group id. */
  obj: number | null;
  label: string;
}

export function waitFor(s: State): WaitEdge[] {
  const out: WaitEdge[] = [];
  const alive = (id: GId) => {
    const g = s.gs.get(id);
    return !!g && g.status !== 'dead';
  };
  for (const g of s.gs.values()) {
    if (g.status !== 'waiting') continue;
    const push = (cands: GId[], via: Via, obj: number | null, label: string, self = false) => {
      const to = [...new Set(cands)].filter((x) => (self || x !== g.id) && alive(x));
      if (to.length === 0) out.push({ from: g.id, to: null, via, obj, label });
      for (const t of to) out.push({ from: g.id, to: t, via, obj, label });
    };
    switch (g.reason) {
      case 'chan receive':
      case 'chan send': {
        const c = g.obj != null ? s.chans.get(g.obj) : undefined;
        const recv = g.reason === 'chan receive';
        let cands = c ? (recv ? [...c.senders, ...c.sendq] : [...c.receivers, ...c.recvq]) : [];
        if (c && cands.length === 0) {
          // Never used in that direction yet: whoever could have it, i.e.
          // its maker and the goroutines the maker started afterwards.
          cands = [...s.gs.values()].filter((x) => x.parent === c.maker && x.createdAt > c.madeAt).map((x) => x.id);
          if (c.maker != null) cands.push(c.maker);
        }
        push(cands, g.reason, g.obj, `${recv ? '<-' : ''}ch#${g.obj}${recv ? '' : ' <-'}`);
        break;
      }
      case 'select': {
        const cands: GId[] = [];
        for (const id of g.selectChans) {
          const c = s.chans.get(id);
          if (c) cands.push(...c.senders, ...c.receivers);
        }
        push(cands, 'select', null, 'select');
        break;
      }
      case 'sync.Mutex.Lock': {
        const m = g.obj != null ? s.mutexes.get(g.obj) : undefined;
        // The holder may be the waiter itself (a forgotten Unlock).
        push(m && m.holder != null ? [m.holder] : [], 'mutex', g.obj, `mutex#${g.obj}`, true);
        break;
      }
      case 'sync.WaitGroup.Wait': {
        const w = g.obj != null ? s.wgs.get(g.obj) : undefined;
        let cands: GId[] = [];
        if (w) {
          // Goroutines started by an Add-er that have not called Done yet,
          // else those that called Done before (they may call it again).
          const adders = new Set(w.adders);
          cands = [...s.gs.values()]
            .filter((x) => adders.has(x.parent) && !w.doners.includes(x.id) && x.id !== g.id)
            .map((x) => x.id);
          if (!cands.some(alive)) cands = w.doners.slice();
        }
        push(cands, 'waitgroup', g.obj, `wg#${g.obj}`);
        break;
      }
      case 'chan send (nil chan)':
      case 'chan receive (nil chan)':
      case 'select (no cases)':
        out.push({ from: g.id, to: null, via: 'nil chan', obj: null, label: g.reason });
        break;
      case 'sleep':
        break;
    }
  }
  return out;
}
