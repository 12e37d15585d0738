// The appraisal round in the Sở Nội vụ view, and the province's survey points read from a sheet: the council opens a unit's submission from its
// ranking row, re-scores an item within its rule (a lower level) and comments, and the row, the
// totals and the ranking follow the appraised points as the core's scorer gives them; a second
// unit gets a comment and the final stage; both appraisal files are exported, read back after a
// reload with the batch, and put each appraisal back on its submission. Appraisal files that are
// edited, cut short, of a submission not in the batch, or not appraisals at all are listed with
// their reason and change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp } from './browser.js';
import {
  EvaluatorPage, generateSubmissions, loadFramework, scoredItems, scoreNatively, fileOf, fmt,
  eventually, waitForText, focused, xlsxOf,
} from './pages.js';
import { axeViolations, assertNone } from './axe.js';

const FW_ID = 'soc-trang-cap-so';
const fw = loadFramework(FW_ID);

let browser;
let scratch;
let now;
before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'cchc-appraisal-'));
  now = generateSubmissions(join(scratch, '2025'), 12, 2025);
});
after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const hundredths = (text) => Math.round(Number(String(text).replace(' %', '').replace(',', '.')) * 100);
const fileOfUnit = (key) => now.files.find((f) => f.json.unit.id === key);
const paths = () => now.files.map((f) => f.path);
/** `num ÷ den` rounded half away from zero, as the core's div_round (non-negative values). */
const divRound = (num, den) => {
  const q = Math.floor(num / den);
  return 2 * (num - q * den) >= den ? q + 1 : q;
};

/** An item scored by levels that the unit answered above its lowest level, and that level. */
function levelItemAnsweredAboveLowest(file) {
  for (const node of scoredItems(fw).filter((n) => n.rule.kind === 'levels' && n.block === 'regular')) {
    const lowest = [...node.rule.levels].sort((a, b) => Number(a.points) - Number(b.points))[0];
    const value = file.json.answers.items[node.code]?.value;
    if (value?.kind === 'level' && value.id !== lowest.id) return { node, lowest };
  }
  throw new Error('no item answered above its lowest level');
}

/** A unit's index in hundredths of a percent from its figures, as the ranking computes it. */
function indexOf({ selfScored, bonus, penalty, applicableMax }) {
  const total = Math.min(Math.max(selfScored + bonus - penalty, 0), applicableMax);
  return divRound(total * 10000, applicableMax);
}

async function openRound() {
  const ctx = await openApp(browser, { path: '#/so-noi-vu' });
  const ev = new EvaluatorPage(ctx.page);
  await ev.batchFiles.waitFor();
  await ev.load(paths());
  return { ...ctx, ev };
}

test('the council re-scores one item of a unit lower and comments, a second unit gets a comment and the final stage; the rows, totals and ranks follow the core’s appraised points; the two appraisal files read back after a reload put each appraisal back', async () => {
  const { context, page, watch, ev } = await openRound();
  const so = now.expected.filter((e) => e.block === 'so');
  const [a, b] = [so[0], so[3]];
  const fileA = fileOfUnit(a.unit_key);
  const { node, lowest } = levelItemAnsweredAboveLowest(fileA);

  const panel = await ev.appraise(a.unit_key);
  await eventually(async () => assert.equal(await focused(page), 'H2'), { timeout: 2000 });
  assert.match(await panel.root.locator('h2').textContent(), new RegExp(`Thẩm định — ${a.unit}`));
  await panel.show('differ');
  assert.deepEqual(await panel.codes(), [], 'nothing differs before the council changes anything');
  await panel.show('all');
  assert.equal((await panel.codes()).length, scoredItems(fw).length, 'every item is listed');

  const editor = await panel.open(node.code);
  await eventually(async () => assert.equal(await focused(page), 'H3', 'the focus lands on the item opened'), { timeout: 2000 });
  const claimedLevel = fileA.json.answers.items[node.code].value.id;
  assert.equal(await editor.getByTestId(`level-${claimedLevel}`).isChecked(), true, 'the unit’s answer is where the council starts');
  await editor.getByTestId(`level-${lowest.id}`).check();
  await editor.getByTestId('appraisal-comment').fill('Kế hoạch ban hành chậm so với thời hạn');

  const appraisedAnswers = structuredClone(fileA.json.answers);
  appraisedAnswers.items[node.code].value = { kind: 'level', id: lowest.id };
  const native = scoreNatively(FW_ID, appraisedAnswers);
  const own = fileA.json.scorecard;
  const lost = hundredths(own.self_scored) - hundredths(native.self_scored);
  assert.ok(lost > 0, 'the lower level costs points');

  await panel.show('differ');
  await eventually(async () => assert.deepEqual(await panel.codes(), [node.code]));
  const row = panel.row(node.code);
  assert.equal(await row.getByTestId('appraised').textContent(), fmt(native.nodes[node.code].points));
  assert.equal(await row.getByTestId('difference').textContent(), `-${fmt((lost / 100).toFixed(2))}`);
  await waitForText(panel.totals, new RegExp(`Điểm tự đánh giá: ${fmt(own.self_scored)} · Điểm thẩm định: ${fmt(native.self_scored)}`));
  await panel.show('commented');
  assert.deepEqual(await panel.codes(), [node.code]);

  // The ranking counts the council's points, with the claim beside them.
  let rowA;
  await eventually(async () => {
    rowA = (await ev.rows()).find((r) => r.key === a.unit_key);
    assert.equal(rowA.selfScored, fmt(native.self_scored));
  });
  assert.equal(rowA.appraised, true);
  assert.match(rowA.claimed, new RegExp(fmt(own.self_scored)));
  const expectedIndex = indexOf({
    selfScored: hundredths(native.self_scored), bonus: hundredths(native.bonus),
    penalty: hundredths(native.penalty), applicableMax: hundredths(native.applicable_max),
  });
  assert.equal(hundredths(rowA.index), expectedIndex, 'the index on appraised points');
  const rows = await ev.rows();
  const above = rows.filter((r) => hundredths(r.index) > expectedIndex).length;
  assert.equal(rowA.rank, above + 1, 'ranked among the others by its appraised index');
  assert.deepEqual(rows.map((r) => hundredths(r.index)), [...rows.map((r) => hundredths(r.index))].sort((x, y) => y - x));

  assert.match(await page.getByTestId('block-summary').textContent(), / · 1 đã thẩm định$/);
  const fileOfA = await panel.export();
  assert.match(fileOfA.name, /^CCHC-2025-.+-tham-dinh\.json$/);
  const jsonA = JSON.parse(fileOfA.bytes.toString('utf8'));
  assert.equal(jsonA.format, 'cchc-appraisal');
  assert.equal(jsonA.format_version, 1);
  assert.equal(jsonA.submission.unit, a.unit);
  assert.match(jsonA.submission.checksum, /^sha256:[0-9a-f]{64}$/);
  assert.match(jsonA.checksum, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(jsonA.items, { [node.code]: { value: { kind: 'level', id: lowest.id }, comment: 'Kế hoạch ban hành chậm so với thời hạn' } });
  assert.equal(jsonA.scorecard.self_scored, native.self_scored, 'the appraised scores written for readers');
  assert.equal(jsonA.stage, 'appraised');

  // The second unit: a comment only, and the final decision.
  await panel.root.getByTestId('close-appraisal').click();
  const panelB = await ev.appraise(b.unit_key);
  const commentCode = scoredItems(fw)[0].code;
  await panelB.comment(commentCode, 'Đề nghị bổ sung biên bản kiểm tra');
  await panelB.final.check();
  const fileOfB = await panelB.export();
  const jsonB = JSON.parse(fileOfB.bytes.toString('utf8'));
  assert.equal(jsonB.stage, 'final');
  assert.deepEqual(jsonB.items, { [commentCode]: { comment: 'Đề nghị bổ sung biên bản kiểm tra' } });
  const rowB = (await ev.rows()).find((r) => r.key === b.unit_key);
  assert.equal(rowB.appraised, true);
  assert.equal(rowB.selfScored, fmt(fileOfUnit(b.unit_key).json.scorecard.self_scored), 'a comment changes no points');
  assertNone(await axeViolations(page, 'the appraisal panel'));

  // After a reload the batch is gone; the files put everything back.
  await page.reload();
  await ev.batchFiles.waitFor();
  await ev.load(paths());
  assert.equal((await ev.rows()).find((r) => r.key === a.unit_key).appraised, false);
  await ev.openAppraisals([fileOf(fileOfA.name, fileOfA.bytes), fileOf(fileOfB.name, fileOfB.bytes)], [a.unit_key, b.unit_key]);
  assert.equal(await ev.refused.count(), 0);
  assert.equal((await ev.rows()).find((r) => r.key === a.unit_key).selfScored, fmt(native.self_scored));
  const again = await ev.appraise(a.unit_key);
  await again.show('differ');
  assert.deepEqual(await again.codes(), [node.code]);
  const editorAgain = await again.open(node.code);
  assert.equal(await editorAgain.getByTestId('appraisal-comment').inputValue(), 'Kế hoạch ban hành chậm so với thời hạn');
  assert.equal(await editorAgain.getByTestId(`level-${lowest.id}`).isChecked(), true);
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});

test('appraisal files edited after export, cut short, of a submission not in the batch, or not appraisals at all are each listed with their own reason and change nothing', async () => {
  const { context, page, ev } = await openRound();
  const so = now.expected.filter((e) => e.block === 'so');
  const a = so[1];
  const { node, lowest } = levelItemAnsweredAboveLowest(fileOfUnit(a.unit_key));
  const panel = await ev.appraise(a.unit_key);
  const editor = await panel.open(node.code);
  await editor.getByTestId(`level-${lowest.id}`).check();
  await editor.getByTestId('appraisal-comment').fill('Chưa đạt');
  const good = await panel.export();
  const text = good.bytes.toString('utf8');
  const before = (await ev.rows()).find((r) => r.key === a.unit_key).selfScored;

  // A round holding every file but this unit's, to try an appraisal of a submission it lacks.
  const other = await openApp(browser, { path: '#/so-noi-vu' });
  const evOther = new EvaluatorPage(other.page);
  await evOther.batchFiles.waitFor();
  await evOther.load(now.files.filter((f) => f.json.unit.id !== a.unit_key).map((f) => f.path));
  await evOther.page.getByTestId('appraisal-files').setInputFiles([fileOf(good.name, good.bytes)]);
  await waitForText(evOther.refused, /chưa có tệp tự đánh giá của đơn vị này/);
  await other.context.close();

  const bad = [
    fileOf('sua-tay.json', text.replace('Chưa đạt', 'Đạt')),
    fileOf('cat-ngang.json', text.slice(0, text.length / 2)),
    fileOf('tu-danh-gia.json', now.files[0].text),
    fileOf('khac.json', '{"format": "cchc-framework"}'),
  ];
  await page.getByTestId('appraisal-files').setInputFiles(bad);
  await eventually(async () => assert.equal(await ev.refused.locator('li').count(), 4));
  const said = await ev.refused.locator('li').allTextContents();
  assert.match(said[0], /^sua-tay\.json: .*đã bị sửa sau khi hội đồng xuất/);
  assert.match(said[1], /^cat-ngang\.json: .*cắt ngang/);
  assert.match(said[2], /^tu-danh-gia\.json: .*tệp tự đánh giá của đơn vị, không phải tệp thẩm định/);
  assert.match(said[3], /^khac\.json: .*không phải tệp thẩm định/);
  assert.equal((await ev.rows()).find((r) => r.key === a.unit_key).selfScored, before, 'the appraisal in the round is unchanged');
  const kept = await ev.appraise(a.unit_key);
  assert.equal(await (await kept.open(node.code)).getByTestId('appraisal-comment').inputValue(), 'Chưa đạt');
  await context.close();
});

test('the survey points of a sheet (.xlsx with a title and a header, or pasted) are shown row by row, the rows that cannot be taken say why, and only the good rows are applied on confirmation', async () => {
  const { context, page, watch, ev } = await openRound();
  const so = now.expected.filter((e) => e.block === 'so');
  const [a, b, c] = so;
  const before = Object.fromEntries((await ev.rows()).map((r) => [r.key, r]));
  const sheet = xlsxOf([
    ['KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC NĂM 2025', '', ''],
    ['STT', 'Tên đơn vị', 'Điểm điều tra XHH'],
    ['1', a.unit.toUpperCase(), '25,5'],
    ['2', b.unit, '24.75'],
    ['3', 'Sở Không Có Trong Đợt', '20'],
    ['4', c.unit, 'hai mươi'],
    ['5', so[4].unit, '31'],
  ]);
  const section = page.getByTestId('survey-sheet');
  await section.locator('summary').click();
  await page.getByTestId('survey-sheet-file').setInputFiles([fileOf('dieu-tra-2025.xlsx', sheet, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')]);
  await waitForText(page.getByTestId('survey-sheet-summary'), 'Số đơn vị khớp: 2');
  const shown = await page.getByTestId('survey-sheet-rows').locator('tbody tr').allTextContents();
  assert.deepEqual(shown, [
    `3${a.unit.toUpperCase()}sẽ nhận 25,50`,
    `4${b.unit}sẽ nhận 24,75`,
    '5Sở Không Có Trong Đợtkhông có tệp tự đánh giá của đơn vị này trong đợt',
    `6${c.unit}“hai mươi” không phải là điểm (ví dụ 25,5)`,
    `7${so[4].unit}31 điểm ngoài khoảng 0 đến 30 (điểm tối đa phần điều tra)`,
  ]);
  assert.equal((await ev.rows()).find((r) => r.key === a.unit_key).survey, '', 'nothing is set before the confirmation');
  await page.getByTestId('survey-sheet-apply').click();
  await waitForText(page.getByTestId('survey-sheet-applied'), 'Đã áp dụng điểm điều tra cho số tệp: 2');
  await eventually(async () => {
    const rows = Object.fromEntries((await ev.rows()).map((r) => [r.key, r]));
    assert.equal(rows[a.unit_key].survey, '25,5');
    assert.equal(rows[b.unit_key].survey, '24,75');
    assert.equal(hundredths(rows[a.unit_key].total), hundredths(before[a.unit_key].total) + 2550);
    assert.equal(rows[c.unit_key].survey, '', 'a refused row sets nothing');
    assert.equal(rows[so[4].unit_key].survey, '');
  });

  // Pasted from Excel: tab-separated, no header.
  await page.getByTestId('survey-sheet-paste').fill(`${c.unit}\t20\n`);
  await page.getByTestId('survey-sheet-read').click();
  await waitForText(page.getByTestId('survey-sheet-summary'), 'Số đơn vị khớp: 1');
  await page.getByTestId('survey-sheet-apply').click();
  await eventually(async () => assert.equal((await ev.rows()).find((r) => r.key === c.unit_key).survey, '20'));

  // A sheet with no points column, and a PDF named .xlsx (read in the spreadsheet worker, which
  // says why), change nothing.
  await page.getByTestId('survey-sheet-paste').fill('Đơn vị\tGhi chú\nSở Y tế\ttốt\n');
  await page.getByTestId('survey-sheet-read').click();
  await waitForText(page.getByTestId('survey-sheet-error'), /Không tìm thấy cột điểm/);
  await page.getByTestId('survey-sheet-file').setInputFiles([fileOf('bao-cao.xlsx', Buffer.from('%PDF-1.7\n1 0 obj'), 'application/octet-stream')]);
  await waitForText(page.getByTestId('survey-sheet-error'), /Tệp PDF không đọc được bảng/, { timeout: 15000 });
  assert.equal((await ev.rows()).find((r) => r.key === a.unit_key).survey, '25,5');
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});
