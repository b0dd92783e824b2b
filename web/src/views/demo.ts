// The views demo page (web/views-demo.html): loads a recorded fixture or a
// synthetic log and mounts the views and the playback. Query: ?fixture=NAME,
// ?synthetic=N (events), ?theme=dark|light, ?cursor=I.
import type { TraceEvent } from '../model/events';
import { synthetic } from '../model/synthetic';
import { mountPlayback } from '../playback';
import { mountViews, type Report } from './index';

const fixtures = import.meta.glob('../../test/views/fixtures/*.json', { import: 'default' }) as Record<string, () => Promise<TraceEvent[]>>;
const stderrs = import.meta.glob('../../test/views/fixtures/*.stderr', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const nameOf = (p: string) => p.replace(/^.*\//, '').replace(/\.\w+$/, '');

const params = new URLSearchParams(location.search);
if (params.get('theme')) document.documentElement.dataset.theme = params.get('theme')!;
const picked = document.getElementById('picked')!;
const views = mountViews(document.getElementById('views')!, {
  onSelectLine: (l) => (picked.textContent = `selected line ${l}`),
  onHighlightLines: (ls) => (picked.dataset.highlight = ls.join(',')),
  onSeek: (i) => playback.setCursor(i),
});
const playback = mountPlayback(document.getElementById('playback')!, { onCursor: (i) => views.setCursor(i) });

const sel = document.getElementById('fixture') as HTMLSelectElement;
const names = Object.keys(fixtures).map(nameOf).sort();
sel.innerHTML = names.map((n) => `<option>${n}</option>`).join('') + '<option value="synthetic">synthetic 100k</option>';

/** The log loaded last (tests replay it, e.g. as a stream). */
let loaded: TraceEvent[] = [];

async function load(name: string, n = 100000) {
  let events: TraceEvent[];
  let report: Report | null = null;
  if (name === 'synthetic') events = synthetic(n, 4, 12);
  else {
    const key = Object.keys(fixtures).find((k) => nameOf(k) === name)!;
    events = await fixtures[key]();
    const err = Object.entries(stderrs).find(([k]) => nameOf(k) === name)?.[1];
    const last = events.find((e) => e.kind === 'deadlock' || e.kind === 'panic');
    if (err && last) report = { kind: last.kind === 'deadlock' ? 'deadlock' : 'panic', text: err };
  }
  loaded = events;
  views.reset();
  views.append(events);
  views.setReport(report);
  playback.setTotal(events.length);
  const c = params.get('cursor');
  playback.setCursor(c != null ? Number(c) : events.length - 1);
  sel.value = name;
  document.body.dataset.loaded = name;
}
sel.onchange = () => {
  const u = new URL(location.href);
  u.searchParams.set('fixture', sel.value);
  u.searchParams.delete('cursor');
  history.replaceState(null, '', u);
  load(sel.value);
};
const syn = params.get('synthetic');
load(syn ? 'synthetic' : params.get('fixture') || 'worker-pool', syn ? Number(syn) : undefined);
(window as unknown as Record<string, unknown>).__demo = { views, playback, load, events: () => loaded };
