// The integration API (see README.md): mountViews creates the five views
// and keeps them on the same cursor.
import './views.css';
import type { TraceEvent } from '../model/events';
import { Folder } from '../model/fold';
import { Timeline } from '../model/timeline';
import { mountChannels } from './channels';
import { mountGmp } from './gmp';
import { mountGoroutines } from './goroutines';
import { mountReport, type Report } from './report';
import { mountTraffic } from './traffic';
import type { View } from './util';

export type { TraceEvent } from '../model/events';
export type { Report } from './report';

export type ViewName = 'traffic' | 'gmp' | 'goroutines' | 'channels' | 'report';

export interface ViewsOptions {
  onSelectLine(line: number): void;
  onHighlightLines?(lines: number[]): void;
  /** Clicking an event in the traffic view asks to move the cursor there. */
  onSeek?(i: number): void;
  /** Elements to use as views' roots instead of creating them. */
  slots?: Partial<Record<ViewName, HTMLElement>>;
}

export interface Views {
  reset(): void;
  append(events: TraceEvent[]): void;
  setCursor(i: number): void;
  setReport(r: Report | null): void;
  /** Renders now instead of at the next animation frame (tests). */
  flush(): void;
  /** Number of events appended. */
  readonly length: number;
  readonly cursor: number;
  /** Milliseconds of the last render: [fold, traffic, gmp, goroutines, channels, report]. */
  readonly timings: number[];
  destroy(): void;
}

const ORDER: ViewName[] = ['report', 'traffic', 'gmp', 'goroutines', 'channels'];

export function mountViews(container: HTMLElement, opts: ViewsOptions): Views {
  container.classList.add('cs-views');
  const roots = {} as Record<ViewName, HTMLElement>;
  const created: HTMLElement[] = [];
  for (const name of ORDER) {
    let el = opts.slots?.[name];
    if (!el) {
      el = document.createElement('section');
      container.appendChild(el);
      created.push(el);
    }
    el.dataset.testid = name;
    roots[name] = el;
  }
  const folder = new Folder();
  const tl = new Timeline();
  const report = mountReport(roots.report);
  const views: View[] = [
    mountTraffic(roots.traffic, { onSelectLine: (l) => opts.onSelectLine(l), onSeek: opts.onSeek }),
    mountGmp(roots.gmp),
    mountGoroutines(roots.goroutines, (l) => opts.onSelectLine(l)),
    mountChannels(roots.channels),
    report,
  ];
  let cursor = -1;
  let raf = 0;
  /** ms spent by the last render: fold, then each view (traffic, gmp, goroutines, channels, report). */
  let timings: number[] = [];
  let highlighted = '';
  let reportSet: Report | null = null;

  const render = () => {
    raf = 0;
    const t0 = performance.now();
    const s = folder.stateAt(cursor);
    const times = [performance.now() - t0];
    for (const v of views) {
      const t = performance.now();
      v.update(s, folder.events, s.cursor, tl);
      times.push(performance.now() - t);
    }
    timings = times;
  };
  const schedule = () => {
    if (!raf) raf = requestAnimationFrame(render);
  };
  const highlight = () => {
    let lines: number[] = [];
    if (reportSet && (reportSet.kind === 'deadlock' || reportSet.kind === 'panic' || reportSet.kind === 'fatal')) {
      const end = folder.stateAt(folder.length - 1);
      const set = new Set<number>();
      for (const g of end.gs.values()) if (g.status === 'waiting' && g.line) set.add(g.line);
      if (end.outcome?.kind === 'panic' && end.outcome.g != null) {
        const pg = end.gs.get(end.outcome.g);
        if (pg?.line) set.add(pg.line);
      }
      lines = [...set].sort((a, b) => a - b);
    }
    const key = lines.join(',');
    if (key !== highlighted) {
      highlighted = key;
      opts.onHighlightLines?.(lines);
    }
  };
  schedule();

  return {
    reset() {
      folder.reset();
      tl.reset();
      cursor = -1;
      reportSet = null;
      report.setReport(null);
      highlight();
      (views[0] as ReturnType<typeof mountTraffic>).fit();
      schedule();
    },
    append(events) {
      if (!events.length) return;
      folder.append(events);
      tl.append(events);
      if (reportSet) highlight();
      schedule();
    },
    setCursor(i) {
      cursor = Math.max(-1, Math.min(i, folder.length - 1));
      schedule();
    },
    setReport(r) {
      reportSet = r;
      report.setReport(r);
      highlight();
      schedule();
    },
    flush() {
      cancelAnimationFrame(raf);
      render();
    },
    get length() { return folder.length; },
    get cursor() { return cursor; },
    get timings() { return timings; },
    destroy() {
      cancelAnimationFrame(raf);
      for (const v of views) v.destroy?.();
      for (const el of created) el.remove();
      for (const name of ORDER) if (opts.slots?.[name]) opts.slots[name]!.innerHTML = '';
      container.classList.remove('cs-views');
    },
  };
}
