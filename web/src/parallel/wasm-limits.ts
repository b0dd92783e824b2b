// The limits of a wasm module's imported memory, read from its import
// section: the page must create the shared WebAssembly.Memory itself (the
// main thread never instantiates the threaded module), and it must be at
// least as large as the module declares.

export interface MemoryLimits {
  initial: number;
  maximum: number | undefined;
  shared: boolean;
}

class Reader {
  constructor(
    private b: Uint8Array,
    public pos = 0,
  ) {}
  byte(): number {
    if (this.pos >= this.b.length) throw new Error('truncated wasm module');
    return this.b[this.pos++];
  }
  /** Unsigned LEB128 (at most 32 bits here). */
  u32(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const v = this.byte();
      result += (v & 0x7f) * 2 ** shift;
      if ((v & 0x80) === 0) return result;
    }
    throw new Error('bad LEB128 in wasm module');
  }
  skip(n: number) {
    this.pos += n;
    if (this.pos > this.b.length) throw new Error('truncated wasm module');
  }
  limits(): MemoryLimits {
    const flags = this.byte();
    const initial = this.u32();
    const maximum = flags & 1 ? this.u32() : undefined;
    return { initial, maximum, shared: (flags & 2) !== 0 };
  }
}

/** The imported memory's limits, or null if the module imports none. */
export function importedMemoryLimits(bytes: ArrayBuffer | Uint8Array): MemoryLimits | null {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const r = new Reader(b);
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (b.length < 8 || magic.some((m, i) => b[i] !== m)) throw new Error('not a wasm module');
  r.pos = 8;
  while (r.pos < b.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    if (id !== 2) {
      r.skip(size);
      continue;
    }
    const count = r.u32();
    for (let i = 0; i < count; i++) {
      r.skip(r.u32()); // module name
      r.skip(r.u32()); // field name
      const kind = r.byte();
      switch (kind) {
        case 0: // function: type index
          r.u32();
          break;
        case 1: // table: element type, limits
          r.byte();
          r.limits();
          break;
        case 2:
          return r.limits();
        case 3: // global: value type, mutability
          r.byte();
          r.byte();
          break;
        case 4: // tag: attribute, type index
          r.byte();
          r.u32();
          break;
        default:
          throw new Error(`unknown import kind ${kind}`);
      }
    }
    r.pos = end;
  }
  return null;
}
