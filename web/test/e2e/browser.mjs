// What the browser tests and the browser benchmark share: the built site
// (web/dist) served with or without the cross-origin isolation headers,
// Debian's Chromium through playwright-core, and the page's controls.
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const dist = path.resolve(here, '../../dist');
export const CPU8 = fs.readFileSync(path.resolve(here, '../../../bench/cpu8.go'), 'utf8');
/** `go run bench/cpu8.go` (Go 1.27.3). */
export const CPU8_OUT = '-7888826527267235481\n';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serves dist; `isolate` adds COOP/COEP to every response. */
export function serve(isolate) {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'web/dist is built (make web)');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) return res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return res.writeHead(404).end('not found');
    const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    if (isolate) Object.assign(headers, { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
export const baseOf = (s) => `http://127.0.0.1:${s.address().port}/`;

/** Debian's Chromium, started as the project's standards ask. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The page in a fresh context, once its editor is up; page errors collect in `page.errors`. */
export async function openPage(browser, server, ctxOptions = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...ctxOptions });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(baseOf(server));
  await page.waitForSelector('[data-testid="editor"] .cm-content');
  page.errors = errors;
  return page;
}
export const tid = (page, id) => page.locator(`[data-testid="${id}"]`);
export const status = (page) => tid(page, 'status').textContent();
export async function waitStatus(page, re, timeout = 60000) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="status"]').textContent), re.source, { timeout });
  return status(page);
}
export async function setSource(page, text) {
  await page.click('[data-testid="editor"] .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // One input event for the whole text: no auto-indent, as a paste.
  await page.keyboard.insertText(text);
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid="editor"] .cm-content').innerText.replace(/\n$/, '').length > 0), true);
}
/** Parallel mode with `procs` Ps, once the page found it available. */
export async function parallelMode(page, procs) {
  await page.waitForFunction(() => {
    const o = [...document.querySelector('[data-testid="mode"]').options].find((o) => o.value === 'parallel');
    return o && !o.disabled;
  });
  await tid(page, 'mode').selectOption('parallel');
  await tid(page, 'procs').fill(String(procs));
}
export const parallelWorkers = (page) => page.evaluate(() => Number(document.body.dataset.parallelWorkers ?? 0));
/** Wall time of the last parallel run, in ms (start of the coordinator to the exit). */
export const parallelMs = (page) => page.evaluate(() => Number(document.body.dataset.parallelMs));

/** Idle cores over the next `ms` (from /proc/stat), or null where unknown:
 * timing figures mean little while others' work shares the cores. */
export async function idleCores(ms = 1000) {
  const read = () => {
    try {
      const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  if (!a || !b || b.total === a.total) return null;
  return ((b.idle - a.idle) / (b.total - a.total)) * os.cpus().length;
}
export const cores = () => os.cpus().length;
