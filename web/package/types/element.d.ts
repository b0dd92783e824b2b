// import "chanscope/element" defines <chanscope-playground>.
import type { RunResult } from './types/types.js';
export type * from './types/types.js';

export type Panel = 'output' | 'report' | 'traffic' | 'gmp' | 'goroutines' | 'channels' | 'playback';
export declare const PANELS: readonly Panel[];
/** Where "Open in playground" points when an element has no playground-url ("" = the link is hidden). */
export declare const DEFAULT_PLAYGROUND_URL: string;
export declare function dedent(text: string): string;

/** `detail` of chanscope-exit after stop(). */
export interface StoppedResult extends RunResult { stopped: true }

export interface ChanscopeEventMap {
  'chanscope-run': CustomEvent<{ source: string; procs: number; seed: number; mode: string; preempt: string }>;
  'chanscope-output': CustomEvent<{ stdout: string; stderr: string }>;
  'chanscope-deadlock': CustomEvent<RunResult>;
  'chanscope-exit': CustomEvent<RunResult | StoppedResult>;
  'chanscope-change': CustomEvent<undefined>;
}

export declare class ChanscopePlayground extends HTMLElement {
  /** GOMAXPROCS (attribute procs). Default 4. */
  procs: number;
  /** Scheduler seed (attribute seed). Default 1. */
  seed: number;
  /** "deterministic" (attribute mode). */
  mode: string;
  /** "async" or "cooperative" (attribute preempt). */
  preempt: string;
  /** Run once connected (attribute autorun). */
  autorun: boolean;
  /** The editor is read-only (attribute readonly). */
  readonly: boolean;
  readOnly: boolean;
  /** Panels, e.g. "output traffic gmp" (attribute views). Default "output". */
  views: string;
  /** Editor height: "240" (px) or any CSS length (attribute height). */
  height: string;
  /** "auto" (default), "light" or "dark" (attribute theme). */
  theme: 'auto' | 'light' | 'dark';
  /** URL of a Go file to load (attribute src). */
  src: string;
  /** Base URL of the playground page for the "Open in playground" link (attribute playground-url). */
  playgroundUrl: string;
  /** The program: the editor's text. Setting it is setSource(). */
  source: string;
  /** The last finished run's result. */
  readonly result: RunResult | null;
  /** The link's URL: playgroundUrl + "#v1/..." ("" without a playground URL). */
  readonly shareUrl: string;
  /** Runs the program (stopping one in progress); resolves with its result, rejects (AbortError) if stopped. */
  run(): Promise<RunResult>;
  /** Stops the running program by terminating its worker. */
  stop(): void;
  /** Replaces the program. */
  setSource(source: string): void;
  addEventListener<K extends keyof ChanscopeEventMap>(type: K, listener: (this: ChanscopePlayground, ev: ChanscopeEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'chanscope-playground': ChanscopePlayground;
  }
  interface HTMLElementEventMap extends ChanscopeEventMap {}
}
