// Trainer mode: the criteria browser (search with or without diacritics, each item's guidance,
// evidence expected and a worked example that agrees with the core's scorer), the sample unit
// opened as a sandbox for what-ifs that is never stored, and the presenter view driven from the
// keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './browser.js';
import {
  TrainerPage, Presenter, StartPage, Workspace, loadFramework, scoredItems, nodeByCode, fold, fmt,
  fmtShort, scoreNatively, storedKeys, eventually, waitForText, downloadFrom, DRAFT_PREFIX,
} from './pages.js';

const FW_ID = 'soc-trang-cap-so';
const fw = loadFramework(FW_ID);
const items = scoredItems(fw);
const huyen = loadFramework('soc-trang-cap-huyen');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function assertQuiet(watch) {
  assert.deepEqual(watch.consoleErrors, [], 'no console errors');
  assert.deepEqual(watch.outsideRequests, [], 'no request leaves the app');
}

/** The codes the search should find: the query folded, in an item's code, title or guidance. */
function codesMatching(framework, query) {
  const q = fold(query.trim());
  return scoredItems(framework)
    .filter((n) => fold([n.code, n.title.vi, n.title.en ?? '', n.guidance?.vi ?? ''].join(' ')).includes(q))
    .map((n) => n.code);
}

/** Types `query` in the search box and waits for the list to settle on `codes`. */
async function searchFor(trainer, query, codes) {
  await trainer.search.fill(query);
  await waitForText(trainer.count, `${codes.length} tiêu chí`);
  await eventually(async () => assert.deepEqual(await trainer.shownCodes(), codes, `the items found for ${JSON.stringify(query)}`));
}

/** Hundredths ← "85.29"; and the index the core gives for `total` of `max` (both hundredths). */
const hundredths = (text) => Math.round(Number(text) * 100);
const indexOf = (total, max) => {
  const num = total * 10000;
  const q = Math.floor(num / max);
  return 2 * (num - q * max) >= max ? q + 1 : q;
};
const pts = (h) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;

// ---------------------------------------------------------------- the criteria browser

test('searching “thu tuc” without diacritics finds the items whose titles contain “thủ tục”, the count says how many, and the query typed with diacritics, in capitals or as decomposed Unicode finds the same', async () => {
  const { context, page, watch } = await openApp(browser);
  const trainer = new TrainerPage(page);
  await trainer.goto();
  assert.equal(await trainer.framework.inputValue(), FW_ID, 'the sở framework is chosen first');
  await waitForText(trainer.count, `${items.length} tiêu chí`);
  assert.deepEqual(await trainer.shownCodes(), items.map((n) => n.code), 'every item, in the framework’s order');

  const withThuTuc = items.filter((n) => n.title.vi.toLowerCase().includes('thủ tục')).map((n) => n.code);
  assert.ok(withThuTuc.length > 0, 'the framework has items titled with “thủ tục”');
  const found = codesMatching(fw, 'thu tuc');
  for (const query of ['thu tuc', 'thủ tục', 'THỦ TỤC', '  Thu Tuc ', 'thủ tục'.normalize('NFD')]) {
    await searchFor(trainer, query, found);
  }
  const shown = await trainer.shownCodes();
  assert.deepEqual(withThuTuc.filter((c) => !shown.includes(c)), [], 'every item titled “thủ tục” is found');
  for (const code of shown) {
    assert.match(fold(await trainer.card(code).textContent()), /thu tuc/, `${code} mentions thủ tục`);
  }

  // A query with many hits, and one with none.
  const keHoach = codesMatching(fw, 'kế hoạch');
  assert.ok(keHoach.length > 5);
  await searchFor(trainer, 'ke hoach', keHoach);
  await searchFor(trainer, 'kế hoạch', keHoach);
  await searchFor(trainer, 'không có tiêu chí nào như thế này', []);
  await searchFor(trainer, '', items.map((n) => n.code));

  // The other framework: its own items are searched.
  await trainer.framework.selectOption('soc-trang-cap-huyen');
  await eventually(async () => assert.equal(await trainer.openSample.getAttribute('href'), '#/d/mau.soc-trang-cap-huyen', 'the sample follows the framework chosen'));
  const motCua = codesMatching(huyen, 'một cửa');
  assert.ok(motCua.length > 0);
  await searchFor(trainer, 'mot cua', motCua);
  await searchFor(trainer, 'một cửa', motCua);
  assertQuiet(watch);
  await context.close();
});

test('every card shows the item’s max and rule, its guidance, the evidence expected and a worked example whose lines end in the points the core’s scorer gives the sample unit', async () => {
  const { context, page, watch } = await openApp(browser);
  // The sample's answers, as the sandbox exports them, scored natively.
  await page.goto(new URL(`#/d/mau.${FW_ID}`, page.url()).href);
  const ws = new Workspace(page);
  await ws.totalPoints.waitFor();
  const exported = await downloadFrom(page, () => page.getByTestId('export-draft').click());
  const sample = JSON.parse(exported.bytes.toString('utf8'));
  const native = scoreNatively(FW_ID, sample.answers);

  const trainer = new TrainerPage(page);
  await trainer.goto();
  const cards = await trainer.browser.locator(':scope > li').evaluateAll((lis) => lis.map((li) => ({
    code: li.dataset.testid.replace(/^criterion-/, ''),
    heading: li.querySelector('h3').textContent,
    meta: li.querySelector('p.muted').textContent,
    paragraphs: [...li.querySelectorAll(':scope > p:not(.muted)')].map((p) => p.textContent),
    summary: li.querySelector('details > summary')?.textContent ?? null,
    open: li.querySelector('details')?.open ?? null,
    example: [...li.querySelectorAll('details li')].map((l) => l.textContent),
  })));
  assert.equal(cards.length, items.length);

  const wrong = [];
  for (const [i, card] of cards.entries()) {
    const node = items[i];
    const n = native.nodes[node.code];
    const want = [];
    const say = (what, ok) => { if (!ok) want.push(what); };
    say('its code', card.code === node.code);
    say('its title', card.heading === `${node.code} ${node.title.vi}`);
    say('its max', card.meta.startsWith(`Điểm tối đa ${fmtShort(node.max)} · `));
    say('its guidance', card.paragraphs.includes(`Hướng dẫn chấm: ${node.guidance.vi}`));
    say('its evidence', card.paragraphs.includes(`Tài liệu kiểm chứng cần có: ${node.evidence.vi}`));
    say('a closed worked example', card.summary === 'Ví dụ tính điểm (đơn vị mẫu)' && card.open === false);
    const rule = card.meta.split(' · ')[1];
    say('the rule as the first step', card.example[0] === `Cách chấm: ${rule}`);
    const last = card.example.at(-1) ?? '';
    if (n.status === 'not_applicable') {
      say('“không áp dụng”', /^Không áp dụng \(lý do: .+\)/.test(last));
    } else if (node.block === 'penalty') {
      say(`the penalty ${n.points}`, last === (n.points === '0.00' ? 'Không bị trừ điểm' : `Điểm trừ: −${fmtShort(n.points)}`));
    } else if (node.rule.kind === 'survey') {
      say(`the estimate ${n.survey_points}`, last === `Điểm: ${fmtShort(n.survey_points)} / ${fmtShort(n.max)}`);
    } else {
      say(`the points ${n.points}`, last === `Điểm: ${fmtShort(n.points)} / ${fmtShort(n.max)}`);
    }
    say('steps between rule and result', card.example.length >= 2);
    if (want.length) wrong.push(`${node.code} lacks ${want.join(', ')}: ${JSON.stringify(card)}`);
  }
  assert.deepEqual(wrong, []);

  // The example opens on a click.
  const details = trainer.card('1.1.3').locator('details');
  await details.locator('summary').click();
  await eventually(async () => assert.equal(await details.evaluate((d) => d.open), true));
  assert.equal(await details.locator('li').last().isVisible(), true);
  assertQuiet(watch);
  await context.close();
});

// ---------------------------------------------------------------- the sandbox

test('the sample opens as a sandbox where what-if answers move the item’s points, the total and the index, reset brings the sample back, and nothing is ever stored or listed as a draft', async () => {
  const { context, page, watch } = await openApp(browser);
  const trainer = new TrainerPage(page);
  await trainer.goto();
  assert.equal(await trainer.openSample.getAttribute('href'), `#/d/mau.${FW_ID}`);
  await trainer.openSample.click();
  await page.waitForURL(new RegExp(`#/d/mau\\.${FW_ID}$`));
  const ws = new Workspace(page);
  await ws.totalPoints.waitFor();
  const banner = page.getByTestId('sandbox-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /đơn vị mẫu để thực hành/);
  assert.equal(await page.getByTestId('sandbox-reset').textContent(), 'Đặt lại bản mẫu');
  assert.equal(await ws.saveStatus.textContent(), 'Bản mẫu — không lưu');
  assert.equal(await page.getByTestId('draft-unit').textContent(), 'Đơn vị mẫu (thực hành)');

  // The sample as the core scores it.
  const exported = await downloadFrom(page, () => page.getByTestId('export-draft').click());
  const sample = JSON.parse(exported.bytes.toString('utf8'));
  const native = scoreNatively(FW_ID, sample.answers);
  const sampleTotal = `${fmt(native.total)} / ${fmtShort(native.applicable_max)}`;
  const sampleIndex = `${fmt(native.index)} %`;
  assert.equal(await ws.totalPoints.textContent(), sampleTotal);
  assert.equal(await ws.indexPercent.textContent(), sampleIndex);
  assert.equal(sample.answers.items['1.1.1'].value.id, 'dung-han');
  assert.deepEqual(sample.answers.items['1.1.2'].value, { kind: 'yes_no', yes: true });

  // What if the plan had been issued late, and 1.1.2 not done?
  await ws.select('1.1.1');
  assert.equal(await ws.treePoints('1.1.1'), '1/1');
  assert.equal(await ws.itemPoints('1.1.1').textContent(), 'Điểm hiện tại: 1 / 1');
  await ws.answer(nodeByCode(fw, '1.1.1'), { kind: 'level', id: 'cham' });
  await waitForText(ws.itemPoints('1.1.1'), 'Điểm hiện tại: 0,5 / 1');
  assert.equal(await ws.treePoints('1.1.1'), '0,5/1');
  const max = hundredths(native.applicable_max);
  let total = hundredths(native.total) - 50;
  await waitForText(ws.totalPoints, `${fmt(pts(total))} / ${fmtShort(native.applicable_max)}`);
  await waitForText(ws.indexPercent, `${fmt(pts(indexOf(total, max)))} %`);
  await ws.select('1.1.2');
  await ws.answer(nodeByCode(fw, '1.1.2'), { kind: 'yes_no', yes: false });
  total -= 100;
  await waitForText(ws.totalPoints, `${fmt(pts(total))} / ${fmtShort(native.applicable_max)}`);
  await waitForText(ws.indexPercent, `${fmt(pts(indexOf(total, max)))} %`);
  assert.equal(await ws.treePoints('1.1.2'), '0/1');
  assert.equal(await ws.groupPoints('1.1'), `${fmtShort(pts(hundredths(native.nodes['1.1'].points) - 150))}/4`);

  // Past the autosave delay, and through the flush on leaving the page, still nothing stored.
  await page.waitForTimeout(600);
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await ws.saveStatus.textContent(), 'Bản mẫu — không lưu');
  assert.deepEqual((await storedKeys(page)).filter((k) => k.startsWith(DRAFT_PREFIX)), [], 'no draft key after what-ifs');

  // Reset: the sample as shipped.
  await page.getByTestId('sandbox-reset').click();
  await waitForText(ws.totalPoints, sampleTotal);
  await waitForText(ws.indexPercent, sampleIndex);
  await ws.select('1.1.1');
  assert.equal(await ws.item('1.1.1').getByTestId('level-dung-han').isChecked(), true);
  assert.equal(await ws.treePoints('1.1.1'), '1/1');
  await ws.select('1.1.2');
  assert.equal(await ws.item('1.1.2').getByTestId('yes').isChecked(), true);
  await banner.waitFor();
  assert.equal(await ws.saveStatus.textContent(), 'Bản mẫu — không lưu');

  // An edit, then a reload: the sample comes back as shipped (the edit was never kept).
  await ws.answer(nodeByCode(fw, '1.1.2'), { kind: 'yes_no', yes: false });
  await waitForText(ws.totalPoints, `${fmt(pts(hundredths(native.total) - 100))} / ${fmtShort(native.applicable_max)}`);
  await page.waitForTimeout(400);
  await page.reload();
  await ws.totalPoints.waitFor();
  await waitForText(ws.totalPoints, sampleTotal);

  // The start page lists no draft, and localStorage holds none.
  await page.getByTestId('home').click();
  const start = new StartPage(page);
  await start.ready();
  await waitForText(start.draftList.getByText('Chưa có bản tự đánh giá nào trên máy này.'), 'Chưa có bản tự đánh giá nào trên máy này.');
  assert.equal(await start.draftRows().count(), 0, 'the sandbox is not in the draft list');
  assert.equal(await page.locator('[data-testid^="draft-mau"]').count(), 0);
  assert.doesNotMatch(await page.locator('main').textContent(), /Đơn vị mẫu \(thực hành\)/);
  assert.deepEqual((await storedKeys(page)).filter((k) => k.startsWith(DRAFT_PREFIX)), [], 'no cchc.v1.draft.* key');
  assertQuiet(watch);
  await context.close();
});

test('a self-assessment created from the start page after practising in the sandbox is saved as usual and shows no sample banner', async () => {
  const { context, page, watch } = await openApp(browser, { path: `#/d/mau.${FW_ID}` });
  const ws = new Workspace(page);
  await ws.totalPoints.waitFor();
  await page.getByTestId('sandbox-banner').waitFor();
  await ws.select('1.1.2');
  await ws.answer(nodeByCode(fw, '1.1.2'), { kind: 'yes_no', yes: false });
  await page.getByTestId('home').click();
  const start = new StartPage(page);
  const id = await start.createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  assert.doesNotMatch(id, /^mau\./);
  assert.equal(await page.getByTestId('draft-unit').textContent(), 'Sở Nội vụ');
  await ws.waitSaved();
  assert.equal(await page.getByTestId('sandbox-banner').count(), 0, 'a real draft is not a sample');
  assert.deepEqual((await storedKeys(page)).filter((k) => k.startsWith(DRAFT_PREFIX)), [`${DRAFT_PREFIX}${id}`]);
  await ws.select('1.1.1');
  await ws.answer(nodeByCode(fw, '1.1.1'), { kind: 'level', id: 'cham' });
  await ws.waitSaved();
  await page.getByTestId('home').click();
  await start.draftRow(id).waitFor();
  assert.equal(await start.draftRows().count(), 1);
  assertQuiet(watch);
  await context.close();
});

// ---------------------------------------------------------------- the presenter view

test('the presenter view shows one item per screen and moves with ArrowRight and PageDown, back with ArrowLeft and PageUp and with its buttons, stopping at the first and the last item', async () => {
  const { context, page, watch } = await openApp(browser);
  const trainer = new TrainerPage(page);
  await trainer.goto();
  await trainer.toPresenter.click();
  await page.waitForURL(/#\/huong-dan\/trinh-chieu$/);
  const p = new Presenter(page);
  await p.position.waitFor();
  const n = items.length;
  const at = async (i) => {
    await waitForText(p.position, `${i + 1} / ${n}`);
    assert.equal(await p.title.textContent(), `${items[i].code} ${items[i].title.vi}`);
  };
  await at(0);
  assert.match(await p.root.textContent(), new RegExp(`Điểm tối đa ${fmtShort(items[0].max)}`));
  assert.ok((await p.root.locator('.slide-example li').count()) >= 2, 'the worked example is on the slide');
  assert.equal(await p.root.locator('.slide-guidance').textContent(), items[0].guidance.vi);

  await page.keyboard.press('ArrowRight');
  await at(1);
  await page.keyboard.press('PageDown');
  await at(2);
  await page.keyboard.press('ArrowLeft');
  await at(1);
  await page.keyboard.press('PageUp');
  await at(0);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('PageUp');
  await at(0);
  await p.next.click();
  await at(1);
  await p.prev.click();
  await at(0);

  for (let i = 1; i < n + 2; i++) await page.keyboard.press('ArrowRight');
  await at(n - 1);
  await page.keyboard.press('ArrowLeft');
  await at(n - 2);

  // Another framework: its own items.
  const huyenItems = scoredItems(huyen);
  await page.getByTestId('trainer-framework').selectOption('soc-trang-cap-huyen');
  await eventually(async () => assert.match(await p.title.textContent(), new RegExp(`^${huyenItems[n - 2].code.replace(/\./g, '\\.')} `)));

  // Leaving the view: the keys no longer move anything, and nothing fails.
  await page.getByTestId('nav-trainer').click();
  await trainer.browser.waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await p.root.count(), 0);
  assertQuiet(watch);
  await context.close();
});
