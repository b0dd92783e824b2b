// Browser tests of the views demo page: playwright-core driving Debian's
// Chromium against a Vite dev server. Run: node --test test/views/browser.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serve } from './serve.mjs';

const shots = new URL('../../test-results/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
let srv, browser;
before(async () => {
  srv = await serve();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

async function open(query, opts = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, ...opts });
  const errors = [];
  if (process.env.VERBOSE) page.on('console', (m) => console.log('page:', m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${srv.url}/views-demo.html?${query}`);
  await page.waitForSelector('body[data-loaded]', { timeout: 30000 });
  await page.evaluate(() => window.__demo.views.flush());
  page.errors = errors;
  return page;
}
const flush = (page) => page.evaluate(() => window.__demo.views.flush());
const gState = (page, g) => page.getAttribute(`[data-testid="goroutines"] tr[data-g="${g}"]`, 'data-state');
const arrows = async (page) => Number(await page.getAttribute('[data-testid="traffic"] canvas', 'data-messages'));
const cursor = async (page) => Number(await page.getAttribute('.cs-playback', 'data-cursor'));

describe('views demo', () => {
  it('creates the five views and the playback controls', async () => {
    const page = await open('fixture=worker-pool');
    for (const id of ['traffic', 'gmp', 'goroutines', 'channels', 'report', 'play', 'step-back', 'step-forward', 'scrub', 'speed']) {
      assert.equal(await page.locator(`[data-testid="${id}"]`).count(), 1, id);
    }
    assert.equal(await page.locator('[data-testid="pause"]').count(), 1);
    assert.deepEqual(page.errors, []);
    await page.screenshot({ path: shots + 'views-worker-pool-test.png', fullPage: true });
    await page.close();
  });

  it('steps and scrubs: the goroutine table, channels, GMP and arrows follow the cursor', async () => {
    const page = await open('fixture=worker-pool&cursor=-1');
    assert.equal(await cursor(page), -1);
    assert.equal(await gState(page, 1), 'runnable');
    assert.equal(await page.getAttribute('[data-testid="gmp"] [data-p="0"]', 'data-runq'), '1');
    assert.equal(await arrows(page), 0);
    await page.click('[data-testid="step-forward"]');
    await flush(page);
    assert.equal(await cursor(page), 0);
    assert.equal(await gState(page, 1), 'running');
    assert.equal(await page.getAttribute('[data-testid="gmp"] [data-p="0"]', 'data-curg'), '1');
    // Scrub to the close of the jobs channel (event 19): 9 values buffered.
    await page.locator('[data-testid="scrub"]').fill('19');
    await flush(page);
    assert.equal(await cursor(page), 19);
    assert.equal(await page.getAttribute('[data-testid="channels"] [data-ch="1"]', 'data-len'), '9');
    assert.equal(await page.getAttribute('[data-testid="channels"] [data-ch="1"]', 'data-closed'), 'true');
    assert.equal(await page.locator('[data-testid="channels"] [data-ch="1"] .cs-cell.full').count(), 9);
    const early = await arrows(page);
    assert.equal(early, 9);
    await page.locator('[data-testid="scrub"]').fill('20');
    await flush(page);
    assert.equal(await gState(page, 1), 'chan receive');
    // To the end: every message drawn, workers exited.
    await page.locator('[data-testid="scrub"]').fill('152');
    await flush(page);
    assert.equal(await arrows(page), 18);
    assert.equal(await gState(page, 7), 'dead');
    await page.click('[data-testid="step-back"]');
    await flush(page);
    assert.equal(await cursor(page), 151);
    // Keyboard stepping on the playback bar.
    await page.focus('.cs-playback');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await cursor(page), 149);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('play advances the cursor, pause stops it', async () => {
    const page = await open('fixture=prime-sieve&cursor=-1');
    await page.selectOption('[data-testid="speed"]', '250');
    await page.click('[data-testid="play"]');
    await page.waitForTimeout(400);
    await page.click('[data-testid="pause"]');
    const c = await cursor(page);
    assert.ok(c > 20, `cursor ${c}`);
    await page.waitForTimeout(200);
    assert.equal(await cursor(page), c);
    await page.close();
  });

  it('live mode follows the newest event as a run streams in; stepping back leaves it', async () => {
    const page = await open('fixture=worker-pool');
    const res = await page.evaluate(async () => {
      const { views, playback } = window.__demo;
      const all = await (await fetch('/test/views/fixtures/worker-pool.json')).json();
      views.reset();
      playback.setTotal(0);
      playback.setLive(true);
      const seen = [];
      for (let i = 0; i < all.length; i += 40) {
        const chunk = all.slice(i, i + 40);
        views.append(chunk);
        playback.setTotal(views.length);
        views.flush();
        seen.push([playback.cursor, views.length, document.querySelectorAll('[data-testid="goroutines"] tbody tr').length]);
      }
      return { seen };
    });
    for (const [c, n] of res.seen) assert.equal(c, n - 1);
    assert.deepEqual(res.seen.map((s) => s[2]), [4, 4, 4, 4]);
    assert.equal(await page.isChecked('[data-testid="live"]'), true);
    await page.click('[data-testid="step-back"]');
    assert.equal(await page.isChecked('[data-testid="live"]'), false);
    assert.equal(await page.evaluate(() => window.__demo.playback.live), false);
    assert.equal(await cursor(page), 151);
    await page.close();
  });

  it('traffic: hover shows the event and its line, click selects the line and seeks, wheel zooms', async () => {
    let page = await open('fixture=gotcha-deadlock');
    const canvas = page.locator('[data-testid="traffic"] canvas');
    const box = await canvas.boundingBox();
    // G1 is the first lane; its go_block (event 4, line 24) sits at x of index 4.
    const x = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="traffic"] canvas');
      const w = c.getBoundingClientRect().width;
      return 118 + ((4 - -1) / 9) * (w - 118 - 8);
    });
    const y = 18 + 15;
    await page.mouse.move(box.x + x, box.y + y);
    const tip = page.locator('[data-testid="traffic"] .cs-tip');
    assert.ok(await tip.isVisible());
    assert.match(await tip.textContent(), /#4 .*line 24\nG1 blocks \[chan send\] on #1/);
    await page.mouse.click(box.x + x, box.y + y);
    assert.equal(await page.textContent('[data-testid="picked"]'), 'selected line 24');
    assert.equal(await cursor(page), 4);
    await page.close();
    page = await open('fixture=prime-sieve');
    const box2 = await page.locator('[data-testid="traffic"] canvas').boundingBox();
    const sub = () => page.textContent('[data-testid="traffic"] h3 .cs-sub');
    const before = await sub();
    assert.match(before, /showing #0–#492/);
    await page.mouse.move(box2.x + box2.width / 2, box2.y + 40);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(100);
    const after = await sub();
    assert.notEqual(after, before);
    assert.match(after, /showing #\d+–#\d+/);
    await page.close();
  });

  it('clicking a goroutine row reports its line', async () => {
    const page = await open('fixture=gotcha-deadlock');
    await page.click('[data-testid="goroutines"] tr[data-g="1"]');
    assert.equal(await page.textContent('[data-testid="picked"]'), 'selected line 24');
    await page.close();
  });

  it('a deadlock shows the banner, the wait-for graph and highlights the blocked lines', async () => {
    const page = await open('fixture=ring-deadlock');
    const banner = page.locator('[data-testid="report"] [data-testid="report-banner"]');
    assert.ok(await banner.isVisible());
    assert.match(await banner.textContent(), /all goroutines are asleep - deadlock!/);
    assert.equal(await page.getAttribute('[data-testid="report"]', 'data-kind'), 'deadlock');
    assert.ok(await page.locator('[data-testid="report"] svg path.edge[data-from="1"]').count() >= 1);
    assert.equal(await page.locator('[data-testid="report"] svg .node.nobody').count(), 1);
    assert.equal(await page.getAttribute('[data-testid="picked"]', 'data-highlight'), '26,36');
    await page.screenshot({ path: shots + 'views-report-test.png' });
    await page.close();
  });

  it('light and dark themes follow the system', async () => {
    const bg = async (scheme) => {
      const page = await open('fixture=gotcha-deadlock', { colorScheme: scheme });
      const v = await page.evaluate(() => getComputedStyle(document.querySelector('.cs-views')).getPropertyValue('--cs-bg').trim());
      await page.close();
      return v;
    };
    assert.equal(await bg('light'), '#ffffff');
    assert.equal(await bg('dark'), '#14171c');
  });

  it('streaming: views off screen wait, and once it ends everything is drawn as without it', async () => {
    // Short: the GMP, goroutines and channels views are below the fold.
    const page = await open('fixture=worker-pool', { viewport: { width: 1280, height: 200 } });
    const result = await page.evaluate(async () => {
      const { views, playback, events } = window.__demo;
      const ev = events();
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      const snap = () => ({
        traffic: q('traffic').querySelector('canvas').toDataURL(),
        html: ['gmp', 'goroutines', 'channels', 'report'].map((id) => q(id).innerHTML),
      });
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const mid = ev.length >> 1;
      playback.setCursor(mid);
      views.flush();
      const fullMid = snap();
      playback.setCursor(ev.length - 1);
      views.flush();
      const full = snap();
      // The same log again, as a parallel run streams it: live, in slices.
      views.reset();
      views.flush();
      const emptyChannels = q('channels').innerHTML;
      views.setStreaming(true);
      await frame(); // the IntersectionObserver's first report
      const below = () => q('channels').getBoundingClientRect().top > innerHeight;
      const channelsBelow = [below()];
      for (let i = 0; i < ev.length; i += 7) {
        views.append(ev.slice(i, i + 7));
        playback.setTotal(Math.min(i + 7, ev.length));
        playback.setCursor(Math.min(i + 7, ev.length) - 1);
        views.flush();
        if (i % 70 === 0) await frame();
      }
      channelsBelow.push(below());
      const streamed = { channels: q('channels').innerHTML, lanes: q('traffic').querySelector('canvas').dataset.lanes };
      views.setStreaming(false);
      views.flush();
      const lanes = q('traffic').querySelector('canvas').dataset.lanes;
      const end = snap();
      playback.setCursor(mid);
      views.flush();
      return { full, end, fullMid, endMid: snap(), emptyChannels, streamed, lanes, channelsBelow };
    });
    assert.deepEqual(result.channelsBelow, [true, true], 'the channels view is off screen');
    // While streaming: the channels view (off screen) was not redrawn, the traffic view (on screen) was.
    assert.equal(result.streamed.channels, result.emptyChannels);
    assert.notEqual(result.full.html[2], result.emptyChannels);
    assert.equal(result.streamed.lanes, result.lanes);
    assert.ok(Number(result.lanes) > 1);
    // After it: every view exactly as a render of the whole log draws it.
    assert.deepEqual(result.end.html, result.full.html);
    assert.ok(result.end.traffic === result.full.traffic, 'the traffic canvas differs');
    assert.deepEqual(result.endMid.html, result.fullMid.html);
    assert.ok(result.endMid.traffic === result.fullMid.traffic, 'the traffic canvas differs at the middle');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('perf: 100,000 events render, and a scrub to the middle takes < 200 ms', async () => {
    const page = await open('synthetic=100000');
    assert.equal(await page.evaluate(() => window.__demo.views.length), 100000);
    const times = await page.evaluate(async () => {
      const { views, playback } = window.__demo;
      const scrub = document.querySelector('[data-testid="scrub"]');
      const out = [];
      for (const target of [50000, 73123, 25000, 50001, 99999, 1]) {
        const t0 = performance.now();
        scrub.value = String(target);
        scrub.dispatchEvent(new Event('input'));
        views.flush();
        out.push(performance.now() - t0);
        if (playback.cursor !== target) throw new Error(`cursor ${playback.cursor} != ${target}`);
      }
      return out;
    });
    console.log('scrub times (ms):', times.map((t) => t.toFixed(1)).join(' '));
    for (const t of times) assert.ok(t < 200, `scrub took ${t} ms`);
    // The traffic view really drew the log up to the middle.
    await page.locator('[data-testid="scrub"]').fill('50000');
    await flush(page);
    assert.ok((await arrows(page)) > 1000, `arrows ${await arrows(page)}`);
    assert.equal(await page.getAttribute('[data-testid="traffic"] canvas', 'data-lanes'), '13');
    await page.screenshot({ path: shots + 'views-synthetic-test.png' });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
