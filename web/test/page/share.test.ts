import { describe, expect, it } from 'vitest';
import { decodeSchedule, DEFAULTS, encodeSchedule, encodeShare, MAX_FRAGMENT, parseShare, shareParallelRun } from '../../src/share';

const SRC = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("héllo, 世界 😀")\n}\n';

describe('share links', () => {
  it('round-trips the source and only non-default settings', () => {
    const f = encodeShare(SRC, { ...DEFAULTS, procs: 2, seed: 42, view: 'gmp' });
    expect(f.startsWith('v1/')).toBe(true);
    expect(f).toContain('procs=2');
    expect(f).toContain('seed=42');
    expect(f).not.toContain('mode=');
    expect(f).not.toContain('preempt=');
    expect(parseShare('#' + f)).toEqual({ ok: true, shared: { source: SRC, settings: { ...DEFAULTS, procs: 2, seed: 42, view: 'gmp' } } });
    const d = encodeShare(SRC, DEFAULTS);
    expect(d).toMatch(/^v1\/h=[0-9a-z]+&src=/);
    expect(parseShare(d)).toEqual({ ok: true, shared: { source: SRC, settings: DEFAULTS } });
  });

  it('uses only URL-safe characters', () => {
    expect(encodeShare(SRC, { ...DEFAULTS, preempt: 'cooperative' })).toMatch(/^[A-Za-z0-9+\-_$=&/.]+$/);
  });

  it('no fragment is not an error', () => {
    expect(parseShare('')).toBeNull();
    expect(parseShare('#')).toBeNull();
  });

  it('rejects malformed, truncated, unknown and oversized links with a message', () => {
    const good = encodeShare(SRC, { ...DEFAULTS, procs: 3 });
    const bad = [
      'hello',
      'v2/src=abc',
      'v1/procs=2',
      'v1/procs=0&src=' + good.split('src=')[1],
      'v1/procs=17&src=' + good.split('src=')[1],
      'v1/procs=two&src=' + good.split('src=')[1],
      'v1/seed=-1&src=' + good.split('src=')[1],
      'v1/mode=parallel&src=' + good.split('src=')[1],
      'v1/view=nope&src=' + good.split('src=')[1],
      'v1/color=red&src=' + good.split('src=')[1],
      'v1/src=%%%',
      'v1/src=',
      good.slice(0, good.length - 12),
      'v1/src=' + 'A'.repeat(MAX_FRAGMENT),
    ];
    for (const f of bad) {
      const r = parseShare(f);
      expect(r, f.slice(0, 60)).not.toBeNull();
      expect(r!.ok, f.slice(0, 60)).toBe(false);
      if (r && !r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
  });

  it('every truncation of a link is rejected (or still carries the whole program)', () => {
    const good = encodeShare(SRC, { ...DEFAULTS, seed: 9 });
    for (let n = 0; n < good.length; n++) {
      const r = parseShare(good.slice(0, n));
      if (n === 0) expect(r).toBeNull();
      else if (r && r.ok) expect(r.shared, `cut at ${n}`).toEqual({ source: SRC, settings: { ...DEFAULTS, seed: 9 } });
      else expect(r!.ok).toBe(false);
    }
  });
});

describe('share links with a replay token', () => {
  const TOKEN = '1BAEBAQ';
  it('round-trip the token', () => {
    const f = encodeShare(SRC, { ...DEFAULTS, procs: 2 }, TOKEN);
    expect(f).toMatch(/^v1\/procs=2&replay=1BAEBAQ&h=[0-9a-z]+&src=/);
    expect(parseShare(f)).toEqual({ ok: true, shared: { source: SRC, settings: { ...DEFAULTS, procs: 2 }, replay: TOKEN } });
    const plain = parseShare(encodeShare(SRC, DEFAULTS, null));
    expect(plain).toEqual({ ok: true, shared: { source: SRC, settings: DEFAULTS } });
    expect(plain && plain.ok && 'replay' in plain.shared).toBe(false);
  });

  it('reject a damaged token', () => {
    const src = encodeShare(SRC, DEFAULTS).split('&').slice(-2).join('&');
    for (const tok of ['', '2AAA', '1AB%25C', '1AB.C', '1' + 'A'.repeat(20_000)]) {
      const r = parseShare(`v1/replay=${tok}&${src}`);
      expect(r && !r.ok && r.error, tok.slice(0, 20)).toMatch(/replay token/);
    }
  });
});

describe('share links with a parallel schedule', () => {
  // A CSPS1 header and a few hundred steps, as core/src/runtime/schedlog.rs writes them.
  const SCHED = new Uint8Array([...new TextEncoder().encode('CSPS1'), 2, 1, 0x9b, 0xc4, 0x02, ...Array.from({ length: 600 }, (_, i) => [0x12 + (i % 3) * 8, 0x80, 0x20][i % 3])]);

  it('round-trip the bytes, every value 0-255 included', () => {
    const f = encodeShare(SRC, { ...DEFAULTS, procs: 3 }, null, SCHED);
    expect(f).toMatch(/^v1\/procs=3&pschedule=[A-Za-z0-9+\-$]+&h=[0-9a-z]+&src=/);
    expect(parseShare(f)).toEqual({ ok: true, shared: { source: SRC, settings: { ...DEFAULTS, procs: 3 }, pschedule: SCHED } });
    const all = new Uint8Array([...new TextEncoder().encode('CSPS1'), ...Array.from({ length: 256 }, (_, i) => i)]);
    expect(decodeSchedule(encodeSchedule(all))).toEqual(all);
    // Repetitive schedules (the usual) compress well.
    expect(encodeSchedule(SCHED).length).toBeLessThan(SCHED.length);
  });

  it('reject a damaged, cut or foreign schedule with a message', () => {
    const f = encodeShare(SRC, DEFAULTS, null, SCHED);
    const tok = /pschedule=([^&]*)/.exec(f)![1];
    const rest = f.slice(f.indexOf('&h='));
    const notSchedule = encodeSchedule(new TextEncoder().encode('hello, not a schedule'));
    for (const bad of ['', '%%', 'abc.def', tok.slice(0, tok.length >> 1), 'A' + tok.slice(1), notSchedule]) {
      const r = parseShare(`v1/pschedule=${bad}${rest}`);
      expect(r && !r.ok && r.error, bad.slice(0, 20)).toMatch(/schedule in the share link is damaged/);
    }
    expect(decodeSchedule('\u0100')).toBeNull();
    const both = parseShare(`v1/replay=1BAEBAQ&pschedule=${tok}${rest}`);
    expect(both && !both.ok && both.error).toMatch(/only one/);
  });

  it('a schedule too long for a link: the program only, and a note saying why', () => {
    const ok = shareParallelRun(SRC, DEFAULTS, SCHED);
    expect(ok.note).toBeNull();
    expect(parseShare(ok.fragment)).toEqual({ ok: true, shared: { source: SRC, settings: DEFAULTS, pschedule: SCHED } });
    // Random bytes do not compress: far past MAX_FRAGMENT.
    let x = 1;
    const big = new Uint8Array(200_000).map(() => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x >>> 24));
    big.set(new TextEncoder().encode('CSPS1'));
    const long = shareParallelRun(SRC, DEFAULTS, big);
    expect(long.note).toMatch(/too long for a link.*program only/);
    expect(long.fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT);
    expect(parseShare(long.fragment)).toEqual({ ok: true, shared: { source: SRC, settings: DEFAULTS } });
  });
});
