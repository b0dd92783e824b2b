// Builds the npm package into web/package/dist: plain ES modules (relative
// imports, no bare specifiers: lz-string and CodeMirror are bundled), the
// wasm next to them, and the .d.ts files. Usage: node build.mjs
// Needs web/src/wasm-pkg (make wasm). PLAYGROUND_URL (env) is the default
// target of the elements' "Open in playground" link.
import { build } from 'rolldown';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const pkg = join(here, '..', 'src', 'wasm-pkg');

/** `import css from './x.css?inline'` gives the text; a bare `import './x.css'` gives nothing (the element puts the CSS in its shadow root). */
const css = {
  name: 'css-text',
  async load(id) {
    const [file, query] = id.split('?');
    if (!file.endsWith('.css')) return null;
    if (query !== 'inline') return { code: '', moduleSideEffects: false, moduleType: 'js' };
    const text = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '\n');
    return { code: `export default ${JSON.stringify(text)};`, moduleType: 'js' };
  },
  resolveId(source, importer) {
    if (!source.includes('.css')) return null;
    const [file, query] = source.split('?');
    return join(dirname(importer), file) + (query ? `?${query}` : '');
  },
};

await rm(dist, { recursive: true, force: true });
const common = {
  plugins: [css],
  transform: { define: { __PLAYGROUND_URL__: JSON.stringify(process.env.PLAYGROUND_URL ?? '') } },
  treeshake: true,
};
const output = {
  dir: dist,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
  minify: true,
  comments: { legal: false },
};
// Browser entries share chunks; the worker and the Node entry stand alone.
await build({ ...common, input: { index: join(here, 'src/index.ts'), element: join(here, 'src/element.ts') }, output });
await build({ ...common, input: { worker: join(here, 'src/worker.ts') }, output: { ...output, codeSplitting: false } });
await build({ ...common, input: { node: join(here, 'src/node.ts') }, platform: 'node', external: [/^node:/], output: { ...output, codeSplitting: false } });

await copyFile(join(pkg, 'chanscope_wasm_bg.wasm'), join(dist, 'chanscope_wasm_bg.wasm'));
await mkdir(join(dist, 'types'), { recursive: true });
// The data types of the wasm layer only (not its Session class and init functions).
const wasmTypes = await readFile(join(pkg, 'chanscope_wasm.d.ts'), 'utf8');
const cut = wasmTypes.search(/^export class /m);
if (cut < 0) throw new Error('unexpected chanscope_wasm.d.ts layout');
await writeFile(join(dist, 'types', 'chanscope_wasm.d.ts'), wasmTypes.slice(0, cut).trimEnd() + '\n');
const types = (await readFile(join(here, 'src/types.ts'), 'utf8')).replace("'../../src/wasm-pkg/chanscope_wasm'", "'./chanscope_wasm.js'");
await writeFile(join(dist, 'types', 'types.d.ts'), types);
for (const f of ['index.d.ts', 'node.d.ts', 'element.d.ts']) await copyFile(join(here, 'types', f), join(dist, f));
console.log('built', dist);
