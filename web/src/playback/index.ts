// Playback controls: play/pause, step back/forward one event, a scrub
// slider, speed, and live mode (follow the newest event while running).
import '../views/views.css';

export interface PlaybackOptions { onCursor(i: number): void }

export interface Playback {
  setTotal(n: number): void;
  setLive(on: boolean): void;
  setCursor(i: number): void;
  play(): void;
  pause(): void;
  readonly cursor: number;
  /** Live mode on (a manual step/scrub turns it off). */
  readonly live: boolean;
  /** A parallel run streams in (as the views' setStreaming): the controls
   * show the newest position at most every STREAM_MS (each change of the
   * page costs a frame, taken from the run's Ps); off: at once. */
  setStreaming(on: boolean): void;
  destroy(): void;
}

const SPEEDS = [1, 4, 16, 60, 250, 1000, 5000];
/** As the views' (views/index.ts): updates while streaming fall on the
 * same marks of the page's clock, so the two share a frame. */
const STREAM_MS = 500;

export function mountPlayback(el: HTMLElement, opts: PlaybackOptions): Playback {
  el.classList.add('cs-playback');
  el.tabIndex = 0;
  el.innerHTML =
    '<button data-testid="step-back" title="step back one event (←)"><svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h2v12H3zM14 2v12L6 8z"/></svg></button>' +
    '<button data-testid="play" title="play (space)"><svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2v12l10-6z"/></svg></button>' +
    '<button data-testid="pause" title="pause (space)" hidden><svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h4v12H3zM9 2h4v12H9z"/></svg></button>' +
    '<button data-testid="step-forward" title="step forward one event (→)"><svg viewBox="0 0 16 16" aria-hidden="true"><path d="M11 2h2v12h-2zM2 2v12l8-6z"/></svg></button>' +
    '<input data-testid="scrub" type="range" min="-1" max="-1" value="-1" step="1" aria-label="timeline">' +
    '<span class="cs-pos"></span>' +
    `<select data-testid="speed" title="events per second">${SPEEDS.map((s) => `<option value="${s}"${s === 60 ? ' selected' : ''}>${s}/s</option>`).join('')}</select>` +
    '<label title="follow the newest event while the program runs"><input data-testid="live" type="checkbox"> live</label>';
  const q = <T extends HTMLElement>(id: string) => el.querySelector(`[data-testid="${id}"]`) as T;
  const playB = q<HTMLButtonElement>('play'), pauseB = q<HTMLButtonElement>('pause');
  const back = q<HTMLButtonElement>('step-back'), fwd = q<HTMLButtonElement>('step-forward');
  const scrub = q<HTMLInputElement>('scrub'), speed = q<HTMLSelectElement>('speed'), live = q<HTMLInputElement>('live');
  const pos = el.querySelector('.cs-pos') as HTMLElement;
  let total = 0, cursor = -1, playing = false, raf = 0, lastT = 0, acc = 0;
  let streaming = false, showTimer = 0;

  /** show(), but while streaming at the next STREAM_MS mark. */
  const showSoon = () => {
    if (!streaming) return show();
    if (showTimer) return;
    showTimer = window.setTimeout(show, STREAM_MS - (performance.now() % STREAM_MS));
  };
  const show = () => {
    clearTimeout(showTimer);
    showTimer = 0;
    scrub.max = String(total - 1);
    scrub.value = String(cursor);
    pos.textContent = total ? `event ${cursor + 1} / ${total}` : 'no events';
    playB.hidden = playing;
    pauseB.hidden = !playing;
    back.disabled = cursor < 0;
    fwd.disabled = cursor >= total - 1;
    el.dataset.cursor = String(cursor);
  };
  const move = (i: number, fromUser = true) => {
    const c = Math.max(-1, Math.min(i, total - 1));
    if (fromUser && live.checked && c < total - 1) live.checked = false;
    // A person's move shows at once; the stream's moves coalesce.
    const display = fromUser ? show : showSoon;
    if (c === cursor) { display(); return; }
    cursor = c;
    display();
    opts.onCursor(cursor);
  };
  const tick = (t: number) => {
    raf = 0;
    if (!playing) return;
    const dt = lastT ? Math.min(250, t - lastT) : 16;
    lastT = t;
    acc += (dt / 1000) * Number(speed.value);
    const n = Math.floor(acc);
    acc -= n;
    if (n > 0) move(cursor + n, false);
    if (cursor >= total - 1 && !live.checked) { pause(); return; }
    raf = requestAnimationFrame(tick);
  };
  function play() {
    if (playing) return;
    if (cursor >= total - 1) move(-1, false);
    playing = true;
    lastT = 0;
    acc = 0;
    show();
    raf = requestAnimationFrame(tick);
  }
  function pause() {
    playing = false;
    cancelAnimationFrame(raf);
    raf = 0;
    show();
  }
  playB.onclick = play;
  pauseB.onclick = pause;
  back.onclick = () => { pause(); move(cursor - 1); };
  fwd.onclick = () => { pause(); move(cursor + 1); };
  scrub.oninput = () => {
    const v = Number(scrub.value);
    pause();
    move(v);
  };
  live.onchange = () => { if (live.checked) move(total - 1, false); };
  el.addEventListener('keydown', (ev) => {
    if ((ev.target as HTMLElement).tagName === 'SELECT') return;
    if (ev.key === ' ') { ev.preventDefault(); playing ? pause() : play(); }
    else if (ev.key === 'ArrowLeft') { ev.preventDefault(); pause(); move(cursor - 1); }
    else if (ev.key === 'ArrowRight') { ev.preventDefault(); pause(); move(cursor + 1); }
  });
  show();
  return {
    setTotal(n) {
      total = n;
      if (cursor > total - 1) cursor = total - 1;
      if (live.checked) move(total - 1, false);
      else showSoon();
    },
    setStreaming(on) {
      streaming = on;
      if (!on) show();
    },
    setLive(on) {
      live.checked = on;
      if (on) move(total - 1, false);
    },
    setCursor(i) { move(i, false); },
    play,
    pause,
    get cursor() { return cursor; },
    get live() { return live.checked; },
    destroy() { pause(); clearTimeout(showTimer); el.innerHTML = ''; el.classList.remove('cs-playback'); },
  };
}
