// The playground page: editor, controls, the runtime worker, share links,
// and the views (web/src/views, web/src/playback) fed with the run's events.
import './style.css';
import { createEditor } from './editor';
import { mountFindings } from './findings';
import { DEFAULTS, encodeShare, MAX_PROCS, parseShare, PREEMPTS, shareParallelRun, VIEWS, type Settings } from './share';
import type { FromWorker, ToWorker } from './protocol';
import { mountParallelMode, ParallelRunner } from './parallel';
import { mountReplay, REPLAY_STATUS, type Recorded } from './parallel/replay';
import type { ExitInfo, Finding, Report as RunReport, TraceEvent } from './wasm-pkg/chanscope_wasm';

// ---- views and playback (the views engineer's modules), loaded if present ----
type ReportKind = 'deadlock' | 'panic' | 'fatal' | 'limit';
interface Views {
  reset(): void;
  append(events: TraceEvent[]): void;
  setCursor(i: number): void;
  setReport(r: { kind: ReportKind; text: string } | null): void;
  setStreaming?(on: boolean): void;
}
interface ViewsModule {
  mountViews(c: HTMLElement, o: { onSelectLine(l: number): void; onHighlightLines?(l: number[]): void; onSeek?(i: number): void; slots?: Record<string, HTMLElement> }): Views;
}
interface Playback {
  setTotal(n: number): void;
  setLive(on: boolean): void;
  setCursor(i: number): void;
  pause(): void;
  readonly cursor: number;
  setStreaming?(on: boolean): void;
}
interface PlaybackModule {
  mountPlayback(el: HTMLElement, o: { onCursor(i: number): void }): Playback;
}
const viewsMod = Object.values(import.meta.glob<ViewsModule>('./views/index.ts', { eager: true }))[0];
const playbackMod = Object.values(import.meta.glob<PlaybackModule>('./playback/index.ts', { eager: true }))[0];

// ---- examples, from ../../examples/*.go ----
const EXAMPLES: Record<string, string> = {};
for (const [path, text] of Object.entries(import.meta.glob<string>('../../examples/*.go', { query: '?raw', import: 'default', eager: true }))) {
  EXAMPLES[path.split('/').pop()!] = text;
}
const DEFAULT_EXAMPLE = 'hello.go' in EXAMPLES ? 'hello.go' : Object.keys(EXAMPLES).sort()[0];
const STORE_KEY = 'chanscope.source';
/** Events kept per run (the views stay smooth well past 100,000). */
const TRACE_LIMIT = 300_000;
/** "Find bugs": schedules explored at most, and the wall-time budget. */
const CHECK_SCHEDULES = 1000;
const CHECK_TIME_LIMIT_MS = 30_000;

const $ = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
const runBtn = $<HTMLButtonElement>('run');
const stopBtn = $<HTMLButtonElement>('stop');
const stepBtn = $<HTMLButtonElement>('step');
const findBugsBtn = $<HTMLButtonElement>('find-bugs');
const shareBtn = $<HTMLButtonElement>('share');
const formatBtn = $<HTMLButtonElement>('format');
const interruptBtn = $<HTMLButtonElement>('interrupt');
const procsIn = $<HTMLInputElement>('procs');
const seedIn = $<HTMLInputElement>('seed');
const modeSel = $<HTMLSelectElement>('mode');
const preemptSel = $<HTMLSelectElement>('preempt');
const viewSel = $<HTMLSelectElement>('view');
const examplesSel = $<HTMLSelectElement>('examples');
const statusEl = $('status');
const messageEl = $('message');
const outputEl = $('output');

// ---- settings <-> controls ----
procsIn.max = String(MAX_PROCS);
for (const p of PREEMPTS) preemptSel.add(new Option(p, p));
for (const v of VIEWS) viewSel.add(new Option(v, v));
for (const name of Object.keys(EXAMPLES).sort()) examplesSel.add(new Option(name.replace(/\.go$/, ''), name));
// Parallel mode: a Web Worker per P (src/parallel); disabled with the reason when unavailable.
mountParallelMode(modeSel);

function readSettings(): Settings {
  const procs = Math.min(Math.max(Math.trunc(Number(procsIn.value)) || DEFAULTS.procs, 1), MAX_PROCS);
  const seed = Math.max(Math.trunc(Number(seedIn.value)) || 0, 0);
  procsIn.value = String(procs);
  seedIn.value = String(seed);
  return { procs, seed, mode: modeSel.value as Settings['mode'], preempt: preemptSel.value as Settings['preempt'], view: viewSel.value as Settings['view'] };
}
function writeSettings(s: Settings) {
  procsIn.value = String(s.procs);
  seedIn.value = String(s.seed);
  modeSel.value = s.mode;
  preemptSel.value = s.preempt;
  viewSel.value = s.view;
}

function showMessage(text: string, kind: 'error' | 'info' = 'error') {
  messageEl.textContent = text;
  messageEl.dataset.kind = kind;
  messageEl.hidden = text === '';
}

// ---- status and output ----
type State = 'idle' | 'running' | 'checking' | 'checked' | 'exited' | 'deadlock' | 'panic' | 'fatal' | 'limit' | 'stopped' | 'compile-error' | 'error';
function setStatus(state: State, text: string) {
  // Unchanged text left alone: every progress message sets it, and each change costs a frame.
  if (statusEl.textContent !== text) statusEl.textContent = text;
  statusEl.dataset.state = state;
  const running = state === 'running';
  stopBtn.disabled = !running && state !== 'checking';
  // A replay's signals come from its schedule.
  interruptBtn.disabled = !running || pscheduleReplay;
  document.body.dataset.running = String(running);
}
function exitStatus(e: ExitInfo): [State, string] {
  switch (e.kind) {
    case 'normal':
      return ['exited', `exited with status ${e.code}`];
    case 'deadlock':
      return ['deadlock', `deadlock (exit status ${e.code})`];
    case 'panic':
      return ['panic', `panic (exit status ${e.code})`];
    case 'fatal':
      // 128+n: killed by signal n (no signal.Notify for it), as a shell reports it.
      if (e.code in SIGNAL_NAMES) return ['fatal', `signal: ${SIGNAL_NAMES[e.code]} (exit status ${e.code})`];
      return ['fatal', `fatal error (exit status ${e.code})`];
    case 'limit':
      return ['limit', `limit reached (exit status ${e.code})`];
  }
}
const SIGNAL_NAMES: Record<number, string> = { 130: 'interrupt', 143: 'terminated' };
/** Virtual nanoseconds as the views print them (ms with up to 3 decimals). */
const fmtTime = (ns: number) => `${Number((ns / 1e6).toFixed(3))}ms`;
function appendOutput(text: string, cls: 'stdout' | 'stderr' | 'meta') {
  if (!text) return;
  const last = outputEl.lastElementChild as HTMLElement | null;
  if (last && last.className === cls) last.textContent += text;
  else {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = text;
    outputEl.appendChild(span);
  }
  outputEl.scrollTop = outputEl.scrollHeight;
}

// ---- editor ----
let saveTimer = 0;
let loading = true; // the first text is not an edit
const editor = createEditor($('editor'), {
  doc: '',
  onRun: () => run(),
  onChange(text) {
    dirty = true;
    if (loading) return;
    replayToken = null;
    pschedule = null;
    replayCtl.forget();
    findings.stale();
    clearTimeout(saveTimer);
    saveTimer = window.setTimeout(() => localStorage.setItem(STORE_KEY, text), 250);
  },
});

// ---- views ----
const slots: Record<string, HTMLElement> = {};
for (const name of ['report', 'traffic', 'gmp', 'goroutines', 'channels']) slots[name] = document.getElementById(`slot-${name}`)!;
let views: Views;
let playback: Playback | null = null;
if (viewsMod) {
  views = viewsMod.mountViews(document.getElementById('views')!, {
    onSelectLine: (l) => editor.selectLine(l),
    onHighlightLines: (ls) => editor.markBlocked(ls),
    onSeek: (i) => (playback ? playback.setCursor(i) : views.setCursor(i)),
    slots,
  });
} else {
  // Until the views land: placeholders, and the report as plain text.
  for (const [name, el] of Object.entries(slots)) {
    el.dataset.testid = name;
    if (name !== 'report') el.innerHTML = `<h3>${name}</h3><p class="placeholder">This view arrives with the views module.</p>`;
  }
  views = {
    reset: () => (slots.report.textContent = ''),
    append: () => {},
    setCursor: () => {},
    setReport: (r) => (slots.report.textContent = r ? r.text : ''),
  };
}
let cursor = -1;
const findings = mountFindings(document.getElementById('findings')!, {
  onOpen: (f) => openFinding(f),
  onSelectLine: (l) => editor.selectLine(l),
});
if (playbackMod) {
  playback = playbackMod.mountPlayback(document.getElementById('playback')!, {
    onCursor(i) {
      cursor = i;
      views.setCursor(i);
    },
  });
}
function setCursor(i: number) {
  cursor = i;
  if (playback) playback.setCursor(i);
  else views.setCursor(i);
}
viewSel.addEventListener('change', () => focusView(viewSel.value));
function focusView(name: string) {
  const el = slots[name];
  document.querySelectorAll('.cs-focused').forEach((e) => e.classList.remove('cs-focused'));
  el?.classList.add('cs-focused');
  el?.scrollIntoView({ block: 'nearest' });
}

// ---- the runtime worker ----
let worker: Worker;
let workerReady: Promise<void>;
let running = false;
let dirty = true;
let events = 0;
let live = true;
/** The worker explores schedules ("Find bugs") rather than running. */
let checking = false;
/** The replay token of the run shown (a finding's schedule), for Share. */
let replayToken: string | null = null;
/** Parallel mode's workers; a run there is `parallelActive`. */
const parallel = new ParallelRunner((m) => onWorkerMessage(m));
let parallelActive = false;
/** The recorded schedule of the run shown (a parallel run once it ended,
 * or its replay), for Step and Share; `pscheduleReplay`: the run replays it. */
let pschedule: Uint8Array | null = null;
let pscheduleReplay = false;
/** The program of the last run (a parallel run's schedule belongs to it). */
let runSource = '';
const replayCtl = mountReplay(stepBtn, (r) => void replayParallel(r));
// In parallel mode the next run's workers wait started (src/parallel/pool.ts).
const warmParallel = () => parallel.warm(modeSel.value === 'parallel' ? Math.min(Math.max(Math.trunc(Number(procsIn.value)) || 1, 1), MAX_PROCS) : 0);
modeSel.addEventListener('change', warmParallel);
procsIn.addEventListener('input', warmParallel);

function spawnWorker() {
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  workerReady = new Promise((resolve) => {
    worker.onmessage = (ev: MessageEvent<FromWorker>) => {
      if (ev.data.type === 'ready') resolve();
      else onWorkerMessage(ev.data);
    };
  });
  worker.onerror = (e) => {
    if (checking) endCheck('error', 'error', `the explorer failed: ${e.message}`);
    if (running) finish('error', `runtime error: ${e.message}`);
  };
}

function outputEndsLine() {
  const t = outputEl.textContent ?? '';
  return t === '' || t.endsWith('\n');
}

function finish(state: State, text: string) {
  running = false;
  views.setStreaming?.(false);
  playback?.setStreaming?.(false);
  setStatus(state, text);
}

function onWorkerMessage(m: FromWorker) {
  if (checking) return onCheckMessage(m);
  if (!running) return;
  switch (m.type) {
    case 'compile-error':
      editor.showDiagnostics(m.diagnostics);
      appendOutput(m.text.endsWith('\n') ? m.text : m.text + '\n', 'stderr');
      finish('compile-error', 'compile error (exit status 1)');
      break;
    case 'progress': {
      appendOutput(m.stdout, 'stdout');
      appendOutput(m.stderr, 'stderr');
      if (m.events.length) {
        views.append(m.events);
        events += m.events.length;
        playback?.setTotal(events);
        if (live) setCursor(events - 1);
      }
      if (m.exit) {
        if (m.findings) findings.replayed(m.findings);
        if (m.droppedEvents > 0) appendOutput(`\n[${m.droppedEvents} events past the trace limit were not recorded]\n`, 'meta');
        onReport(m.report);
        const [state, text] = exitStatus(m.exit);
        finish(state, pscheduleReplay ? `${text} (${REPLAY_STATUS})` : text);
      } else setStatus('running', m.waiting ? 'running: waiting for a signal (Interrupt)' : 'running');
      break;
    }
    case 'parallel-schedule':
      pschedule = m.bytes;
      replayCtl.record(runSource, m.bytes, m.why);
      break;
    case 'signal':
      // The event log has no signal event: the delivery shows in the output.
      appendOutput(`${outputEndsLine() ? '' : '\n'}^C [SIGINT delivered at t=${fmtTime(m.now)}]\n`, 'meta');
      break;
    case 'error':
      // A trap leaves the wasm instance unusable: start the next run afresh
      // (parallel mode's workers are gone already).
      appendOutput(m.message + '\n', replayToken ? 'stderr' : 'meta');
      if (!parallelActive) {
        worker.terminate();
        spawnWorker();
      }
      finish('error', 'error');
      break;
  }
}

function onReport(r: RunReport | null) {
  if (!r) return;
  views.setReport({ kind: r.kind, text: r.text });
  if (!viewsMod) editor.markBlocked(r.goroutines.filter((g) => g.status === 'waiting' && g.line > 0).map((g) => g.line));
}

/** Starts a run. `follow`: the views follow the newest event (else the
 * cursor stays at the start); `replay`: a finding's schedule to replay;
 * `psched`: a parallel run's schedule to replay. */
async function run(follow = true, replay: string | null = null, psched: Uint8Array | null = null) {
  const settings = readSettings();
  if (running || checking) stop(false);
  running = true;
  replayToken = replay;
  pschedule = psched;
  pscheduleReplay = psched !== null;
  runSource = editor.getText();
  findings.opened(replay);
  dirty = false;
  live = follow;
  events = 0;
  cursor = -1;
  outputEl.textContent = '';
  editor.showDiagnostics([]);
  editor.markBlocked([]);
  views.reset();
  playback?.setTotal(0);
  playback?.setLive(follow);
  // A finding's replay is a deterministic schedule: never parallel.
  parallelActive = (settings.mode as string) === 'parallel' && !replay && !psched;
  setStatus('running', psched ? `running (${REPLAY_STATUS})` : replay ? 'running (replay)' : parallelActive ? 'running (parallel)' : 'running');
  // A parallel run's Ps share the cores with the page: the views draw less while it streams.
  views.setStreaming?.(parallelActive);
  playback?.setStreaming?.(parallelActive);
  if (parallelActive) {
    replayCtl.clear();
    const config = { procs: settings.procs, seed: settings.seed, preempt: settings.preempt, trace: true, traceLimit: TRACE_LIMIT };
    return parallel.start(editor.getText(), config);
  }
  const msg: ToWorker = {
    type: 'run',
    source: editor.getText(),
    config: { procs: settings.procs, seed: settings.seed, preempt: settings.preempt, trace: true, traceLimit: TRACE_LIMIT },
    ...(replay ? { replay } : {}),
    ...(psched ? { pschedule: psched } : {}),
  };
  const w = worker;
  await workerReady;
  if (w === worker && running) w.postMessage(msg);
}

/** SIGINT to the running program, as Ctrl-C in a terminal. */
async function interrupt() {
  if (parallelActive) return running && parallel.interrupt();
  const w = worker;
  // After the run message (posted once the worker is ready), never before it.
  await workerReady;
  if (w === worker && running) w.postMessage({ type: 'interrupt' } satisfies ToWorker);
}

function stop(report = true) {
  parallel.stop();
  // The deterministic worker is idle during a parallel run.
  if (checking || !parallelActive) {
    worker.terminate();
    spawnWorker();
  }
  if (checking) endCheck('stopped', 'stopped', report ? 'stopped' : '');
  if (running && report) {
    appendOutput('\n[stopped]\n', 'meta');
    finish('stopped', 'stopped');
  }
  running = false;
}

/** Step: the first press records a run without following it (the
 * finding's schedule if one is open); then each press moves one event on. */
async function step() {
  if (dirty || (events === 0 && !running)) {
    await run(false, dirty ? null : replayToken, dirty ? null : pschedule);
    return;
  }
  live = false;
  playback?.setLive(false);
  playback?.pause();
  setCursor(Math.min(cursor + 1, events - 1));
}

// ---- "Find bugs": schedule exploration in the worker ----
async function findBugs() {
  const settings = readSettings();
  if (running || checking) stop(false);
  checking = true;
  dirty = true; // the views keep the last run; Step records a new one
  outputEl.textContent = '';
  editor.showDiagnostics([]);
  appendOutput('[Find bugs: exploring schedules of this program…]\n', 'meta');
  findings.start(CHECK_SCHEDULES);
  setStatus('checking', 'finding bugs');
  const msg: ToWorker = {
    type: 'check',
    source: editor.getText(),
    config: { procs: settings.procs, seed: settings.seed, preempt: settings.preempt },
    schedules: CHECK_SCHEDULES,
    timeLimitMs: CHECK_TIME_LIMIT_MS,
  };
  const w = worker;
  await workerReady;
  if (w === worker && checking) w.postMessage(msg);
}

let lastFound = 0;
function onCheckMessage(m: FromWorker) {
  switch (m.type) {
    case 'check-progress': {
      findings.progress(m);
      lastFound = m.findings.length;
      const found = lastFound === 1 ? '1 finding' : `${lastFound} findings`;
      if (m.done || m.timedOut) {
        const scope = m.exhaustive ? `every interleaving (${m.schedules} schedules)` : `${m.schedules} schedules`;
        endCheck(m.timedOut ? 'timeout' : 'done', 'checked', lastFound ? `${found} in ${scope}` : `no bugs found in ${scope}`);
      } else setStatus('checking', `finding bugs: ${m.schedules} schedules, ${found}`);
      break;
    }
    case 'compile-error':
      editor.showDiagnostics(m.diagnostics);
      appendOutput(m.text.endsWith('\n') ? m.text : m.text + '\n', 'stderr');
      endCheck('error', 'compile-error', 'compile error (exit status 1)');
      break;
    case 'error':
      appendOutput(m.message + '\n', 'meta');
      worker.terminate();
      spawnWorker();
      endCheck('error', 'error', 'error');
      break;
  }
}

function endCheck(how: 'done' | 'timeout' | 'stopped' | 'error', state: State, text: string) {
  checking = false;
  findings.finish(how);
  if (text) {
    setStatus(state, text);
    if (how === 'stopped') appendOutput('[stopped]\n', 'meta');
    else if (how !== 'error') appendOutput(`[Find bugs: ${text}${how === 'timeout' ? ' (time limit reached)' : ''}]\n`, 'meta');
  }
  document.body.dataset.checkFindings = String(lastFound);
}

function openFinding(f: Finding) {
  void run(true, f.replay);
}

/** Replay: exactly the last parallel run, on the deterministic driver. */
function replayParallel(r: Recorded) {
  if (editor.getText() !== r.source) return replayCtl.forget();
  void run(true, null, r.bytes);
}

// ---- share and format ----
async function share() {
  // A parallel run's link replays its schedule on the deterministic driver
  // (without one, it reruns the program deterministically).
  const settings: Settings = { ...readSettings(), mode: 'deterministic' };
  const ps = !dirty && pschedule ? shareParallelRun(editor.getText(), settings, pschedule) : null;
  const frag = ps ? ps.fragment : encodeShare(editor.getText(), settings, dirty ? null : replayToken);
  const url = `${location.origin}${location.pathname}${location.search}#${frag}`;
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    showMessage(`Share link copied to the clipboard (and in the address bar).${ps?.note ? ' ' + ps.note : ''}`, 'info');
  } catch {
    showMessage(`Share link is in the address bar (the clipboard was not available).${ps?.note ? ' ' + ps.note : ''}`, 'info');
  }
}

let gofmt: Promise<(s: string) => string> | null = null;
async function format() {
  gofmt ??= import('@wasm-fmt/gofmt/vite').then(async (m) => {
    await m.default();
    return m.format;
  });
  try {
    const fmt = await gofmt;
    const src = editor.getText();
    const out = fmt(src);
    if (out !== src) editor.setText(out);
    showMessage('');
  } catch (e) {
    showMessage(`Format: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// ---- wiring ----
runBtn.addEventListener('click', () => void run());
stopBtn.addEventListener('click', () => stop());
interruptBtn.addEventListener('click', () => void interrupt());
stepBtn.addEventListener('click', () => void step());
findBugsBtn.addEventListener('click', () => void findBugs());
shareBtn.addEventListener('click', () => void share());
formatBtn.addEventListener('click', () => void format());
examplesSel.addEventListener('change', () => {
  const text = EXAMPLES[examplesSel.value];
  if (text !== undefined) editor.setText(text);
  examplesSel.value = '';
});
for (const el of [procsIn, seedIn, modeSel, preemptSel]) el.addEventListener('change', () => (dirty = true));
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !editor.view.hasFocus) {
    e.preventDefault();
    void run();
  }
});

// ---- start: a share link, else the last edit, else the default example ----
spawnWorker();
setStatus('idle', 'ready');
const parsed = parseShare(location.hash);
if (parsed && parsed.ok) {
  writeSettings(parsed.shared.settings);
  editor.setText(parsed.shared.source);
  focusView(parsed.shared.settings.view);
  void run(true, parsed.shared.replay ?? null, parsed.shared.pschedule ?? null);
} else {
  writeSettings(DEFAULTS);
  if (parsed && !parsed.ok) {
    showMessage(`${parsed.error} Showing the default example instead.`);
    editor.setText(EXAMPLES[DEFAULT_EXAMPLE] ?? '');
  } else {
    editor.setText(localStorage.getItem(STORE_KEY) ?? EXAMPLES[DEFAULT_EXAMPLE] ?? '');
  }
}
loading = false;
