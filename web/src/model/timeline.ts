// Whole-log indexes for the traffic view, built incrementally on append:
// goroutine lanes, status spans, messages (sender → receiver, matched
// through channel buffers), closes, selects, buffer occupancy.

import type { GId, TraceEvent, WaitReason } from './events';

export interface Lane { g: GId; func: string; created: number; end: number; line: number }
export interface Span {
  start: number; end: number; state: 'running' | 'runnable' | 'waiting'; reason: WaitReason; obj: number | null;
  /** state and reason as one small number (`spanKind`). */
  kind: number;
}
export interface Message { send: number; recv: number; from: GId; to: GId | null; ch: number; value: string; direct: boolean }
export interface Mark { at: number; g: GId; kind: 'close' | 'select' | 'panic' | 'create' | 'exit' | 'closed-recv'; label: string }
export interface ChanInfo { ch: number; cap: number; elem: string; line: number; occ: { at: number; n: number }[]; closedAt: number }

const OPEN = Number.POSITIVE_INFINITY;

const kindIds = new Map<string, number>();
/** spanKind's numbers, back to state and reason. */
export const SPAN_KINDS: { state: Span['state']; reason: WaitReason }[] = [];

/** A span's state and reason interned as a small number: a view that
 * draws tens of thousands of spans per frame looks its colour up by it
 * instead of building a string key per span. */
export function spanKind(state: Span['state'], reason: WaitReason): number {
  const key = state + '|' + reason;
  let k = kindIds.get(key);
  if (k == null) {
    k = SPAN_KINDS.length;
    kindIds.set(key, k);
    SPAN_KINDS.push({ state, reason });
  }
  return k;
}

export class Timeline {
  events: TraceEvent[] = [];
  lanes: Lane[] = [];
  private laneOf = new Map<GId, number>();
  /** spans[lane]: sorted by start; the last may be open (end = Infinity). */
  spans: Span[][] = [];
  /** Sorted by send index. */
  messages: Message[] = [];
  maxMsgSpan = 0;
  marks: Mark[] = [];
  chans = new Map<number, ChanInfo>();
  nprocs = 1;
  private bufq = new Map<number, number[]>(); // channel → queued message indexes

  constructor() {
    this.reset();
  }

  reset() {
    this.events = [];
    this.lanes = [];
    this.laneOf = new Map();
    this.spans = [];
    this.messages = [];
    this.maxMsgSpan = 0;
    this.marks = [];
    this.chans = new Map();
    this.bufq = new Map();
    this.nprocs = 1;
    this.lane(1, 'main.main', -1, 0);
    this.spans[0].push({ start: -1, end: OPEN, state: 'runnable', reason: '', obj: null, kind: spanKind('runnable', '') });
  }

  private lane(g: GId, func: string, at: number, line: number): number {
    let i = this.laneOf.get(g);
    if (i == null) {
      i = this.lanes.length;
      this.laneOf.set(g, i);
      this.lanes.push({ g, func, created: at, end: OPEN, line });
      this.spans.push([]);
    }
    return i;
  }

  laneIndex(g: GId): number | undefined {
    return this.laneOf.get(g);
  }

  private setState(g: GId, at: number, state: Span['state'] | null, reason: WaitReason = '', obj: number | null = null) {
    const l = this.lane(g, '?', at, 0);
    const sp = this.spans[l];
    const last = sp[sp.length - 1];
    if (last && last.end === OPEN) {
      if (state && last.state === state && last.reason === reason) return;
      last.end = at;
    }
    if (state) sp.push({ start: at, end: OPEN, state, reason, obj, kind: spanKind(state, reason) });
  }

  private chan(ch: number): ChanInfo {
    let c = this.chans.get(ch);
    if (!c) this.chans.set(ch, (c = { ch, cap: 0, elem: '?', line: 0, occ: [], closedAt: -1 }));
    return c;
  }

  private msg(m: Message) {
    this.messages.push(m);
    return this.messages.length - 1;
  }

  private deliver(mi: number, at: number, to: GId) {
    const m = this.messages[mi];
    m.recv = at;
    m.to = to;
    this.maxMsgSpan = Math.max(this.maxMsgSpan, at - m.send);
  }

  append(evs: TraceEvent[]) {
    for (const e of evs) {
      const i = this.events.length;
      this.events.push(e);
      if (e.p != null && e.p + 1 > this.nprocs) this.nprocs = e.p + 1;
      switch (e.kind) {
        case 'go_create':
          this.lanes[this.lane(e.g, e.func, i, e.line)].func = e.func;
          this.setState(e.g, i, 'runnable');
          this.marks.push({ at: i, g: e.parent, kind: 'create', label: `go ${e.func} → G${e.g}` });
          break;
        case 'go_start': this.setState(e.g, i, 'running'); break;
        case 'go_block': this.setState(e.g, i, 'waiting', e.reason, e.obj); break;
        case 'go_unblock': case 'go_yield': this.setState(e.g, i, 'runnable'); break;
        case 'go_exit': {
          this.setState(e.g, i, null);
          this.lanes[this.lane(e.g, '?', i, 0)].end = i;
          break;
        }
        case 'chan_make': {
          const c = this.chan(e.ch);
          c.cap = e.cap; c.elem = e.elem; c.line = e.line;
          c.occ.push({ at: i, n: 0 });
          break;
        }
        case 'chan_send': {
          const c = this.chan(e.ch);
          if (e.to != null) {
            this.msg({ send: i, recv: i, from: e.from, to: e.to, ch: e.ch, value: e.value, direct: true });
          } else {
            const mi = this.msg({ send: i, recv: -1, from: e.from, to: null, ch: e.ch, value: e.value, direct: false });
            this.q(e.ch).push(mi);
          }
          c.occ.push({ at: i, n: e.buffered });
          break;
        }
        case 'chan_recv': {
          const c = this.chan(e.ch);
          if (e.closed) {
            this.marks.push({ at: i, g: e.to, kind: 'closed-recv', label: `<-ch#${e.ch}: closed` });
          } else if (e.from != null && c.cap === 0) {
            this.msg({ send: i, recv: i, from: e.from, to: e.to, ch: e.ch, value: e.value, direct: true });
          } else {
            const q = this.q(e.ch);
            const mi = q.shift();
            if (mi != null) this.deliver(mi, i, e.to);
            if (e.from != null) q.push(this.msg({ send: i, recv: -1, from: e.from, to: null, ch: e.ch, value: '…', direct: false }));
          }
          c.occ.push({ at: i, n: e.buffered });
          break;
        }
        case 'chan_close':
          this.chan(e.ch).closedAt = i;
          this.marks.push({ at: i, g: e.by, kind: 'close', label: `close(ch#${e.ch})` });
          break;
        case 'select':
          this.marks.push({ at: i, g: e.g, kind: 'select', label: e.case == null ? 'select: default' : `select: case ${e.case} (${e.ready}/${e.cases} ready)` });
          break;
        case 'panic':
          this.marks.push({ at: i, g: e.g, kind: 'panic', label: `panic: ${e.message}` });
          break;
        default:
          break;
      }
    }
  }

  private q(ch: number): number[] {
    let q = this.bufq.get(ch);
    if (!q) this.bufq.set(ch, (q = []));
    return q;
  }

  /** Index of the first element of `a` whose key is >= x (a sorted by key). */
  static lowerBound<T>(a: T[], x: number, key: (t: T) => number): number {
    let lo = 0, hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(a[mid]) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
