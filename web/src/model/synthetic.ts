// A synthetic but scheduler-consistent event log of any length (perf tests
// and the demo page): workers on `procs` Ps send and receive on a few
// channels, yield, get stolen; a wake-up timer breaks would-be deadlocks.

import type { GId, TraceEvent } from './events';

export function synthetic(n: number, procs = 4, workers = 12, seed = 1): TraceEvent[] {
  let r = seed >>> 0 || 1;
  const rnd = (k: number) => {
    r ^= r << 13; r >>>= 0; r ^= r >>> 17; r ^= r << 5; r >>>= 0;
    return r % k;
  };
  const out: TraceEvent[] = [];
  let t = 0;
  let seq = 0;
  const emit = (p: number | null, line: number, k: Record<string, unknown>) => {
    out.push({ seq: ++seq, t, p, line, ...k } as unknown as TraceEvent);
  };
  const ps = Array.from({ length: procs }, () => ({ curg: null as GId | null, runnext: null as GId | null, runq: [] as GId[], idle: false }));
  const global: GId[] = [];
  ps[0].runq.push(1);
  const nch = 4;
  const chans = Array.from({ length: nch }, (_, i) => ({ cap: i % 2 ? 3 : 0, buf: [] as string[], sendq: [] as [GId, string][], recvq: [] as GId[] }));
  const blocked = new Set<GId>();
  const gs: GId[] = [1];
  const put = (p: number, g: GId) => {
    const pp = ps[p];
    const kicked = pp.runnext;
    pp.runnext = g;
    if (kicked != null) pp.runq.push(kicked);
    emit(p, 0, { kind: 'runq_put', g, next: true, kicked, spilled: [] });
  };
  const wake = (p: number, g: GId, by: GId) => {
    blocked.delete(g);
    emit(p, 0, { kind: 'go_unblock', g, by });
    put(p, g);
  };
  let made = false;
  while (out.length < n) {
    const p = rnd(procs);
    const pp = ps[p];
    t += 1 + rnd(20);
    if (pp.curg == null) {
      let g: GId | undefined;
      let from = 'local';
      if (pp.runnext != null) { g = pp.runnext; pp.runnext = null; from = 'runnext'; }
      else if (pp.runq.length) g = pp.runq.shift();
      else if (global.length) { g = global.shift(); from = 'global'; emit(p, 0, { kind: 'global_get', g, moved: [] }); }
      else {
        const v = ps.findIndex((q, i) => i !== p && q.runq.length > 0);
        if (v >= 0) { g = ps[v].runq.shift(); from = 'stolen'; emit(p, 0, { kind: 'steal', g, victim: v, moved: [] }); }
      }
      if (g == null) {
        if (!pp.idle) { pp.idle = true; emit(p, 0, { kind: 'proc_idle' }); }
        if (ps.every((q) => q.curg == null && q.runnext == null && !q.runq.length) && !global.length && blocked.size) {
          // Everyone waits: a timer wakes someone (keeps the log going).
          const w = [...blocked][rnd(blocked.size)];
          for (const c of chans) {
            c.recvq = c.recvq.filter((x) => x !== w);
            c.sendq = c.sendq.filter(([x]) => x !== w);
          }
          t += 1000;
          emit(null, 0, { kind: 'clock_advance', to: t });
          emit(p, 0, { kind: 'timer_fire', g: w, ch: null });
          wake(p, w, 0);
        }
        continue;
      }
      pp.curg = g;
      pp.idle = false;
      emit(p, 0, { kind: 'go_start', g, from });
      continue;
    }
    const g = pp.curg;
    if (!made) {
      made = true;
      chans.forEach((c, i) => emit(p, 10 + i, { kind: 'chan_make', ch: i + 1, cap: c.cap, elem: 'int' }));
      for (let w = 0; w < workers; w++) {
        const id = 7 + w;
        gs.push(id);
        emit(p, 20, { kind: 'go_create', g: id, parent: g, func: 'main.worker' });
        put(p, id);
      }
      continue;
    }
    const a = rnd(10);
    const ci = rnd(nch);
    const c = chans[ci];
    const ch = ci + 1;
    if (a < 4) {
      const v = String(rnd(1000));
      if (c.recvq.length) {
        const to = c.recvq.shift()!;
        emit(p, 30, { kind: 'chan_send', ch, from: g, to, value: v, buffered: c.buf.length });
        wake(p, to, g);
      } else if (c.buf.length < c.cap) {
        c.buf.push(v);
        emit(p, 30, { kind: 'chan_send', ch, from: g, to: null, value: v, buffered: c.buf.length });
      } else {
        c.sendq.push([g, v]);
        blocked.add(g);
        pp.curg = null;
        emit(p, 30, { kind: 'go_block', g, reason: 'chan send', obj: ch });
      }
    } else if (a < 8) {
      if (c.sendq.length) {
        const [from, sv] = c.sendq.shift()!;
        let v = sv;
        if (c.cap) { v = c.buf.shift()!; c.buf.push(sv); }
        emit(p, 40, { kind: 'chan_recv', ch, to: g, from, value: v, buffered: c.buf.length, closed: false });
        wake(p, from, g);
      } else if (c.buf.length) {
        const v = c.buf.shift()!;
        emit(p, 40, { kind: 'chan_recv', ch, to: g, from: null, value: v, buffered: c.buf.length, closed: false });
      } else {
        c.recvq.push(g);
        blocked.add(g);
        pp.curg = null;
        emit(p, 40, { kind: 'go_block', g, reason: 'chan receive', obj: ch });
      }
    } else {
      pp.curg = null;
      emit(p, 0, { kind: 'go_yield', g, preempted: a === 9 });
      emit(p, 0, { kind: 'global_put', g });
      global.push(g);
    }
  }
  out.length = n;
  return out;
}
