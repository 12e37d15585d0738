// Offline after one visit: the service worker caches the app, so with the connection gone a reload
// lists the drafts, a draft opens and takes edits, the submission file and the .xlsx are made, the
// report (the full program's) opens and prints, and the builder's page opens. Served from a
// sub-path (as a provincial portal would host it), every URL stays inside it. The manifest is valid
// and its icons load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, watchPage } from './browser.js';
import { StartPage, Workspace, draftKey, eventually, nodeByCode, loadFramework, readRaw } from './pages.js';

const DIST = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const PREFIX = '/cchc/';
const GOLDEN_OLD_DRAFT = fileURLToPath(new URL('../../cchc-core/tests/golden/valid-no-fingerprint.json', import.meta.url));
const MINI_FRAMEWORK = fileURLToPath(new URL('../../cchc-core/tests/cases/frameworks/mini.json', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

let browser;
let server;
let base;
/** Set to serve a "next release": the app's files under another hash (the same bytes). */
let nextRelease = false;
const NEXT_HASH = 'f'.repeat(16);
/** Every path asked of the server, to show nothing was asked outside the sub-path. */
const asked = [];

before(async () => {
  browser = await launch();
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    asked.push(path);
    if (!path.startsWith(PREFIX)) { res.writeHead(404).end(); return; }
    const current = /cchc-app-([0-9a-f]{12,16})/.exec(await readFile(join(DIST, 'index.html'), 'utf8'))[1];
    let file = normalize(join(DIST, path.slice(PREFIX.length).replace(NEXT_HASH, current)));
    if (!file.startsWith(normalize(DIST))) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (nextRelease && file.endsWith('index.html') && !file.includes('tao-bo-tieu-chi')) {
        body = Buffer.from(body.toString('utf8').replaceAll(current, NEXT_HASH));
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Waits until the page is controlled by the app's worker and its cache holds the release. */
async function cachedForOffline(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await eventually(async () => {
    const n = await page.evaluate(async () => (await (await caches.open('cchc-app')).keys()).length);
    assert.ok(n >= 10, `the cache holds the release (${n} files)`);
  }, { timeout: 15000 });
}

/** The first visit: a draft made, the start page shown again, the release cached. `seed`: storage
 * keys and texts already there, as an earlier release left them. */
async function firstVisit(seed = {}) {
  const opened = await openApp(browser, {
    path: base,
    initScript: (entries) => {
      for (const [key, text] of entries) if (localStorage.getItem(key) === null) localStorage.setItem(key, text);
    },
    initArg: Object.entries(seed),
  });
  const start = new StartPage(opened.page);
  const id = await start.createDraft({ framework: 'soc-trang-cap-so', unit: 'so-noi-vu', year: 2025 });
  await opened.page.goto(`${base}#/`);
  await start.ready();
  await cachedForOffline(opened.page);
  return { ...opened, start, id };
}

test('served from a sub-path, the app is cached on the first visit and works offline: the drafts listed, a draft edited, the file and the .xlsx made, the report opened and printed, the builder opened', async () => {
  const { context, page, watch, start, id } = await firstVisit();

  await context.setOffline(true);
  await page.reload();
  await start.ready();
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true, 'the page came from the worker');
  assert.equal(await start.draftRow(id).count(), 1, 'the stored draft is listed offline');
  await page.goto(`${base}#/d/${id}`);
  await page.getByTestId('total-points').waitFor();
  const ws = new Workspace(page);
  const fw = loadFramework('soc-trang-cap-so');
  await ws.select('1.1.2');
  await ws.answer(nodeByCode(fw, '1.1.2'), { kind: 'yes_no', yes: true });
  await ws.waitSaved();
  const file = await ws.exportDraft();
  assert.match(file.name, /\.json$/);
  const xlsx = await ws.exportXlsx();
  assert.match(xlsx.name, /\.xlsx$/, 'the spreadsheet worker runs offline');
  // The report is the full program's (day-du/): it opens offline too, with the edit, and prints.
  const report = await ws.openReport();
  assert.match(page.url(), /\/cchc\/day-du\/#\/d\/.+\/bao-cao$/);
  assert.ok(await report.table.locator('tbody tr').count() > 0, 'the report lists the items');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  assert.ok(pdf.length > 10000, 'the report prints offline');

  // A new tab, offline, opens the app and the builder's page.
  const other = await context.newPage();
  watchPage(other, watch);
  await other.goto(`${base}tao-bo-tieu-chi/`);
  await other.getByTestId('back-to-app').waitFor();
  await other.close();

  assert.deepEqual(asked.filter((p) => !p.startsWith(PREFIX)), [], 'nothing is asked outside the sub-path');
  assert.deepEqual(watch.consoleErrors, []);
  // This server is not the suite's (APP_URL), so the watcher lists its requests: none may leave it.
  assert.deepEqual(watch.outsideRequests.filter((u) => !u.startsWith(base)), [], 'no request leaves the app');
  await context.close();
});

test('the manifest names the app in Vietnamese, opens standalone in its folder, and its icons load', async () => {
  const { context, page } = await openApp(browser, { path: base });
  await new StartPage(page).ready();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const url = new URL(href, page.url()).href;
  const manifest = await page.evaluate(async (u) => (await fetch(u)).json(), url);
  assert.equal(manifest.name, 'Tự đánh giá Chỉ số CCHC');
  assert.equal(manifest.short_name, 'Chỉ số CCHC');
  assert.equal(manifest.display, 'standalone');
  assert.equal(new URL(manifest.start_url, url).href, base);
  const sizes = manifest.icons.map((i) => i.sizes).sort();
  assert.deepEqual(sizes, ['192x192', '512x512']);
  for (const icon of manifest.icons) {
    const [w, h] = icon.sizes.split('x').map(Number);
    const got = await page.evaluate(async (u) => {
      const img = new Image();
      img.src = u;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, new URL(icon.src, url).href);
    assert.deepEqual(got, [w, h], icon.src);
  }
  await context.close();
});

test('a new release is offered, applied only when asked, and the drafts are intact — one made now, and one an older release wrote (a golden file)', async () => {
  nextRelease = false;
  // A draft as an earlier release stored it (the golden file without a fingerprint), with the
  // framework it was made with.
  const golden = await readFile(GOLDEN_OLD_DRAFT, 'utf8');
  const goldenId = JSON.parse(golden).id;
  const { context, page, watch, start, id } = await firstVisit({
    [draftKey(goldenId)]: golden,
    'cchc.v1.framework.mini@1': await readFile(MINI_FRAMEWORK, 'utf8'),
  });
  const stored = await readRaw(page, draftKey(id));
  const ws = new Workspace(page);
  await page.goto(`${base}#/d/${goldenId}`);
  await ws.tree.waitFor();
  const goldenTotal = await ws.totalPoints.textContent();
  await page.goto(`${base}#/`);
  await start.ready();
  const wasm = () => page.evaluate(() => document.querySelector('link[rel="preload"][as="fetch"]').href);
  assert.doesNotMatch(await wasm(), new RegExp(NEXT_HASH));

  // No new release: nothing offered.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('new-release').count(), 0);

  nextRelease = true;
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const offer = page.getByTestId('new-release');
  await offer.waitFor();
  assert.match(await offer.textContent(), /^Có phiên bản mới của ứng dụng\./);
  assert.doesNotMatch(await wasm(), new RegExp(NEXT_HASH), 'the tab is not taken over');
  await Promise.all([page.waitForEvent('load'), page.getByTestId('reload-release').click()]);
  await start.ready();
  assert.match(await wasm(), new RegExp(NEXT_HASH), 'the new release runs');
  assert.equal(await start.draftRow(id).count(), 1);
  assert.equal(await readRaw(page, draftKey(id)), stored, 'the draft is as it was');
  assert.equal(await readRaw(page, draftKey(goldenId)), golden, 'the older release’s draft is as it was');
  await page.goto(`${base}#/d/${goldenId}`);
  await ws.tree.waitFor();
  assert.equal(await ws.totalPoints.textContent(), goldenTotal, 'and opens in the new release with the same points');
  assert.equal(await readRaw(page, draftKey(goldenId)), golden, 'opening it writes nothing');
  assert.deepEqual(watch.consoleErrors, []);
  nextRelease = false;
  await context.close();
});
