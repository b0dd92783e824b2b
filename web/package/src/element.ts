// <chanscope-playground>: an editor, Run/Stop, the output and (optionally)
// the playground's views, in a shadow root. Each element owns one runtime
// worker; stop() and removing the element terminate it.
import { createEditor, type Editor, type EditorTheme } from '../../src/editor';
import { DEFAULTS, encodeShare, VIEWS, type Settings, type ViewName } from '../../src/share';
import type { Views } from '../../src/views/index';
import type { Playback } from '../../src/playback/index';
import { mountViews } from '../../src/views/index';
import { mountPlayback } from '../../src/playback/index';
import viewsCss from '../../src/views/views.css?inline';
import elementCss from './element.css?inline';
import { Runtime } from './client';
import { driveOptions, type DriveOptions } from './options';
import type { RunResult } from './types';

export type * from './types';

/** Panels the `views` attribute can name. */
export const PANELS = ['output', 'report', 'traffic', 'gmp', 'goroutines', 'channels', 'playback'] as const;
export type Panel = (typeof PANELS)[number];
type Visual = Exclude<Panel, 'output' | 'playback'>;
const VISUAL: Visual[] = ['report', 'traffic', 'gmp', 'goroutines', 'channels'];

/** Where "Open in playground" points when the element has no `playground-url` (set at build time; may be empty). */
export const DEFAULT_PLAYGROUND_URL: string = __PLAYGROUND_URL__;
declare const __PLAYGROUND_URL__: string;

/** Events kept per run for the views. */
const TRACE_LIMIT = 300_000;

/** Strips the blank first/last lines and the indentation common to every line of an inline program. */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  let indent: string | null = null;
  for (const l of lines) {
    if (l.trim() === '') continue;
    const m = /^[ \t]*/.exec(l)![0];
    if (indent === null || !m.startsWith(indent)) {
      let i = 0;
      const base: string = indent ?? m;
      while (i < base.length && i < m.length && base[i] === m[i]) i++;
      indent = base.slice(0, i);
    }
  }
  const cut = indent?.length ?? 0;
  return lines.map((l) => l.slice(Math.min(cut, l.length - l.trimStart().length))).join('\n') + '\n';
}

type State = 'idle' | 'loading' | 'running' | 'exited' | 'deadlock' | 'panic' | 'fatal' | 'limit' | 'stopped' | 'compile-error' | 'error';

const ATTRS = ['procs', 'seed', 'mode', 'preempt', 'autorun', 'readonly', 'views', 'height', 'theme', 'src', 'playground-url'] as const;

export class ChanscopePlayground extends HTMLElement {
  static get observedAttributes(): string[] {
    return [...ATTRS];
  }

  private shadow: ShadowRoot;
  private rootEl!: HTMLElement;
  private editor: Editor | null = null;
  private runtime: Runtime | null = null;
  private vw: Views | null = null;
  private playback: Playback | null = null;
  private built = false;
  private pendingSource: string | null = null;
  private sourceLoaded: Promise<void> | null = null;
  private runId = 0;
  private running = false;
  private partial = { stdout: '', stderr: '' };
  private eventCount = 0;
  private lastResult: RunResult | null = null;
  private media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  private onScheme = () => this.applyTheme();
  private $ = <T extends HTMLElement>(cls: string) => this.shadow.querySelector(`.${cls}`) as T;

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
  }

  // ---- attributes mirrored as properties ----
  get procs(): number {
    const n = Number(this.getAttribute('procs'));
    return this.hasAttribute('procs') && Number.isInteger(n) && n >= 1 && n <= 256 ? n : DEFAULTS.procs;
  }
  set procs(v: number) { this.setAttribute('procs', String(v)); }
  get seed(): number {
    const n = Number(this.getAttribute('seed'));
    return this.hasAttribute('seed') && Number.isSafeInteger(n) && n >= 0 ? n : DEFAULTS.seed;
  }
  set seed(v: number) { this.setAttribute('seed', String(v)); }
  get mode(): string { return this.getAttribute('mode') ?? DEFAULTS.mode; }
  set mode(v: string) { this.setAttribute('mode', v); }
  get preempt(): string { return this.getAttribute('preempt') ?? DEFAULTS.preempt; }
  set preempt(v: string) { this.setAttribute('preempt', v); }
  get autorun(): boolean { return this.hasAttribute('autorun'); }
  set autorun(v: boolean) { this.toggleAttribute('autorun', !!v); }
  get readonly(): boolean { return this.hasAttribute('readonly'); }
  set readonly(v: boolean) { this.toggleAttribute('readonly', !!v); }
  get readOnly(): boolean { return this.readonly; }
  set readOnly(v: boolean) { this.readonly = v; }
  /** Panels to show, e.g. "output traffic gmp" (default "output"). */
  get views(): string { return this.getAttribute('views') ?? 'output'; }
  set views(v: string) { this.setAttribute('views', String(v)); }
  get height(): string { return this.getAttribute('height') ?? ''; }
  set height(v: string) { this.setAttribute('height', String(v)); }
  get theme(): EditorTheme {
    const t = this.getAttribute('theme');
    return t === 'light' || t === 'dark' ? t : 'auto';
  }
  set theme(v: EditorTheme) { this.setAttribute('theme', v); }
  get src(): string { return this.getAttribute('src') ?? ''; }
  set src(v: string) { this.setAttribute('src', v); }
  get playgroundUrl(): string { return this.getAttribute('playground-url') ?? DEFAULT_PLAYGROUND_URL; }
  set playgroundUrl(v: string) { this.setAttribute('playground-url', v); }

  /** The program (the editor's text once the element is connected). */
  get source(): string {
    return this.editor ? this.editor.getText() : this.pendingSource ?? this.inlineSource() ?? '';
  }
  set source(v: string) { this.setSource(v); }

  /** The result of the last finished run, or null. */
  get result(): RunResult | null { return this.lastResult; }
  /** The share URL the "Open in playground" link points to ("" without a playground URL). */
  get shareUrl(): string {
    const base = this.playgroundUrl;
    return base ? `${base.split('#')[0]}#${encodeShare(this.source, this.shareSettings())}` : '';
  }

  private panels(): Panel[] {
    const raw = (this.getAttribute('views') ?? 'output').split(/[\s,]+/).filter(Boolean);
    return raw.filter((p): p is Panel => (PANELS as readonly string[]).includes(p));
  }

  private shareSettings(): Settings {
    const view = this.panels().find((p): p is ViewName => (VIEWS as readonly string[]).includes(p)) ?? DEFAULTS.view;
    return {
      procs: Math.min(this.procs, 16),
      seed: this.seed,
      mode: DEFAULTS.mode,
      preempt: this.preempt === 'cooperative' ? 'cooperative' : 'async',
      view,
    };
  }

  private inlineSource(): string | null {
    const s = this.querySelector('script[type="text/x-go"]');
    return s ? dedent(s.textContent ?? '') : null;
  }

  // ---- lifecycle ----
  connectedCallback(): void {
    // Properties set before the element was defined are own properties that
    // hide the accessors: apply them through the accessors.
    for (const k of ['source', 'procs', 'seed', 'mode', 'preempt', 'autorun', 'readonly', 'views', 'height', 'theme', 'src', 'playgroundUrl'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, k)) {
        const v = (this as Record<string, unknown>)[k];
        delete (this as Record<string, unknown>)[k];
        (this as Record<string, unknown>)[k] = v;
      }
    }
    if (!this.built) this.build();
    this.media?.addEventListener('change', this.onScheme);
    this.sourceLoaded = this.loadSource();
    if (this.autorun) void this.sourceLoaded.then(() => {
        if (this.isConnected) this.run().catch(() => {});
      });
  }

  disconnectedCallback(): void {
    this.media?.removeEventListener('change', this.onScheme);
    // A removed element stops its program and its worker.
    this.stop();
    this.runtime?.terminate();
    this.runtime = null;
  }

  attributeChangedCallback(name: string, old: string | null, val: string | null): void {
    if (!this.built || old === val) return;
    switch (name) {
      case 'readonly':
        this.editor?.setReadOnly(this.readonly);
        break;
      case 'theme':
        this.applyTheme();
        break;
      case 'height':
        this.applyHeight();
        break;
      case 'views':
        this.applyPanels();
        break;
      case 'src':
        if (val) this.sourceLoaded = this.loadSource();
        break;
    }
    this.updateSettingsLabel();
    this.updateLink();
  }

  private build() {
    this.built = true;
    this.shadow.innerHTML =
      `<style>${viewsCss}\n${elementCss}</style>` +
      '<div class="root" part="root">' +
      '<div class="toolbar" part="toolbar">' +
      '<button class="run" part="button run-button" type="button" title="Run (Ctrl+Enter)">Run</button>' +
      '<button class="stop" part="button stop-button" type="button" disabled>Stop</button>' +
      '<span class="status" part="status" data-state="idle" role="status">ready</span>' +
      '<span class="settings" part="settings"></span>' +
      '<a class="open" part="link" target="_blank" rel="noopener">Open in playground ↗</a>' +
      '</div>' +
      '<div class="editor" part="editor"></div>' +
      '<pre class="output" part="output" aria-live="polite"></pre>' +
      '<div class="viewpane" part="views"><div class="playback"></div><div class="views"></div></div>' +
      '</div>';
    this.rootEl = this.$('root');
    this.$<HTMLButtonElement>('run').addEventListener('click', () => void this.run().catch(() => {}));
    this.$<HTMLButtonElement>('stop').addEventListener('click', () => this.stop());
    this.editor = createEditor(this.$('editor'), {
      doc: this.pendingSource ?? this.inlineSource() ?? '',
      readOnly: this.readonly,
      theme: this.theme,
      onRun: () => void this.run().catch(() => {}),
      onChange: () => {
        this.updateLink();
        this.dispatchEvent(new CustomEvent('chanscope-change', { bubbles: true, composed: true }));
      },
    });
    this.pendingSource = null;
    this.applyTheme();
    this.applyHeight();
    this.applyPanels();
    this.updateSettingsLabel();
    this.updateLink();
  }

  private async loadSource() {
    const src = this.getAttribute('src');
    // Once per URL: moving the element in the page keeps the edits.
    if (!src || this.pendingSourceSet || src === this.loadedSrc) return;
    this.loadedSrc = src;
    this.setStatus('loading', 'loading…');
    try {
      const res = await fetch(new URL(src, document.baseURI));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await res.text();
      if (!this.pendingSourceSet) this.editor?.setText(text);
      this.setStatus('idle', 'ready');
    } catch (e) {
      this.setStatus('error', `could not load ${src}: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }
  private loadedSrc: string | null = null;
  /** Set once `source`/setSource() was used: it wins over `src`. */
  private pendingSourceSet = false;

  /** Replaces the program (stops a running one). */
  setSource(source: string): void {
    if (typeof source !== 'string') throw new TypeError('chanscope-playground: the source must be a string');
    this.pendingSourceSet = true;
    if (this.running) this.stop();
    if (this.editor) {
      this.editor.setText(source);
      this.editor.showDiagnostics([]);
    } else this.pendingSource = source;
    this.updateLink();
  }

  private applyTheme() {
    const t = this.theme;
    const dark = t === 'dark' || (t === 'auto' && !!this.media?.matches);
    this.rootEl.dataset.theme = dark ? 'dark' : 'light';
    this.editor?.setTheme(t);
  }

  private applyHeight() {
    const h = this.height.trim();
    const css = /^\d+(\.\d+)?$/.test(h) ? `${h}px` : h;
    if (css) this.$('editor').style.setProperty('--chanscope-editor-height', css);
    else this.$('editor').style.removeProperty('--chanscope-editor-height');
  }

  private applyPanels() {
    const panels = this.panels();
    this.$('output').hidden = !panels.includes('output');
    const visual = VISUAL.filter((v) => panels.includes(v));
    const pane = this.$('viewpane');
    pane.hidden = visual.length === 0;
    if (visual.length && !this.vw) {
      const slots: Partial<Record<Visual, HTMLElement>> = {};
      const box = this.$('views');
      for (const name of VISUAL) {
        const el = document.createElement('section');
        el.setAttribute('part', `view view-${name}`);
        box.appendChild(el);
        slots[name] = el;
      }
      this.vw = mountViews(box, {
        slots,
        onSelectLine: (l) => this.editor?.selectLine(l),
        onHighlightLines: (ls) => this.editor?.markBlocked(ls),
        onSeek: (i) => (this.playback ? this.playback.setCursor(i) : this.vw?.setCursor(i)),
      });
      this.playback = mountPlayback(this.$('playback'), { onCursor: (i) => this.vw?.setCursor(i) });
      this.playback.setLive(true);
    }
    if (this.vw) {
      for (const name of VISUAL) {
        const el = this.$('views').querySelector(`[data-testid="${name}"]`) as HTMLElement | null;
        if (el) el.hidden = !visual.includes(name);
      }
      this.$('playback').hidden = !panels.includes('playback');
    }
  }

  private updateSettingsLabel() {
    this.$('settings').textContent = `procs ${this.procs} · seed ${this.seed}`;
  }

  private updateLink() {
    if (!this.built) return;
    const a = this.$<HTMLAnchorElement>('open');
    const url = this.shareUrl;
    a.hidden = url === '';
    if (url) a.href = url;
    else a.removeAttribute('href');
  }

  private setStatus(state: State, text: string) {
    const s = this.$('status');
    s.textContent = text;
    s.dataset.state = state;
    this.setAttribute('state', state);
    this.$<HTMLButtonElement>('stop').disabled = state !== 'running';
  }

  private appendOutput(text: string, cls: 'stdout' | 'stderr' | 'meta') {
    if (!text) return;
    const out = this.$('output');
    const last = out.lastElementChild as HTMLElement | null;
    if (last && last.className === cls) last.textContent += text;
    else {
      const span = document.createElement('span');
      span.className = cls;
      span.textContent = text;
      out.appendChild(span);
    }
    out.scrollTop = out.scrollHeight;
  }

  private emit(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /**
   * Runs the program (stopping a run in progress) and resolves with its result
   * (also sent as `chanscope-exit`). Rejects if the run is stopped or replaced.
   */
  async run(): Promise<RunResult> {
    if (!this.built) this.build();
    if (this.running) this.stop(false);
    await this.sourceLoaded?.catch(() => {});
    const id = ++this.runId;
    const source = this.source;
    let options: DriveOptions;
    const visual = VISUAL.some((v) => this.panels().includes(v));
    try {
      options = driveOptions({ procs: this.procs, seed: this.seed, mode: this.mode as 'deterministic', preempt: this.preempt as 'async' });
    } catch (e) {
      this.setStatus('error', e instanceof Error ? e.message : String(e));
      throw e;
    }
    options.trace = visual;
    options.traceLimit = TRACE_LIMIT;
    this.running = true;
    this.partial = { stdout: '', stderr: '' };
    this.eventCount = 0;
    this.$('output').textContent = '';
    this.editor?.showDiagnostics([]);
    this.editor?.markBlocked([]);
    this.vw?.reset();
    this.playback?.setTotal(0);
    this.playback?.setLive(true);
    this.setStatus('running', 'running…');
    this.emit('chanscope-run', { source, procs: this.procs, seed: this.seed, mode: this.mode, preempt: this.preempt });
    if (!this.runtime || !this.runtime.alive) this.runtime = new Runtime();
    const rt = this.runtime;
    try {
      const result = await rt.run(source, options, (c) => {
        if (id !== this.runId) return;
        this.partial.stdout += c.stdout;
        this.partial.stderr += c.stderr;
        if (c.stdout || c.stderr) {
          this.appendOutput(c.stdout, 'stdout');
          this.appendOutput(c.stderr, 'stderr');
          this.emit('chanscope-output', { stdout: c.stdout, stderr: c.stderr });
        }
        if (c.events.length && this.vw) {
          this.vw.append(c.events as unknown as Parameters<Views['append']>[0]);
          this.eventCount += c.events.length;
          this.playback?.setTotal(this.eventCount);
        }
      });
      if (id !== this.runId) throw new DOMException('chanscope-playground: the run was replaced', 'AbortError');
      this.finish(result);
      return result;
    } catch (e) {
      if (id === this.runId && !(e instanceof DOMException && e.name === 'AbortError')) {
        this.running = false;
        this.appendOutput(`${e instanceof Error ? e.message : String(e)}\n`, 'meta');
        this.setStatus('error', 'error');
        this.runtime = null;
      }
      throw e;
    }
  }

  private finish(r: RunResult) {
    this.running = false;
    this.lastResult = r;
    if (r.kind === 'compile') {
      this.editor?.showDiagnostics(r.diagnostics ?? []);
      this.setStatus('compile-error', 'compile error (exit status 1)');
    } else {
      if (r.droppedEvents > 0) this.appendOutput(`\n[${r.droppedEvents} events past the trace limit were not recorded]\n`, 'meta');
      if (r.report) this.vw?.setReport({ kind: r.report.kind, text: r.report.text });
      if (r.report && !this.vw) this.editor?.markBlocked(r.report.goroutines.filter((g) => g.status === 'waiting' && g.line > 0).map((g) => g.line));
      const text: Record<string, string> = {
        normal: `exited with status ${r.exitCode}`,
        deadlock: `deadlock (exit status ${r.exitCode})`,
        panic: `panic (exit status ${r.exitCode})`,
        fatal: `fatal error (exit status ${r.exitCode})`,
        limit: `limit reached (exit status ${r.exitCode})`,
      };
      this.setStatus(r.kind === 'normal' ? 'exited' : (r.kind as State), text[r.kind] ?? r.kind);
    }
    if (r.kind === 'deadlock') this.emit('chanscope-deadlock', r);
    this.emit('chanscope-exit', r);
  }

  /** Stops the running program (terminates its worker; the next run starts a fresh one). */
  stop(report = true): void {
    if (!this.running) return;
    this.running = false;
    this.runId++;
    this.runtime?.terminate();
    this.runtime = null;
    if (report) {
      this.appendOutput('\n[stopped]\n', 'meta');
      this.setStatus('stopped', 'stopped');
      const r: RunResult = { stdout: this.partial.stdout, stderr: this.partial.stderr + 'chanscope: stopped\n', exitCode: 2, kind: 'limit', droppedEvents: 0, steps: 0, now: 0 };
      this.emit('chanscope-exit', { ...r, stopped: true });
    }
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('chanscope-playground')) {
  customElements.define('chanscope-playground', ChanscopePlayground);
}

declare global {
  interface HTMLElementTagNameMap {
    'chanscope-playground': ChanscopePlayground;
  }
}
