// Benchmark (not a test): bench/cpu8.go in the page's parallel mode at
// procs 1 and 2, wall time from the coordinator's start to the exit, best
// of REPS runs each, alternating. Prints the speedup with how idle the
// cores were: a figure taken while others' work shares the cores says
// little; so does each run's foreign load (cores other processes took
// during it), and a second line gives the best runs taken while others
// took less than QUIET cores. `make bench-browser` runs it (after `make
// web`). VERBOSE=1 prints each run: procs, wall ms, ms until P 0's M
// started, foreign cores.
//
// The cores of a VM need not be equally fast, and an interpreter feels it
// more than compiled code: an unpinned procs-1 run lands on either core.
// So procs 1 is also timed with its worker pinned to each core
// (`taskset`), and the last line gives procs 2 against the ideal those
// times allow (both cores busy to the end: 1 / sum(1 / t_core)).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { foreignCpu } from './foreign-cpu.mjs';
import { serve, launch, openPage, tid, setSource, parallelMode, parallelMs, idleCores, cores, CPU8, CPU8_OUT } from '../e2e/browser.mjs';

const REPS = Number(process.env.REPS ?? 4);
const QUIET = Number(process.env.QUIET ?? 0.1);

/** Presses Run and waits for the end without polling the page: Playwright's
 * waitForFunction evaluates its predicate every animation frame, which
 * keeps the page drawing and takes CPU from the Ps (a person watching
 * does not). The status changes to "running" in the click's handler. */
const runToEnd = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('[data-testid="status"]');
        document.querySelector('[data-testid="run"]').click();
        const mo = new MutationObserver(() => {
          if (!/exited|error|limit|deadlock|panic|fatal|stopped/.test(el.textContent)) return;
          mo.disconnect();
          resolve(el.textContent);
        });
        mo.observe(el, { childList: true, characterData: true, subtree: true });
      }),
  );

/** Pins the browser's Web Worker threads (the Ps' Ms) to core `cpu`; the
 * rest of the browser stays free, as the rest of the native process is.
 * Returns how many threads it pinned (0 without /proc or taskset). Call
 * it once the pool's workers for the next run have started. */
function pinWorkers(cpu) {
  let n = 0;
  try {
    const pids = execFileSync('pgrep', ['-f', 'playwright_chromium'], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean);
    for (const pid of pids) {
      for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
        const comm = fs.readFileSync(`/proc/${pid}/task/${t}/comm`, 'utf8');
        if (!comm.startsWith('DedicatedWorker')) continue;
        execFileSync('taskset', ['-p', '-c', String(cpu), t], { stdio: 'ignore' });
        n++;
      }
    }
  } catch {
    return 0;
  }
  return n;
}

/** Best wall ms of `reps` runs at the procs the page is set to. */
async function bestRun(page, reps, cpu) {
  let best = Infinity;
  for (let rep = 0; rep < reps; rep++) {
    await page.waitForFunction(() => document.body.dataset.parallelPool !== 'starting');
    const n = pinWorkers(cpu);
    if (n === 0) return null;
    if (process.env.VERBOSE) console.log(`pinned ${n} worker threads to core ${cpu}`);
    assert.equal(await runToEnd(page), 'exited with status 0');
    assert.equal(await tid(page, 'output').textContent(), CPU8_OUT);
    best = Math.min(best, await parallelMs(page));
  }
  return best;
}

const server = await serve(true);
const browser = await launch();
try {
  const page = await openPage(browser, server);
  await parallelMode(page, 1);
  await setSource(page, CPU8);
  const idleBefore = await idleCores();
  const best = {}, quiet = {};
  for (let rep = 0; rep < REPS; rep++) {
    for (const procs of [1, 2]) {
      await tid(page, 'procs').fill(String(procs));
      // The next run's workers start between runs (src/parallel/pool.ts):
      // a person takes longer than that before pressing Run again.
      await page.waitForFunction(() => document.body.dataset.parallelPool !== 'starting');
      const foreign = foreignCpu();
      assert.equal(await runToEnd(page), 'exited with status 0');
      const others = foreign.end();
      assert.equal(await tid(page, 'output').textContent(), CPU8_OUT);
      const ms = await parallelMs(page);
      if (process.env.VERBOSE) console.log(procs, ms, await page.evaluate(() => document.body.dataset.parallelStartMs), others?.toFixed(2));
      best[procs] = Math.min(best[procs] ?? Infinity, ms);
      if (others !== null && others < QUIET) (quiet[procs] ??= []).push(ms);
    }
  }
  const idleAfter = await idleCores();
  const idle = [idleBefore, idleAfter].map((x) => (x === null ? '?' : x.toFixed(2))).join(' / ');
  console.log(`cpu8 in the browser, parallel mode, best of ${REPS}: procs 1 ${best[1]} ms, procs 2 ${best[2]} ms, speedup ${(best[1] / best[2]).toFixed(2)}x (idle cores before/after: ${idle} of ${cores()})`);
  const q1 = quiet[1] ?? [], q2 = quiet[2] ?? [];
  const qs = q1.length && q2.length ? `procs 1 ${Math.min(...q1)} ms, procs 2 ${Math.min(...q2)} ms, speedup ${(Math.min(...q1) / Math.min(...q2)).toFixed(2)}x` : 'too few';
  console.log(`  runs while other processes took < ${QUIET} cores: ${q1.length} at procs 1, ${q2.length} at procs 2; best: ${qs}`);
  await tid(page, 'procs').fill('1');
  const pinned = [];
  for (let c = 0; c < cores(); c++) {
    const t = await bestRun(page, REPS, c);
    if (t === null) break;
    pinned.push(t);
  }
  if (pinned.length === cores()) {
    const ideal = 1 / pinned.reduce((a, t) => a + 1 / t, 0);
    const mean = pinned.reduce((a, t) => a + t, 0) / pinned.length;
    console.log(`  procs 1 pinned to each core: ${pinned.map((t) => `${t} ms`).join(' / ')}; procs 2 against their mean: ${(mean / best[2]).toFixed(2)}x; efficiency (ideal ${ideal.toFixed(0)} ms / procs 2): ${((100 * ideal) / best[2]).toFixed(0)}%`);
  } else {
    console.log('  (no per-core baseline: taskset or pgrep is missing)');
  }
} finally {
  await browser.close();
  server.close();
}
