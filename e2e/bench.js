// The project's benchmark (not part of the test suite): load → first interactive render at CPU
// throttling 1× and 4× (median of 5 fresh pages each), bytes transferred and JS heap.
// Run through scripts/bench.sh, which builds the release app and serves it.
import { launch, APP_URL } from './tests/browser.js';

const RUNS = Number(process.env.RUNS ?? 5);
const READY = '[data-testid="framework-list"] article';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function loadOnce(browser, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  // Records, inside the page, the moment the first interactive element appears.
  await page.addInitScript((selector) => {
    new MutationObserver((_, obs) => {
      if (document.querySelector(selector)) { window.__ready = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, READY);
  await page.goto(APP_URL);
  await page.waitForFunction(() => window.__ready !== undefined);
  const ready = await page.evaluate(() => window.__ready);
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await context.close();
  return { ready, bytes, heap };
}

const browser = await launch();
const results = {};
for (const rate of [1, 4]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, rate));
  results[`cpu_${rate}x`] = {
    load_to_interactive_ms_median: Math.round(median(runs.map((r) => r.ready))),
    load_to_interactive_ms_all: runs.map((r) => Math.round(r.ready)),
    transferred_bytes: median(runs.map((r) => r.bytes)),
    js_heap_used_bytes: median(runs.map((r) => r.heap)),
  };
}
await browser.close();
console.log(JSON.stringify(results, null, 2));
