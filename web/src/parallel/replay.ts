// Replay of a parallel run: every parallel run is recorded (the order in
// which its Ms took the runtime lock, and how far each goroutine ran
// between), and the coordinator hands the schedule over just before the
// exit. The Replay control reruns exactly that run on the deterministic
// driver (`Session.replayParallel` in the page's worker), where it can be
// stepped, inspected and shared like any deterministic run.

/** A parallel run's schedule, with the program it belongs to. */
export interface Recorded {
  source: string;
  bytes: Uint8Array;
}

export interface ReplayControl {
  /** The schedule of the last parallel run, while its program is unchanged. */
  readonly recorded: Recorded | null;
  /** A parallel run ended with this schedule (null: none, `why` says so). */
  record(source: string, bytes: Uint8Array | null, why: string): void;
  /** The program changed: the schedule no longer fits it. */
  forget(): void;
  /** A new parallel run started: hidden until it ends. */
  clear(): void;
}

/** The Replay button (data-testid="replay-parallel"), after `anchor`;
 * hidden until a parallel run ended, disabled with the reason when that
 * run cannot be replayed. */
export function mountReplay(anchor: HTMLElement, onReplay: (r: Recorded) => void): ReplayControl {
  const btn = document.createElement('button');
  btn.dataset.testid = 'replay-parallel';
  btn.textContent = 'Replay';
  btn.hidden = true;
  anchor.after(btn);
  let recorded: Recorded | null = null;
  const set = (r: Recorded | null, title: string, visible: boolean) => {
    recorded = r;
    btn.disabled = r === null;
    btn.title = title;
    btn.hidden = !visible;
  };
  btn.addEventListener('click', () => recorded && onReplay(recorded));
  return {
    get recorded() {
      return recorded;
    },
    record(source, bytes, why) {
      if (bytes) set({ source, bytes }, 'Replay the last parallel run exactly, on the deterministic driver (step through it, share it)', true);
      else set(null, `This parallel run cannot be replayed: ${why}.`, true);
    },
    forget() {
      if (!btn.hidden) set(null, 'The program changed since the parallel run: its schedule no longer fits. Run it in parallel mode again.', true);
    },
    clear() {
      set(null, '', false);
    },
  };
}

/** The status of a replay of a parallel run. */
export const REPLAY_STATUS = 'replay of the parallel run';
