// Proof of the npm package: the tarball `make package` packed is installed
// into fresh projects in the system's temp directory (outside the repository),
// then (1) a Node script runs programs headless, (2) a plain HTML page served
// WITHOUT COOP/COEP embeds two <chanscope-playground> elements, driven in
// Chromium, (3) a tiny Vite app importing the package is built and run.
// Also: the tarball's size budget and the published .d.ts types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import lz from 'lz-string';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '../..');
const pkgDir = path.join(web, 'package');
const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const tgz = process.env.CHANSCOPE_TGZ ?? path.join(pkgDir, `chanscope-${version}.tgz`);
const MAX_TGZ = 1.5 * 1024 * 1024;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const HELLO = `package main

import "fmt"

func main() {
	ch := make(chan string)
	go func() { ch <- "ping" }()
	fmt.Println(<-ch)
}
`;
const DEADLOCK = `package main

func main() {
	ch := make(chan int)
	ch <- 1
}
`;
const DEADLOCK_TEXT = 'fatal error: all goroutines are asleep - deadlock!';
// signalAt: a handler waiting for SIGINT (as Go prints it under kill -INT).
const SIGNAL = `package main

import (
	"fmt"
	"os"
	"os/signal"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	start := time.Now()
	s := <-c
	fmt.Println("got", s, "after", time.Since(start))
}
`;
// No handler: the program dies of the signal.
const HELLO_WAIT = `package main

import "time"

func main() {
	time.Sleep(time.Hour)
}
`;

let tmp, proj, browser;
const servers = [];

/** A fresh npm project with the tarball installed (offline: the package has no dependencies). */
function project(name, extra = {}) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', ...extra }, null, 2));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tgz], { cwd: dir, stdio: 'pipe' });
  assert.ok(fs.existsSync(path.join(dir, 'node_modules/chanscope/dist/element.js')));
  return dir;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.go': 'text/plain', '.css': 'text/css' };
/** A static server with no COOP/COEP headers: the page is not cross-origin isolated. */
function serve(root, headers = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
    fs.createReadStream(file).pipe(res);
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}/`)));
}

async function newPage() {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`HTTP ${r.status()} ${r.url()}`));
  return { page, errors };
}

before(async () => {
  assert.ok(fs.existsSync(tgz), `${tgz} exists (make package)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanscope-pkg-'));
  assert.ok(!path.relative(path.resolve(web, '..'), tmp).match(/^[^.]/), 'the projects are outside the repository');
  proj = project('plain');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  for (const s of servers) await new Promise((r) => s.close(r));
  if (tmp && !process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the packed tarball is under the size budget and carries the wasm', () => {
  const size = fs.statSync(tgz).size;
  assert.ok(size < MAX_TGZ, `tarball is ${size} bytes (budget ${MAX_TGZ})`);
  const files = fs.readdirSync(path.join(proj, 'node_modules/chanscope/dist'));
  for (const f of ['index.js', 'node.js', 'element.js', 'worker.js', 'chanscope_wasm_bg.wasm', 'index.d.ts', 'element.d.ts']) assert.ok(files.includes(f), f);
  const pj = JSON.parse(fs.readFileSync(path.join(proj, 'node_modules/chanscope/package.json'), 'utf8'));
  assert.equal(pj.name, 'chanscope');
  assert.deepEqual(pj.dependencies ?? {}, {}, 'no runtime dependencies (all bundled)');
  // Plain ES modules: only relative imports (no bare specifiers a browser could not resolve).
  for (const f of files.filter((f) => f.endsWith('.js') && f !== 'node.js')) {
    const js = fs.readFileSync(path.join(proj, 'node_modules/chanscope/dist', f), 'utf8');
    for (const m of js.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+)["']/g)) assert.match(m[1], /^\.\.?\//, `${f} imports ${m[1]}`);
  }
});

test('Node: run() and check() from the installed package', () => {
  const script = `
import { run, check } from 'chanscope';
const out = {};
const events = [];
out.hello = await run(${JSON.stringify(HELLO)}, { procs: 2, seed: 3, onEvent: (e) => events.push(e.kind), events: true });
out.helloEventKinds = events;
out.deadlock = await run(${JSON.stringify(DEADLOCK)});
out.compile = await run('package main\\n\\nfunc main() {\\n\\tx := 1\\n}\\n');
out.check = await check('package main\\n\\nfunc main() {\\n\\tx := 1\\n}\\n');
out.checkOk = await check(${JSON.stringify(HELLO)});
out.timeout = await run('package main\\n\\nfunc main() {\\n\\tfor {\\n\\t}\\n}\\n', { timeoutMs: 200 });
out.signal = await run(${JSON.stringify(SIGNAL)}, { signalAt: 1500 });
out.unhandled = await run(${JSON.stringify(HELLO_WAIT)}, { signalAt: 10 });
try { await run(${JSON.stringify(HELLO)}, { signalAt: -1 }); out.badSignal = 'accepted'; } catch (e) { out.badSignal = e.message; }
try { await run(${JSON.stringify(HELLO)}, { mode: 'parallel' }); out.mode = 'accepted'; } catch (e) { out.mode = e.message; }
console.log(JSON.stringify(out));
`;
  fs.writeFileSync(path.join(proj, 'headless.mjs'), script);
  const out = JSON.parse(execFileSync(process.execPath, ['headless.mjs'], { cwd: proj, encoding: 'utf8' }));
  assert.equal(out.hello.stdout, 'ping\n');
  assert.equal(out.hello.stderr, '');
  assert.equal(out.hello.exitCode, 0);
  assert.equal(out.hello.kind, 'normal');
  assert.ok(out.hello.events.length > 5 && out.hello.events.length === out.helloEventKinds.length);
  assert.ok(out.helloEventKinds.includes('chan_send') && out.helloEventKinds.includes('go_create'));
  assert.ok(out.hello.events.some((e) => e.kind === 'chan_recv' && e.value === '"ping"' || e.kind === 'chan_send'), 'events carry the message');

  assert.equal(out.deadlock.exitCode, 2);
  assert.equal(out.deadlock.kind, 'deadlock');
  assert.ok(out.deadlock.stderr.startsWith(`${DEADLOCK_TEXT}\n\ngoroutine 1 [chan send]:\nmain.main()\n`), out.deadlock.stderr);
  assert.equal(out.deadlock.report.kind, 'deadlock');
  assert.equal(out.deadlock.events, undefined, 'events only on request');

  assert.equal(out.compile.exitCode, 1);
  assert.equal(out.compile.stderr, 'prog.go:4:2: declared and not used: x\n');
  assert.equal(out.check.length, 1);
  assert.equal(out.check[0].text, 'prog.go:4:2: declared and not used: x');
  assert.deepEqual(out.checkOk, []);

  assert.equal(out.timeout.exitCode, 2);
  assert.equal(out.timeout.kind, 'limit');
  assert.match(out.timeout.stderr, /^chanscope: timeout/);
  assert.equal(out.signal.stdout, 'got interrupt after 1.5s\n');
  assert.equal(out.signal.exitCode, 0);
  assert.equal(out.unhandled.exitCode, 130);
  assert.equal(out.unhandled.stderr, 'signal: interrupt\n');
  assert.match(out.badSignal, /signalAt must be a virtual time/);
  assert.match(out.mode, /mode "parallel" is not available/);
});

test('the published types check in a TypeScript consumer', () => {
  const tsc = path.join(web, 'node_modules/typescript/bin/tsc');
  fs.writeFileSync(path.join(proj, 'consumer.ts'), `
import { run, check, type RunResult, type TraceEvent } from 'chanscope';
import { ChanscopePlayground } from 'chanscope/element';
export async function f(): Promise<number> {
  const r: RunResult = await run('package main', { procs: 2, seed: 1, mode: 'deterministic', maxSteps: 10, timeoutMs: 5, onEvent: (e: TraceEvent) => void e.kind });
  const d = await check('x');
  const el = document.createElement('chanscope-playground');
  el.addEventListener('chanscope-exit', (e) => void e.detail.exitCode);
  const same: ChanscopePlayground = el;
  same.procs = 3;
  return r.exitCode + d.length + (r.report?.goroutines.length ?? 0);
}
// @ts-expect-error: mode is a closed set
void run('', { mode: 'threads' });
`);
  fs.writeFileSync(path.join(proj, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: [] }, files: ['consumer.ts'] }));
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: proj, encoding: 'utf8' });
});

test('Chromium: a plain page (no COOP/COEP, no bundler) with two elements runs both', async () => {
  fs.writeFileSync(path.join(proj, 'hello.go'), HELLO);
  fs.writeFileSync(path.join(proj, 'index.html'), `<!doctype html>
<html><head><meta charset="utf-8"><title>two playgrounds</title>
<script>
  window.exits = [];
  document.addEventListener('chanscope-exit', (e) => window.exits.push({ id: e.target.id, detail: e.detail }));
  window.deadlocks = [];
  document.addEventListener('chanscope-deadlock', (e) => window.deadlocks.push(e.target.id));
  window.outputs = [];
  document.addEventListener('chanscope-output', (e) => window.outputs.push({ id: e.target.id, stdout: e.detail.stdout }));
</script>
<script type="module" src="./node_modules/chanscope/dist/element.js"></script>
<style> #b::part(output) { outline: 3px solid rgb(255, 0, 0); } </style>
</head><body>
<h1>Two playgrounds</h1>
<chanscope-playground id="a" procs="2" seed="5" views="output traffic gmp" playground-url="https://play.example/">
<script type="text/x-go">
    package main

    import "fmt"

    func main() {
    	ch := make(chan string)
    	go func() { ch <- "ping" }()
    	fmt.Println(<-ch)
    }
</script>
</chanscope-playground>
<chanscope-playground id="b" readonly theme="dark" height="120">
<script type="text/x-go">${DEADLOCK}</script>
</chanscope-playground>
<chanscope-playground id="c" src="hello.go" autorun></chanscope-playground>
</body></html>`);
  const base = await serve(proj);
  const { page, errors } = await newPage();
  // Count worker terminations (removing an element must stop its worker).
  await page.addInitScript(() => {
    window.terminated = 0;
    const t = Worker.prototype.terminate;
    Worker.prototype.terminate = function () { window.terminated++; return t.call(this); };
  });
  await page.goto(base + 'index.html');
  assert.equal(await page.evaluate(() => crossOriginIsolated), false, 'the page is not cross-origin isolated');
  await page.waitForFunction(() => customElements.get('chanscope-playground') !== undefined);

  // autorun + src: element c ran on its own.
  await page.waitForFunction(() => window.exits.some((x) => x.id === 'c'), null, { timeout: 30000 });
  const c = await page.evaluate(() => window.exits.find((x) => x.id === 'c').detail);
  assert.equal(c.stdout, 'ping\n');

  // Run a and b at once, by clicking their Run buttons (in their shadow roots).
  await page.evaluate(() => {
    window.runs = [];
    document.addEventListener('chanscope-run', (e) => window.runs.push(e.target.id));
  });
  for (const id of ['a', 'b']) {
    const button = page.locator('#' + id).getByRole('button', { name: 'Run' });
    await button.click();
    // A click that did not reach the element (no chanscope-run) is the
    // harness's problem, not the element's: click again once.
    const started = await page.waitForFunction((id) => window.runs.includes(id), id, { timeout: 5000 }).then(() => true, () => false);
    if (!started) await button.click();
  }
  const finished = await page
    .waitForFunction(() => ['a', 'b'].every((id) => window.exits.some((x) => x.id === id)), null, { timeout: 30000 })
    .then(() => true, () => false);
  if (!finished) {
    const state = await page.evaluate(() => ({
      runs: window.runs,
      exits: window.exits.map((x) => x.id),
      status: ['a', 'b'].map((id) => document.getElementById(id).shadowRoot.querySelector('[part~="status"]').textContent),
      output: ['a', 'b'].map((id) => document.getElementById(id).shadowRoot.querySelector('[part~="output"]').textContent),
    }));
    assert.fail(`a and b did not both finish: ${JSON.stringify(state)}; page errors: ${JSON.stringify(errors)}`);
  }
  const { a, b, outs, deadlocks } = await page.evaluate(() => ({
    a: window.exits.find((x) => x.id === 'a').detail,
    b: window.exits.find((x) => x.id === 'b').detail,
    outs: Object.fromEntries(['a', 'b'].map((id) => [id, document.getElementById(id).shadowRoot.querySelector('[part~="output"]').textContent])),
    deadlocks: window.deadlocks,
  }));
  assert.equal(a.exitCode, 0);
  assert.equal(a.stdout, 'ping\n');
  assert.equal(outs.a, 'ping\n');
  assert.equal(b.exitCode, 2);
  assert.equal(b.kind, 'deadlock');
  assert.ok(b.stderr.startsWith(DEADLOCK_TEXT), b.stderr);
  assert.ok(outs.b.startsWith(DEADLOCK_TEXT), outs.b);
  assert.deepEqual(deadlocks, ['b']);
  assert.ok((await page.evaluate(() => window.outputs.filter((o) => o.id === 'a').map((o) => o.stdout).join(''))) === 'ping\n');

  // Attributes mirrored as properties; statuses; the views of a; ::part styling; readonly.
  const info = await page.evaluate(() => {
    const a = document.getElementById('a'), b = document.getElementById('b');
    const sr = a.shadowRoot;
    return {
      procs: a.procs, seed: a.seed, views: a.views, readonly: b.readonly, theme: b.theme,
      statusA: sr.querySelector('[part~="status"]').textContent, stateB: b.getAttribute('state'),
      traffic: !sr.querySelector('[data-testid="traffic"]').hidden, gmp: !sr.querySelector('[data-testid="gmp"]').hidden,
      goroutines: !sr.querySelector('[data-testid="goroutines"]').hidden,
      gmpPs: sr.querySelectorAll('[data-testid="gmp"] .cs-p').length,
      outline: getComputedStyle(b.shadowRoot.querySelector('[part~="output"]')).outlineColor,
      editableB: b.shadowRoot.querySelector('.cm-content').getAttribute('contenteditable'),
      editableA: sr.querySelector('.cm-content').getAttribute('contenteditable'),
      dark: b.shadowRoot.querySelector('.root').dataset.theme,
      href: sr.querySelector('[part~="link"]').href,
      source: a.source,
    };
  });
  assert.deepEqual([info.procs, info.seed, info.views, info.readonly, info.theme], [2, 5, 'output traffic gmp', true, 'dark']);
  assert.equal(info.statusA, 'exited with status 0');
  assert.equal(info.stateB, 'deadlock');
  assert.deepEqual([info.traffic, info.gmp, info.goroutines], [true, true, false]);
  assert.equal(info.gmpPs, 2, 'the GMP view shows procs=2');
  assert.equal(info.outline, 'rgb(255, 0, 0)', '::part(output) styles the output');
  assert.equal(info.editableB, 'false');
  assert.equal(info.editableA, 'true');
  assert.equal(info.dark, 'dark');
  assert.ok(info.source.startsWith('package main\n\nimport "fmt"\n'), 'inline source is dedented');
  // The "Open in playground" link carries the share URL (web/src/share.ts's format).
  assert.ok(info.href.startsWith('https://play.example/#v1/'), info.href);
  const frag = new URLSearchParams(info.href.split('#v1/')[1]);
  assert.equal(frag.get('procs'), '2');
  assert.equal(frag.get('seed'), '5');
  assert.equal(lz.decompressFromEncodedURIComponent(frag.get('src')), info.source);

  // Methods: setSource + run() (resolves with the result), a compile error, stop().
  const r2 = await page.evaluate(async () => {
    const a = document.getElementById('a');
    a.setSource('package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(6 * 7)\n}\n');
    const ok = await a.run();
    a.source = 'package main\n\nfunc main() {\n\tx := 1\n}\n';
    const bad = await a.run();
    return { ok, bad };
  });
  assert.equal(r2.ok.stdout, '42\n');
  assert.equal(r2.bad.exitCode, 1);
  assert.equal(r2.bad.stderr, 'prog.go:4:2: declared and not used: x\n');

  const stopped = await page.evaluate(async () => {
    const a = document.getElementById('a');
    a.setSource('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n');
    const p = a.run().then(() => 'resolved', (e) => e.name);
    await new Promise((r) => setTimeout(r, 300));
    const before = window.terminated;
    a.stop();
    return { outcome: await p, terminated: window.terminated - before, last: window.exits.at(-1) };
  });
  assert.equal(stopped.outcome, 'AbortError');
  assert.equal(stopped.terminated, 1, 'stop() terminates the worker');
  assert.equal(stopped.last.id, 'a');
  assert.equal(stopped.last.detail.stopped, true);

  // Removing an element that runs a program stops its worker.
  const removed = await page.evaluate(async () => {
    const b = document.getElementById('b');
    b.setSource('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n');
    void b.run().catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    const before = window.terminated;
    b.remove();
    return window.terminated - before;
  });
  assert.equal(removed, 1, 'removing the element terminated its worker');
  // The other element still works.
  const again = await page.evaluate(() => document.getElementById('c').run().then((r) => r.stdout));
  assert.equal(again, 'ping\n');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('Chromium: headless run() from the browser entry uses a worker, abort terminates it', async () => {
  const base = await serve(proj);
  const { page, errors } = await newPage();
  fs.writeFileSync(path.join(proj, 'blank.html'), '<!doctype html><meta charset="utf-8"><body></body>');
  await page.goto(base + 'blank.html');
  const out = await page.evaluate(async ({ hello, deadlock }) => {
    const { run, check } = await import('/node_modules/chanscope/dist/index.js');
    const [h, d] = await Promise.all([run(hello), run(deadlock)]);
    const c = await check('package main\n\nfunc main() {\n\tx := 1\n}\n');
    const ac = new AbortController();
    const p = run('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n', { signal: ac.signal }).then(() => 'resolved', (e) => e.name);
    setTimeout(() => ac.abort(), 200);
    // The page stays responsive while a program loops in the worker.
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    const lag = performance.now() - t0;
    // Properties set before the element is defined are kept.
    const el = document.createElement('chanscope-playground');
    el.source = hello;
    el.procs = 1;
    document.body.append(el);
    await import('/node_modules/chanscope/dist/element.js');
    const early = await el.run();
    return { h, d, c, aborted: await p, lag, early: { stdout: early.stdout, procs: el.procs, attr: el.getAttribute('procs') } };
  }, { hello: HELLO, deadlock: DEADLOCK });
  assert.equal(out.h.stdout, 'ping\n');
  assert.equal(out.d.exitCode, 2);
  assert.ok(out.d.stderr.startsWith(DEADLOCK_TEXT));
  assert.equal(out.c[0].text, 'prog.go:4:2: declared and not used: x');
  assert.equal(out.aborted, 'AbortError');
  assert.ok(out.lag < 1000, `the page stayed responsive (${out.lag} ms)`);
  assert.deepEqual(out.early, { stdout: 'ping\n', procs: 1, attr: '1' });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('Chromium: the element loaded from another origin (a CDN) works', async () => {
  const cdn = await serve(proj, { 'Access-Control-Allow-Origin': '*' });
  const site = path.join(tmp, 'site');
  fs.mkdirSync(site, { recursive: true });
  fs.writeFileSync(path.join(site, 'index.html'), `<!doctype html><meta charset="utf-8">
<script type="module" src="${cdn}node_modules/chanscope/dist/element.js"></script>
<chanscope-playground id="x" autorun><script type="text/x-go">${HELLO}</script></chanscope-playground>`);
  const base = await serve(site);
  assert.notEqual(new URL(base).origin, new URL(cdn).origin);
  const { page, errors } = await newPage();
  await page.goto(base);
  const r = await page.evaluate(() => new Promise((resolve) => {
    const x = document.getElementById('x');
    if (x.result) resolve(x.result);
    else x.addEventListener('chanscope-exit', (e) => resolve(e.detail));
  }));
  assert.equal(r.stdout, 'ping\n');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('Vite: an app importing the package builds and runs in Chromium', async () => {
  const app = project('vite-app');
  fs.writeFileSync(path.join(app, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"></head><body>
<chanscope-playground id="p" procs="1"><script type="text/x-go">${HELLO}</script></chanscope-playground>
<pre id="headless"></pre>
<script type="module" src="/main.js"></script></body></html>`);
  fs.writeFileSync(path.join(app, 'main.js'), `import 'chanscope/element';
import { run } from 'chanscope';
const r = await run(${JSON.stringify(DEADLOCK)});
document.getElementById('headless').textContent = r.exitCode + ':' + r.stderr.split('\\n')[0];
window.elementResult = await document.getElementById('p').run();
`);
  const vite = path.join(web, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: app, stdio: 'pipe' });
  const assets = fs.readdirSync(path.join(app, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the wasm is emitted: ${assets}`);
  assert.ok(assets.some((f) => f.startsWith('worker')), `the worker is bundled: ${assets}`);
  const base = await serve(path.join(app, 'dist'));
  const { page, errors } = await newPage();
  await page.goto(base);
  await page.waitForFunction(() => window.elementResult, null, { timeout: 30000 });
  assert.equal(await page.textContent('#headless'), `2:${DEADLOCK_TEXT}`);
  assert.equal(await page.evaluate(() => window.elementResult.stdout), 'ping\n');
  assert.deepEqual(errors, []);
  await page.context().close();

  // The Vite dev server too (dependency pre-bundling included).
  const dev = await createServer({ root: app, configFile: false, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await dev.listen();
  try {
    const { page: p2, errors: e2 } = await newPage();
    await p2.goto(`http://127.0.0.1:${dev.httpServer.address().port}/`);
    await p2.waitForFunction(() => window.elementResult, null, { timeout: 30000 });
    assert.equal(await p2.textContent('#headless'), `2:${DEADLOCK_TEXT}`);
    assert.equal(await p2.evaluate(() => window.elementResult.stdout), 'ping\n');
    assert.deepEqual(e2, []);
    await p2.context().close();
  } finally {
    await dev.close();
  }
});
