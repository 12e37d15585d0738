import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp } from './browser.js';
import { axeViolations, assertNone } from './axe.js';
import {
  CarryPanel, StartPage, TrainerPage, Presenter, EvaluatorPage, loadFramework, waitForText,
  fileOf, generateSubmissions, draftWithSomeAnswers,
} from './pages.js';

const FW_ID = 'soc-trang-cap-so';

let browser;
let scratch;
before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'cchc-a11y-'));
});
after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the start page, with a saved draft and an unreadable one listed, has no axe-core violation', async () => {
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  await start.createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  await page.evaluate(() => localStorage.setItem('cchc.v1.draft.broken', '{"format":"cchc-submission"'));
  await page.getByTestId('home').click();
  await start.ready();
  await start.unreadable.waitFor();
  await page.getByTestId('choose-unit').selectOption('__other');
  await page.getByTestId('unit-name').waitFor();
  assertNone(await axeViolations(page, 'start page'));
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the carry panel, with its account, a document of another year and a refusal, has no axe-core violation (the codes mapped by hand: carry.test.js)', async () => {
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  const { id } = await draftWithSomeAnswers(page);
  await start.goto();
  await start.draftRow(id).getByTestId('carry-draft').click();
  const carry = new CarryPanel(page);
  await carry.summary.waitFor();
  await carry.year.fill('2026');
  await carry.outsideYear.waitFor();
  const violations = await axeViolations(page, 'carry panel');
  await carry.framework.selectOption('mau-cap-xa@2025.1');
  await carry.refused.waitFor();
  violations.push(...await axeViolations(page, 'carry panel, refused'));
  assertNone(violations);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the workspace with an item selected and its “Vì sao” details open has no axe-core violation', async () => {
  const { context, page, watch } = await openApp(browser);
  const { ws } = await draftWithSomeAnswers(page);
  await ws.select('1.1.1');
  await ws.openWhy('1.1.1');
  await waitForText(ws.why('1.1.1').locator('li').first(), /.+/);
  await ws.openNewDocument();
  const violations = await axeViolations(page, 'workspace, item 1.1.1');

  // An item with issues, a ratio above 100 % and a not-applicable box without its reason.
  await ws.select('1.1.3');
  await ws.openWhy('1.1.3');
  await page.getByTestId('issues-1.1.3').waitFor();
  violations.push(...await axeViolations(page, 'workspace, item 1.1.3'));
  await ws.select('3.1.1');
  violations.push(...await axeViolations(page, 'workspace, item 3.1.1 not applicable without a reason'));
  assertNone(violations);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the summary page has no axe-core violation', async () => {
  const { context, page, watch } = await openApp(browser);
  const { ws } = await draftWithSomeAnswers(page);
  const summary = await ws.openSummary();
  await summary.chart.waitFor();
  assertNone(await axeViolations(page, 'summary page'));
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the report page, with its remarks filled in, has no axe-core violation', async () => {
  const { context, page, watch } = await openApp(browser);
  const { ws } = await draftWithSomeAnswers(page);
  const report = await ws.openReport();
  await report.remarks.fill('Khó khăn: thiếu công chức chuyên trách. Đề xuất: tập huấn nghiệp vụ.');
  await ws.waitSaved();
  await page.getByTestId('field-chart').waitFor();
  assertNone(await axeViolations(page, 'report page'));
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the import panel, previewing a file and refusing one, has no axe-core violation', async () => {
  const { context, page, watch } = await openApp(browser);
  const { ws } = await draftWithSomeAnswers(page);
  const exported = await ws.exportDraft();
  await page.getByTestId('home').click();
  const start = new StartPage(page);
  await start.ready();

  // The draft is stored: the preview says so and offers both ways to import.
  let panel = await start.pickFile(fileOf(exported.name, exported.bytes));
  await panel.preview.waitFor();
  await panel.exists.waitFor();
  const violations = await axeViolations(page, 'import preview');
  await panel.close();

  // A file scored with a framework that is not loaded: the message and a framework file input.
  const other = JSON.parse(exported.bytes.toString('utf8'));
  other.framework.id = 'khung-khac';
  panel = await start.pickFile(fileOf(exported.name, other));
  await panel.error.waitFor();
  await panel.frameworkFile.waitFor();
  violations.push(...await axeViolations(page, 'import refused, framework not loaded'));
  assertNone(violations);
  // axe counts a label as naming every control with its `for` id; the browser gives it to the
  // first one only, so a control whose id another control also has is left without a name.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && el.labels.length === 0 && !el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby'))
    .map((el) => `${el.dataset.testid ?? el.id}${el.closest('[data-testid=import-panel]') ? ' (in the panel)' : ' (on the start page)'}`));
  assert.deepEqual(unlabelled, [], 'every form control has its own label');
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the trainer’s criteria browser, with a search typed and a worked example open, has no axe-core violation', async () => {
  const { context, page, watch } = await openApp(browser);
  const trainer = new TrainerPage(page);
  await trainer.goto();
  const violations = await axeViolations(page, 'criteria browser, every item');
  await trainer.search.fill('ke hoach');
  await waitForText(trainer.count, /^\d+ tiêu chí$/);
  const card = trainer.card('1.1.1');
  await card.locator('summary').click();
  await card.locator('details li').first().waitFor();
  violations.push(...await axeViolations(page, 'criteria browser, searched, example open'));
  assertNone(violations);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the presenter view has no axe-core violation', async () => {
  const { context, page, watch } = await openApp(browser);
  const presenter = new Presenter(page);
  await presenter.goto();
  await page.keyboard.press('ArrowRight');
  await waitForText(presenter.position, /^2 \/ \d+$/);
  assertNone(await axeViolations(page, 'presenter view'));
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the Sở Nội vụ view, with a batch ranked, last year loaded, a refused file, a flagged copy and survey points entered, has no axe-core violation', async () => {
  const now = generateSubmissions(join(scratch, '2025'), 31, 2025);
  const last = generateSubmissions(join(scratch, '2024'), 31, 2024);
  const { context, page, watch } = await openApp(browser);
  const ev = new EvaluatorPage(page);
  await ev.goto();
  const copy = now.files.find((f) => f.name === '0018-so-y-te.json');
  await ev.load([
    ...now.files.map((f) => fileOf(f.name, f.text)),
    fileOf('so-y-te-ban-sao.json', copy.text),
    fileOf('khac.json', '{"hello":1}'),
  ]);
  await ev.load(last.files.map((f) => f.path), { lastYear: true });
  await ev.refused.waitFor();
  await ev.flags.waitFor();
  await ev.enterSurvey('so-tai-chinh', '20');
  await ev.chart.waitFor();
  await page.getByTestId('movement').first().waitFor();
  const violations = await axeViolations(page, 'Sở Nội vụ view, sở block');
  await ev.showBlock('huyen');
  await ev.chart.waitFor();
  violations.push(...await axeViolations(page, 'Sở Nội vụ view, huyện block'));
  assertNone(violations);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the unit lists page, with a pasted list open and its problems at their rows, has no axe-core violation', async () => {
  const { context, page, watch } = await openApp(browser, { path: 'tao-bo-tieu-chi/#danh-sach-don-vi' });
  await page.getByTestId('kept-lists').waitFor();
  await page.getByTestId('units-paste').fill('Tên đơn vị\tLoại đơn vị\tMã\nUBND xã An Bình\tXã\t1\nUBND xã An Bình\tXã\t2\nTrung tâm Phục vụ hành chính công\t\t3');
  await page.getByTestId('units-read-pasted').click();
  await page.getByTestId('units-problems').waitFor();
  await page.locator('[data-testid="unit-row"][data-row="2"] [data-testid="unit-problems"]').waitFor();
  assertNone(await axeViolations(page, 'unit lists'));
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the comparison of two frameworks, with its changes listed, has no axe-core violation', async () => {
  const next = loadFramework(FW_ID);
  next.version = '2026.1';
  next.fields[0].children[0].children[1].code = '1.1.9';
  const { context, page, watch } = await openApp(browser, {
    path: `tao-bo-tieu-chi/#so-sanh/${FW_ID}%402026.1`,
    initScript: (text) => localStorage.setItem('cchc.v1.framework.soc-trang-cap-so@2026.1', text),
    initArg: JSON.stringify(next),
  });
  await page.getByTestId('compare-changes').waitFor();
  assertNone(await axeViolations(page, 'comparison'));
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});
