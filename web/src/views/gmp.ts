// GMP: each P with its running G, runnext and local run queue, the global
// queue, idle Ps; the scheduler event at the cursor (steal, hand-off,
// preemption) is highlighted.
import { describe, type TraceEvent } from '../model/events';
import type { State } from '../model/fold';
import type { Timeline } from '../model/timeline';
import { esc, h, section, type View } from './util';

const SCHED = new Set(['go_start', 'steal', 'runq_put', 'global_put', 'global_get', 'go_yield', 'proc_idle', 'proc_wake', 'go_block', 'go_unblock', 'go_exit', 'go_create']);
const MAX_Q = 16;

export function mountGmp(el: HTMLElement): View {
  const { body, sub } = section(el, 'GMP scheduler');
  const ps = h('div', 'cs-gmp-ps');
  const glob = h('div', 'cs-gmp-global');
  const evl = h('div', 'cs-gmp-event');
  body.append(ps, glob, evl);
  return {
    update(state: State, events: TraceEvent[], cursor: number, tl: Timeline) {
      const e = cursor >= 0 ? events[cursor] : undefined;
      const hot = new Set<number>(); // Ps to flash
      const hotG = new Set<number>();
      let note = '';
      if (e && SCHED.has(e.kind)) {
        if (e.p != null) hot.add(e.p);
        if (e.kind === 'steal') { hot.add(e.victim); note = '⇄ steal: '; }
        if (e.kind === 'go_yield') note = e.preempted ? '⏱ preempted: ' : '↩ yield: ';
        if (e.kind === 'runq_put' && e.next) note = '→ hand-off: ';
        if ('g' in e && typeof e.g === 'number') hotG.add(e.g);
      }
      const n = Math.max(tl.nprocs, state.ps.length);
      const chip = (g: number | null, cls = '') => (g == null ? '<span class="cs-chip" style="opacity:.35">–</span>' : `<span class="cs-chip ${cls}${hotG.has(g) ? ' flash' : ''}" data-g="${g}">G${g}</span>`);
      let html = '';
      for (let i = 0; i < n; i++) {
        const p = state.ps[i] ?? { id: i, curg: null, runnext: null, runq: [], idle: true };
        const idle = p.curg == null;
        const q = p.runq.slice(0, MAX_Q).map((g) => chip(g)).join('') + (p.runq.length > MAX_Q ? `<span class="cs-sub"> +${p.runq.length - MAX_Q}</span>` : '');
        html +=
          `<div class="cs-p${idle ? ' idle' : ''}${hot.has(i) ? ' flash' : ''}" data-p="${i}" data-curg="${p.curg ?? ''}" data-runq="${p.runq.join(',')}">` +
          `<b>P${i}</b><span class="cs-slot">running${chip(p.curg, 'running')}</span>` +
          `<span class="cs-slot">runnext${chip(p.runnext, 'next')}</span>` +
          `<span class="cs-slot">local queue (${p.runq.length})<span>${q || '<span class="cs-sub">empty</span>'}</span></span></div>`;
      }
      ps.innerHTML = html;
      glob.innerHTML = `<span class="cs-sub">global queue (${state.global.length})</span>` +
        (state.global.slice(0, MAX_Q * 2).map((g) => chip(g)).join('') || '<span class="cs-sub">empty</span>');
      glob.dataset.global = state.global.join(',');
      const idle = state.ps.filter((p) => p.curg == null).length;
      sub.textContent = `${n} P${n > 1 ? 's' : ''}${idle ? `, ${idle} idle` : ''}`;
      evl.className = 'cs-gmp-event' + (note ? ' hot' : '');
      evl.innerHTML = e ? `#${cursor} ${esc(note)}${esc(describe(e))}` : 'before the first event';
    },
  };
}
