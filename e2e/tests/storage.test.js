import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openApp, watchPage } from './browser.js';
import {
  StartPage, Workspace, loadFramework, nodeByCode, draftKey, readRaw, readStored, storedKeys,
  eventually, waitForText,
} from './pages.js';

const FW_ID = 'soc-trang-cap-so';
const fw = loadFramework(FW_ID);
const node = (code) => nodeByCode(fw, code);

const SAVE_REFUSED = 'Chưa lưu được: bộ nhớ của trình duyệt đã đầy hoặc từ chối ghi.';
const SAVE_CONFLICT = 'Chưa lưu: bản này vừa được sửa ở một thẻ khác.';
/** Longer than the autosave delay (0.3 s) with a margin, to show that a save did not happen. */
const PAST_AUTOSAVE = 1000;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * Runs in the page before the app: `Storage.prototype.setItem` throws a QuotaExceededError while
 * `window.__storage.failing` is true. The original methods stay in `window.__storage`.
 */
function breakStorage(failingFromStart) {
  const setItem = Storage.prototype.setItem;
  const getItem = Storage.prototype.getItem;
  window.__storage = { setItem, getItem, failing: failingFromStart };
  Storage.prototype.setItem = function (key, value) {
    if (window.__storage.failing) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return setItem.call(this, key, value);
  };
}

async function downloadText(download) {
  assert.equal(await download.failure(), null, 'the download completes');
  return readFile(await download.path(), 'utf8');
}

test('when every write to storage throws, the app keeps scoring, says it has not saved, and exports the answers as a file', async () => {
  const { context, page, watch } = await openApp(browser, { initScript: breakStorage, initArg: true });
  const id = await new StartPage(page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  await waitForText(ws.saveStatus, SAVE_REFUSED);
  await ws.saveFailed.waitFor();

  await ws.select('1.1.1');
  await ws.answer(node('1.1.1'), { kind: 'level', id: 'dung-han' });
  await waitForText(ws.itemPoints('1.1.1'), 'Điểm hiện tại: 1 / 1');
  await ws.select('1.1.3');
  await ws.answer(node('1.1.3'), { kind: 'ratio', numerator: 19, denominator: 20 });
  await waitForText(ws.itemPoints('1.1.3'), 'Điểm hiện tại: 2 / 2');
  await waitForText(ws.totalPoints, '3,00 / 100');
  assert.equal(await ws.indexPercent.textContent(), '3,00 %');
  await waitForText(ws.saveStatus, SAVE_REFUSED);
  assert.equal(await ws.saveFailed.isVisible(), true);
  assert.deepEqual((await storedKeys(page)).filter((k) => k.startsWith('cchc.v1.draft.')), [], 'nothing was stored');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    ws.saveFailed.getByTestId('export-now').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'CCHC-2025-So-Noi-vu-tu-danh-gia.json');
  const file = JSON.parse(await downloadText(download));
  assert.equal(file.format, 'cchc-submission');
  assert.equal(file.id, id);
  assert.deepEqual(file.unit, { id: 'so-noi-vu', name: 'Sở Nội vụ' });
  assert.deepEqual(file.answers, {
    year: 2025,
    items: {
      '1.1.1': { value: { kind: 'level', id: 'dung-han' } },
      '1.1.3': { value: { kind: 'ratio', numerator: 19, denominator: 20 } },
    },
    evidence: [],
  });
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('when storage starts refusing writes, later edits are not saved, the warning shows and the stored draft is left as it was', async () => {
  const { context, page, watch } = await openApp(browser, { initScript: breakStorage, initArg: false });
  const id = await new StartPage(page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  await ws.select('1.1.2');
  await ws.answer(node('1.1.2'), { kind: 'yes_no', yes: true });
  await eventually(async () => {
    assert.deepEqual((await readStored(page, id))?.answers.items, { '1.1.2': { value: { kind: 'yes_no', yes: true } } });
  });
  await ws.waitSaved();
  const savedText = await readRaw(page, draftKey(id));

  await page.evaluate(() => { window.__storage.failing = true; });
  await ws.answer(node('1.1.2'), { kind: 'yes_no', yes: false });
  await ws.select('1.1.1');
  await ws.answer(node('1.1.1'), { kind: 'level', id: 'cham' });
  await waitForText(ws.itemPoints('1.1.1'), 'Điểm hiện tại: 0,5 / 1');
  await waitForText(ws.totalPoints, '0,50 / 100');
  await waitForText(ws.saveStatus, SAVE_REFUSED);
  await ws.saveFailed.waitFor();
  await ws.saveFailed.getByTestId('export-now').waitFor();
  await page.waitForTimeout(PAST_AUTOSAVE);
  assert.equal(await readRaw(page, draftKey(id)), savedText, 'the stored draft is unchanged');

  // Leaving the page also tries to save; that must not damage the stored copy either.
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  assert.equal(await readRaw(page, draftKey(id)), savedText);

  // Once storage accepts writes again, the next edit saves everything and the warning goes.
  await page.evaluate(() => { window.__storage.failing = false; });
  await ws.explanation().fill('Kế hoạch ban hành chậm do chờ hướng dẫn của tỉnh.');
  await ws.waitSaved();
  assert.equal(await ws.saveFailed.count(), 0);
  assert.deepEqual((await readStored(page, id)).answers.items, {
    '1.1.1': { value: { kind: 'level', id: 'cham' }, explanation: 'Kế hoạch ban hành chậm do chờ hướng dẫn của tỉnh.' },
    '1.1.2': { value: { kind: 'yes_no', yes: false } },
  });
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('a truncated stored draft is listed as unreadable, can be downloaded exactly as stored and discarded after confirmation', async () => {
  const RAW = '{"format":"cchc-submission","format_version":1,"id":"x"';
  const KEY = 'cchc.v1.draft.broken';
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, RAW]);
  await page.reload();
  await start.ready();
  await start.unreadable.waitFor();
  assert.equal(await start.unreadable.count(), 1);
  assert.match(await start.unreadable.textContent(), /không đọc được/);

  // Opening it directly says it cannot be read, and sends the user back to the start page.
  await page.goto(new URL('#/d/broken', page.url()).href);
  await waitForText(page.getByTestId('open-problem'), /không đọc được/);
  await page.getByTestId('open-problem').locator('a').click();
  await start.unreadable.waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    start.unreadable.getByTestId('download-unreadable').click(),
  ]);
  assert.equal(await downloadText(download), RAW, 'the download is the stored text, byte for byte');
  assert.equal(download.suggestedFilename(), 'cchc-v1-draft-broken.json');
  assert.equal(await readRaw(page, KEY), RAW, 'downloading does not touch the stored text');

  await start.unreadable.getByTestId('discard-unreadable').click();
  assert.equal(await readRaw(page, KEY), RAW, 'nothing is discarded before the confirmation');
  await start.unreadable.getByTestId('confirm-discard').click();
  await eventually(async () => assert.equal(await start.unreadable.count(), 0));
  assert.equal(await readRaw(page, KEY), null, 'the key is removed');
  await page.reload();
  await start.ready();
  assert.equal(await start.unreadable.count(), 0);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('a deleted draft is removed only after confirmation and comes back, list and storage, with undo', async () => {
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  const id = await start.createDraft({ framework: FW_ID, unit: 'so-tu-phap', year: 2025 });
  const ws = new Workspace(page);
  await ws.select('1.1.2');
  await ws.answer(node('1.1.2'), { kind: 'yes_no', yes: true });
  await ws.waitSaved();
  await eventually(async () => assert.ok((await readStored(page, id))?.answers.items['1.1.2']));
  const before = await readStored(page, id);

  await page.getByTestId('home').click();
  await start.draftRow(id).waitFor();
  await start.draftRow(id).getByTestId('delete-draft').click();
  assert.equal(await start.draftRow(id).count(), 1, 'still listed while the deletion awaits confirmation');
  assert.notEqual(await readRaw(page, draftKey(id)), null);
  await start.draftRow(id).getByTestId('confirm-delete').click();
  await eventually(async () => assert.equal(await start.draftRow(id).count(), 0));
  assert.equal(await readRaw(page, draftKey(id)), null, 'removed from localStorage');
  await start.deletedToast.waitFor();
  assert.match(await start.deletedToast.textContent(), /Sở Tư pháp/);

  await start.undoDelete();
  await start.draftRow(id).waitFor();
  assert.deepEqual(await readStored(page, id), before, 'the same draft is back in localStorage');
  await page.reload();
  await start.draftRow(id).waitFor();
  await start.draftRow(id).locator('a').first().click();
  await ws.select('1.1.2');
  assert.equal(await ws.item('1.1.2').getByTestId('yes').isChecked(), true);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

/**
 * Two tabs on one draft. A answers 1.1.2 "yes" and 1.1.3 9/10 and saves; B, which had the draft
 * open with nothing unsaved, simply follows. Then B answers 1.1.2 "no" and, while that is not yet
 * saved, A changes 1.1.3 to 8/10 and saves at once (the page being hidden): B now holds unsaved
 * edits on an outdated version. B goes on to answer 1.1.1 "khong" and 1.1.3 5/10, and stays on 1.1.3.
 */
async function twoTabsEditingOneDraft() {
  const { context, page: a, watch } = await openApp(browser);
  const id = await new StartPage(a).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const b = await context.newPage();
  watchPage(b, watch);
  const wsA = new Workspace(a);
  const wsB = new Workspace(b);
  await wsB.goto(id, '1.1.2');

  await wsA.select('1.1.2');
  await wsA.answer(node('1.1.2'), { kind: 'yes_no', yes: true });
  await wsA.select('1.1.3');
  await wsA.answer(node('1.1.3'), { kind: 'ratio', numerator: 9, denominator: 10 });
  await eventually(async () => assert.deepEqual((await readStored(a, id)).answers.items, {
    '1.1.2': { value: { kind: 'yes_no', yes: true } },
    '1.1.3': { value: { kind: 'ratio', numerator: 9, denominator: 10 } },
  }));
  await wsA.waitSaved();
  // B had nothing unsaved: it follows A without asking.
  await eventually(async () => assert.equal(await wsB.item('1.1.2').getByTestId('yes').isChecked(), true));
  assert.equal(await wsB.conflict.count(), 0);

  await wsB.answer(node('1.1.2'), { kind: 'yes_no', yes: false });
  await wsA.item('1.1.3').getByTestId('numerator').fill('8');
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await eventually(async () => assert.deepEqual((await readStored(a, id)).answers.items['1.1.3'],
    { value: { kind: 'ratio', numerator: 8, denominator: 10 } }));
  const savedByA = await readRaw(a, draftKey(id));

  await wsB.conflict.waitFor();
  await waitForText(wsB.saveStatus, SAVE_CONFLICT);
  await wsB.select('1.1.1');
  await wsB.answer(node('1.1.1'), { kind: 'level', id: 'khong' });
  await wsB.select('1.1.3');
  await wsB.answer(node('1.1.3'), { kind: 'ratio', numerator: 5, denominator: 10 });
  await b.waitForTimeout(PAST_AUTOSAVE);
  assert.equal(await readRaw(b, draftKey(id)), savedByA, "B does not overwrite A's saved answers before the user chooses");
  return { context, a, b, wsA, wsB, id, watch, savedByA };
}

test('two tabs editing one draft: a tab with unsaved edits shows the conflict and, on keep-mine, writes its own version', async () => {
  const { context, b, wsA, wsB, id, watch, savedByA } = await twoTabsEditingOneDraft();
  const revisionA = JSON.parse(savedByA).revision;

  await wsB.conflict.getByTestId('keep-mine').click();
  await eventually(async () => {
    const stored = await readStored(b, id);
    assert.deepEqual(stored.answers.items, {
      '1.1.1': { value: { kind: 'level', id: 'khong' } },
      '1.1.2': { value: { kind: 'yes_no', yes: false } },
      '1.1.3': { value: { kind: 'ratio', numerator: 5, denominator: 10 } },
    });
    assert.ok(stored.revision > revisionA, `revision ${stored.revision} follows A's ${revisionA}`);
  });
  await wsB.waitSaved();
  assert.equal(await wsB.conflict.count(), 0);
  // Tab A has nothing unsaved: it follows the version B kept.
  await eventually(async () => assert.equal(await wsA.treePoints('1.1.2'), '0/1'));
  assert.equal(await wsA.conflict.count(), 0);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('two tabs editing one draft: taking the other tab’s version shows its answers, in the open item too, and writes nothing', async () => {
  const { context, b, wsB, id, watch, savedByA } = await twoTabsEditingOneDraft();
  await wsB.conflict.getByTestId('take-other').click();
  await eventually(async () => assert.equal(await wsB.conflict.count(), 0));
  await wsB.waitSaved();
  assert.equal(await wsB.totalPoints.textContent(), '2,00 / 100');
  assert.equal(await wsB.treePoints('1.1.2'), '1/1');
  assert.equal(await wsB.treePoints('1.1.1'), '0/1');
  assert.match(await wsB.treeLink('1.1.1').textContent(), /chưa trả lời/, "B's own answer to 1.1.1 is dropped");
  await b.waitForTimeout(PAST_AUTOSAVE);
  assert.equal(await readRaw(b, draftKey(id)), savedByA, 'taking the stored version writes nothing');

  // The item that was open in B while it took A's version shows A's answer, not B's typing.
  const area = wsB.item('1.1.3');
  assert.deepEqual({
    numerator: await area.getByTestId('numerator').inputValue(),
    denominator: await area.getByTestId('denominator').inputValue(),
    ratio: await area.getByTestId('ratio-percent').textContent(),
    points: await wsB.itemPoints('1.1.3').textContent(),
  }, { numerator: '8', denominator: '10', ratio: 'Tỷ lệ: 80 %', points: 'Điểm hiện tại: 1 / 2' });
  await wsB.select('1.1.2');
  assert.equal(await wsB.item('1.1.2').getByTestId('yes').isChecked(), true);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});
