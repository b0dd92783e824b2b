// importedMemoryLimits: the page sizes the shared memory from these.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { importedMemoryLimits } from '../../src/parallel/wasm-limits';

/** A module with the given import entries (already encoded) in its import section. */
function module(entries: number[][]): Uint8Array {
  const body = [entries.length, ...entries.flat()];
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 1, 0, 2, body.length, ...body]);
}
const name = (s: string) => [s.length, ...[...s].map((c) => c.charCodeAt(0))];

describe('importedMemoryLimits', () => {
  it('reads a shared memory after other imports', () => {
    const fn = [...name('m'), ...name('f'), 0, 0];
    const global = [...name('m'), ...name('g'), 3, 0x7f, 0];
    const table = [...name('m'), ...name('t'), 1, 0x70, 0, 1];
    // flags 3: maximum and shared; 20 and 16384 (LEB128: 0x80 0x80 0x01).
    const mem = [...name('m'), ...name('memory'), 2, 3, 20, 0x80, 0x80, 0x01];
    expect(importedMemoryLimits(module([fn, global, table, mem]))).toEqual({ initial: 20, maximum: 16384, shared: true });
  });
  it('an unshared memory without maximum; none at all', () => {
    expect(importedMemoryLimits(module([[...name('a'), ...name('m'), 2, 0, 2]]))).toEqual({ initial: 2, maximum: undefined, shared: false });
    expect(importedMemoryLimits(module([]))).toBeNull();
  });
  it('rejects what is not a module, and truncated ones', () => {
    expect(() => importedMemoryLimits(new Uint8Array([1, 2, 3]))).toThrow();
    const m = module([[...name('m'), ...name('memory'), 2, 3, 20, 0x80, 0x80, 0x01]]);
    expect(() => importedMemoryLimits(m.slice(0, m.length - 2))).toThrow();
  });
  const built = path.resolve(__dirname, '../../src/wasm-pkg-mt/chanscope_wasm_bg.wasm');
  it.skipIf(!fs.existsSync(built))('the threaded build imports a shared memory of at most 1 GiB', () => {
    const l = importedMemoryLimits(fs.readFileSync(built))!;
    expect(l.shared).toBe(true);
    expect(l.maximum).toBe(16384);
    expect(l.initial).toBeGreaterThan(0);
  });
});
