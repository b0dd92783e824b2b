// The little of Node that node.ts uses (no @types/node in this project).
declare module 'node:fs/promises' {
  export function readFile(path: URL | string): Promise<Uint8Array<ArrayBuffer>>;
}
declare function setImmediate(cb: () => void): unknown;
