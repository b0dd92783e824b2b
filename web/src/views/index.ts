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
  /** Events stream in from a run that competes with the page for the
   * cores (parallel mode): render at most every STREAM_MS and only the
   * views on screen. Off: everything is drawn at once, exactly as ever. */
  setStreaming(on: boolean): void;
  /** Number of events appended. */
  readonly length: number;
  readonly cursor: number;
  /** Milliseconds of the last render: [fold, traffic, gmp, goroutines, channels, report]. */
  readonly timings: number[];
  destroy(): void;
}

const ORDER: ViewName[] = ['report', 'traffic', 'gmp', 'goroutines', 'channels'];
/** Milliseconds between renders while streaming. On two cores with two
 * busy P workers every ms the page spends is taken from a P; a render of
 * a 50,000-event run costs tens of ms. Renders fall on the marks of the
 * page's clock (multiples of STREAM_MS), as the playback's updates do
 * (playback/index.ts), so the two share a frame. */
const STREAM_MS = 500;

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
  const traffic = views[0] as ReturnType<typeof mountTraffic>;
  const viewRoots = [roots.traffic, roots.gmp, roots.goroutines, roots.channels, roots.report];
  /** Per view: on screen (as the IntersectionObserver last said), and
   * not updated by a render that skipped it. */
  const onScreen = views.map(() => true);
  const stale = views.map(() => false);
  let streaming = false;
  let timer = 0;
  const io = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver((entries) => {
    for (const en of entries) {
      const k = viewRoots.indexOf(en.target as HTMLElement);
      if (k < 0) continue;
      onScreen[k] = en.isIntersecting;
      if (en.isIntersecting && stale[k]) schedule();
    }
  });
  for (const r of viewRoots) io?.observe(r);
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
    views.forEach((v, k) => {
      const t = performance.now();
      // Streaming: a view off screen waits until it is back (or the end).
      if (streaming && !onScreen[k]) stale[k] = true;
      else {
        stale[k] = false;
        v.update(s, folder.events, s.cursor, tl);
      }
      times.push(performance.now() - t);
    });
    timings = times;
  };
  const schedule = () => {
    if (raf || timer) return;
    const wait = streaming ? STREAM_MS - (performance.now() % STREAM_MS) : 0;
    if (wait <= 0) raf = requestAnimationFrame(render);
    else timer = window.setTimeout(() => {
      timer = 0;
      if (!raf) raf = requestAnimationFrame(render);
    }, wait);
  };
  const unschedule = () => {
    cancelAnimationFrame(raf);
    clearTimeout(timer);
    raf = timer = 0;
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
      traffic.fit();
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
      unschedule();
      render();
    },
    setStreaming(on) {
      if (on === streaming) return;
      streaming = on;
      traffic.setStreaming(on);
      // The end of a stream: everything, at once.
      unschedule();
      schedule();
    },
    get length() { return folder.length; },
    get cursor() { return cursor; },
    get timings() { return timings; },
    destroy() {
      unschedule();
      io?.disconnect();
      for (const v of views) v.destroy?.();
      for (const el of created) el.remove();
      for (const name of ORDER) if (opts.slots?.[name]) opts.slots[name]!.innerHTML = '';
      container.classList.remove('cs-views');
    },
  };
}
