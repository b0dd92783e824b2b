// The event log, mirroring core/src/trace/mod.rs (serde JSON: `Event`
// with `EventKind` flattened in, tagged by `kind`, snake_case).

/** Goroutine id (Go's goid; main is 1). */
export type GId = number;

export interface EventBase {
  /** Sequence number (gaps: events past the trace limit were dropped). */
  seq: number;
  /** Virtual time, nanoseconds. */
  t: number;
  /** The P on which it happened, or null outside any P. */
  p: number | null;
  /** Source line of the goroutine that caused it (0: none). */
  line: number;
}

export type StartFrom = 'runnext' | 'local' | 'global' | 'global_tick' | 'stolen';

export type WaitReason =
  | 'chan send'
  | 'chan receive'
  | 'chan send (nil chan)'
  | 'chan receive (nil chan)'
  | 'select'
  | 'select (no cases)'
  | 'sleep'
  | 'sync.Mutex.Lock'
  | 'sync.WaitGroup.Wait'
  | '';

export interface GoCreate extends EventBase { kind: 'go_create'; g: GId; parent: GId; func: string }
export interface GoStart extends EventBase { kind: 'go_start'; g: GId; from: StartFrom }
/** `chans`: the channels of a blocked `select`'s non-nil cases (empty otherwise). */
export interface GoBlock extends EventBase { kind: 'go_block'; g: GId; reason: WaitReason; obj: number | null; chans: number[] }
export interface GoUnblock extends EventBase { kind: 'go_unblock'; g: GId; by: GId }
export interface GoYield extends EventBase { kind: 'go_yield'; g: GId; preempted: boolean }
export interface GoExit extends EventBase { kind: 'go_exit'; g: GId }
export interface Steal extends EventBase { kind: 'steal'; g: GId; victim: number; moved: GId[] }
export interface RunqPut extends EventBase {
  kind: 'runq_put'; g: GId; next: boolean; kicked: GId | null; spilled: GId[];
}
export interface GlobalPut extends EventBase { kind: 'global_put'; g: GId }
export interface GlobalGet extends EventBase { kind: 'global_get'; g: GId; moved: GId[] }
export interface ProcIdle extends EventBase { kind: 'proc_idle' }
/** Parallel runs: P `p`'s parked M was woken and runs a goroutine again. */
export interface ProcWake extends EventBase { kind: 'proc_wake' }
/** `runtime.GOMAXPROCS(procs)`: removed Ps' goroutines moved to the global queue. */
export interface ProcResize extends EventBase { kind: 'proc_resize'; procs: number; moved: GId[] }
export interface ChanMake extends EventBase { kind: 'chan_make'; ch: number; cap: number; elem: string }
export interface ChanSend extends EventBase {
  kind: 'chan_send'; ch: number; from: GId; to: GId | null; value: string; buffered: number;
}
export interface ChanRecv extends EventBase {
  kind: 'chan_recv'; ch: number; to: GId; from: GId | null; value: string; buffered: number; closed: boolean;
  /** A blocked sender's value that entered a full buffer's tail. */
  refill: string | null;
}
export interface ChanClose extends EventBase { kind: 'chan_close'; ch: number; by: GId }
export interface Select extends EventBase { kind: 'select'; g: GId; case: number | null; ready: number; cases: number }
export interface MutexLock extends EventBase { kind: 'mutex_lock'; m: number; g: GId }
export interface MutexUnlock extends EventBase { kind: 'mutex_unlock'; m: number; g: GId }
export interface WgAdd extends EventBase { kind: 'wg_add'; wg: number; g: GId; delta: number; counter: number }
export interface WgWait extends EventBase { kind: 'wg_wait'; wg: number; g: GId }
export interface TimerFire extends EventBase { kind: 'timer_fire'; g: GId | null; ch: number | null }
export interface ClockAdvance extends EventBase { kind: 'clock_advance'; to: number }
export interface Output extends EventBase { kind: 'output'; g: GId; text: string }
export interface Panic extends EventBase { kind: 'panic'; g: GId; message: string }
export interface Deadlock extends EventBase { kind: 'deadlock' }
export interface Exit extends EventBase { kind: 'exit'; code: number }

export type TraceEvent =
  | GoCreate | GoStart | GoBlock | GoUnblock | GoYield | GoExit
  | Steal | RunqPut | GlobalPut | GlobalGet | ProcIdle | ProcWake | ProcResize
  | ChanMake | ChanSend | ChanRecv | ChanClose | Select
  | MutexLock | MutexUnlock | WgAdd | WgWait
  | TimerFire | ClockAdvance | Output | Panic | Deadlock | Exit;

export type EventKindName = TraceEvent['kind'];

/** Every field each kind carries besides the base ones (for validation). */
export const KIND_FIELDS: Record<EventKindName, readonly string[]> = {
  go_create: ['g', 'parent', 'func'],
  go_start: ['g', 'from'],
  go_block: ['g', 'reason', 'obj', 'chans'],
  go_unblock: ['g', 'by'],
  go_yield: ['g', 'preempted'],
  go_exit: ['g'],
  steal: ['g', 'victim', 'moved'],
  runq_put: ['g', 'next', 'kicked', 'spilled'],
  global_put: ['g'],
  global_get: ['g', 'moved'],
  proc_idle: [],
  proc_wake: [],
  proc_resize: ['procs', 'moved'],
  chan_make: ['ch', 'cap', 'elem'],
  chan_send: ['ch', 'from', 'to', 'value', 'buffered'],
  chan_recv: ['ch', 'to', 'from', 'value', 'buffered', 'closed', 'refill'],
  chan_close: ['ch', 'by'],
  select: ['g', 'case', 'ready', 'cases'],
  mutex_lock: ['m', 'g'],
  mutex_unlock: ['m', 'g'],
  wg_add: ['wg', 'g', 'delta', 'counter'],
  wg_wait: ['wg', 'g'],
  timer_fire: ['g', 'ch'],
  clock_advance: ['to'],
  output: ['g', 'text'],
  panic: ['g', 'message'],
  deadlock: [],
  exit: ['code'],
};

/** The goroutine an event is about (the actor), or null. */
export function actorOf(e: TraceEvent): GId | null {
  switch (e.kind) {
    case 'chan_send': return e.from;
    case 'chan_recv': return e.to;
    case 'chan_close': return e.by;
    case 'go_create': return e.parent;
    case 'proc_idle': case 'proc_wake': case 'chan_make': case 'clock_advance': case 'deadlock': case 'exit':
      return null;
    case 'timer_fire': return e.g;
    default: return e.g;
  }
}

/** A one-line human description of an event (tooltips, logs). */
export function describe(e: TraceEvent): string {
  switch (e.kind) {
    case 'go_create': return `G${e.parent} go ${e.func} → G${e.g}`;
    case 'go_start': return `P${e.p} runs G${e.g} (from ${e.from.replace('_', ' ')})`;
    case 'go_block': return `G${e.g} blocks [${e.reason}]${e.obj != null ? ` on #${e.obj}` : ''}`;
    case 'go_unblock': return `G${e.g} made runnable${e.by ? ` by G${e.by}` : ' (timer)'}`;
    case 'go_yield': return `G${e.g} ${e.preempted ? 'preempted' : 'yields'} → global queue`;
    case 'go_exit': return `G${e.g} exits`;
    case 'steal': return `P${e.p} steals G${e.g}${e.moved.length ? ` (+${e.moved.map((g) => 'G' + g).join(' ')})` : ''} from P${e.victim}`;
    case 'runq_put': return `G${e.g} → P${e.p} ${e.next ? 'runnext' : 'local queue'}${e.kicked != null ? ` (kicks G${e.kicked})` : ''}${e.spilled.length ? ` (spills ${e.spilled.length} to global)` : ''}`;
    case 'global_put': return `G${e.g} → global queue`;
    case 'global_get': return `P${e.p} takes G${e.g}${e.moved.length ? ` (+${e.moved.length})` : ''} from the global queue`;
    case 'proc_idle': return `P${e.p} idle`;
    case 'proc_wake': return `P${e.p} woken (its M was parked)`;
    case 'chan_make': return `make(chan ${e.elem}${e.cap ? `, ${e.cap}` : ''}) = ch#${e.ch}`;
    case 'chan_send': return `G${e.from} ch#${e.ch} <- ${e.value}${e.to != null ? ` → G${e.to}` : ` (buffer ${e.buffered})`}`;
    case 'chan_recv': return `G${e.to} <-ch#${e.ch} = ${e.value}${e.closed ? ' (closed)' : e.from != null ? ` from G${e.from}` : ` (buffer ${e.buffered})`}`;
    case 'chan_close': return `G${e.by} close(ch#${e.ch})`;
    case 'select': return `G${e.g} select: ${e.case == null ? 'default' : `case ${e.case}`} (${e.ready}/${e.cases} ready)`;
    case 'mutex_lock': return `G${e.g} locks mutex#${e.m}`;
    case 'mutex_unlock': return `G${e.g} unlocks mutex#${e.m}`;
    case 'wg_add': return `G${e.g} wg#${e.wg}.Add(${e.delta}) = ${e.counter}`;
    case 'wg_wait': return `G${e.g} wg#${e.wg}.Wait()`;
    case 'timer_fire': return e.g != null ? `timer wakes G${e.g}` : `timer fires on ch#${e.ch}`;
    case 'clock_advance': return `clock jumps to ${fmtTime(e.to)}`;
    case 'output': return `G${e.g} prints ${JSON.stringify(e.text)}`;
    case 'panic': return `G${e.g} panics: ${e.message}`;
    case 'deadlock': return 'all goroutines are asleep - deadlock!';
    case 'exit': return `exit status ${e.code}`;
  }
}

/** Virtual time for humans: 0, 12ns, 3.5µs, 10ms, 1.2s. */
export function fmtTime(ns: number): string {
  if (ns < 1000) return `${ns}ns`;
  if (ns < 1e6) return `${+(ns / 1e3).toFixed(1)}µs`;
  if (ns < 1e9) return `${+(ns / 1e6).toFixed(1)}ms`;
  return `${+(ns / 1e9).toFixed(2)}s`;
}
