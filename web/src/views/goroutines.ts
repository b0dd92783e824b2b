// Goroutines: a table with Go-style states (`[chan receive]`), where each
// G sits (P, runnext, local/global queue) and its source line; clicking a
// row reports the line.
import type { GId } from '../model/events';
import { queuesOf, type State } from '../model/fold';
import { esc, goState, h, section, type View } from './util';

const MAX_ROWS = 400;

export function mountGoroutines(el: HTMLElement, onSelectLine: (line: number) => void): View {
  const { body, sub } = section(el, 'Goroutines');
  const wrap = h('div', 'cs-scroll');
  const table = h('table', 'cs-table');
  table.innerHTML = '<thead><tr><th>G</th><th>state</th><th>function</th><th>line</th></tr></thead>';
  const tbody = h('tbody');
  table.appendChild(tbody);
  wrap.appendChild(table);
  body.appendChild(wrap);
  tbody.addEventListener('click', (ev) => {
    const tr = (ev.target as HTMLElement).closest('tr');
    const line = Number(tr?.dataset.line);
    if (line > 0) onSelectLine(line);
  });
  let last = '';
  return {
    update(state: State) {
      const at = queuesOf(state);
      const gs = [...state.gs.values()].sort((a, b) => (a.status === 'dead' ? 1 : 0) - (b.status === 'dead' ? 1 : 0) || a.id - b.id);
      const live = gs.filter((g) => g.status !== 'dead').length;
      sub.textContent = `${live} live, ${gs.length - live} exited`;
      const rows: string[] = [];
      for (const g of gs.slice(0, MAX_ROWS)) {
        const st = goState(g);
        const where = where1(at.get(g.id), g.id);
        rows.push(
          `<tr data-g="${g.id}" data-state="${esc(st)}" data-line="${g.line}" class="${g.status}" title="click: show line ${g.line}">` +
          `<td class="cs-mono">G${g.id}</td><td class="cs-state ${g.status}">[${esc(st)}]${g.obj != null ? ` <span class="cs-sub">#${g.obj}</span>` : ''}` +
          `${where ? ` <span class="cs-sub">${esc(where)}</span>` : ''}</td>` +
          `<td class="cs-mono" title="${esc(g.func)}">${esc(g.func.replace(/^main\./, ''))}</td><td class="cs-mono">${g.line || ''}</td></tr>`,
        );
      }
      if (gs.length > MAX_ROWS) rows.push(`<tr><td colspan="4" class="cs-empty">… ${gs.length - MAX_ROWS} more</td></tr>`);
      const html = rows.join('');
      if (html !== last) tbody.innerHTML = last = html;
    },
  };
}

function where1(w: string[] | undefined, _g: GId): string {
  if (!w || !w.length) return '';
  return w[0].replace('.curg', '').replace('.runq', ' local').replace('.runnext', ' runnext');
}
