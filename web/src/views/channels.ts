// Channels: capacity, buffer contents (value previews), waiting senders
// and receivers, closed or not.
import type { State } from '../model/fold';
import { esc, section, type View } from './util';

const MAX_CELLS = 24;

export function mountChannels(el: HTMLElement): View {
  const { body, sub } = section(el, 'Channels');
  body.className = 'cs-chans';
  let last = '';
  return {
    update(state: State) {
      const chans = [...state.chans.values()];
      sub.textContent = chans.length ? `${chans.length}` : '';
      let html = '';
      for (const c of chans) {
        const cells: string[] = [];
        for (let k = 0; k < Math.min(c.cap, MAX_CELLS); k++) {
          const b = c.buf[k];
          cells.push(b ? `<span class="cs-cell full" title="${esc(b.value)}${b.from != null ? ` (from G${b.from})` : ''}">${esc(b.value)}</span>` : '<span class="cs-cell"></span>');
        }
        if (c.cap > MAX_CELLS) cells.push(`<span class="cs-sub">… ${c.buf.length}/${c.cap}</span>`);
        const q = (label: string, gs: number[]) => (gs.length ? `<div class="cs-waiters">${label}: ${gs.map((g) => `<span class="cs-chip">G${g}</span>`).join('')}</div>` : '');
        html +=
          `<div class="cs-chan${c.closed ? ' closed' : ''}" data-ch="${c.id}" data-len="${c.buf.length}" data-closed="${c.closed}">` +
          `<header><b>ch#${c.id}</b><span class="cs-mono">chan ${esc(c.elem)}</span>` +
          `<span class="cs-badge">${c.cap ? `cap ${c.cap} · len ${c.buf.length}` : 'unbuffered'}</span>` +
          (c.closed ? '<span class="cs-badge closed">closed</span>' : '') +
          `<span class="cs-sub cs-mono">${c.sent} sent · ${c.received} recv${c.line ? ` · line ${c.line}` : ''}</span></header>` +
          (c.cap ? `<div class="cs-buf">${cells.join('')}</div>` : '') +
          q('blocked senders', c.sendq) + q('blocked receivers', c.recvq) + '</div>';
      }
      if (!chans.length) html = '<div class="cs-empty">no channels yet</div>';
      if (html !== last) body.innerHTML = last = html;
    },
  };
}
