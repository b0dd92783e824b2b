import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KIND_FIELDS, type TraceEvent } from '../../src/model/events';
import { Folder, foldAll, queuesOf, type State } from '../../src/model/fold';
import { waitFor } from '../../src/model/waitfor';
import { Timeline } from '../../src/model/timeline';
import { synthetic } from '../../src/model/synthetic';

const dir = join(__dirname, 'fixtures');
const load = (name: string): TraceEvent[] => JSON.parse(readFileSync(join(dir, name + '.json'), 'utf8'));
const names = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

/** Every live, non-waiting G sits in exactly one place (curg or a queue). */
function checkQueues(s: State, evs: TraceEvent[]) {
  const at = queuesOf(s);
  for (const g of s.gs.values()) {
    const where = at.get(g.id) ?? [];
    const e = evs[s.cursor];
    if (e && (e.kind === 'go_create' || e.kind === 'go_unblock') && e.g === g.id) {
      // Created/woken by this very event: its runq_put is the next one.
      const n = evs[s.cursor + 1];
      if (n) expect(n.kind === 'runq_put' && n.g).toBe(g.id);
      continue;
    }
    if (g.status === 'running') expect(where, `G${g.id} @${s.cursor}`).toEqual([`P${g.p}.curg`]);
    else if (g.status === 'runnable') {
      expect(where.length, `G${g.id} runnable @${s.cursor}: ${where}`).toBe(1);
      expect(where[0]).not.toMatch(/curg/);
    } else expect(where, `G${g.id} ${g.status} @${s.cursor}`).toEqual([]);
  }
}

describe('events.ts mirrors the Rust serde output', () => {
  it.each(names)('%s: every event has exactly the fields of its kind', (name) => {
    const evs = load(name);
    expect(evs.length).toBeGreaterThan(0);
    evs.forEach((e, i) => {
      const fields = KIND_FIELDS[e.kind];
      expect(fields, `unknown kind ${e.kind}`).toBeDefined();
      expect(Object.keys(e).sort()).toEqual(['seq', 't', 'p', 'line', 'kind', ...fields].sort());
      expect(typeof e.seq).toBe('number');
      if (i > 0) expect(e.seq).toBeGreaterThan(evs[i - 1].seq);
      expect(e.p === null || typeof e.p === 'number').toBe(true);
    });
    expect(evs[evs.length - 1].kind).toBe('exit');
  });
});

describe('fold', () => {
  it.each(names)('%s: queues are consistent at every cursor', (name) => {
    const evs = load(name);
    const f = new Folder(16);
    f.append(evs);
    for (let i = -1; i < evs.length; i++) checkQueues(f.stateAt(i), evs);
  });

  it('gotcha-deadlock ends with main blocked in chan send on an unbuffered channel', () => {
    const s = foldAll(load('gotcha-deadlock'));
    const main = s.gs.get(1)!;
    expect(main.status).toBe('waiting');
    expect(main.reason).toBe('chan send');
    expect(main.line).toBe(24);
    const ch = s.chans.get(main.obj!)!;
    expect(ch.cap).toBe(0);
    expect(ch.sendq).toEqual([1]);
    expect(s.outcome).toEqual({ kind: 'deadlock', code: 2 });
    expect(waitFor(s)).toEqual([{ from: 1, to: null, via: 'chan send', obj: ch.id, label: `ch#${ch.id} <-` }]);
  });

  it('worker-pool: jobs buffer fills to 9 then drains; every G ends dead', () => {
    const evs = load('worker-pool');
    const f = new Folder(32);
    f.append(evs);
    const closeAt = evs.findIndex((e) => e.kind === 'chan_close');
    const s = f.stateAt(closeAt);
    const jobs = s.chans.get(1)!;
    expect(jobs.cap).toBe(9);
    expect(jobs.buf.map((b) => b.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(jobs.closed).toBe(true);
    const end = f.stateAt(evs.length - 1);
    expect(end.chans.get(1)!.buf).toEqual([]);
    expect([...end.gs.values()].filter((g) => g.id !== 1).every((g) => g.status === 'dead')).toBe(true);
    expect(end.outcome).toEqual({ kind: 'exit', code: 0 });
  });

  it('scrubbing back and forth equals folding from scratch', () => {
    const evs = load('prime-sieve');
    const f = new Folder(50);
    f.append(evs);
    for (const c of [400, 3, 260, 261, 100, 492, 0, -1, 251]) {
      const a = f.stateAt(c), b = foldAll(evs, c);
      expect(a.cursor).toBe(Math.max(c, -1));
      expect([...a.gs.values()]).toEqual([...b.gs.values()]);
      expect(a.ps).toEqual(b.ps);
      expect(a.global).toEqual(b.global);
      expect([...a.chans.values()]).toEqual([...b.chans.values()]);
    }
  });

  it('gotcha-send-on-closed: the panic is the outcome, by the sending goroutine', () => {
    const s = foldAll(load('gotcha-send-on-closed'));
    expect(s.outcome?.kind).toBe('panic');
    expect(s.outcome?.message).toBe('send on closed channel');
    expect(s.gs.get(s.outcome!.g!)!.line).toBe(27);
  });

  it('gotcha-forgotten-unlock: main waits for itself through the mutex it holds (a self-loop)', () => {
    const s = foldAll(load('gotcha-forgotten-unlock'));
    const main = s.gs.get(1)!;
    expect(main.reason).toBe('sync.Mutex.Lock');
    const m = s.mutexes.get(main.obj!)!;
    expect(m.holder).toBe(1);
    expect(m.waiters).toEqual([1]);
    expect(waitFor(s)).toEqual([{ from: 1, to: 1, via: 'mutex', obj: m.id, label: `mutex#${m.id}` }]);
  });

  it('ring-deadlock: main waits on the wait group for the blocked sender', () => {
    const s = foldAll(load('ring-deadlock'));
    expect(s.outcome?.kind).toBe('deadlock');
    expect(s.gs.get(1)!.reason).toBe('sync.WaitGroup.Wait');
    const edges = waitFor(s);
    const blocked = [...s.gs.values()].filter((g) => g.status === 'waiting');
    expect(blocked.map((g) => g.id).sort()).toEqual(edges.map((e) => e.from).filter((v, i, a) => a.indexOf(v) === i).sort());
    const mainEdges = edges.filter((e) => e.from === 1);
    expect(mainEdges.length).toBeGreaterThan(0);
    for (const e of mainEdges) expect(s.gs.get(e.to!)!.status).toBe('waiting');
  });

  it('prime-sieve: a receiver on a fresh channel waits for the filter that will send on it', () => {
    const evs = load('prime-sieve');
    const s = foldAll(evs, 300);
    const main = s.gs.get(1)!;
    expect(main.reason).toBe('chan receive');
    const ch = s.chans.get(main.obj!)!;
    expect(ch.senders).toEqual([]);
    const to = waitFor(s).filter((e) => e.from === 1).map((e) => e.to);
    // The newest filter was started (by the channel's maker) with the channel.
    const filter = [...s.gs.values()].find((g) => g.parent === ch.maker && g.createdAt > ch.madeAt)!;
    expect(to).toContain(filter.id);
    expect(to).not.toContain(null);
    // Its sender later is exactly that goroutine.
    const send = evs.find((e, i) => i > 300 && e.kind === 'chan_send' && e.ch === ch.id);
    expect(send && send.kind === 'chan_send' && send.from).toBe(filter.id);
  });
});

describe('timeline', () => {
  it('worker-pool: a message per send, matched through the buffer in FIFO order', () => {
    const evs = load('worker-pool');
    const t = new Timeline();
    t.append(evs);
    const sends = evs.filter((e) => e.kind === 'chan_send').length;
    expect(t.messages.length).toBe(sends);
    const jobs = t.messages.filter((m) => m.ch === 1);
    expect(jobs.map((m) => m.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const m of jobs) {
      expect(m.recv).toBeGreaterThan(m.send);
      const r = evs[m.recv];
      expect(r.kind === 'chan_recv' && r.value).toBe(m.value);
      expect(m.to).toBe(r.kind === 'chan_recv' ? r.to : -1);
    }
    expect(t.lanes.map((l) => l.g)).toEqual([1, 7, 8, 9]);
    expect(t.nprocs).toBe(2);
    expect(Math.max(...t.chans.get(1)!.occ.map((o) => o.n))).toBe(9);
  });

  it('spans of a lane are contiguous and sorted', () => {
    const t = new Timeline();
    t.append(load('prime-sieve'));
    for (const sp of t.spans) {
      for (let i = 1; i < sp.length; i++) expect(sp[i].start).toBe(sp[i - 1].end);
    }
  });

  it('synthetic logs fold consistently', () => {
    const evs = synthetic(5000, 4, 7);
    const f = new Folder(256);
    f.append(evs);
    for (let i = 0; i < evs.length; i += 97) checkQueues(f.stateAt(i), evs);
    const t = new Timeline();
    t.append(evs);
    expect(t.messages.length).toBeGreaterThan(100);
  });
});
