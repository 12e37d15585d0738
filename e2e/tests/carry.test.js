// Answers carried into another framework: a cấp xã draft answered for 2025 carried into next year's
// edited version (an item renumbered, a level renamed, an item now scored by levels) — the renamed
// code offered, every item not carried listed with its reason before anything is created, a
// department's framework refused, the new draft holding what arrived and the original untouched —
// and last year's file, made with a version the app lacks, carried from the import panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launch, openApp } from './browser.js';
import {
  CarryPanel, StartPage, Workspace, draftIdFromUrl, eventually, fileOf, fmtShort, loadFramework,
  readRaw, readStored, scoredItems, waitForText, draftKey,
} from './pages.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const NEXT_KEY = 'cchc.v1.framework.mau-cap-xa@2026.1';

/** Next year's cấp xã framework: 1.1.2 renumbered 1.1.9, the level “Ban hành chậm” of 1.1.1
 * renamed (a new id), 1.7.1 scored by levels instead of yes / no. */
function nextVersion() {
  const fw = loadFramework('mau-cap-xa');
  fw.version = '2026.1';
  fw.years = { from: 2026, to: null };
  const c11 = fw.fields[0].children[0];
  c11.children[0].rule.levels[1] = { ...c11.children[0].rule.levels[1], id: 'qua-han', label: { vi: 'Ban hành quá hạn' } };
  c11.children[1].code = '1.1.9';
  const i171 = fw.fields[0].children.find((c) => c.code === '1.7').children[0];
  i171.rule = { kind: 'levels', levels: [
    { id: 'day-du', label: { vi: 'Đầy đủ' }, points: i171.max },
    { id: 'khong', label: { vi: 'Không thực hiện' }, points: 0 },
  ] };
  return fw;
}

const item = (code) => scoredItems(loadFramework('mau-cap-xa')).find((n) => n.code === code);

test('a cấp xã draft of 2025 is carried into next year’s edited version: the renumbered code offered, what is left listed with its reason, a department’s framework refused, the original untouched', async () => {
  const { context, page, watch } = await openApp(browser, {
    initScript: ([key, text]) => { if (!localStorage.getItem(key)) localStorage.setItem(key, text); },
    initArg: [NEXT_KEY, JSON.stringify(nextVersion())],
  });
  const start = new StartPage(page);
  const id = await start.createDraft({ framework: 'mau-cap-xa@2025.1', unit: '__other', unitName: 'UBND xã Thử', year: 2025 });
  const ws = new Workspace(page);
  const answers = [
    ['1.1.1', { kind: 'level', id: 'cham' }],
    ['1.1.2', { kind: 'yes_no', yes: true }],
    ['1.1.3', { kind: 'ratio', numerator: 8, denominator: 10 }],
    ['1.7.1', { kind: 'yes_no', yes: true }],
  ];
  for (const [code, value] of answers) {
    await ws.select(code);
    await ws.answer(item(code), value);
  }
  await ws.select('1.1.2');
  await ws.addDocument({ number: '12/KH-UBND', date: '2025-01-10', issuer: 'UBND xã Thử', title: 'Kế hoạch CCHC năm 2025' });
  await ws.explanation().fill('Kế hoạch ban hành đúng hạn.');
  await ws.waitSaved();
  const original = await readRaw(page, draftKey(id));

  await start.goto();
  await start.draftRow(id).getByTestId('carry-draft').click();
  const carry = new CarryPanel(page);
  await carry.root.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'carry-heading', 'the panel takes the focus');
  await page.keyboard.press('Escape');
  await carry.root.waitFor({ state: 'detached' });
  await start.draftRow(id).getByTestId('carry-draft').click();
  await carry.root.waitFor();
  assert.match(await carry.source.textContent(), /^UBND xã Thử · .* \(2025\.1\) · Năm 2025$/);
  assert.equal(await carry.framework.inputValue(), 'mau-cap-xa@2026.1', 'the other version of the draft’s framework is offered first');
  assert.equal(await carry.year.inputValue(), '2026', 'the version covers 2026 on: the year after');
  assert.equal(await carry.rename('1.1.2').inputValue(), '1.1.9', 'the item of the same title is suggested');
  await waitForText(carry.summary, 'Chuyển được câu trả lời của 2 trong 4 tiêu chí đã trả lời. Bộ tiêu chí mới còn '
    + `${scoredItems(nextVersion()).length - 2} tiêu chí cần trả lời.`);
  assert.deepEqual(await carry.leftLines(), [
    '1.1.1: Mức “Ban hành chậm” không còn trong tiêu chí mới.',
    '1.7.1: Cách chấm đổi từ “Có / Không” sang “Theo mức”.',
  ]);
  await waitForText(carry.outsideYear, /năm đánh giá 2026:\s*12\/KH-UBND ngày 10\/01\/2025/);
  assert.equal(await carry.remarks.count(), 0, 'the draft had no remarks to leave behind');
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="carry-panel"]').analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), [], 'the panel with its codes to map passes axe-core');

  // Left without the suggestion, 1.1.2 is listed too.
  await carry.rename('1.1.2').selectOption('');
  await eventually(async () => assert.equal((await carry.leftLines())[1], '1.1.2: Bộ tiêu chí mới không có mã này; có thể đổi mã bằng tay.'));
  await carry.rename('1.1.2').selectOption('1.1.9');

  // A department's framework: refused with the reason; nothing can be created.
  await carry.framework.selectOption('soc-trang-cap-so@2025.1');
  await waitForText(carry.refused, /^Không chuyển được: bản nháp là của .* còn bộ tiêu chí này dành cho .*\. Hãy chọn bộ tiêu chí cùng cấp đơn vị\.$/);
  assert.equal(await carry.create.isDisabled(), true);
  // A year the version does not cover: refused too.
  await carry.framework.selectOption('mau-cap-xa@2026.1');
  await carry.year.fill('2025');
  await waitForText(carry.refused, 'Bộ tiêu chí này áp dụng cho các năm từ 2026, không gồm năm 2025.');
  await carry.year.fill('2026');
  await carry.summary.waitFor();
  assert.equal(await carry.rename('1.1.2').inputValue(), '1.1.9', 'choosing the version again suggests again');

  await carry.create.click();
  await page.waitForURL((url) => /#\/d\/[^/]+$/.test(url.href) && draftIdFromUrl(url.href) !== id);
  const newId = draftIdFromUrl(page.url());
  await page.getByTestId('total-points').waitFor();
  await eventually(async () => assert.equal(await ws.treePoints('1.1.9'), `${fmtShort(item('1.1.2').max)}/${fmtShort(item('1.1.2').max)}`));
  const carried = await readStored(page, newId);
  assert.equal(carried.framework.version, '2026.1');
  assert.equal(carried.answers.year, 2026);
  assert.equal(carried.unit.name, 'UBND xã Thử');
  assert.deepEqual(carried.answers.items['1.1.9'], { value: { kind: 'yes_no', yes: true }, evidence: ['tl1'], explanation: 'Kế hoạch ban hành đúng hạn.' });
  assert.deepEqual(carried.answers.items['1.1.3'].value, { kind: 'ratio', numerator: 8, denominator: 10 });
  assert.equal(carried.answers.items['1.1.1'], undefined);
  assert.equal(carried.answers.items['1.7.1'], undefined);
  assert.equal(carried.answers.evidence.length, 1, 'the register moves whole');
  assert.equal(await readRaw(page, draftKey(id)), original, 'the original is untouched');
  await start.goto();
  assert.equal(await start.draftRows().count(), 2);
  assert.equal(await page.getByTestId('choose-framework-mau-cap-xa@2026.1').count(), 1, 'a new draft can name either version');
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, [], 'no request leaves the app');
  await context.close();
});

test('last year’s file, made with a framework version the app lacks, is carried from the import panel into the version the app has', async () => {
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  const file = {
    format: 'cchc-submission', format_version: 1, id: 'nam-truoc',
    framework: { id: 'mau-cap-xa', version: '2024.9' },
    unit: { name: 'UBND phường Cũ' },
    answers: { year: 2025, items: { '1.1.1': { value: { kind: 'level', id: 'cham' } }, '1.1.2': { value: { kind: 'yes_no', yes: false } } }, evidence: [] },
    remarks: 'Thiếu máy tính.',
    created_at: '2025-11-02T08:00:00Z', updated_at: '2025-12-20T08:00:00Z', revision: 0,
  };
  const panel = await start.pickFile(fileOf('phuong-cu-2025.json', JSON.stringify(file)));
  await panel.error.waitFor();
  await panel.root.getByTestId('import-carry').click();
  const carry = new CarryPanel(page);
  await carry.root.waitFor();
  await panel.root.waitFor({ state: 'detached' });
  assert.match(await carry.source.textContent(), /^UBND phường Cũ · mau-cap-xa \(2024\.9\) · Năm 2025 · phuong-cu-2025\.json$/);
  assert.equal(await carry.framework.inputValue(), 'mau-cap-xa@2025.1');
  assert.equal(await carry.year.inputValue(), '2025', 'another framework covering the year: the same year');
  await waitForText(carry.summary, /^Chuyển được câu trả lời của 2 trong 2 tiêu chí/);
  assert.deepEqual(await carry.leftLines(), []);
  await carry.create.click();
  await page.waitForURL(/#\/d\/[^/]+$/);
  const carried = await readStored(page, draftIdFromUrl(page.url()));
  assert.notEqual(carried.id, 'nam-truoc');
  assert.equal(carried.remarks, 'Thiếu máy tính.', 'the same year keeps its remarks');
  assert.deepEqual(carried.answers.items['1.1.1'].value, { kind: 'level', id: 'cham' });
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('when the tab’s storage refuses the draft to carry, the first page says so and stays, the draft untouched, and the full app is one link away', async () => {
  const { context, page, watch } = await openApp(browser, {
    initScript: () => {
      Storage.prototype.setItem = new Proxy(Storage.prototype.setItem, {
        apply(target, storage, args) {
          if (storage === window.sessionStorage) throw new DOMException('full', 'QuotaExceededError');
          return Reflect.apply(target, storage, args);
        },
      });
    },
  });
  const start = new StartPage(page);
  const id = await start.createDraft({ framework: 'mau-cap-xa', unit: '__other', unitName: 'UBND xã Thử', year: 2025 });
  const before = await readRaw(page, draftKey(id));
  await start.goto();
  await start.draftRow(id).getByTestId('carry-draft').click();
  const failed = page.getByTestId('carry-handover-failed');
  await waitForText(failed, /trình duyệt không cho lưu tạm trong thẻ này\. Bản nháp và tệp vẫn nguyên vẹn\./);
  assert.doesNotMatch(page.url(), /\/day-du\//, 'the first page stays');
  assert.equal(await readRaw(page, draftKey(id)), before);
  await failed.getByRole('link').click();
  await page.waitForURL(/\/day-du\/#\/$/);
  await start.draftRow(id).getByTestId('carry-draft').click();
  await new CarryPanel(page).root.waitFor();
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});
