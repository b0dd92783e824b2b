// Share links: the URL fragment carries the source (lz-string, URI-safe)
// and every setting that differs from the defaults, versioned:
//   #v1/procs=2&seed=7&src=<compressed>
// A link to a finding of "Find bugs" also carries its replay token
// (`replay=1...`, URL-safe base64): opening it replays that schedule. A
// link to a parallel run carries the run's recorded schedule (`pschedule=`,
// the CSPS1 bytes through lz-string, URI-safe): opening it replays that run
// on the deterministic driver.
// Parsing never throws: a bad fragment gives an error message for the page.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export const VIEWS = ['traffic', 'gmp', 'goroutines', 'channels'] as const;
export type ViewName = (typeof VIEWS)[number];
export const MODES = ['deterministic'] as const;
export type Mode = (typeof MODES)[number];
export const PREEMPTS = ['async', 'cooperative'] as const;
export type Preempt = (typeof PREEMPTS)[number];

export interface Settings {
  procs: number;
  seed: number;
  mode: Mode;
  preempt: Preempt;
  view: ViewName;
}

export const DEFAULTS: Readonly<Settings> = { procs: 4, seed: 1, mode: 'deterministic', preempt: 'async', view: 'traffic' };

export const MAX_PROCS = 16;
/** Largest fragment accepted (characters) and largest source (UTF-16 units). */
export const MAX_FRAGMENT = 100_000;
export const MAX_SOURCE = 200_000;

/** Longest replay token accepted (characters). */
export const MAX_REPLAY = 20_000;
const REPLAY_RE = /^1[A-Za-z0-9_-]*$/;

/** The first bytes of a recorded parallel schedule (core/src/runtime/schedlog.rs). */
const SCHEDULE_MAGIC = 'CSPS1';
/** lz-string's URI-safe alphabet. */
const LZ_RE = /^[A-Za-z0-9+\-$]+$/;

export interface Shared {
  source: string;
  settings: Settings;
  /** A finding's schedule to replay instead of a plain run. */
  replay?: string;
  /** A parallel run's recorded schedule (CSPS1 bytes) to replay instead of a plain run. */
  pschedule?: Uint8Array;
}

export type ParseResult = { ok: true; shared: Shared } | { ok: false; error: string };

/** The fragment (without '#') for `source` and `settings` (and a replay
 * token, or a parallel run's schedule). */
export function encodeShare(source: string, settings: Settings, replay?: string | null, pschedule?: Uint8Array | null): string {
  const parts: string[] = [];
  for (const k of ['procs', 'seed', 'mode', 'preempt', 'view'] as const) {
    if (settings[k] !== DEFAULTS[k]) parts.push(`${k}=${encodeURIComponent(String(settings[k]))}`);
  }
  if (replay) parts.push(`replay=${replay}`);
  if (pschedule) parts.push(`pschedule=${encodeSchedule(pschedule)}`);
  parts.push(`h=${checksum(source)}`);
  parts.push(`src=${compressToEncodedURIComponent(source)}`);
  return `v1/${parts.join('&')}`;
}

/** A share fragment for a parallel run with its schedule, or, when that
 * link would be longer than a page accepts, for the program only, with
 * `note` saying why. */
export function shareParallelRun(source: string, settings: Settings, pschedule: Uint8Array): { fragment: string; note: string | null } {
  const fragment = encodeShare(source, settings, null, pschedule);
  if (fragment.length <= MAX_FRAGMENT) return { fragment, note: null };
  const note =
    `The parallel run's schedule is too long for a link (${fragment.length} characters; at most ${MAX_FRAGMENT}): ` +
    'the link shares the program only, and opening it runs the program deterministically.';
  return { fragment: encodeShare(source, settings), note };
}

/** A schedule's bytes as URI-safe text: one char per byte (Latin-1), compressed. */
export function encodeSchedule(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return compressToEncodedURIComponent(s);
}

/** `encodeSchedule` undone; null when the text is not a schedule's. */
export function decodeSchedule(text: string): Uint8Array | null {
  if (!LZ_RE.test(text)) return null;
  let s: string | null;
  try {
    s = decompressFromEncodedURIComponent(text);
  } catch {
    return null;
  }
  if (!s || !s.startsWith(SCHEDULE_MAGIC)) return null;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) return null;
    bytes[i] = c;
  }
  return bytes;
}

/** FNV-1a over UTF-16 units, base 36: catches a link cut inside the program. */
export function checksum(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function intIn(v: string, lo: number, hi: number): number | null {
  if (!/^-?\d+$/.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= lo && n <= hi ? n : null;
}

/** Parses a fragment (with or without '#'); null when there is none. */
export function parseShare(fragment: string): ParseResult | null {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (f === '') return null;
  if (f.length > MAX_FRAGMENT) return { ok: false, error: `The share link is too long (${f.length} characters; at most ${MAX_FRAGMENT}).` };
  const m = /^v(\d+)\/(.*)$/s.exec(f);
  if (!m) return { ok: false, error: 'This is not a chanscope share link (it should start with #v1/).' };
  if (m[1] !== '1') return { ok: false, error: `This share link has version ${m[1]}, which this page does not know (it reads v1).` };
  const settings: Settings = { ...DEFAULTS };
  let source: string | null = null;
  let hash: string | null = null;
  let replay: string | null = null;
  let pschedule: Uint8Array | null = null;
  for (const part of m[2].split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    let val: string;
    try {
      val = eq < 0 ? '' : key === 'src' || key === 'pschedule' ? part.slice(eq + 1) : decodeURIComponent(part.slice(eq + 1));
    } catch {
      return { ok: false, error: `The share link is damaged (bad encoding of "${key}").` };
    }
    switch (key) {
      case 'procs': {
        const n = intIn(val, 1, MAX_PROCS);
        if (n === null) return { ok: false, error: `The share link has an invalid procs value "${val}" (1 to ${MAX_PROCS}).` };
        settings.procs = n;
        break;
      }
      case 'seed': {
        const n = intIn(val, 0, Number.MAX_SAFE_INTEGER);
        if (n === null) return { ok: false, error: `The share link has an invalid seed "${val}".` };
        settings.seed = n;
        break;
      }
      case 'mode':
        if (!(MODES as readonly string[]).includes(val)) return { ok: false, error: `The share link asks for mode "${val}", which this page does not offer.` };
        settings.mode = val as Mode;
        break;
      case 'preempt':
        if (!(PREEMPTS as readonly string[]).includes(val)) return { ok: false, error: `The share link has an unknown preemption mode "${val}".` };
        settings.preempt = val as Preempt;
        break;
      case 'view':
        if (!(VIEWS as readonly string[]).includes(val)) return { ok: false, error: `The share link names an unknown view "${val}".` };
        settings.view = val as ViewName;
        break;
      case 'h':
        hash = val;
        break;
      case 'replay':
        if (val.length > MAX_REPLAY || !REPLAY_RE.test(val)) return { ok: false, error: 'The replay token in the share link is damaged (was the link cut short?).' };
        replay = val;
        break;
      case 'pschedule':
        pschedule = decodeSchedule(val);
        if (!pschedule) return { ok: false, error: "The parallel run's schedule in the share link is damaged (was the link cut short?)." };
        break;
      case 'src': {
        let s: string | null = null;
        try {
          s = decompressFromEncodedURIComponent(val);
        } catch {
          s = null;
        }
        // lz-string yields null or '' for damaged input, and garbage with
        // U+FFFD or control characters for some truncations.
        if (!s || /[\uFFFD\u0000-\u0008\u000E-\u001F]/.test(s)) {
          return { ok: false, error: 'The program in the share link is damaged (was the link cut short?).' };
        }
        if (s.length > MAX_SOURCE) return { ok: false, error: `The program in the share link is too large (${s.length} characters; at most ${MAX_SOURCE}).` };
        source = s;
        break;
      }
      default:
        return { ok: false, error: `The share link has an unknown setting "${key}".` };
    }
  }
  if (source === null) return { ok: false, error: 'The share link has no program in it (was the link cut short?).' };
  if (hash === null || hash !== checksum(source)) return { ok: false, error: 'The program in the share link is damaged (was the link cut short?).' };
  if (replay !== null && pschedule !== null) return { ok: false, error: 'The share link carries both a replay token and a parallel schedule; it can replay only one.' };
  const shared: Shared = { source, settings };
  if (replay !== null) shared.replay = replay;
  if (pschedule !== null) shared.pschedule = pschedule;
  return { ok: true, shared };
}
