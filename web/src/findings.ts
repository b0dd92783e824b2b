// The "Find bugs" panel: the exploration's progress (schedules explored,
// findings so far) and the findings, each with a kind badge, its message
// and goroutines; opening one asks the page to replay its schedule.
import type { CheckProgress, Finding } from './wasm-pkg/chanscope_wasm';

export interface FindingsPanel {
  /** A new exploration of up to `budget` schedules. */
  start(budget: number): void;
  progress(p: CheckProgress & { elapsedMs: number }): void;
  /** The exploration ended: spent, exhaustive, timed out or stopped. */
  finish(how: 'done' | 'timeout' | 'stopped' | 'error'): void;
  /** A replay of the finding with this token runs (null: none, or one from a share link). */
  opened(token: string | null): void;
  /** The replay ended; `found`: what it found. */
  replayed(found: Finding[]): void;
  /** The program changed: the findings belong to an earlier version. */
  stale(): void;
  readonly visible: boolean;
}

interface Options {
  onOpen(f: Finding): void;
  onSelectLine(line: number): void;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = '') => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
};
const testid = <T extends HTMLElement>(e: T, id: string) => ((e.dataset.testid = id), e);

/** `... at prog.go:12` -> 12. */
function lineOf(goroutine: string): number | null {
  const m = / at prog\.go:(\d+)$/.exec(goroutine);
  return m ? Number(m[1]) : null;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function mountFindings(root: HTMLElement, o: Options): FindingsPanel {
  root.classList.add('findings');
  root.hidden = true;
  const head = el('div', 'findings-head');
  const title = el('strong', '', 'Find bugs');
  const bar = testid(el('progress'), 'check-progress');
  const summary = testid(el('span', 'findings-summary'), 'check-summary');
  const close = el('button', 'findings-close', '×');
  close.title = 'Hide the findings';
  head.append(title, bar, summary, close);
  const note = testid(el('div', 'findings-note'), 'findings-note');
  const list = testid(el('ol', 'findings-list'), 'finding-list');
  root.append(head, note, list);
  close.addEventListener('click', () => (root.hidden = true));

  let findings: Finding[] = [];
  let schedules = 0;
  let budget = 0;
  let exhaustive = false;
  let openToken: string | null = null;
  let isStale = false;

  const render = () => {
    list.replaceChildren(
      ...findings.map((f) => {
        const li = testid(el('li', 'finding'), 'finding');
        li.dataset.kind = f.kind;
        li.classList.toggle('open', f.replay === openToken);
        const badge = testid(el('span', 'finding-kind', f.kind), 'finding-kind');
        badge.dataset.kind = f.kind;
        const msg = testid(el('span', 'finding-message', f.message), 'finding-message');
        const open = testid(el('button', 'finding-open', 'Replay'), 'open-finding');
        open.title = 'Run this schedule again and show it in every view';
        open.disabled = isStale;
        open.addEventListener('click', () => o.onOpen(f));
        const gs = el('ul', 'finding-goroutines');
        for (const g of f.goroutines) {
          const item = el('li', '', g);
          const line = lineOf(g);
          if (line !== null) {
            item.classList.add('link');
            item.title = `Show line ${line}`;
            item.addEventListener('click', () => o.onSelectLine(line));
          }
          gs.append(item);
        }
        li.append(badge, msg, open, gs);
        return li;
      }),
    );
  };
  const setSummary = (how?: string) => {
    const found = findings.length ? plural(findings.length, 'finding') : 'no findings';
    const scope = exhaustive ? `every interleaving (${plural(schedules, 'schedule')})` : `${schedules} / ${plural(budget, 'schedule')}`;
    summary.textContent = `${scope} · ${found}${how ? ` · ${how}` : ''}`;
  };

  return {
    get visible() {
      return !root.hidden;
    },
    start(b) {
      root.hidden = false;
      root.dataset.state = 'running';
      findings = [];
      schedules = 0;
      budget = b;
      exhaustive = false;
      openToken = null;
      isStale = false;
      bar.max = b;
      bar.value = 0;
      bar.hidden = false;
      note.textContent = 'Exploring schedules: which goroutine moves next at each channel or lock operation, select order, preemptions.';
      render();
      setSummary('exploring');
    },
    progress(p) {
      schedules = p.schedules;
      exhaustive = p.exhaustive;
      bar.value = p.done ? bar.max : p.schedules;
      if (p.findings.length !== findings.length) {
        findings = p.findings;
        render();
      }
      setSummary(p.done ? '' : 'exploring');
    },
    finish(how) {
      root.dataset.state = how;
      const words = { done: '', timeout: 'time limit reached', stopped: 'stopped', error: 'failed' }[how];
      setSummary(words);
      note.textContent = findings.length
        ? 'Replay a finding to see its schedule in every view; Share then links to it.'
        : how === 'done'
          ? exhaustive
            ? 'No bugs in any interleaving of this program.'
            : 'No bugs found in the schedules explored (more might still find one).'
          : '';
    },
    opened(token) {
      openToken = token;
      if (token && !findings.some((f) => f.replay === token)) {
        // A finding from a share link: show just its replay.
        root.hidden = false;
        root.dataset.state = 'shared';
        bar.hidden = true;
        summary.textContent = 'a shared finding';
      }
      if (token) note.textContent = 'Replaying the schedule of a finding…';
      else if (root.dataset.state === 'shared') root.hidden = true; // a plain run replaces the shared finding
      else if (findings.length && !isStale) note.textContent = 'Replay a finding to see its schedule in every view; Share then links to it.';
      delete note.dataset.reproduced;
      render();
    },
    replayed(found) {
      if (!openToken) return;
      const kinds = [...new Set(found.map((f) => f.kind))];
      note.textContent = kinds.length ? `The replay shows: ${kinds.join(', ')}.` : 'The replay ended without a finding (did the program change?).';
      note.dataset.reproduced = String(kinds.length > 0);
    },
    stale() {
      if (isStale || root.hidden) return;
      isStale = true;
      openToken = null;
      note.textContent = 'The program changed since these were found: Find bugs again.';
      render();
    },
  };
}
