// Small DOM helpers shared by the views.
import type { TraceEvent } from '../model/events';
import type { State } from '../model/fold';
import type { Timeline } from '../model/timeline';

/** What every view's `update` receives. */
export interface Ctx {
  state: State;
  events: TraceEvent[];
  cursor: number;
  tl: Timeline;
}

export interface View {
  update(state: State, events: TraceEvent[], cursor: number, tl: Timeline): void;
  destroy?(): void;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', html = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (html) el.innerHTML = html;
  return el;
}

export function section(el: HTMLElement, title: string): { body: HTMLElement; sub: HTMLElement } {
  el.classList.add('cs-view');
  el.innerHTML = '';
  const h3 = h('h3', '', esc(title));
  const sub = h('span', 'cs-sub');
  h3.appendChild(sub);
  const body = h('div');
  el.append(h3, body);
  return { body, sub };
}

/** Go's state word for a goroutine: `running`, `runnable`, a wait reason, `dead`. */
export function goState(g: { status: string; reason: string }): string {
  return g.status === 'waiting' ? g.reason || 'waiting' : g.status;
}

/** The colour variable of a wait reason / status. */
export function reasonVar(reason: string, status = 'waiting'): string {
  if (status === 'running') return '--cs-running';
  if (status === 'runnable') return '--cs-runnable';
  if (status === 'dead') return '--cs-dead';
  if (reason.includes('nil')) return '--cs-nil';
  if (reason.startsWith('chan receive')) return '--cs-recv';
  if (reason.startsWith('chan send')) return '--cs-send';
  if (reason.startsWith('select')) return '--cs-select';
  if (reason === 'sleep') return '--cs-sleep';
  if (reason.includes('Mutex')) return '--cs-mutex';
  if (reason.includes('WaitGroup')) return '--cs-wg';
  return '--cs-muted';
}
