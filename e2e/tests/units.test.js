// The unit lists Sở Nội vụ keeps (tao-bo-tieu-chi/#danh-sach-don-vi): a province's 100 xã and
// phường read from an Excel sheet, its problems listed at their rows and nothing saved until they
// are mended; saved, it is the list the start page offers for a cấp xã draft (a merged commune only
// for the years before its merger) and the list the Sở Nội vụ view checks 100 generated cấp xã
// submissions against. A file that is not a unit list is refused with the list being edited intact,
// and the list being edited survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp } from './browser.js';
import {
  EvaluatorPage, StartPage, UnitListsPage, Workspace, eventually, waitForText, xlsxOf, fileOf, fmtShort,
  generateSubmissions, loadFramework, scoredItems, readRaw,
} from './pages.js';

let browser;
let scratch;
before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'cchc-units-'));
});
after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const FIRST = ['An', 'Bình', 'Thạnh', 'Phú', 'Long', 'Tân', 'Hòa', 'Mỹ', 'Thới', 'Nhơn'];
const SECOND = ['Khánh', 'Lợi', 'Hưng', 'Điền', 'Thuận', 'Xuân', 'Đông', 'Tây', 'Ái', 'Lạc'];
/** 100 commune-level units: (name, type word as a sheet writes it, code). */
const COMMUNES = FIRST.flatMap((a, i) => SECOND.map((b, j) => {
  const n = i * 10 + j;
  const ward = n % 3 === 0;
  return [`UBND ${ward ? 'phường' : 'xã'} ${a} ${b}`, ward ? 'Phường' : 'Xã', String(31000 + n)];
}));
const DEPARTMENTS = ['Sở Nội vụ', 'Sở Tài chính', 'Sở Tư pháp', 'Văn phòng UBND thành phố'];

function sheetRows() {
  const rows = [['DANH SÁCH CƠ QUAN, ĐƠN VỊ ĐÁNH GIÁ CHỈ SỐ CCHC'], [], ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Mã']];
  [...DEPARTMENTS.map((d) => [d, 'Sở, ban, ngành', '']), ...COMMUNES].forEach(([name, type, code], i) => {
    rows.push([String(i + 1), name, type, code]);
  });
  // Two rows a clerk gets wrong: a type that is not one, and a commune typed twice.
  rows[3 + 10][2] = 'thôn';
  rows.push([String(rows.length - 2), `${COMMUNES[0][0]}`, 'Xã', '']);
  return rows;
}

test('a province’s list read from an Excel sheet is mended, saved, chosen, and offered for a cấp xã draft; a merged commune only before its merger', async () => {
  const { context, page, watch } = await openApp(browser, { path: 'tao-bo-tieu-chi/#danh-sach-don-vi' });
  const units = new UnitListsPage(page);
  await page.getByTestId('kept-lists').waitFor();
  assert.equal(await units.kept('soc-trang-2021').count(), 1, 'the shipped list is offered');

  await units.file.setInputFiles({ name: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsxOf(sheetRows()) });
  await units.editor.waitFor();
  assert.equal(await units.rows.count(), 105, 'the title, the blank row and the header are not units');
  const names = await units.names();
  assert.equal(names[0], 'Sở Nội vụ');
  assert.equal(names[4], COMMUNES[0][0]);
  // Every problem is listed, each at its row; nothing can be saved yet.
  const wrongRow = 11;
  assert.deepEqual(await units.problemTexts(), [
    'Chưa nhập tên tỉnh, thành phố',
    `Dòng ${wrongRow}: loại đơn vị “thôn” của “${names[wrongRow - 1]}” không hợp lệ (cần sở, xã, huyện hoặc khác)`,
    `Dòng 105: “${COMMUNES[0][0]}” trùng tên với dòng 5`,
  ]);
  assert.equal(await units.save.isDisabled(), true);
  assert.equal(await units.row(wrongRow).getByTestId('unit-problems').count(), 1, 'the problem is shown at its row');

  // Mended: the province named, the type chosen, the repeated row removed.
  await page.getByTestId('units-province').fill('Cần Thơ');
  await page.getByTestId('units-year-from').fill('2025');
  await units.row(wrongRow).getByTestId('unit-type').selectOption('xa');
  await units.row(105).getByTestId('unit-remove').click();
  await units.usable.waitFor();
  await waitForText(units.summary, '104 đơn vị: 4 cấp sở · 100 cấp xã');
  // Nhơn Ái merged into An Khánh from 2026.
  const nhonAi = COMMUNES.findIndex(([n]) => n.endsWith('Nhơn Ái')) + 5;
  await units.row(nhonAi).getByTestId('unit-retired').fill('2026');
  await units.row(nhonAi).getByTestId('unit-merge').fill(COMMUNES[0][0]);
  await units.row(nhonAi).getByTestId('unit-merge').press('Enter');
  await units.row(nhonAi).getByTestId('unit-merge').blur();
  await units.usable.waitFor();
  await units.save.click();
  await waitForText(units.saved, 'Đã lưu danh sách vào ứng dụng: Cần Thơ (2025–). Mở trang chính');
  const stored = JSON.parse(await readRaw(page, 'cchc.v1.units.can-tho-2025'));
  assert.equal(stored.units.length, 104);
  const merged = stored.units.find((u) => u.name.endsWith('Nhơn Ái'));
  assert.equal(merged.retired_from, 2026);
  assert.equal(merged.merged_into, stored.units[4].id);
  assert.equal(stored.units[4].code, '31000');
  assert.equal(await units.kept('can-tho-2025').getByTestId('kept-state').textContent(), 'Đang dùng', 'the first list kept is the one in use');

  // A framework file picked by mistake is refused; the list being edited stays.
  await units.file.setInputFiles(fileOf('bo.json', JSON.stringify(loadFramework('mau-cap-xa'))));
  await waitForText(units.error, 'Đây không phải tệp danh sách đơn vị (format cần là “cchc-units”)');
  assert.equal(await units.rows.count(), 104);

  // The list being edited survives a reload.
  await page.reload();
  await units.editor.waitFor();
  assert.equal(await units.rows.count(), 104);
  assert.equal(await page.getByTestId('units-province').inputValue(), 'Cần Thơ');

  // The start page offers the list's communes for the cấp xã model framework.
  const start = new StartPage(page);
  await start.goto();
  assert.equal(await page.getByTestId('choose-unit-list').inputValue(), 'can-tho-2025');
  await page.getByTestId('choose-framework-mau-cap-xa').check();
  const offered = async () => page.getByTestId('choose-unit').locator('option').allTextContents();
  await page.getByTestId('assessed-year').fill('2025');
  await eventually(async () => assert.equal((await offered()).length, 100 + 2, 'the 100 communes, the prompt and “another unit”'));
  await page.getByTestId('assessed-year').fill('2026');
  await eventually(async () => assert.equal((await offered()).includes(COMMUNES.find(([n]) => n.endsWith('Nhơn Ái'))[0]), false, 'merged from 2026'));
  assert.equal((await offered()).length, 99 + 2);

  // A draft for one commune: answered, scored.
  await page.getByTestId('assessed-year').fill('2025');
  await page.getByTestId('choose-unit').selectOption({ label: COMMUNES[7][0] });
  await page.getByTestId('create-draft').click();
  await page.waitForURL(/#\/d\/[^/]+$/);
  const ws = new Workspace(page);
  await page.getByTestId('total-points').waitFor();
  await waitForText(page.getByTestId('draft-unit'), COMMUNES[7][0]);
  const first = scoredItems(loadFramework('mau-cap-xa')).find((n) => n.rule.kind === 'yes_no');
  await ws.select(first.code);
  await ws.answer(first, { kind: 'yes_no', yes: true });
  await eventually(async () => assert.equal(await ws.treePoints(first.code), `${fmtShort(first.max)}/${fmtShort(first.max)}`));
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, [], 'no request leaves the app');
  await context.close();
});

test('the Sở Nội vụ view ranks 100 generated cấp xã submissions and names, by the list in use, the communes that sent nothing', async () => {
  const list = {
    format: 'cchc-units', format_version: 1, id: 'can-tho-2025', province: 'Cần Thơ', years: { from: 2025, to: null },
    units: COMMUNES.map(([name, , code], i) => ({ id: `xa-${i + 1}`, name, unit_type: 'xa', code })),
  };
  const listFile = join(scratch, 'can-tho.json');
  writeFileSync(listFile, JSON.stringify(list));
  const set = generateSubmissions(join(scratch, 'xa'), 100, 2025, listFile);
  assert.equal(set.files.length, 100);
  const { context, page, watch } = await openApp(browser, {
    path: '#/so-noi-vu',
    initScript: (text) => { if (!localStorage.getItem('cchc.v1.units.can-tho-2025')) localStorage.setItem('cchc.v1.units.can-tho-2025', text); },
    initArg: JSON.stringify(list),
  });
  const ev = new EvaluatorPage(page);
  await ev.batchFiles.waitFor();
  // Three communes have not handed in.
  const sent = set.files.slice(3);
  await ev.load(sent.map((f) => f.path));
  await ev.showBlock('xa');
  const rows = await ev.rows();
  assert.equal(rows.length, 97);
  const ranked = set.expected.filter((e) => e.block === 'xa' && sent.some((f) => f.json.unit.id === e.unit_key));
  assert.deepEqual(rows.map((r) => r.unit).sort(), ranked.map((e) => e.unit).sort());
  assert.equal(await page.getByTestId('choose-unit-list').inputValue(), 'can-tho-2025');
  const missing = set.files.slice(0, 3).map((f) => f.json.unit.name);
  await waitForText(page.getByTestId('not-handed-in'), `Theo danh sách Cần Thơ (2025–), 2025: 3/100 đơn vị chưa nộp: ${missing.join('; ')}`);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});
