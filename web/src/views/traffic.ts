// Channel traffic, the centrepiece: a lane per goroutine over event index,
// coloured spans (running, runnable, blocked by wait reason), an arrow per
// message from sender to receiver with its value, buffered channels'
// occupancy, closes, select choices, panics. Canvas, virtualised: only
// what falls inside the visible index window is drawn, and dense parts
// are merged per pixel. Wheel zooms, drag pans, double-click fits.

import { describe, fmtTime, actorOf, type TraceEvent } from '../model/events';
import type { State } from '../model/fold';
import { Timeline, type Span } from '../model/timeline';
import { h, reasonVar, section, type View } from './util';

const LABEL_W = 118;
let LANE_H = 28;
const CHAN_H = 20;
const TOP = 18;
const PALETTE = ['#2f6fde', '#e07b1a', '#1f9d55', '#8e44c9', '#d6336c', '#0f9b8e', '#b08900', '#5c7cfa', '#e8590c', '#2b8a3e'];

export interface TrafficView extends View {
  /** Messages sent up to the cursor / spans drawn by the last render (tests). */
  readonly drawn: { messages: number; spans: number };
  fit(): void;
  /** While events stream in (views' setStreaming): draw less. */
  setStreaming(on: boolean): void;
}

export function mountTraffic(el: HTMLElement, opts: { onSelectLine(line: number): void; onSeek?(i: number): void }): TrafficView {
  const { body, sub } = section(el, 'Channel traffic');
  const wrap = h('div', 'cs-traffic-wrap');
  const canvas = h('canvas');
  const tip = h('div', 'cs-tip');
  wrap.append(canvas, tip);
  const legend = h('div', 'cs-legend');
  legend.innerHTML = [
    ['--cs-running', 'running'], ['--cs-runnable', 'runnable'], ['--cs-recv', 'chan receive'], ['--cs-send', 'chan send'],
    ['--cs-select', 'select'], ['--cs-sleep', 'sleep'], ['--cs-mutex', 'Mutex.Lock'], ['--cs-wg', 'WaitGroup.Wait'],
  ].map(([v, l]) => `<span><i style="background:var(${v})"></i>${l}</span>`).join('') +
    '<span>→ message (value) · ◆ select · ✕ close · ✸ panic · wheel: zoom · drag: pan · double-click: fit</span>';
  body.append(wrap, legend);

  let tl = new Timeline();
  let cursor = -1;
  let x0 = -1, x1 = 1; // visible index window
  let fitted = true;
  let cssW = 0;
  const drawn = { messages: 0, spans: 0 };
  let panelBg = '#fff';
  const main = canvas.getContext('2d')!;
  let ctx = main;
  // Two offscreen layers of the whole window: everything as past (full
  // colour) and as future (dimmed). Scrubbing only composes them around the
  // cursor's x, so it costs two drawImage calls however long the log is.
  const past = document.createElement('canvas'), fut = document.createElement('canvas');
  let layerKey = '', futKey = '';
  let streaming = false;

  const xOf = (i: number) => LABEL_W + ((i - x0) / (x1 - x0)) * (cssW - LABEL_W - 8);
  const iOf = (x: number) => x0 + ((x - LABEL_W) / (cssW - LABEL_W - 8)) * (x1 - x0);
  const bufChans = () => [...tl.chans.values()].filter((c) => c.cap > 0);
  const laneY = (l: number) => TOP + l * LANE_H + LANE_H / 2;

  function fitWindow() {
    x0 = -1;
    x1 = Math.max(tl.events.length, 8);
  }

  function render() {
    const w = wrap.clientWidth || 800;
    const nl = tl.lanes.length, bc = bufChans();
    LANE_H = nl <= 8 ? 30 : nl <= 24 ? 24 : 18;
    const hgt = TOP + nl * LANE_H + (bc.length ? 8 + bc.length * CHAN_H : 0) + 6;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(hgt * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(hgt * dpr);
      canvas.style.height = hgt + 'px';
    }
    cssW = w;
    if (fitted) fitWindow();
    const cs = getComputedStyle(el);
    const cache = new Map<string, string>();
    const v = (name: string) => {
      let c = cache.get(name);
      if (c == null) cache.set(name, (c = cs.getPropertyValue(name).trim() || '#888'));
      return c;
    };
    panelBg = v('--cs-panel');
    const col = { fg: v('--cs-fg'), muted: v('--cs-muted'), border: v('--cs-border'), bg: v('--cs-panel'), accent: v('--cs-accent'), danger: v('--cs-danger') };
    const lo = Math.floor(x0), hi = Math.ceil(x1);
    const plotR = w - 8;
    const chanTop = TOP + nl * LANE_H + 8;
    const ms = tl.messages;
    const key = [tl.events.length, x0, x1, w, hgt, dpr, col.fg, col.bg, nl].join('|');
    // Streaming with the cursor on the newest event, nothing lies right of
    // it: the future layer waits until the stream ends or the cursor moves
    // back (half the drawing while a run competes for the cores).
    const needFut = !(streaming && cursor >= tl.events.length - 1);
    const paint = (cv: HTMLCanvasElement, cur: number) => {
      if (cv.width !== canvas.width || cv.height !== canvas.height) {
        cv.width = canvas.width;
        cv.height = canvas.height;
        ctx = cv.getContext('2d')!;
      } else {
        // As a resize would: cleared, state reset, without a new bitmap.
        ctx = cv.getContext('2d')!;
        ctx.reset();
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      scene(cur);
      ctx = main;
    };
    if (key !== layerKey) {
      layerKey = key;
      futKey = '';
      drawn.spans = 0;
      paint(past, Infinity);
    }
    if (needFut && futKey !== key) {
      futKey = key;
      paint(fut, -Infinity);
    }
    // Compose: past up to the cursor's x, future after it.
    const cx = cursor < x0 ? LABEL_W : cursor > x1 ? plotR : xOf(cursor + 0.5);
    main.setTransform(1, 0, 0, 1, 0, 0);
    main.clearRect(0, 0, canvas.width, canvas.height);
    const cxd = Math.round(cx * dpr);
    if (cxd > 0) main.drawImage(past, 0, 0, cxd, canvas.height, 0, 0, cxd, canvas.height);
    if (needFut && canvas.width - cxd > 0) main.drawImage(fut, cxd, 0, canvas.width - cxd, canvas.height, cxd, 0, canvas.width - cxd, canvas.height);
    main.setTransform(dpr, 0, 0, dpr, 0, 0);
    const first = Timeline.lowerBound(ms, lo - tl.maxMsgSpan - 1, (m) => m.send);
    const upto = Timeline.lowerBound(ms, Math.min(cursor, hi) + 1, (m) => m.send);
    drawn.messages = Math.max(0, upto - first);
    inFlight(first, upto);

    function scene(cursor: number) {

    // Axis: event index ticks with virtual time.
    ctx.font = '10px ui-monospace, monospace';
    ctx.fillStyle = col.muted;
    ctx.strokeStyle = col.border;
    ctx.lineWidth = 1;
    const step = niceStep((x1 - x0) / Math.max(1, (w - LABEL_W) / 110));
    for (let i = Math.ceil(Math.max(0, x0) / step) * step; i <= x1 && i < tl.events.length; i += step) {
      const x = xOf(i);
      ctx.fillText(`#${i} ${fmtTime(tl.events[i].t)}`, x + 2, 10);
      ctx.beginPath();
      ctx.moveTo(x + 0.5, 12);
      ctx.lineTo(x + 0.5, hgt);
      ctx.globalAlpha = 0.35;
      ctx.stroke();
      ctx.globalAlpha = 1;
    }

    // Lanes.
    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL_W, 0, plotR - LABEL_W, hgt);
    ctx.clip();
    // Spans are rasterised into pixel columns first (a code per column:
    // state/reason colour + past/future), then drawn as runs: the cost
    // stays bounded by the width however many spans the window holds.
    const px0 = Math.floor(LABEL_W), pxN = Math.max(1, Math.ceil(plotR) - px0);
    const cols = new Int16Array(pxN);
    const codes: { color: string; th: number; alpha: number }[] = [];
    // Indexed by span kind * 2 + future (a lookup per span, no string key).
    const codeOf: number[] = [];
    const code = (s: Span, future: boolean) => {
      const i = s.kind * 2 + (future ? 1 : 0);
      let c = codeOf[i];
      if (c === undefined) {
        c = codeOf[i] = codes.length + 1;
        codes.push({ color: v(reasonVar(s.reason, s.state)), th: s.state === 'running' ? 8 : s.state === 'runnable' ? 2 : 6, alpha: future ? 0.18 : 1 });
      }
      return c;
    };
    for (let l = 0; l < nl; l++) {
      const y = laneY(l);
      const sp = tl.spans[l];
      cols.fill(0);
      let k = Math.max(0, Timeline.lowerBound(sp, lo, (s) => s.start) - 1);
      for (; k < sp.length && sp[k].start <= hi; k++) {
        const s = sp[k];
        const end = Math.min(s.end, tl.events.length);
        if (end < lo) continue;
        const a = Math.max(0, Math.floor(xOf(Math.max(s.start, x0 - 1))) - px0);
        const b = Math.min(pxN, Math.max(a + 1, Math.round(xOf(Math.min(end, x1 + 1))) - px0));
        const c = code(s, s.start > cursor);
        // Narrow spans never hide a wider one's colour completely: waiting wins.
        if (b - a <= 1 && cols[a] && codes[cols[a] - 1].th > codes[c - 1].th) continue;
        cols.fill(c, a, b);
        drawn.spans++;
      }
      let run = 0;
      for (let x = 1; x <= pxN; x++) {
        if (x < pxN && cols[x] === cols[run]) continue;
        const c = cols[run];
        if (c) {
          const cd = codes[c - 1];
          ctx.fillStyle = cd.color;
          ctx.globalAlpha = cd.alpha;
          ctx.fillRect(px0 + run, y - cd.th / 2, x - run, cd.th);
        }
        run = x;
      }
    }
    ctx.globalAlpha = 1;

    // Buffered channels: occupancy step graphs.
    bc.forEach((c, j) => {
      const y0 = chanTop + j * CHAN_H, yb = y0 + CHAN_H - 4;
      const color = PALETTE[c.ch % PALETTE.length];
      ctx.fillStyle = color;
      const occ = c.occ;
      let k = Math.max(0, Timeline.lowerBound(occ, lo, (o) => o.at) - 1);
      let lastOcc = -1;
      for (; k < occ.length && occ[k].at <= hi; k++) {
        const o = occ[k];
        const next = k + 1 < occ.length ? occ[k + 1].at : tl.events.length;
        if (o.n === 0) continue;
        const a = xOf(o.at), b = Math.max(xOf(next), a + 1);
        if (b - a < 1 && Math.floor(a) === lastOcc) continue;
        lastOcc = Math.floor(a);
        const hh = ((CHAN_H - 6) * o.n) / Math.max(1, c.cap);
        ctx.globalAlpha = o.at > cursor ? 0.15 : 0.55;
        ctx.fillRect(a, yb - hh, b - a, hh);
      }
      ctx.globalAlpha = 1;
      if (c.closedAt >= 0) cross(xOf(c.closedAt), yb - 6, col.danger);
    });

    // Messages.
    let k = Timeline.lowerBound(ms, lo - tl.maxMsgSpan - 1, (m) => m.send);
    const dense = countUntil(ms, k, hi, 1500);
    // Very dense: draw every n-th message (the pattern stays visible).
    const stride = countUntil(ms, k, hi, 6000) ? Math.ceil(countN(ms, k, hi) / 6000) : 1;
    const pxPerEvent = (plotR - LABEL_W) / (x1 - x0);
    ctx.lineWidth = dense ? 1 : 1.4;
    if (dense) {
      // One path per colour and past/future: thousands of lines, few strokes.
      const paths = new Map<string, Path2D>();
      for (; k < ms.length && ms[k].send <= hi; k += stride) {
        const m = ms[k];
        if (m.recv >= 0 && m.recv < lo) continue;
        const lf = tl.laneIndex(m.from);
        if (lf == null) continue;
        const lt = m.to != null ? tl.laneIndex(m.to) : undefined;
        const future = m.send > cursor;
        const key = (future ? 'f' : 'p') + (m.ch % PALETTE.length);
        let p = paths.get(key);
        if (!p) paths.set(key, (p = new Path2D()));
        const xa = xOf(m.send), ya = laneY(lf);
        p.moveTo(xa, ya);
        if (lt == null || m.recv < 0) p.lineTo(xa + 10, ya - 9);
        else p.lineTo(xOf(m.recv), laneY(lt));
      }
      for (const [key, p] of paths) {
        ctx.strokeStyle = PALETTE[Number(key.slice(1))];
        ctx.globalAlpha = key[0] === 'f' ? 0.12 : 0.55;
        ctx.stroke(p);
      }
      ctx.globalAlpha = 1;
    }
    for (; !dense && k < ms.length && ms[k].send <= hi; k += stride) {
      const m = ms[k];
      const recv = m.recv < 0 ? -1 : m.recv;
      if (recv >= 0 && recv < lo) continue;
      const lf = tl.laneIndex(m.from), lt = m.to != null ? tl.laneIndex(m.to) : undefined;
      if (lf == null) continue;
      const xa = xOf(m.send), ya = laneY(lf);
      const future = m.send > cursor;
      const pending = recv < 0 || recv > cursor;
      const color = PALETTE[m.ch % PALETTE.length];
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.globalAlpha = future ? 0.15 : 1;
      if (pending || lt == null) {
        // In the buffer (or not received yet at the cursor): a dashed stub.
        if (!dense) ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(xa, ya);
        ctx.lineTo(xa + Math.max(10, Math.min(40, pxPerEvent * 3)), ya - 9);
        ctx.stroke();
        ctx.setLineDash([]);
        if (!future && !dense) dot(xa, ya, 2.5);
        if (lt == null || future) continue;
        ctx.globalAlpha = 0.15;
      }
      const xb = xOf(recv), yb = laneY(lt);
      ctx.beginPath();
      ctx.moveTo(xa, ya);
      if (m.direct) ctx.lineTo(xb, yb);
      else ctx.bezierCurveTo(xa + (xb - xa) * 0.4, ya, xa + (xb - xa) * 0.6, yb, xb, yb);
      ctx.stroke();
      if (!dense) {
        arrowHead(xa, ya, xb, yb);
        if (pxPerEvent > 5 || ms.length < 80) label(m.value, (xa + xb) / 2 + 3, (ya + yb) / 2 - 3, color);
      }
      ctx.globalAlpha = 1;
    }
    ctx.globalAlpha = 1;

    // Marks: select choices, closes, panics, creations.
    const mk = tl.marks;
    for (let j = Timeline.lowerBound(mk, lo, (m) => m.at); j < mk.length && mk[j].at <= hi; j++) {
      const m = mk[j];
      const l = tl.laneIndex(m.g);
      if (l == null) continue;
      const x = xOf(m.at), y = laneY(l);
      ctx.globalAlpha = m.at > cursor ? 0.25 : 1;
      if (m.kind === 'select') diamond(x, y - 8, v('--cs-select'));
      else if (m.kind === 'close' || m.kind === 'closed-recv') cross(x, y - 8, col.danger);
      else if (m.kind === 'panic') star(x, y, col.danger);
      else if (m.kind === 'create') {
        const cl = tl.laneIndex(Number(m.label.split('G').pop()));
        if (cl != null && pxPerEvent > 0.5) {
          ctx.strokeStyle = col.muted;
          ctx.setLineDash([2, 3]);
          ctx.beginPath();
          ctx.moveTo(x, y);
          ctx.lineTo(x, laneY(cl));
          ctx.stroke();
          ctx.setLineDash([]);
        }
      }
    }
    ctx.globalAlpha = 1;
    ctx.restore();
    }

    // Lane labels.
    for (let l = 0; l < nl; l++) {
      const ln = tl.lanes[l];
      const y = laneY(l);
      const alive = ln.created <= cursor && ln.end > cursor;
      ctx.fillStyle = alive || ln.g === 1 ? col.fg : col.muted;
      ctx.font = '600 11px ui-monospace, monospace';
      ctx.fillText(`G${ln.g}`, 6, y + 4);
      ctx.font = '10px ui-sans-serif, system-ui, sans-serif';
      ctx.fillStyle = col.muted;
      ctx.fillText(ln.func.replace(/^main\./, '').slice(0, 14), 38, y + 4);
    }
    bc.forEach((c, j) => {
      ctx.fillStyle = PALETTE[c.ch % PALETTE.length];
      ctx.font = '600 11px ui-monospace, monospace';
      ctx.fillText(`ch#${c.ch} [${c.cap}]`, 6, chanTop + j * CHAN_H + 12);
    });

    // The cursor.
    if (cursor >= x0 && cursor <= x1) {
      const x = xOf(cursor);
      ctx.strokeStyle = col.accent;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, 12);
      ctx.lineTo(x, hgt);
      ctx.stroke();
    }
    canvas.dataset.messages = String(drawn.messages);
    canvas.dataset.lanes = String(nl);
    sub.textContent = `${tl.events.length} events · ${tl.messages.length} messages · showing #${Math.max(0, Math.floor(x0))}–#${Math.min(tl.events.length - 1, Math.ceil(x1))}`;
  }

  /** Messages sent before the cursor and received after it: dashed, on top. */
  function inFlight(first: number, upto: number) {
    const ms = tl.messages;
    let n = 0;
    main.lineWidth = 1.4;
    main.setLineDash([4, 3]);
    for (let k = upto - 1; k >= first && n < 200; k--) {
      const m = ms[k];
      if (m.recv >= 0 && m.recv <= cursor) continue;
      if (m.recv >= 0 && m.recv - m.send > 0) {
        const lf = tl.laneIndex(m.from), lt = m.to != null ? tl.laneIndex(m.to) : undefined;
        if (lf == null || lt == null) continue;
        n++;
        const xa = xOf(m.send), ya = laneY(lf), xb = xOf(m.recv), yb = laneY(lt);
        main.strokeStyle = PALETTE[m.ch % PALETTE.length];
        main.globalAlpha = 0.9;
        main.beginPath();
        main.moveTo(xa, ya);
        main.bezierCurveTo(xa + (xb - xa) * 0.4, ya, xa + (xb - xa) * 0.6, yb, xb, yb);
        main.stroke();
      }
    }
    main.setLineDash([]);
    main.globalAlpha = 1;
  }

  function dot(x: number, y: number, r: number) {
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 7);
    ctx.fill();
  }
  function arrowHead(xa: number, ya: number, xb: number, yb: number) {
    const a = xa === xb && ya === yb ? Math.PI / 2 : Math.atan2(yb - ya, xb - xa);
    ctx.beginPath();
    ctx.moveTo(xb, yb);
    ctx.lineTo(xb - 7 * Math.cos(a - 0.4), yb - 7 * Math.sin(a - 0.4));
    ctx.lineTo(xb - 7 * Math.cos(a + 0.4), yb - 7 * Math.sin(a + 0.4));
    ctx.closePath();
    ctx.fill();
  }
  function label(text: string, x: number, y: number, color: string) {
    ctx.font = '11px ui-monospace, monospace';
    const t = text.length > 18 ? text.slice(0, 17) + '…' : text;
    const tw = ctx.measureText(t).width;
    ctx.fillStyle = panelBg;
    ctx.globalAlpha *= 0.85;
    ctx.fillRect(x - 1, y - 10, tw + 2, 13);
    ctx.globalAlpha /= 0.85;
    ctx.fillStyle = color;
    ctx.fillText(t, x, y);
  }
  function diamond(x: number, y: number, c: string) {
    ctx.fillStyle = c;
    ctx.beginPath();
    ctx.moveTo(x, y - 4); ctx.lineTo(x + 4, y); ctx.lineTo(x, y + 4); ctx.lineTo(x - 4, y);
    ctx.closePath();
    ctx.fill();
  }
  function cross(x: number, y: number, c: string) {
    ctx.strokeStyle = c;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x - 4, y - 4); ctx.lineTo(x + 4, y + 4); ctx.moveTo(x + 4, y - 4); ctx.lineTo(x - 4, y + 4);
    ctx.stroke();
    ctx.lineWidth = 1.4;
  }
  function star(x: number, y: number, c: string) {
    ctx.fillStyle = c;
    ctx.font = 'bold 16px sans-serif';
    ctx.fillText('✸', x - 6, y + 6);
  }

  // Hover: the nearest event of the lane under the mouse.
  function pick(ev: MouseEvent): TraceEvent | null {
    const r = canvas.getBoundingClientRect();
    const x = ev.clientX - r.left, y = ev.clientY - r.top;
    if (x < LABEL_W) return null;
    const l = Math.floor((y - TOP) / LANE_H);
    const ln = tl.lanes[l];
    const center = Math.round(iOf(x));
    const radius = Math.max(2, Math.ceil((6 * (x1 - x0)) / (cssW - LABEL_W)));
    let best: TraceEvent | null = null, bd = Infinity;
    for (let i = Math.max(0, center - radius); i <= center + radius && i < tl.events.length; i++) {
      const e = tl.events[i];
      if (ln && actorOf(e) !== ln.g && !(e.kind === 'chan_send' && e.to === ln.g) && !(e.kind === 'chan_recv' && e.from === ln.g)) continue;
      const d = Math.abs(i - center);
      if (d < bd) { bd = d; best = e; (best as TraceEvent & { _i?: number })._i = i; }
    }
    return best;
  }
  canvas.addEventListener('mousemove', (ev) => {
    if (drag) return;
    const e = pick(ev);
    if (!e) { tip.style.display = 'none'; return; }
    const i = (e as TraceEvent & { _i?: number })._i!;
    tip.textContent = `#${i}  t=${fmtTime(e.t)}${e.p != null ? `  P${e.p}` : ''}${e.line ? `  line ${e.line}` : ''}\n${describe(e)}`;
    tip.style.display = 'block';
    const r = wrap.getBoundingClientRect();
    const left = ev.clientX - r.left + 14;
    tip.style.left = Math.min(left, r.width - tip.offsetWidth - 4) + 'px';
    tip.style.top = ev.clientY - r.top + wrap.scrollTop + 14 + 'px';
  });
  canvas.addEventListener('mouseleave', () => (tip.style.display = 'none'));
  canvas.addEventListener('click', (ev) => {
    if (moved) return;
    const e = pick(ev);
    if (!e) return;
    if (e.line) opts.onSelectLine(e.line);
    opts.onSeek?.((e as TraceEvent & { _i?: number })._i!);
  });
  canvas.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const r = canvas.getBoundingClientRect();
    const at = iOf(ev.clientX - r.left);
    const f = Math.exp(ev.deltaY * 0.0015);
    const span = Math.min(Math.max(tl.events.length + 2, 8), Math.max(6, (x1 - x0) * f));
    x0 = at - ((at - x0) / (x1 - x0)) * span;
    x1 = x0 + span;
    fitted = span >= tl.events.length;
    schedule();
  }, { passive: false });
  let drag: { x: number; x0: number; x1: number } | null = null;
  let moved = false;
  canvas.addEventListener('mousedown', (ev) => { drag = { x: ev.clientX, x0, x1 }; moved = false; });
  window.addEventListener('mouseup', () => (drag = null));
  window.addEventListener('mousemove', (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x;
    if (Math.abs(dx) > 2) moved = true;
    const d = (dx / (cssW - LABEL_W)) * (drag.x1 - drag.x0);
    x0 = drag.x0 - d;
    x1 = drag.x1 - d;
    fitted = false;
    schedule();
  });
  canvas.addEventListener('dblclick', () => { fitted = true; schedule(); });
  let raf = 0;
  const schedule = () => {
    if (!raf) raf = requestAnimationFrame(() => { raf = 0; render(); });
  };
  const ro = new ResizeObserver(() => schedule());
  ro.observe(wrap);

  return {
    drawn,
    fit() { fitted = true; },
    setStreaming(on) { streaming = on; },
    update(_s: State, _events: TraceEvent[], c: number, t: Timeline) {
      tl = t;
      cursor = c;
      // Keep the cursor visible when zoomed in.
      if (!fitted && (c < x0 || c > x1)) {
        const span = x1 - x0;
        x0 = c - span / 2;
        x1 = x0 + span;
      }
      render();
    },
    destroy() { ro.disconnect(); cancelAnimationFrame(raf); },
  };
}

function niceStep(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(Math.max(1, x))));
  for (const m of [1, 2, 5, 10]) if (p * m >= x) return p * m;
  return p * 10;
}

function countN(ms: { send: number }[], k: number, hi: number): number {
  return Timeline.lowerBound(ms, hi + 1, (m) => m.send) - k;
}

function countUntil(ms: { send: number }[], k: number, hi: number, max: number): boolean {
  let n = 0;
  for (; k < ms.length && ms[k].send <= hi; k++) if (++n > max) return true;
  return false;
}
