// Report: the deadlock/panic banner with Go's text, and the wait-for graph
// (who waits for whom through which channel or lock) drawn as SVG.
import type { GId } from '../model/events';
import type { State } from '../model/fold';
import { waitFor, type WaitEdge } from '../model/waitfor';
import { esc, h, reasonVar, section, type View } from './util';

export interface Report { kind: 'deadlock' | 'panic' | 'fatal' | 'limit'; text: string }

const TITLES: Record<Report['kind'], string> = {
  deadlock: 'Deadlock: all goroutines are asleep',
  panic: 'Panic',
  fatal: 'Fatal error',
  limit: 'Limit reached',
};

export interface ReportView extends View { setReport(r: Report | null): void }

export function mountReport(el: HTMLElement): ReportView {
  const { body, sub } = section(el, 'Report');
  el.classList.add('cs-report');
  const banner = h('div', 'cs-report-banner');
  banner.dataset.testid = 'report-banner';
  const graph = h('div');
  body.append(banner, graph);
  let report: Report | null = null;
  const render = () => {
    banner.hidden = !report;
    if (report) banner.innerHTML = `<strong>${esc(TITLES[report.kind])}</strong><pre>${esc(report.text)}</pre>`;
    el.dataset.kind = report?.kind ?? '';
  };
  render();
  let lastKey = '';
  return {
    setReport(r) {
      report = r;
      render();
    },
    update(state: State) {
      const edges = waitFor(state);
      const key = JSON.stringify(edges);
      if (key === lastKey) return;
      lastKey = key;
      sub.textContent = edges.length ? `wait-for graph at event #${state.cursor}` : '';
      graph.innerHTML = edges.length ? drawGraph(edges, state) : '<div class="cs-empty">no goroutine is blocked on another one here</div>';
    },
  };
}

/** An SVG of the wait-for graph: goroutines on a circle, edges labelled;
 * big graphs fall back to goroutine → object columns. */
export function drawGraph(edges: WaitEdge[], state: State): string {
  if (edges.length > 24) return drawColumns(edges, state);
  const ids: (GId | null)[] = [];
  for (const e of edges) {
    if (!ids.includes(e.from)) ids.push(e.from);
    if (!ids.includes(e.to)) ids.push(e.to);
  }
  const n = ids.length;
  const W = Math.max(360, Math.min(900, 140 * n)), H = n <= 2 ? 130 : Math.min(420, 110 + 28 * n);
  const cx = W / 2, cy = H / 2, R = 26;
  const rx = W / 2 - 70, ry = H / 2 - 36;
  const pos = new Map<GId | null, [number, number]>();
  ids.forEach((id, i) => {
    const a = n === 1 ? 0 : -Math.PI / 2 + (2 * Math.PI * i) / n;
    pos.set(id, n === 1 ? [cx, cy] : n === 2 ? [cx + (i ? rx / 1.5 : -rx / 1.5), cy] : [cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  });
  let defs = '';
  let out = '';
  const colours = new Set<string>();
  for (const e of edges) {
    const col = reasonVar(e.via === 'mutex' ? 'sync.Mutex.Lock' : e.via === 'waitgroup' ? 'sync.WaitGroup.Wait' : e.via);
    colours.add(col);
    const [x1, y1] = pos.get(e.from)!;
    const [x2, y2] = pos.get(e.to)!;
    const mk = `url(#cs-ah${col.replace(/-/g, '')})`;
    if (e.from === e.to) {
      out += `<path d="M${x1 - 10} ${y1 - R + 2} C ${x1 - 40} ${y1 - 80}, ${x1 + 40} ${y1 - 80}, ${x1 + 10} ${y1 - R + 2}" fill="none" stroke="var(${col})" stroke-width="2" marker-end="${mk}"/>`;
      out += `<text x="${x1}" y="${y1 - 66}" text-anchor="middle">${esc(e.label)} (held by itself)</text>`;
      continue;
    }
    const dx = x2 - x1, dy = y2 - y1, d = Math.hypot(dx, dy) || 1;
    // Curve a little so opposite edges do not overlap.
    const mx = (x1 + x2) / 2 - (dy / d) * 18, my = (y1 + y2) / 2 + (dx / d) * 18;
    const sx = x1 + (dx / d) * R, sy = y1 + (dy / d) * R, ex = x2 - (dx / d) * (R + 4), ey = y2 - (dy / d) * (R + 4);
    out += `<path class="edge" data-from="${e.from}" data-to="${e.to ?? ''}" d="M${sx.toFixed(1)} ${sy.toFixed(1)} Q ${mx.toFixed(1)} ${my.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}" fill="none" stroke="var(${col})" stroke-width="2" marker-end="${mk}"/>`;
    out += `<text x="${mx.toFixed(1)}" y="${(my - 4).toFixed(1)}" text-anchor="middle">${esc(e.label)}</text>`;
  }
  for (const col of colours) {
    defs += `<marker id="cs-ah${col.replace(/-/g, '')}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="var(${col})"/></marker>`;
  }
  for (const id of ids) {
    const [x, y] = pos.get(id)!;
    if (id == null) {
      out += `<g class="node nobody"><circle cx="${x}" cy="${y}" r="${R}" stroke="var(--cs-danger)"/><text x="${x}" y="${y + 4}" text-anchor="middle">nobody</text></g>`;
      continue;
    }
    const g = state.gs.get(id);
    const col = reasonVar(g?.reason ?? '', g?.status);
    out += `<g class="node" data-g="${id}"><circle cx="${x}" cy="${y}" r="${R}" stroke="var(${col})"/>` +
      `<text x="${x}" y="${y + 1}" text-anchor="middle" style="font-weight:600">G${id}</text>` +
      `<text x="${x}" y="${y + 13}" text-anchor="middle" style="font-size:9px;fill:var(--cs-muted)">${g?.line ? 'line ' + g.line : ''}</text>` +
      `<title>G${id} ${esc(g?.func ?? '')} [${esc(g?.reason || g?.status || '')}]</title></g>`;
  }
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="wait-for graph"><defs>${defs}</defs>${out}</svg>`;
}

/** Many edges: blocked goroutines (left) → what they wait on (right), with
 * the goroutines that could wake each object listed beside it. */
function drawColumns(edges: WaitEdge[], state: State): string {
  const gs: GId[] = [];
  const objs = new Map<string, { label: string; via: string; wakers: Set<GId | null> }>();
  for (const e of edges) {
    if (!gs.includes(e.from)) gs.push(e.from);
    const k = `${e.via}:${e.obj ?? e.from}`;
    let o = objs.get(k);
    if (!o) objs.set(k, (o = { label: e.obj != null ? e.label : `${e.label} (G${e.from})`, via: e.via, wakers: new Set() }));
    o.wakers.add(e.to);
  }
  const keys = [...objs.keys()];
  const rowH = 24, W = 900, H = Math.max(gs.length, keys.length) * rowH + 16;
  const gy = (i: number) => 14 + i * rowH, oy = (i: number) => 14 + i * rowH * (gs.length / Math.max(1, keys.length));
  let out = '';
  gs.forEach((id, i) => {
    const g = state.gs.get(id);
    const col = reasonVar(g?.reason ?? '', g?.status);
    const k = keys.findIndex((k) => k.endsWith(':' + (g?.obj ?? id)) && k.startsWith(viaOf(g?.reason ?? '')));
    const ty = oy(k < 0 ? 0 : k);
    out += `<path class="edge" data-from="${id}" d="M150 ${gy(i)} C 260 ${gy(i)}, 300 ${ty}, 390 ${ty}" fill="none" stroke="var(${col})" stroke-width="1.5" opacity=".8"/>`;
    out += `<g class="node" data-g="${id}"><text x="10" y="${gy(i) + 4}" style="font-weight:600;fill:var(${col})">G${id}</text>` +
      `<text x="56" y="${gy(i) + 4}" style="fill:var(--cs-muted)">[${esc(g?.reason ?? '')}]</text></g>`;
  });
  keys.forEach((k, j) => {
    const o = objs.get(k)!;
    const w = [...o.wakers];
    const who = w.includes(null) ? 'nobody can wake it' : `woken by ${w.slice(0, 6).map((x) => 'G' + x).join(' ')}${w.length > 6 ? ` +${w.length - 6} more` : ''}`;
    out += `<text x="396" y="${oy(j) + 4}" style="font-weight:600">${esc(o.label)}</text><text x="520" y="${oy(j) + 4}" style="fill:var(--cs-muted)">${esc(who)}</text>`;
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="wait-for graph">${out}</svg>`;
}

function viaOf(reason: string): string {
  if (reason.includes('Mutex')) return 'mutex';
  if (reason.includes('WaitGroup')) return 'waitgroup';
  if (reason.includes('nil') || reason === 'select (no cases)') return 'nil chan';
  return reason;
}
