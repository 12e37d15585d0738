// The project's benchmark (not part of the test suite). Run through scripts/bench.sh, which builds
// the release app, serves it and generates a 1,000-item framework file.
//  1. load → first interactive render of the start page, at CPU 1× and 4× (median of RUNS);
//  2. per framework (the built-in sở framework, the generated 1,000-item one): load → workspace
//     ready, and edit → points and index updated in the page (median and p95 of EDITS edits), at
//     CPU 1× and 4×; JS heap after the edits; the built-in one again on a phone (360 × 740, touch),
//     where 4× stands for a mid-range phone;
//  3. the Sở Nội vụ view: a batch of 33 and of 1,000 submission files loaded and ranked; a round
//     of 150 with the council re-scoring an item (edit → ranking updated, CPU 1× and 4×);
//  4. the framework builder: a 100-row Word annex chosen → the tree shown (median of RUNS, CPU
//     1× and 4×), measured from the test's side (includes handing the file to the page).
//  5. the framework editor: the built-in sở framework (and the generated 1,000-item one) opened
//     in the form → shown and checked; a maximum typed wrong and typed right again → the
//     problems shown or cleared (median and p95 of EDITS keystrokes), at CPU 1× and 4×.
//  6. a slow link (1,6 Mbps, 150 ms each way) from a static server of dist/ (DIST) as a province
//     may run it — compressing nothing, or sending the shipped .gz or .br copies: a first visit
//     (nothing cached, no service worker) → the start page, and → a stored draft's workspace;
//     and after one visit, with the connection gone, a reload → the start page and → a draft's
//     workspace (from the service worker's cache).
// BENCH_ONLY=load runs only 1 and 2, BENCH_ONLY=batch only 3, BENCH_ONLY=builder only 4,
// BENCH_ONLY=editor only 5, BENCH_ONLY=link only 6.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { launch, APP_URL } from './tests/browser.js';
import { docxOf } from './tests/helpers.js';

const RUNS = Number(process.env.RUNS ?? 5);
const EDITS = Number(process.env.EDITS ?? 50);
const SYNTHETIC = process.env.SYNTHETIC_FRAMEWORK;
// Directories of generated submission files (scripts/bench.sh makes 33 and 1,000).
const BATCHES = (process.env.BATCH_DIRS ?? '').split(':').filter(Boolean);

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const round = (x) => Math.round(x * 10) / 10;

const DESKTOP = { viewport: { width: 1280, height: 720 } };
// A common Android phone: its screen, touch, the viewport meta tag honoured.
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

async function newPage(browser, rate, device = DESKTOP) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp };
}

async function heap(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** Milliseconds from navigation start until `selector` is in the document, measured in the page. */
async function timeToSelector(page, url, selector) {
  await page.addInitScript((sel) => {
    window.__readyAt = undefined;
    new MutationObserver((_, obs) => {
      if (document.querySelector(sel)) { window.__readyAt = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => window.__readyAt);
}

async function startLoad(browser, rate) {
  const { context, page, cdp } = await newPage(browser, rate);
  const ms = await timeToSelector(page, APP_URL, '[data-testid="framework-list"] article');
  const h = await heap(cdp);
  await context.close();
  return { ms, heap: h };
}

/** Creates a draft of `frameworkId` (loading `file` first when given); returns its id. */
async function createDraft(page, frameworkId, file) {
  await page.goto(APP_URL);
  if (file) {
    await page.getByTestId('framework-file').setInputFiles({ name: 'khung.json', mimeType: 'application/json', buffer: readFileSync(file) });
    await page.getByTestId('framework-loaded').waitFor();
  }
  await page.getByTestId(`choose-framework-${frameworkId}`).check();
  await page.getByTestId('choose-unit').selectOption('__other');
  await page.getByTestId('unit-name').fill('Đơn vị đo hiệu năng');
  await page.getByTestId('create-draft').click();
  await page.getByTestId('item-tree').waitFor();
  return page.evaluate(() => location.hash.split('/')[2]);
}

/** Toggles a yes/no item EDITS times, timing each click until the page's index text has changed
 * (a MutationObserver sees the new text: scoring, every re-render and the DOM update are done). */
async function editLatencies(page, code) {
  return page.evaluate(async ({ code, edits }) => {
    const area = document.querySelector(`[data-testid="item-${code}"]`);
    const index = document.querySelector('[data-testid="index-percent"]');
    const times = [];
    for (let i = 0; i < edits; i++) {
      const before = index.textContent;
      const radio = area.querySelector(`[data-testid="${i % 2 === 0 ? 'yes' : 'no'}"]`);
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (index.textContent !== before) { obs.disconnect(); resolve(performance.now()); }
        });
        obs.observe(index, { childList: true, characterData: true, subtree: true });
      });
      radio.click();
      times.push((await done) - t0);
      // Let the browser paint and the debounced autosave settle before the next edit.
      await new Promise((r) => setTimeout(r, 20));
    }
    return times;
  }, { code, edits: EDITS });
}

async function workspace(browser, rate, { frameworkId, file, yesNoItem, device }) {
  const { context, page, cdp } = await newPage(browser, 1, device);
  const id = await createDraft(page, frameworkId, file);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank');
    loads.push(await timeToSelector(page, `${APP_URL}#/d/${id}/i/${yesNoItem}`, `[data-testid="item-${yesNoItem}"]`));
  }
  const edits = await editLatencies(page, yesNoItem);
  const result = {
    items: await page.locator('a.tree-item').count(),
    load_to_workspace_ms_median: round(median(loads)),
    edit_to_index_ms_median: round(median(edits)),
    edit_to_index_ms_p95: round(p95(edits)),
    js_heap_used_bytes: await heap(cdp),
  };
  await context.close();
  return result;
}

/** Loads a batch of submission files into the Sở Nội vụ view RUNS times: ms until every file is
 * read and the ranking table shows its rows (median), measured from the test's side. */
async function batchLoad(browser, dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'expected.json').map((f) => `${dir}/${f}`);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser, 1);
    await page.goto(`${APP_URL}#/so-noi-vu`);
    await page.getByTestId('batch-files').waitFor();
    const t0 = Date.now();
    await page.getByTestId('batch-files').setInputFiles(files);
    await page.getByTestId('batch-progress').filter({ hasText: `${files.length}/${files.length}` }).waitFor({ timeout: 300000 });
    await page.locator('[data-testid="ranking"] tbody tr').first().waitFor();
    times.push(Date.now() - t0);
    await context.close();
  }
  return { files: files.length, load_and_rank_ms_median: median(times), load_and_rank_ms_all: times };
}

/**
 * A round of `dir`'s files with the council appraising the first unit: ms from choosing another
 * level for item 1.1.1 until the ranking row shows the unit's new points (checked each frame),
 * RUNS times alternating two levels. It includes Playwright's round trips, so it is an upper bound.
 */
async function appraisalEdit(browser, dir, rate) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'expected.json').map((f) => `${dir}/${f}`);
  const { context, page, cdp } = await newPage(browser, 1);
  await page.goto(`${APP_URL}#/so-noi-vu`);
  await page.getByTestId('batch-files').setInputFiles(files);
  await page.getByTestId('batch-progress').filter({ hasText: `${files.length}/${files.length}` }).waitFor({ timeout: 300000 });
  const row = page.locator('[data-testid="ranking"] tbody tr').first();
  const key = (await row.getAttribute('data-testid')).replace(/^rank-row-/, '');
  await row.getByTestId('appraise').click();
  await page.getByTestId('appraise-row-1.1.1').getByTestId('appraise-item').click();
  const editor = page.getByTestId('appraise-editor-1.1.1');
  await editor.waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const times = [];
  for (let i = 0; i < RUNS * 2; i++) {
    // The other of two levels worth different points, so that every choice moves the total.
    const level = (await editor.getByTestId('level-khong').isChecked()) ? 'cham' : 'khong';
    const shown = async () => page.getByTestId(`rank-row-${key}`).getByTestId('self-scored').textContent();
    const before = await shown();
    const t0 = Date.now();
    await editor.getByTestId(`level-${level}`).check();
    await page.waitForFunction(([k, b]) => document.querySelector(`[data-testid="rank-row-${k}"] [data-testid=self-scored]`)?.textContent !== b, [key, before], { polling: 'raf' });
    times.push(Date.now() - t0);
  }
  await context.close();
  return { units: files.length, edit_to_ranking_ms_median: round(median(times)), edit_to_ranking_ms_all: times.map(round) };
}

/** A 100-row annex: 10 Roman fields of 9 items each, methods in the shapes decisions use. */
function annex100() {
  const methods = [
    'Ban hành kịp thời: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm',
    'Có: 1 điểm; không: 0 điểm',
    'Đạt 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm',
    'Điểm đạt = tỷ lệ % × điểm tối đa',
    'Từ 3 cuộc trở lên: 1 điểm; 1 - 2 cuộc: 0,5 điểm; không kiểm tra: 0 điểm',
  ];
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  const rows = [{ header: true, cells: ['STT', 'Lĩnh vực, tiêu chí', 'Điểm tối đa', 'Cách chấm điểm', 'Tài liệu kiểm chứng'] }];
  for (const [f, r] of roman.entries()) {
    rows.push([{ text: r, bold: true }, { text: `LĨNH VỰC ${f + 1}`, bold: true }, { text: '9', bold: true }, '', '']);
    for (let i = 1; i <= 9; i++) rows.push([String(i), `Tiêu chí ${f + 1}.${i}`, '1', methods[(f + i) % methods.length], 'Báo cáo']);
  }
  return docxOf(rows);
}

/** Chooses the 100-row annex on the builder page RUNS times: ms until the whole tree is shown. */
async function builderRead(browser, rate) {
  const buffer = annex100();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser, rate);
    await page.goto(`${APP_URL}tao-bo-tieu-chi/`);
    await page.getByTestId('annex-file').waitFor();
    const t0 = Date.now();
    await page.getByTestId('annex-file').setInputFiles({ name: 'phu-luc-100.docx', mimeType: 'application/octet-stream', buffer });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="built-node"]').length === 100, null, { timeout: 120000 });
    times.push(Date.now() - t0);
    await context.close();
  }
  return { rows: 100, choose_to_tree_ms_median: median(times), choose_to_tree_ms_all: times };
}

/** A maximum typed wrong, then right, EDITS times: ms from each keystroke to the checks shown. */
async function editorLatencies(page, code, max) {
  return page.evaluate(async ({ code, max, edits }) => {
    const input = document.querySelector(`[data-testid="form-row"][data-code="${code}"] > .node-head [data-testid="node-max"]`);
    const times = [];
    for (let i = 0; i < edits; i++) {
      const wrong = i % 2 === 0;
      const shown = wrong ? '[data-testid="editor-problems"]' : '[data-testid="editor-usable"]';
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (document.querySelector(shown)) { obs.disconnect(); resolve(performance.now()); }
        });
        obs.observe(document.body, { childList: true, subtree: true });
      });
      input.value = wrong ? 'hai' : max;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      times.push((await done) - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    return times;
  }, { code, max, edits: EDITS });
}

/** Opens a framework in the editor (the list's `index`, or a file), then types in it. */
async function editorType(browser, rate, { index, file }) {
  const { context, page } = await newPage(browser, rate);
  await page.goto(`${APP_URL}tao-bo-tieu-chi/`);
  await page.getByTestId('open-stored').waitFor();
  const text = file ? readFileSync(file, 'utf8') : null;
  const t0 = Date.now();
  if (file) {
    await page.getByTestId('open-json').setInputFiles({ name: 'bo.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  } else {
    await page.getByTestId('open-stored').selectOption({ index });
    await page.getByTestId('open-stored-button').click();
  }
  await page.getByTestId('editor-usable').waitFor({ timeout: 120000 });
  const openMs = Date.now() - t0;
  const rows = await page.getByTestId('form-row').count();
  // The first item of the first field: its row and its max as the form shows it.
  const { code, max } = await page.evaluate(() => {
    const row = [...document.querySelectorAll('[data-testid="form-row"]')]
      .find((r) => !r.querySelector(':scope > .node-head [data-testid="row-summary"]').textContent.includes(':'));
    return { code: row.dataset.code, max: row.querySelector(':scope > .node-head [data-testid="node-max"]').value };
  });
  const times = await editorLatencies(page, code, max);
  await context.close();
  return { rows, open_to_checked_ms: openMs, keystroke_to_checked_ms_median: round(median(times)), keystroke_to_checked_ms_p95: round(p95(times)) };
}

async function editorRuns() {
  const out = {};
  for (const rate of [1, 4]) {
    out[`cpu_${rate}x`] = { builtin_so: await editorType(browser, rate, { index: 1 }) };
    if (SYNTHETIC) out[`cpu_${rate}x`].synthetic_1000 = await editorType(browser, rate, { file: SYNTHETIC });
  }
  return out;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

/** A static server of `dist` on a free port that sends, per `encoding` ('none', 'gzip', 'br'),
 * the file as it is or its precompressed copy, as nginx's gzip_static / brotli_static do. */
async function staticServer(dist, encoding) {
  const server = createServer((req, res) => {
    let file = normalize(join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!file.startsWith(normalize(dist))) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    const suffix = { gzip: '.gz', br: '.br' }[encoding];
    if (suffix && existsSync(file + suffix) && (req.headers['accept-encoding'] ?? '').includes(encoding)) {
      headers['content-encoding'] = encoding;
      file += suffix;
    }
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** 6: the first visit over a slow link, for each way of serving. */
async function slowLink(browser, dist) {
  const out = {};
  for (const encoding of ['none', 'gzip', 'br']) {
    const { server, url } = await staticServer(dist, encoding);
    const starts = [];
    const drafts = [];
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      for (const toDraft of [false, true]) {
        // No service worker, and a new context each time: nothing comes from a cache.
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        let target = url;
        let selector = '[data-testid="framework-list"] article';
        if (toDraft) {
          await page.goto(url);
          await page.getByTestId('choose-framework-soc-trang-cap-so').check();
          await page.getByTestId('choose-unit').selectOption('__other');
          await page.getByTestId('unit-name').fill('Đơn vị đo hiệu năng');
          await page.getByTestId('create-draft').click();
          await page.getByTestId('item-tree').waitFor();
          const id = await page.evaluate(() => location.hash.split('/')[2]);
          await page.goto('about:blank');
          target = `${url}#/d/${id}/i/1.1.2`;
          selector = '[data-testid="item-1.1.2"]';
        }
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.clearBrowserCache');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 1.6e6 / 8,
        });
        (toDraft ? drafts : starts).push(await timeToSelector(page, target, selector));
        await context.close();
      }
    }
    server.close();
    out[`served_${encoding}`] = {
      first_visit_to_start_page_ms_median: round(median(starts)),
      first_visit_to_draft_workspace_ms_median: round(median(drafts)),
    };
  }
  return out;
}

/** 6: after one visit (the service worker has cached the release), offline reloads. */
async function offlineReload(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const id = await createDraft(page, 'soc-trang-cap-so');
  await page.goto(APP_URL);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const deadline = Date.now() + 20000;
    // The whole release is in the cache once the full program's and the builder's pages are.
    while (Date.now() < deadline) {
      const keys = (await (await caches.open('cchc-app')).keys()).map((r) => r.url);
      if (navigator.serviceWorker.controller && keys.some((u) => u.includes('/day-du/')) && keys.some((u) => u.includes('/tao-bo-tieu-chi/'))) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the release was not cached');
  });
  await context.setOffline(true);
  const starts = [];
  const drafts = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank');
    starts.push(await timeToSelector(page, APP_URL, '[data-testid="framework-list"] article'));
    await page.goto('about:blank');
    drafts.push(await timeToSelector(page, `${APP_URL}#/d/${id}/i/1.1.2`, '[data-testid="item-1.1.2"]'));
  }
  await context.close();
  return {
    offline_reload_to_start_page_ms_median: round(median(starts)),
    offline_reload_to_draft_workspace_ms_median: round(median(drafts)),
  };
}

const browser = await launch();
if (process.env.BENCH_ONLY === 'link') {
  const link = { ...(await slowLink(browser, process.env.DIST)), offline: await offlineReload(browser) };
  await browser.close();
  console.log(JSON.stringify(link, null, 2));
  process.exit(0);
}
const results = { start_page: {}, builtin_framework: {}, synthetic_framework: {}, phone_builtin_framework: {}, evaluator_batches: [], builder: {}, editor: {}, slow_link: {}, offline: {} };
if (process.env.BENCH_ONLY === 'editor') {
  results.editor = await editorRuns();
  await browser.close();
  console.log(JSON.stringify(results.editor, null, 2));
  process.exit(0);
}
const ROUND = process.env.ROUND_DIR;
async function rounds() {
  const out = {};
  if (ROUND) for (const rate of [1, 4]) out[`cpu_${rate}x`] = await appraisalEdit(browser, ROUND, rate);
  return out;
}
if (process.env.BENCH_ONLY === 'batch') {
  for (const dir of BATCHES) results.evaluator_batches.push(await batchLoad(browser, dir));
  results.appraisal_round = await rounds();
  console.log(JSON.stringify(results.appraisal_round, null, 2));
  await browser.close();
  console.log(JSON.stringify(results.evaluator_batches, null, 2));
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'builder') {
  for (const rate of [1, 4]) results.builder[`cpu_${rate}x`] = await builderRead(browser, rate);
  await browser.close();
  console.log(JSON.stringify(results.builder, null, 2));
  process.exit(0);
}
for (const rate of [1, 4]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await startLoad(browser, rate));
  results.start_page[`cpu_${rate}x`] = {
    load_to_interactive_ms_median: round(median(runs.map((r) => r.ms))),
    load_to_interactive_ms_all: runs.map((r) => round(r.ms)),
    js_heap_used_bytes: median(runs.map((r) => r.heap)),
  };
  results.builtin_framework[`cpu_${rate}x`] = await workspace(browser, rate, { frameworkId: 'soc-trang-cap-so', yesNoItem: '1.1.2' });
  if (SYNTHETIC) {
    results.synthetic_framework[`cpu_${rate}x`] = await workspace(browser, rate, { frameworkId: 'synthetic-1000', file: SYNTHETIC, yesNoItem: '1.6' });
  }
  results.phone_builtin_framework[`cpu_${rate}x`] = await workspace(browser, rate, { frameworkId: 'soc-trang-cap-so', yesNoItem: '1.1.2', device: PHONE });
}
if (process.env.BENCH_ONLY === 'load') {
  await browser.close();
  console.log(JSON.stringify({
    start_page: results.start_page, builtin_framework: results.builtin_framework,
    synthetic_framework: results.synthetic_framework, phone_builtin_framework: results.phone_builtin_framework,
  }, null, 2));
  process.exit(0);
}
for (const dir of BATCHES) results.evaluator_batches.push(await batchLoad(browser, dir));
results.appraisal_round = await rounds();
for (const rate of [1, 4]) results.builder[`cpu_${rate}x`] = await builderRead(browser, rate);
results.editor = await editorRuns();
if (process.env.DIST) results.slow_link = await slowLink(browser, process.env.DIST);
results.offline = await offlineReload(browser);
await browser.close();
console.log(JSON.stringify(results, null, 2));
