// Folding the event log into the runtime's state at a cursor: goroutines,
// Ps and run queues, channels, mutexes, wait groups, the outcome. `Folder`
// keeps a checkpoint every CHECKPOINT events so any cursor is rebuilt from
// the nearest one (scrubbing a 100k-event log stays cheap).

import type { GId, TraceEvent, WaitReason } from './events';

export type GStatus = 'runnable' | 'running' | 'waiting' | 'dead';

export interface GState {
  id: GId;
  func: string;
  parent: GId;
  status: GStatus;
  /** Go's wait reason while waiting ('' otherwise). */
  reason: WaitReason;
  /** The channel/mutex/wait group it is blocked on. */
  obj: number | null;
  /** Last known source line (where it blocked, sent, ...); the `go` line before it ran. */
  line: number;
  /** The `go` statement's line (0 for main). */
  createdLine: number;
  /** The P it runs on (status running). */
  p: number | null;
  /** Event index where it was created / last changed status. */
  createdAt: number;
  since: number;
  /** Channels it used from a select (to guess what a blocked select waits for). */
  selectChans: number[];
}

export interface PState {
  id: number;
  curg: GId | null;
  runnext: GId | null;
  runq: GId[];
  idle: boolean;
}

export interface BufItem { value: string; from: GId | null; at: number }

export interface ChanState {
  id: number;
  cap: number;
  elem: string;
  line: number;
  buf: BufItem[];
  closed: boolean;
  sendq: GId[];
  recvq: GId[];
  /** Goroutines that ever sent on / received from it (wait-for guesses). */
  senders: GId[];
  receivers: GId[];
  sent: number;
  received: number;
  /** The goroutine that made it (null: unknown) and when. */
  maker: GId | null;
  madeAt: number;
}

export interface MutexState { id: number; holder: GId | null; waiters: GId[]; lockedAt: number }
export interface WgState { id: number; counter: number; waiters: GId[]; adders: GId[]; doners: GId[] }

export interface Outcome {
  kind: 'exit' | 'deadlock' | 'panic';
  code?: number;
  g?: GId;
  message?: string;
}

export interface State {
  /** Index of the last applied event (-1: none). */
  cursor: number;
  t: number;
  gs: Map<GId, GState>;
  ps: PState[];
  global: GId[];
  chans: Map<number, ChanState>;
  mutexes: Map<number, MutexState>;
  wgs: Map<number, WgState>;
  outcome: Outcome | null;
}

export function initialState(): State {
  const s: State = {
    cursor: -1, t: 0, gs: new Map(), ps: [], global: [], chans: new Map(), mutexes: new Map(),
    wgs: new Map(), outcome: null,
  };
  // main starts queued on P0 without a runq_put event.
  s.gs.set(1, newG(1, 'main.main', 0, 0, -1, 'runnable'));
  proc(s, 0).runq.push(1);
  return s;
}

function newG(id: GId, func: string, parent: GId, line: number, at: number, status: GStatus): GState {
  return {
    id, func, parent, status, reason: '', obj: null, line, createdLine: line, p: null,
    createdAt: at, since: at, selectChans: [],
  };
}

function proc(s: State, p: number): PState {
  while (s.ps.length <= p) s.ps.push({ id: s.ps.length, curg: null, runnext: null, runq: [], idle: false });
  return s.ps[p];
}

function g(s: State, id: GId, at: number): GState {
  let x = s.gs.get(id);
  if (!x) {
    x = newG(id, '?', 0, 0, at, 'runnable');
    s.gs.set(id, x);
  }
  return x;
}

function chan(s: State, id: number): ChanState {
  let c = s.chans.get(id);
  if (!c) {
    c = { id, cap: 0, elem: '?', line: 0, buf: [], closed: false, sendq: [], recvq: [], senders: [], receivers: [], sent: 0, received: 0, maker: null, madeAt: -1 };
    s.chans.set(id, c);
  }
  return c;
}

function mutex(s: State, id: number): MutexState {
  let m = s.mutexes.get(id);
  if (!m) s.mutexes.set(id, (m = { id, holder: null, waiters: [], lockedAt: -1 }));
  return m;
}

function wg(s: State, id: number): WgState {
  let w = s.wgs.get(id);
  if (!w) s.wgs.set(id, (w = { id, counter: 0, waiters: [], adders: [], doners: [] }));
  return w;
}

function remove(a: GId[], x: GId): boolean {
  const i = a.indexOf(x);
  if (i < 0) return false;
  a.splice(i, 1);
  return true;
}

function addOnce(a: GId[], x: GId) {
  if (!a.includes(x)) a.push(x);
}

/** Takes `id` out of every run queue (runnext, local queues, global). */
function dequeue(s: State, id: GId, hint?: number) {
  if (hint != null && hint < s.ps.length) {
    const p = s.ps[hint];
    if (p.runnext === id) { p.runnext = null; return; }
    if (p.runq[0] === id) { p.runq.shift(); return; }
    if (remove(p.runq, id)) return;
  }
  if (s.global[0] === id) { s.global.shift(); return; }
  for (const p of s.ps) {
    if (p.runnext === id) { p.runnext = null; return; }
    if (remove(p.runq, id)) return;
  }
  remove(s.global, id);
}

/** Takes `id` out of victim `v`'s queues (a steal), else wherever it is. */
function unqueueFrom(s: State, v: PState, id: GId) {
  if (v.runnext === id) v.runnext = null;
  else if (!remove(v.runq, id)) dequeue(s, id);
}

function stopRunning(s: State, x: GState) {
  if (x.p != null && x.p < s.ps.length && s.ps[x.p].curg === x.id) s.ps[x.p].curg = null;
  x.p = null;
}

/** P `p` has taken `id` to run it (steal/global_get; go_start follows). */
function take(s: State, p: PState, id: GId, i: number) {
  const x = g(s, id, i);
  p.curg = id;
  p.idle = false;
  x.status = 'running';
  x.p = p.id;
}

function setLine(s: State, id: GId | null, line: number, at: number) {
  if (id == null || line === 0) return;
  g(s, id, at).line = line;
}

/** Applies event `e` (at index `i`) to `s`, in place. */
export function apply(s: State, e: TraceEvent, i: number): void {
  s.cursor = i;
  s.t = e.t;
  if (e.p != null) proc(s, e.p);
  switch (e.kind) {
    case 'go_create': {
      s.gs.set(e.g, newG(e.g, e.func, e.parent, e.line, i, 'runnable'));
      setLine(s, e.parent, e.line, i);
      break;
    }
    case 'go_start': {
      const x = g(s, e.g, i);
      const p = proc(s, e.p ?? 0);
      if (e.from === 'runnext' && p.runnext === e.g) p.runnext = null;
      else if (e.from === 'local' && p.runq[0] === e.g) p.runq.shift();
      else if (e.from === 'global_tick' && s.global[0] === e.g) s.global.shift();
      else dequeue(s, e.g, e.p ?? undefined); // steal/global_get took it already: a no-op
      if (p.curg != null && p.curg !== e.g) {
        const old = s.gs.get(p.curg);
        if (old && old.p === p.id) old.p = null;
      }
      p.curg = e.g;
      p.idle = false;
      x.status = 'running';
      x.reason = '';
      x.obj = null;
      x.p = p.id;
      x.since = i;
      break;
    }
    case 'go_block': {
      const x = g(s, e.g, i);
      stopRunning(s, x);
      x.status = 'waiting';
      x.reason = e.reason;
      x.obj = e.obj;
      x.since = i;
      setLine(s, e.g, e.line, i);
      for (const ch of e.chans ?? []) if (!x.selectChans.includes(ch)) x.selectChans.push(ch);
      if (e.obj != null) {
        if (e.reason === 'chan send') chan(s, e.obj).sendq.push(e.g);
        else if (e.reason === 'chan receive') chan(s, e.obj).recvq.push(e.g);
        else if (e.reason === 'sync.Mutex.Lock') mutex(s, e.obj).waiters.push(e.g);
        else if (e.reason === 'sync.WaitGroup.Wait') addOnce(wg(s, e.obj).waiters, e.g);
      }
      break;
    }
    case 'go_unblock': {
      const x = g(s, e.g, i);
      if (x.obj != null) {
        const c = s.chans.get(x.obj);
        if (c && (x.reason === 'chan send' || x.reason === 'chan receive')) {
          remove(c.sendq, e.g);
          remove(c.recvq, e.g);
        }
        if (x.reason === 'sync.Mutex.Lock') remove(mutex(s, x.obj).waiters, e.g);
        if (x.reason === 'sync.WaitGroup.Wait') remove(wg(s, x.obj).waiters, e.g);
      }
      x.status = 'runnable';
      x.reason = '';
      x.obj = null;
      x.since = i;
      break;
    }
    case 'go_yield': {
      const x = g(s, e.g, i);
      stopRunning(s, x);
      x.status = 'runnable';
      x.since = i;
      // A yielding G goes to the global queue (the global_put that follows).
      s.global.push(e.g);
      break;
    }
    case 'go_exit': {
      const x = g(s, e.g, i);
      stopRunning(s, x);
      dequeue(s, e.g);
      x.status = 'dead';
      x.reason = '';
      x.obj = null;
      x.since = i;
      break;
    }
    case 'steal': {
      const v = proc(s, e.victim);
      const p = proc(s, e.p ?? 0);
      for (const id of e.moved) unqueueFrom(s, v, id);
      unqueueFrom(s, v, e.g);
      p.runq.push(...e.moved);
      take(s, p, e.g, i);
      break;
    }
    case 'runq_put': {
      const p = proc(s, e.p ?? 0);
      let tail: GId | null = e.g;
      if (e.next) {
        tail = e.kicked;
        p.runnext = e.g;
      }
      if (e.spilled.length) {
        for (const id of e.spilled) remove(p.runq, id);
        s.global.push(...e.spilled);
        if (tail != null && !e.spilled.includes(tail)) p.runq.push(tail);
      } else if (tail != null) {
        p.runq.push(tail);
      }
      const x = g(s, e.g, i);
      if (x.status !== 'dead') x.status = 'runnable';
      break;
    }
    case 'global_put':
      if (s.global[s.global.length - 1] !== e.g) s.global.push(e.g);
      break;
    case 'global_get': {
      const p = proc(s, e.p ?? 0);
      // (No array of the Gs taken: ingestion allocates nothing per event it need not.)
      if (!remove(s.global, e.g)) dequeue(s, e.g);
      for (const id of e.moved) if (!remove(s.global, id)) dequeue(s, id);
      p.runq.push(...e.moved);
      take(s, p, e.g, i);
      break;
    }
    case 'proc_resize': {
      // Ps past the new count disappear; their goroutines went to the
      // global queue, in order.
      for (const id of e.moved) {
        dequeue(s, id);
        s.global.push(id);
        const x = s.gs.get(id);
        if (x) {
          x.status = 'runnable';
          x.p = null;
        }
      }
      s.ps = s.ps.slice(0, e.procs);
      while (s.ps.length < e.procs) proc(s, s.ps.length);
      break;
    }
    case 'proc_idle': {
      const p = proc(s, e.p ?? 0);
      p.idle = true;
      if (p.curg != null) {
        const x = s.gs.get(p.curg);
        if (x && x.p === p.id && x.status === 'running') x.p = null;
        p.curg = null;
      }
      break;
    }
    case 'proc_wake':
      proc(s, e.p ?? 0).idle = false;
      break;
    case 'chan_make': {
      const c = chan(s, e.ch);
      c.cap = e.cap;
      c.elem = e.elem;
      c.line = e.line;
      c.madeAt = i;
      c.maker = e.p != null ? s.ps[e.p].curg : null;
      if (e.p != null) setLine(s, s.ps[e.p].curg, e.line, i);
      break;
    }
    case 'chan_send': {
      const c = chan(s, e.ch);
      c.sent++;
      addOnce(c.senders, e.from);
      setLine(s, e.from, e.line, i);
      noteSelect(s, e.from, e.ch, i);
      if (e.to != null) {
        addOnce(c.receivers, e.to);
        remove(c.recvq, e.to);
        c.received++;
        noteSelect(s, e.to, e.ch, i);
      } else {
        c.buf.push({ value: e.value, from: e.from, at: i });
      }
      fitBuffer(c, e.buffered, i);
      break;
    }
    case 'chan_recv': {
      const c = chan(s, e.ch);
      addOnce(c.receivers, e.to);
      setLine(s, e.to, e.line, i);
      noteSelect(s, e.to, e.ch, i);
      if (!e.closed) c.received++;
      if (e.from != null) {
        addOnce(c.senders, e.from);
        remove(c.sendq, e.from);
        c.sent++;
        noteSelect(s, e.from, e.ch, i);
        if (c.cap > 0) {
          // A full buffer: the head goes out, the sender's value goes in.
          c.buf.shift();
          c.buf.push({ value: e.refill ?? '…', from: e.from, at: i });
        }
      } else if (!e.closed) {
        c.buf.shift();
      }
      fitBuffer(c, e.buffered, i);
      break;
    }
    case 'chan_close': {
      chan(s, e.ch).closed = true;
      setLine(s, e.by, e.line, i);
      break;
    }
    case 'select': {
      setLine(s, e.g, e.line, i);
      break;
    }
    case 'mutex_lock': {
      const m = mutex(s, e.m);
      m.holder = e.g;
      m.lockedAt = i;
      remove(m.waiters, e.g);
      setLine(s, e.g, e.line, i);
      break;
    }
    case 'mutex_unlock': {
      const m = mutex(s, e.m);
      m.holder = null;
      setLine(s, e.g, e.line, i);
      break;
    }
    case 'wg_add': {
      const w = wg(s, e.wg);
      w.counter = e.counter;
      addOnce(e.delta > 0 ? w.adders : w.doners, e.g);
      setLine(s, e.g, e.line, i);
      break;
    }
    case 'wg_wait':
      wg(s, e.wg);
      setLine(s, e.g, e.line, i);
      break;
    case 'panic':
      s.outcome = { kind: 'panic', g: e.g, message: e.message };
      setLine(s, e.g, e.line, i);
      break;
    case 'deadlock':
      s.outcome = { kind: 'deadlock' };
      break;
    case 'exit':
      if (!s.outcome) s.outcome = { kind: 'exit', code: e.code };
      else s.outcome.code = e.code;
      break;
    case 'timer_fire':
    case 'clock_advance':
    case 'output':
      break;
  }
}

function noteSelect(s: State, id: GId, ch: number, i: number) {
  const x = g(s, id, i);
  if (x.reason === 'select' && !x.selectChans.includes(ch)) x.selectChans.push(ch);
}

/** Keeps the buffer preview's length equal to the log's `buffered` count. */
function fitBuffer(c: ChanState, n: number, i: number) {
  while (c.buf.length > n) c.buf.shift();
  while (c.buf.length < n) c.buf.push({ value: '…', from: null, at: i });
}

export function cloneState(s: State): State {
  const gs = new Map<GId, GState>();
  for (const [k, v] of s.gs) gs.set(k, { ...v, selectChans: v.selectChans.slice() });
  const chans = new Map<number, ChanState>();
  for (const [k, c] of s.chans) {
    chans.set(k, {
      ...c, buf: c.buf.slice(), sendq: c.sendq.slice(), recvq: c.recvq.slice(),
      senders: c.senders.slice(), receivers: c.receivers.slice(),
    });
  }
  const mutexes = new Map<number, MutexState>();
  for (const [k, m] of s.mutexes) mutexes.set(k, { ...m, waiters: m.waiters.slice() });
  const wgs = new Map<number, WgState>();
  for (const [k, w] of s.wgs) {
    wgs.set(k, { ...w, waiters: w.waiters.slice(), adders: w.adders.slice(), doners: w.doners.slice() });
  }
  return {
    cursor: s.cursor, t: s.t, gs, chans, mutexes, wgs,
    ps: s.ps.map((p) => ({ ...p, runq: p.runq.slice() })),
    global: s.global.slice(),
    outcome: s.outcome ? { ...s.outcome } : null,
  };
}

/** Folds `events[0..=cursor]` from scratch (tests, reference). */
export function foldAll(events: TraceEvent[], cursor = events.length - 1): State {
  const s = initialState();
  for (let i = 0; i <= cursor && i < events.length; i++) apply(s, events[i], i);
  return s;
}

export const CHECKPOINT = 1024;

/**
 * Incremental folding with checkpoints. `stateAt(i)` returns a state owned
 * by the folder (read it, do not keep or mutate it across calls).
 */
export class Folder {
  events: TraceEvent[] = [];
  /** checkpoints[k]: the state after events[0..k*CHECKPOINT-1]. */
  private checkpoints: State[] = [initialState()];
  private head: State = initialState();
  private cur: State = initialState();

  constructor(readonly every = CHECKPOINT) {}

  reset() {
    this.events = [];
    this.checkpoints = [initialState()];
    this.head = initialState();
    this.cur = initialState();
  }

  append(evs: TraceEvent[]) {
    for (const e of evs) {
      const i = this.events.length;
      this.events.push(e);
      apply(this.head, e, i);
      if ((i + 1) % this.every === 0) this.checkpoints.push(cloneState(this.head));
    }
  }

  get length() {
    return this.events.length;
  }

  /** The state after events[0..=cursor] (cursor clamped to the log). */
  stateAt(cursor: number): State {
    const c = Math.max(-1, Math.min(cursor, this.events.length - 1));
    if (c === this.events.length - 1) return this.head;
    let s = this.cur;
    // Forward from the current state when the nearest checkpoint is not closer.
    const k = Math.floor((c + 1) / this.every);
    const base = k * this.every - 1; // cursor of checkpoint k
    if (s.cursor > c || s.cursor < base) s = this.cur = cloneState(this.checkpoints[k]);
    for (let i = s.cursor + 1; i <= c; i++) apply(s, this.events[i], i);
    return s;
  }
}

/** Where a G sits: running on P n, in a run queue, or nowhere. */
export function queuesOf(s: State): Map<GId, string[]> {
  const at = new Map<GId, string[]>();
  const put = (id: GId, where: string) => {
    const a = at.get(id);
    if (a) a.push(where);
    else at.set(id, [where]);
  };
  for (const p of s.ps) {
    if (p.curg != null) put(p.curg, `P${p.id}.curg`);
    if (p.runnext != null) put(p.runnext, `P${p.id}.runnext`);
    for (const id of p.runq) put(id, `P${p.id}.runq`);
  }
  for (const id of s.global) put(id, 'global');
  return at;
}
