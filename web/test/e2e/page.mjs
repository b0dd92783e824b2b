// Browser tests of the playground page: the built site (web/dist) served
// here on a free port with the cross-origin isolation headers, driven with
// playwright-core and Debian's Chromium. Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, baseOf, launch } from './browser.mjs';
import lz from 'lz-string';
const { compressToEncodedURIComponent } = lz;

const here = path.dirname(fileURLToPath(import.meta.url));
const results = path.resolve(here, '../../test-results');
// README's picture: written only with UPDATE_SCREENSHOT=1 (make screenshot).
const docsShot = path.resolve(here, '../../../docs/screenshot.png');
fs.mkdirSync(results, { recursive: true });

let server, browser, base;
before(async () => {
  server = await serve(true);
  base = baseOf(server);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(hash = '', colorScheme = 'light') {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + hash);
  await page.waitForSelector('[data-testid="editor"] .cm-content');
  page.errors = errors;
  return page;
}
const tid = (page, id) => page.locator(`[data-testid="${id}"]`);
async function waitStatus(page, re, timeout = 20000) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="status"]').textContent), re.source, { timeout });
  return tid(page, 'status').textContent();
}
async function loadExample(page, name) {
  await tid(page, 'examples').selectOption(name);
}
/** The editor's text, line by line (short programs: every line is rendered). */
const editorText = (page) => page.locator('[data-testid="editor"] .cm-line').evaluateAll((ls) => ls.map((l) => l.textContent).join('\n'));

test('a program typed into the editor runs (Ctrl+Enter) and prints', async () => {
  const page = await open();
  await page.click('[data-testid="editor"] .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // Auto-indent and bracket closing are on, as for a person typing.
  for (const line of ['package main', '', 'import "fmt"', '', 'func main() {', 'ch := make(chan string)', 'go func() { ch <- "typed by hand" }()', 'fmt.Println(<-ch, len("日本"))']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Control+Enter');
  assert.equal(await waitStatus(page, /exited/), 'exited with status 0');
  assert.equal(await tid(page, 'output').textContent(), 'typed by hand 6\n');
  await page.screenshot({ path: path.join(results, 'typed-run.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a deadlock sets the status and shows the report', async () => {
  const page = await open();
  await loadExample(page, 'gotcha-deadlock.go');
  await tid(page, 'run').click();
  assert.match(await waitStatus(page, /deadlock/), /^deadlock \(exit status 2\)$/);
  await page.waitForFunction(() => /all goroutines are asleep - deadlock!/.test(document.querySelector('[data-testid="report"]')?.textContent ?? ''));
  const report = await tid(page, 'report').innerText();
  assert.match(report, /goroutine 1 \[chan send\]/);
  assert.match(await tid(page, 'output').innerText(), /^sending\.\.\.\nfatal error: all goroutines are asleep - deadlock!/);
  await tid(page, 'report').screenshot({ path: path.join(results, 'report.png') });
  await page.screenshot({ path: path.join(results, 'deadlock.png') });
  await page.context().close();
});

test('a compile error is marked inline at its UTF-16 column', async () => {
  const page = await open();
  await page.click('[data-testid="editor"] .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  for (const line of ['package main', '', 'func main() {', 's := "日本😀"; _ = s; undefinedThing()']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await tid(page, 'run').click();
  assert.equal(await waitStatus(page, /compile error/), 'compile error (exit status 1)');
  // Bytes and UTF-16 units differ by 3+3+2 before the name: a byte column would miss it.
  const mark = page.locator('.cm-lintRange-error');
  await mark.first().waitFor();
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.innerText(), 'undefinedThing');
  assert.equal(await page.locator('.cm-gutter-lint .cm-lint-marker-error').count(), 1);
  assert.match(await tid(page, 'output').innerText(), /prog\.go:4:\d+: undefined: undefinedThing/);
  await page.screenshot({ path: path.join(results, 'compile-error.png') });
  await page.context().close();
});

test('Stop ends an endless loop within a second, and the next run works', async () => {
  const page = await open();
  await page.click('[data-testid="editor"] .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  for (const line of ['package main', '', 'func main() {', 'for {']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await tid(page, 'run').click();
  await waitStatus(page, /running/);
  await page.waitForTimeout(700);
  assert.equal(await tid(page, 'status').textContent(), 'running', 'still running');
  // The page stays responsive while the worker spins.
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  const t0 = Date.now();
  await tid(page, 'stop').click();
  await waitStatus(page, /stopped/, 1000);
  assert.ok(Date.now() - t0 < 1000, `stopped after ${Date.now() - t0} ms`);
  await loadExample(page, 'hello.go');
  await tid(page, 'run').click();
  assert.equal(await waitStatus(page, /exited/), 'exited with status 0');
  assert.equal(await tid(page, 'output').textContent(), 'hello, gopher\n');
  await page.context().close();
});

// Eight CPU-bound goroutines, about 25M instructions: the worker's slices
// grow to run at full speed (a slice per scheduling round took minutes).
const CPU8 = `package main

import (
	"fmt"
	"sync"
)

func spin(seed, n int) int {
	x := seed
	h := 0
	for i := 0; i < n; i++ {
		x = (x*6364136223846793005 + 1442695040888963407) & 0x7fffffffffffffff
		h ^= x >> 17
		h = (h << 5) ^ (h >> 3) ^ i
	}
	return h
}

func main() {
	var wg sync.WaitGroup
	res := make([]int, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			res[g] = spin(g, 300000)
		}(g)
	}
	wg.Wait()
	fmt.Println(res[0] ^ res[7])
}
`;

test('a CPU-bound program runs at full speed in deterministic mode, and the page stays responsive', async () => {
  const page = await open();
  await setSource(page, CPU8);
  const t0 = Date.now();
  await tid(page, 'run').click();
  await waitStatus(page, /running/);
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  assert.equal(await waitStatus(page, /exited/, 60000), 'exited with status 0');
  const ms = Date.now() - t0;
  console.log(`cpu8 (2.4M iterations) in deterministic mode: ${ms} ms`);
  assert.ok(ms < 30000, `took ${ms} ms`);
  assert.match(await tid(page, 'output').textContent(), /^-?\d+\n$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a share URL opened in a fresh page reproduces the run', async () => {
  const page = await open();
  await loadExample(page, 'worker-pool.go');
  await tid(page, 'procs').fill('3');
  await tid(page, 'seed').fill('5');
  await tid(page, 'run').click();
  await waitStatus(page, /exited/);
  const output = await tid(page, 'output').innerText();
  assert.ok(output.length > 20, output);
  // The traffic view drew the run's channel messages.
  const traffic = await tid(page, 'traffic').innerText();
  const msgs = Number((traffic.match(/(\d+) messages/) || [])[1]);
  assert.ok(msgs >= 18, `traffic view shows ${msgs} messages: ${traffic.slice(0, 200)}`);
  await tid(page, 'share').click();
  await page.waitForFunction(() => location.hash.startsWith('#v1/'));
  const url = page.url();
  assert.match(url, /#v1\/procs=3&seed=5&h=[0-9a-z]+&src=/);
  const clip = await page.evaluate(() => navigator.clipboard.readText()).catch(() => null);
  if (clip !== null) assert.equal(clip, url);
  const source = await editorText(page);
  if (process.env.UPDATE_SCREENSHOT) await page.screenshot({ path: docsShot });
  await page.screenshot({ path: path.join(results, 'worker-pool.png') });
  for (const v of ['traffic', 'gmp', 'goroutines', 'channels']) {
    const el = tid(page, v);
    if ((await el.count()) && (await el.isVisible())) await el.screenshot({ path: path.join(results, `view-${v}.png`) });
  }
  await page.context().close();

  const again = await open(url.slice(base.length));
  await waitStatus(again, /exited/);
  assert.equal(await tid(again, 'output').innerText(), output);
  assert.equal(await editorText(again), source);
  assert.equal(await tid(again, 'procs').inputValue(), '3');
  assert.equal(await tid(again, 'seed').inputValue(), '5');
  assert.equal(await tid(again, 'mode').inputValue(), 'deterministic');
  await again.context().close();
});

test('a malformed or truncated fragment gives a message and the default example', async () => {
  const prog = 'package main\n\nfunc main() {\n\tprintln("cut")\n}\n';
  const truncated = 'v1/h=abc&src=' + compressToEncodedURIComponent(prog).slice(0, -6);
  for (const hash of ['#v1/src=%%%garbage', '#v7/src=abc', '#' + truncated, '#v1/procs=99&src=x', '#v1/src=' + 'A'.repeat(150000)]) {
    const page = await open(hash);
    const msg = tid(page, 'message');
    await msg.waitFor({ state: 'visible' });
    assert.match(await msg.innerText(), /share link|program in the share link/i);
    assert.match(await msg.innerText(), /default example/);
    assert.match(await editorText(page), /func greet\(name string, out chan<- string\)/);
    assert.equal(await tid(page, 'status').textContent(), 'ready');
    assert.deepEqual(page.errors, []);
    await page.screenshot({ path: path.join(results, 'bad-fragment.png') });
    await page.context().close();
  }
});

test('Step records a run, then moves one event at a time; the scrubber follows', async () => {
  const page = await open();
  await loadExample(page, 'hello.go');
  await tid(page, 'step').click();
  await waitStatus(page, /exited/);
  const scrub = tid(page, 'scrub');
  const max = Number(await scrub.getAttribute('max'));
  assert.ok(max > 5, `events recorded: ${max + 1}`);
  assert.equal(await scrub.inputValue(), '-1', 'the cursor waits before the first event');
  await tid(page, 'step').click();
  assert.equal(await scrub.inputValue(), '0');
  await tid(page, 'step').click();
  await tid(page, 'step').click();
  assert.equal(await scrub.inputValue(), '2');
  // Scrubbing to the end shows main's exit in the goroutines view.
  await scrub.fill(String(max));
  assert.equal(await scrub.inputValue(), String(max));
  await page.screenshot({ path: path.join(results, 'step.png') });
  await page.context().close();
});

test('Format runs gofmt on the program', async () => {
  const page = await open();
  await page.click('[data-testid="editor"] .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('package main\nfunc   main(  ) {\nx:=1;_=x');
  await tid(page, 'format').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="editor"] .cm-content').innerText.includes('func main() {'));
  assert.equal(await editorText(page), 'package main\n\nfunc main() {\n\tx := 1\n\t_ = x\n}\n');
  await page.context().close();
});

test('the theme follows the system (light and dark)', async () => {
  for (const [scheme, bg] of [['light', 'rgb(255, 255, 255)'], ['dark', 'rgb(22, 25, 31)']]) {
    const page = await open('', scheme);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), bg);
    const editorBg = await page.locator('.cm-editor').evaluate((e) => getComputedStyle(e).backgroundColor);
    if (scheme === 'dark') assert.notEqual(editorBg, 'rgb(255, 255, 255)');
    await loadExample(page, 'ping-pong.go');
    await tid(page, 'run').click();
    await waitStatus(page, /exited/);
    await page.screenshot({ path: path.join(results, `theme-${scheme}.png`) });
    await page.context().close();
  }
});

test('the last edit is kept across reloads', async () => {
  const page = await open();
  await page.click('[data-testid="editor"] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('// kept in localStorage');
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector('[data-testid="editor"] .cm-content');
  assert.match(await editorText(page), /\/\/ kept in localStorage/);
  await page.context().close();
});

test('Interrupt sends SIGINT: graceful-shutdown shuts down and exits 0', async () => {
  const page = await open();
  const btn = tid(page, 'interrupt');
  assert.equal(await btn.isDisabled(), true, 'disabled while nothing runs');
  await loadExample(page, 'graceful-shutdown.go');
  await tid(page, 'run').click();
  // Every goroutine blocks once the jobs are done: the run waits for a signal.
  assert.equal(await waitStatus(page, /waiting for a signal/), 'running: waiting for a signal (Interrupt)');
  assert.equal(await btn.isDisabled(), false, 'enabled while the program runs');
  assert.equal(await tid(page, 'output').innerText(), '6 jobs done, sum of squares 91\nserving until interrupted (press Interrupt, or Ctrl-C)\n');
  await btn.click();
  assert.equal(await waitStatus(page, /^(exited|signal:|fatal)/), 'exited with status 0');
  const out = await tid(page, 'output').innerText();
  assert.match(
    out,
    /^6 jobs done, sum of squares 91\nserving until interrupted \(press Interrupt, or Ctrl-C\)\n\^C \[SIGINT delivered at t=[\d.]+ms\]\nshutting down: interrupt signal received\nall workers stopped, exiting cleanly\n$/,
  );
  assert.equal(await btn.isDisabled(), true, 'disabled again after the exit');
  // The goroutines view saw the workers end after the signal.
  assert.equal(await tid(page, 'report').innerText().then((t) => /deadlock|panic/.test(t)), false);
  await page.screenshot({ path: path.join(results, 'interrupt.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Interrupt kills a program that does not handle SIGINT (exit 130)', async () => {
  const page = await open();
  await page.click('[data-testid="editor"] .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  for (const line of ['package main', '', 'import "time"', '', 'func main() {', 'for {', 'time.Sleep(time.Millisecond)']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await tid(page, 'run').click();
  await waitStatus(page, /^running$/);
  await page.waitForTimeout(300);
  assert.equal(await tid(page, 'status').textContent(), 'running', 'the loop keeps running');
  await tid(page, 'interrupt').click();
  assert.equal(await waitStatus(page, /^(signal:|exited|stopped)/, 5000), 'signal: interrupt (exit status 130)');
  assert.match(await tid(page, 'output').innerText(), /\^C \[SIGINT delivered at t=[\d.]+ms\]\nsignal: interrupt\n$/);
  assert.equal(await tid(page, 'interrupt').isDisabled(), true);
  await page.context().close();
});

/** Replaces the editor's text (as a paste would: no auto-indent). */
async function setSource(page, text) {
  await page.click('[data-testid="editor"] .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

// Two goroutines take two locks in opposite orders: the page's default
// schedule finishes; some interleavings deadlock.
const ABBA = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		b.Lock()
		fmt.Println("a then b")
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		a.Lock()
		fmt.Println("b then a")
		a.Unlock()
		b.Unlock()
	}()
	wg.Wait()
	fmt.Println("done")
}
`;

test('Find bugs finds a rare deadlock; opening it replays it; its share link reproduces it', async () => {
  const page = await open();
  await setSource(page, ABBA);
  assert.equal(await editorText(page), ABBA);
  // The default schedule does not deadlock.
  await tid(page, 'run').click();
  assert.equal(await waitStatus(page, /exited|deadlock/), 'exited with status 0');
  assert.match(await tid(page, 'output').innerText(), /done\n$/);

  await tid(page, 'find-bugs').click();
  const status = await waitStatus(page, /findings? in|no bugs/, 60000);
  assert.match(status, /^\d+ findings? in every interleaving \(\d+ schedules\)$/);
  assert.equal(await tid(page, 'output').innerText(), `[Find bugs: exploring schedules of this program…]\n[Find bugs: ${status}]\n`);
  const progress = tid(page, 'check-progress');
  assert.equal(await progress.getAttribute('value'), await progress.getAttribute('max'));
  assert.match(await tid(page, 'check-summary').innerText(), /every interleaving \(\d+ schedules\) · \d+ findings?/);
  const dl = page.locator('[data-testid="finding"][data-kind="deadlock"]');
  assert.equal(await dl.count(), 1);
  assert.equal(await dl.locator('[data-testid="finding-kind"]').innerText().then((t) => t.toLowerCase()), 'deadlock');
  assert.equal(await dl.locator('[data-testid="finding-message"]').innerText(), 'all goroutines are asleep - deadlock!');
  const gs = await dl.locator('.finding-goroutines li').allInnerTexts();
  assert.deepEqual(gs.map((g) => g.replace(/goroutine \d+/, 'goroutine N')), [
    'goroutine N [sync.WaitGroup.Wait]: main.main at prog.go:28',
    'goroutine N [sync.Mutex.Lock]: main.main.func1 at prog.go:15',
    'goroutine N [sync.Mutex.Lock]: main.main.func2 at prog.go:23',
  ]);
  await page.screenshot({ path: path.join(results, 'find-bugs.png') });

  // Opening the finding replays its schedule in every view.
  await dl.locator('[data-testid="open-finding"]').click();
  assert.equal(await waitStatus(page, /deadlock|exited/), 'deadlock (exit status 2)');
  await page.waitForFunction(() => /all goroutines are asleep - deadlock!/.test(document.querySelector('[data-testid="report"]')?.textContent ?? ''));
  const report = await tid(page, 'report').innerText();
  assert.match(report, /goroutine \d+ \[sync\.Mutex\.Lock\]:\nmain\.main\.func1\(\)\n\tprog\.go:15/);
  assert.match(report, /goroutine \d+ \[sync\.Mutex\.Lock\]:\nmain\.main\.func2\(\)\n\tprog\.go:23/);
  assert.match(await tid(page, 'findings-note').innerText(), /The replay shows: .*deadlock/);
  assert.match(await tid(page, 'goroutines').innerText(), /sync\.Mutex\.Lock/);
  const replayOutput = await tid(page, 'output').innerText();
  await page.screenshot({ path: path.join(results, 'find-bugs-replay.png') });

  await tid(page, 'share').click();
  await page.waitForFunction(() => location.hash.includes('replay='));
  const url = page.url();
  assert.match(url, /#v1\/replay=1[A-Za-z0-9_-]+&h=[0-9a-z]+&src=/);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  const again = await open(url.slice(base.length));
  assert.equal(await waitStatus(again, /deadlock|exited/), 'deadlock (exit status 2)');
  assert.equal(await tid(again, 'output').innerText(), replayOutput);
  await again.waitForFunction(() => /all goroutines are asleep - deadlock!/.test(document.querySelector('[data-testid="report"]')?.textContent ?? ''));
  assert.match(await tid(again, 'findings-note').innerText(), /The replay shows: .*deadlock/);
  // Run (not a replay) goes back to the page's own schedule, and Share drops the token.
  await tid(again, 'run').click();
  assert.equal(await waitStatus(again, /exited|deadlock/), 'exited with status 0');
  assert.equal(await tid(again, 'findings').isVisible(), false, 'the shared finding gave way to the plain run');
  await tid(again, 'share').click();
  await again.waitForFunction(() => location.hash.startsWith('#v1/') && !location.hash.includes('replay='));
  await again.context().close();
});

test('Find bugs on a long exploration: progress moves, the page stays responsive, Stop works', async () => {
  const page = await open();
  // Too many interleavings to exhaust: runs until the budget, the time limit or Stop.
  await setSource(page, ABBA.replace('wg.Add(2)', 'wg.Add(2)\n\tfor i := 0; i < 6; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor j := 0; j < 100; j++ {\n\t\t\t\ta.Lock()\n\t\t\t\ta.Unlock()\n\t\t\t}\n\t\t}()\n\t}'));
  await tid(page, 'find-bugs').click();
  await waitStatus(page, /finding bugs: [1-9]\d* schedules/, 20000);
  assert.equal(await tid(page, 'stop').isDisabled(), false);
  assert.equal(await tid(page, 'interrupt').isDisabled(), true);
  const first = Number(await tid(page, 'check-progress').getAttribute('value'));
  // The page answers at once while the worker explores.
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    assert.equal(await page.evaluate(() => 6 * 7), 42);
    assert.ok(Date.now() - t0 < 250, `evaluate took ${Date.now() - t0} ms`);
    await page.waitForTimeout(150);
  }
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="check-progress"]').getAttribute('value')) > n, first, { timeout: 20000 });
  const t0 = Date.now();
  await tid(page, 'stop').click();
  assert.equal(await waitStatus(page, /stopped/, 1000), 'stopped');
  assert.ok(Date.now() - t0 < 1000);
  const summary = await tid(page, 'check-summary').innerText();
  const [, n, budget] = summary.match(/^(\d+) \/ (\d+) schedules/) ?? [];
  assert.ok(Number(n) > first && Number(n) < Number(budget), summary);
  assert.match(summary, /· stopped$/);
  assert.equal(await tid(page, 'stop').isDisabled(), true);
  // Findings so far stay listed and replayable.
  assert.equal(await page.locator('[data-testid="finding"]').count(), Number((summary.match(/(\d+) findings?/) ?? [0, 0])[1]));
  // Editing the program marks the findings stale.
  await page.click('[data-testid="editor"] .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('// edited');
  assert.match(await tid(page, 'findings-note').innerText(), /program changed/);
  await loadExample(page, 'hello.go');
  await tid(page, 'run').click();
  assert.equal(await waitStatus(page, /exited/), 'exited with status 0');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
