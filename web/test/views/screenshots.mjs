// Screenshots of the views demo (node test/views/screenshots.mjs [fixture...]):
// web/test-results/views-*.png.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS, serve } from './serve.mjs';

const out = new URL('../../test-results/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const srv = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const items = process.argv.slice(2).length ? process.argv.slice(2) : ['worker-pool', 'ring-deadlock', 'prime-sieve:300', 'synthetic', 'worker-pool:dark'];
  for (const item of items) {
    const [name, extra] = item.split(':');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: extra === 'dark' ? 'dark' : 'light' });
    page.on('pageerror', (e) => console.error('pageerror', e));
    const q = name === 'synthetic' ? 'synthetic=100000' : `fixture=${name}${extra && extra !== 'dark' ? `&cursor=${extra}` : ''}`;
    await page.goto(`${srv.url}/views-demo.html?${q}`);
    await page.waitForSelector(`body[data-loaded]`);
    await page.waitForTimeout(300);
    const file = `${out}views-${item.replace(':', '-')}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await srv.close();
}
