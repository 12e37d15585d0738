import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openApp } from './browser.js';
import {
  StartPage, Workspace, loadFramework, scoredItems, nodeByCode, planAnswers, scoreNatively,
  fmt, fmtShort, readStored, eventually, waitForText, focused, tabTo,
} from './pages.js';

const FW_ID = 'soc-trang-cap-so';
const fw = loadFramework(FW_ID);
const items = scoredItems(fw);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DOC = {
  number: '12/KH-SNV',
  date: '2025-01-15',
  issuer: 'Sở Nội vụ',
  title: 'Kế hoạch cải cách hành chính năm 2025',
  section: 'Mục II',
};
const EXPLANATION = 'Báo cáo kết quả đang chờ Giám đốc Sở phê duyệt; sẽ bổ sung khi thẩm định.';

/** What the tree shows for an item, from the scorer's node. */
function treePointsFor(node, score) {
  if (node.block === 'penalty' && Number(score.points) > 0) return `−${fmtShort(score.points)}`;
  return `${fmtShort(score.points)}/${fmtShort(score.applicable_max)}`;
}

test('answering every item of the cấp sở framework through the UI gives the native scorer’s totals, index and component indexes', { timeout: 120_000 }, async () => {
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  const id = await start.createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  assert.equal(await page.getByTestId('draft-unit').textContent(), 'Sở Nội vụ');
  assert.equal(items.length, 85, 'the framework file has 85 scored items');

  const plan = planAnswers(fw);
  const expected = {};
  for (const node of items) {
    await ws.select(node.code);
    assert.equal(await ws.treeLink(node.code).getAttribute('aria-current'), 'page', `${node.code} is the selected item`);
    const value = plan.get(node.code);
    await ws.answer(node, value);
    expected[node.code] = { value };
  }
  // Evidence: a document registered on 1.1.1 and attached to 1.1.2 as well; a giải trình on 1.1.3.
  await ws.select('1.1.1');
  await ws.addDocument(DOC);
  await waitForText(ws.evidenceList(), /12\/KH-SNV ngày 15\/01\/2025 của Sở Nội vụ — Kế hoạch cải cách hành chính năm 2025 \(Mục II\)/);
  await ws.select('1.1.2');
  await ws.attachExisting('tl1');
  await waitForText(ws.evidenceList(), /12\/KH-SNV/);
  await ws.select('1.1.3');
  await ws.explanation().fill(EXPLANATION);
  expected['1.1.1'].evidence = ['tl1'];
  expected['1.1.2'].evidence = ['tl1'];
  expected['1.1.3'].explanation = EXPLANATION;
  const evidence = [{ id: 'tl1', ...DOC }];

  // What the app saved is exactly what the test meant to answer.
  await eventually(async () => {
    const stored = await readStored(page, id);
    assert.deepEqual(stored.answers.items, expected);
    assert.deepEqual(stored.answers.evidence, evidence);
  }, { timeout: 5000 });
  await ws.waitSaved();

  // The exported file carries the same answers.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-draft').click()]);
  assert.equal(download.suggestedFilename(), 'CCHC-2025-So-Noi-vu-tu-danh-gia.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(exported.answers, { year: 2025, items: expected, evidence });
  assert.deepEqual([exported.framework.id, exported.framework.version], [FW_ID, fw.version]);
  assert.equal(exported.framework.outline.length, 85, 'the file carries the framework outline');
  assert.match(exported.checksum, /^sha256:[0-9a-f]{64}$/);

  const card = scoreNatively(FW_ID, { year: 2025, items: expected, evidence });
  assert.equal(exported.scorecard.total, card.total, "the file's score snapshot is the core's");
  assert.equal(await ws.totalPoints.textContent(), `${fmt(card.total)} / ${fmtShort(card.applicable_max)}`);
  assert.equal(await ws.indexPercent.textContent(), `${fmt(card.index)} %`);
  assert.equal(await ws.progress.textContent(), `${card.answered}/${card.applicable}`);
  // Every item's points in the tree.
  const shown = {};
  const wanted = {};
  for (const node of items) {
    shown[node.code] = await ws.treePoints(node.code);
    wanted[node.code] = treePointsFor(node, card.nodes[node.code]);
  }
  assert.deepEqual(shown, wanted);

  const summary = await ws.openSummary();
  assert.equal(await summary.total.textContent(), `${fmt(card.total)} / ${fmt(card.applicable_max)}`);
  assert.match(await summary.index.textContent(), new RegExp(`^${fmt(card.index).replace('.', '\\.')} % · `));
  assert.equal(await summary.selfScored.textContent(), `${fmt(card.self_scored)} / ${fmt(card.self_applicable_max)}`);
  assert.equal(await summary.surveyPart.textContent(), `${fmt(card.survey)} / ${fmt(card.survey_max)}`);
  assert.equal(await summary.likelyTotal.textContent(), `${fmt(card.likely_total)} / ${fmt(card.applicable_max)}`);
  const shownFields = {};
  const wantedFields = {};
  for (const f of card.fields.filter((f) => f.block === 'regular')) {
    shownFields[f.code] = await summary.fieldIndex(f.code).textContent();
    wantedFields[f.code] = `${fmt(f.index)} %`;
  }
  assert.deepEqual(shownFields, wantedFields);
  assert.equal(Object.keys(wantedFields).length, 8, 'eight ordinary fields');
  await summary.chart.waitFor();

  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});

test('after a reload every answer, the evidence, the giải trình and the note are restored with their points', async () => {
  const { context, page, watch } = await openApp(browser);
  const id = await new StartPage(page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  const answers = [
    ['1.1.1', { kind: 'level', id: 'cham' }],
    ['1.1.2', { kind: 'yes_no', yes: true }],
    ['1.1.3', { kind: 'ratio', numerator: 9, denominator: 10 }],
    ['1.2.1', { kind: 'checklist', ticked: ['nam', 'quy-1'] }],
    ['1.3.1', { kind: 'yes_no', yes: false }],
    ['1.5.1', { kind: 'count', count: 1 }],
    ['1.7.1', { kind: 'estimate', points: '1.25' }],
    ['2.1.1', { kind: 'no_task' }],
    ['3.1.1', { kind: 'not_applicable', reason: 'Sở không có thủ tục hành chính thuộc thẩm quyền' }],
    ['3.2.1', { kind: 'ratio', numerator: 0, denominator: 0 }],
    ['10.2', { kind: 'count', count: 3 }],
  ];
  for (const [code, value] of answers) {
    await ws.select(code);
    await ws.answer(nodeByCode(fw, code), value);
  }
  await ws.select('1.1.1');
  await ws.addDocument(DOC);
  await ws.select('1.1.3');
  await ws.explanation().fill(EXPLANATION);
  await ws.note().fill('Đã liên hệ Văn phòng Sở.');
  await eventually(async () => {
    const stored = await readStored(page, id);
    assert.equal(stored.answers.items['1.1.3']?.note, 'Đã liên hệ Văn phòng Sở.');
  });
  await ws.waitSaved();

  const before = { total: await ws.totalPoints.textContent(), index: await ws.indexPercent.textContent(), points: {} };
  for (const [code] of answers) {
    await ws.select(code);
    before.points[code] = await ws.itemPoints(code).textContent();
  }

  await page.reload();
  await ws.totalPoints.waitFor();
  assert.equal(await ws.totalPoints.textContent(), before.total);
  assert.equal(await ws.indexPercent.textContent(), before.index);
  for (const [code, value] of answers) {
    await ws.select(code);
    const shownValue = value.kind === 'estimate' ? { kind: 'estimate', text: fmtShort(value.points) } : value;
    assert.deepEqual(await ws.readAnswer(nodeByCode(fw, code)), shownValue, `the answer to ${code} is restored`);
    assert.equal(await ws.itemPoints(code).textContent(), before.points[code], `the points of ${code} are restored`);
  }
  await ws.select('1.1.1');
  assert.match(await ws.evidenceList().textContent(), /12\/KH-SNV ngày 15\/01\/2025 của Sở Nội vụ — Kế hoạch cải cách hành chính năm 2025 \(Mục II\)/);
  await ws.select('1.1.3');
  assert.equal(await ws.explanation().inputValue(), EXPLANATION);
  assert.equal(await ws.note().inputValue(), 'Đã liên hệ Văn phòng Sở.');
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('an edit made just before the page is reloaded is saved on pagehide, without waiting for the autosave delay', async () => {
  const { context, page, watch } = await openApp(browser);
  const id = await new StartPage(page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  await ws.select('1.5.1');
  await ws.answer(nodeByCode(fw, '1.5.1'), { kind: 'count', count: 2 });
  await ws.explanation().fill('Hai sáng kiến được công nhận.');
  await page.reload();
  await ws.totalPoints.waitFor();
  assert.deepEqual((await readStored(page, id)).answers.items['1.5.1'], {
    value: { kind: 'count', count: 2 },
    explanation: 'Hai sáng kiến được công nhận.',
  });
  assert.equal(await ws.item('1.5.1').getByTestId('count').inputValue(), '2');
  assert.equal(await ws.itemPoints('1.5.1').textContent(), 'Điểm hiện tại: 1,5 / 1,5');
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('clearing an answer empties its input, its points and its stored entry, for every kind of rule', async () => {
  const { context, page, watch } = await openApp(browser);
  const id = await new StartPage(page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  const answers = [
    ['1.1.1', { kind: 'level', id: 'dung-han' }],
    ['1.1.2', { kind: 'yes_no', yes: true }],
    ['1.1.3', { kind: 'ratio', numerator: 9, denominator: 10 }],
    ['1.2.1', { kind: 'checklist', ticked: ['nam', 'quy-1'] }],
    ['1.5.1', { kind: 'count', count: 2 }],
    ['1.7.1', { kind: 'estimate', points: '1.50' }],
    ['2.1.2', { kind: 'no_task' }],
    ['3.1.1', { kind: 'not_applicable', reason: 'Không có thủ tục' }],
  ];
  const shown = {};
  const wanted = {};
  for (const [code, value] of answers) {
    const node = nodeByCode(fw, code);
    await ws.select(code);
    await ws.answer(node, value);
    await eventually(async () => assert.notEqual(await ws.item(code).getByTestId('clear-answer').isDisabled(), true));
    await ws.item(code).getByTestId('clear-answer').click();
    const pointsText = node.rule.kind === 'survey' ? `Ước tính điều tra xã hội học: 0 / ${fmtShort(node.max)}` : `Điểm hiện tại: 0 / ${fmtShort(node.max)}`;
    await waitForText(ws.itemPoints(code), pointsText);
    shown[code] = {
      answer: await ws.readAnswer(node),
      points: await ws.itemPoints(code).textContent(),
      clearDisabled: await ws.item(code).getByTestId('clear-answer').isDisabled(),
    };
    wanted[code] = { answer: null, points: pointsText, clearDisabled: true };
  }
  const differing = Object.keys(wanted).filter((c) => JSON.stringify(shown[c]) !== JSON.stringify(wanted[c]));
  assert.deepEqual(shown, wanted, `after "Xóa câu trả lời" these items still show something: ${differing.join(', ')}`);
  assert.equal(await ws.totalPoints.textContent(), '0,00 / 100');
  await eventually(async () => assert.deepEqual((await readStored(page, id)).answers.items, {}));
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the English switch on the workspace turns the labels to English and the numbers to a decimal point', async () => {
  const { context, page, watch } = await openApp(browser);
  await new StartPage(page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  const answers = { '1.1.1': { kind: 'level', id: 'cham' }, '1.1.3': { kind: 'ratio', numerator: 7, denominator: 10 }, '1.7.1': { kind: 'estimate', points: '1.25' } };
  for (const [code, value] of Object.entries(answers)) {
    await ws.select(code);
    await ws.answer(nodeByCode(fw, code), value);
  }
  const card = scoreNatively(FW_ID, { year: 2025, items: Object.fromEntries(Object.entries(answers).map(([c, v]) => [c, { value: v }])) });
  assert.notEqual(card.total.split('.')[1], '00', 'the total has decimals worth showing');
  await waitForText(ws.totalPoints, `${fmt(card.total)} / ${fmtShort(card.applicable_max)}`);
  assert.equal(await ws.indexPercent.textContent(), `${fmt(card.index)} %`);
  await waitForText(ws.itemPoints('1.7.1'), 'Ước tính điều tra xã hội học: 1,25 / 2');
  await ws.waitSaved();

  await page.getByTestId('lang-switch').click();
  await waitForText(ws.totalPoints, `${fmt(card.total, 'en')} / ${fmtShort(card.applicable_max, 'en')}`);
  assert.equal(await ws.indexPercent.textContent(), `${fmt(card.index, 'en')} %`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('.totals dt').first().textContent(), 'Total points');
  assert.equal(await page.getByTestId('to-summary').textContent(), 'Summary');
  assert.match(await ws.saveStatus.textContent(), /^Saved at \d\d:\d\d:\d\d$/);
  assert.equal(await ws.itemPoints('1.7.1').textContent(), 'Survey estimate: 1.25 / 2');
  await ws.select('1.1.3');
  assert.equal(await ws.itemPoints('1.1.3').textContent(), 'Points now: 1 / 2');
  assert.equal(await ws.item('1.1.3').getByTestId('ratio-percent').textContent(), 'Ratio: 70 %');
  assert.equal(await ws.why('1.1.3').locator('summary').textContent(), 'Why these points?');
  await ws.select('1.1.1');
  assert.match(await ws.item('1.1.1').textContent(), /Issued late \(0\.5 pts\)/);
  assert.equal(await page.evaluate(() => localStorage.getItem('cchc.v1.lang')), 'en');

  const summary = await ws.openSummary();
  assert.equal(await summary.total.textContent(), `${fmt(card.total, 'en')} / ${fmt(card.applicable_max, 'en')}`);
  assert.equal(await summary.fieldIndex('1').textContent(), `${fmt(card.fields[0].index, 'en')} %`);
  await page.reload();
  await summary.total.waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the choice survives a reload');
  assert.equal(await summary.total.textContent(), `${fmt(card.total, 'en')} / ${fmt(card.applicable_max, 'en')}`);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('a keyboard user creates a draft, moves through the tree with the arrow keys and answers an item', async (t) => {
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  const kb = page.keyboard;

  await tabTo(page, `choose-framework-${FW_ID}`);
  await kb.press('ArrowDown');
  assert.equal(await focused(page), 'choose-framework-mau-cap-xa');
  assert.equal(await page.getByTestId('choose-framework-mau-cap-xa').isChecked(), true);
  await kb.press('ArrowUp');
  assert.equal(await page.getByTestId(`choose-framework-${FW_ID}`).isChecked(), true);

  await kb.press('Tab');
  assert.equal(await focused(page), 'choose-unit');
  const options = await page.getByTestId('choose-unit').locator('option').evaluateAll((os) => os.map((o) => o.value));
  for (let i = 0; i < options.indexOf('so-noi-vu'); i++) await kb.press('ArrowDown');
  assert.equal(await page.getByTestId('choose-unit').inputValue(), 'so-noi-vu');

  await kb.press('Tab');
  assert.equal(await focused(page), 'assessed-year');
  await kb.press('Control+A');
  await kb.type('2025');
  await kb.press('Tab');
  assert.equal(await focused(page), 'create-draft');
  await kb.press('Enter');
  await page.waitForURL(/#\/d\/[^/]+$/);
  const ws = new Workspace(page);
  await ws.totalPoints.waitFor();
  assert.equal(await page.getByTestId('draft-unit').textContent(), 'Sở Nội vụ');

  await tabTo(page, /^tree-/);
  assert.equal(await focused(page), 'tree-1.1.1', 'the first link reached in the tree is the first item');
  await kb.press('End');
  assert.equal(await focused(page), `tree-${items.at(-1).code}`);
  await kb.press('Home');
  assert.equal(await focused(page), 'tree-1.1.1');
  await kb.press('ArrowDown');
  assert.equal(await focused(page), 'tree-1.1.2');
  await kb.press('ArrowDown');
  assert.equal(await focused(page), 'tree-1.1.3');
  await kb.press('ArrowUp');
  await kb.press('ArrowDown');
  assert.equal(await focused(page), 'tree-1.1.3');
  await kb.press('Enter');
  await page.waitForURL(/\/i\/1\.1\.3$/);
  await ws.item('1.1.3').waitFor();
  assert.equal(await ws.itemPoints('1.1.3').textContent(), 'Điểm hiện tại: 0 / 2');

  const presses = await tabTo(page, 'numerator', { max: 120 });
  await kb.type('9');
  await kb.press('Tab');
  assert.equal(await focused(page), 'denominator');
  await kb.type('10');
  await waitForText(ws.itemPoints('1.1.3'), 'Điểm hiện tại: 1 / 2');
  assert.equal(await ws.item('1.1.3').getByTestId('ratio-percent').textContent(), 'Tỷ lệ: 90 %');
  assert.equal(await ws.totalPoints.textContent(), '1,00 / 100');
  t.diagnostic(`Tab presses from the tree link to the item's first input: ${presses}`);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the start page, the workspace and the summary log no console error and make no request outside the app', async () => {
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  const id = await start.createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  await ws.select('1.1.3');
  await ws.answer(nodeByCode(fw, '1.1.3'), { kind: 'ratio', numerator: 7, denominator: 10 });
  await ws.openWhy('1.1.3');
  await waitForText(ws.why('1.1.3').locator('li').nth(1), /= 70 %$/);
  await page.getByTestId('next-item').click();
  await ws.item('1.2.1').waitFor();
  await page.getByTestId('prev-item').click();
  await ws.item('1.1.3').waitFor();
  await ws.waitSaved();
  const summary = await ws.openSummary();
  await summary.chart.waitFor();
  const firstLoss = summary.losses.locator('a').first();
  const lossCode = (await firstLoss.getAttribute('data-testid')).replace(/^loss-/, '');
  await firstLoss.click();
  await ws.item(lossCode).waitFor();
  await page.getByTestId('home').click();
  await start.draftRow(id).waitFor();
  await page.getByTestId('lang-switch').click();
  await waitForText(page.getByTestId('app-title'), 'Public Administration Reform Index self-assessment');
  await page.goto(new URL(`#/d/${id}/tong-hop`, page.url()).href);
  await page.reload();
  await summary.total.waitFor();
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});
