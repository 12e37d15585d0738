// Files in and out of the app: the submission file (export, import through the picker or a drop,
// every way a file can be refused), the .xlsx score table written by the on-demand worker, and
// the printed báo cáo. Spreadsheets are read back with openpyxl and PDFs with poppler, so what is
// checked is what a clerk would open, not what the app believes it wrote.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { launch, openApp } from './browser.js';
import {
  StartPage, Workspace, Report, ImportPanel, loadFramework, nodeByCode, draftKey, draftIdFromUrl,
  readRaw, readStored, storageSnapshot, fileOf, dropFile, shownNumber, fmt, fmtShort, eventually,
  waitForText,
} from './pages.js';

const FW_ID = 'soc-trang-cap-so';
const fw = loadFramework(FW_ID);
const node = (code) => nodeByCode(fw, code);
const FILE_NAME = 'CCHC-2025-So-Noi-vu-tu-danh-gia.json';

const DOC = {
  number: '12/KH-SNV',
  date: '2025-01-15',
  issuer: 'Sở Nội vụ',
  title: 'Kế hoạch cải cách hành chính năm 2025',
  section: 'Mục II',
};
/** The document as the score table describes it. */
const DOC_LINE = '12/KH-SNV ngày 15/01/2025 của Sở Nội vụ — Kế hoạch cải cách hành chính năm 2025 (Mục II)';
const EXPLANATION = 'Báo cáo kết quả đang chờ Giám đốc Sở phê duyệt; sẽ bổ sung khi thẩm định.';
const NA_REASON = 'Sở không có thủ tục hành chính thuộc thẩm quyền công bố';
const REMARKS = 'Khó khăn: thiếu công chức chuyên trách cải cách hành chính.\nĐề xuất: tỉnh mở lớp tập huấn nghiệp vụ về chấm điểm Chỉ số CCHC.';

/** Eleven answers of every kind the framework has, in tree order. */
const ANSWERS = [
  ['1.1.1', { kind: 'level', id: 'cham' }],
  ['1.1.2', { kind: 'yes_no', yes: true }],
  ['1.1.3', { kind: 'ratio', numerator: 9, denominator: 10 }],
  ['1.2.1', { kind: 'checklist', ticked: ['nam', 'quy-1'] }],
  ['1.3.1', { kind: 'yes_no', yes: false }],
  ['1.5.1', { kind: 'count', count: 2 }],
  ['1.6.1', { kind: 'ratio', numerator: 7, denominator: 10 }],
  ['1.7.1', { kind: 'estimate', points: '1.25' }],
  ['2.1.2', { kind: 'no_task' }],
  ['3.1.1', { kind: 'not_applicable', reason: NA_REASON }],
  ['10.2', { kind: 'count', count: 3 }],
];

let browser;
let scratch;
before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'cchc-files-'));
});
after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/**
 * Gives `answers` through the workspace, registers DOC on 1.1.1 and cites it from 1.1.2 as well,
 * and writes a giải trình on 1.1.3. Returns the answers as stored (the core's `items`).
 */
async function answerWithEvidence(ws, answers = ANSWERS) {
  const items = {};
  for (const [code, value] of answers) {
    await ws.select(code);
    await ws.answer(node(code), value);
    items[code] = { value };
  }
  await ws.select('1.1.1');
  await ws.addDocument(DOC);
  await waitForText(ws.evidenceList(), /12\/KH-SNV ngày 15\/01\/2025/);
  await ws.select('1.1.2');
  await ws.attachExisting('tl1');
  await waitForText(ws.evidenceList(), /12\/KH-SNV/);
  await ws.select('1.1.3');
  await ws.explanation().fill(EXPLANATION);
  items['1.1.1'].evidence = ['tl1'];
  items['1.1.2'].evidence = ['tl1'];
  items['1.1.3'].explanation = EXPLANATION;
  return items;
}

/** `sha256:` and the hex digest of the file's content without its checksum, as the app computes it. */
function contentChecksum(file) {
  const { checksum, ...content } = file;
  return `sha256:${createHash('sha256').update(JSON.stringify(content)).digest('hex')}`;
}

/** What the preview and the workspace write for a file's score snapshot. */
const previewIndexOf = (sc) => `${fmt(sc.index)} % (${fmt(sc.total)} / ${fmtShort(sc.applicable_max)})`;
const totalOf = (sc) => `${fmt(sc.total)} / ${fmtShort(sc.applicable_max)}`;

/** Hundredths of a points string from a file ("12.50" → 1250). */
const hundredths = (text) => Math.round(Number(text) * 100);

/**
 * A submission file exported through the UI (Sở Nội vụ, 2025, a few answers with evidence),
 * made once in its own browser context and shared by the tests that need a real file.
 */
let sample;
function sampleFile() {
  sample ??= (async () => {
    const { context, page, watch } = await openApp(browser);
    await new StartPage(page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
    const ws = new Workspace(page);
    await answerWithEvidence(ws, ANSWERS.slice(0, 5));
    await ws.waitSaved();
    const { name, bytes } = await ws.exportDraft();
    assert.deepEqual(watch.consoleErrors, []);
    await context.close();
    return { name, bytes, text: bytes.toString('utf8'), json: JSON.parse(bytes.toString('utf8')) };
  })();
  return sample;
}

/** The draft a confirmed import stores: the file without the parts only an export carries. */
function storedFormOf(file) {
  const { app_version, scorecard, checksum, ...draft } = structuredClone(file);
  delete draft.framework.outline;
  return draft;
}

// ---------------------------------------------------------------- the round trip

test('a draft exported in one browser context and imported through the file picker in a fresh one shows the same totals and component indexes and exports byte for byte the same file', { timeout: 60_000 }, async () => {
  // The first context: Sở Nội vụ answers eleven items, cites one document from two of them,
  // explains one and writes its difficulties and proposals on the report page.
  const first = await openApp(browser);
  const id = await new StartPage(first.page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws1 = new Workspace(first.page);
  const items = await answerWithEvidence(ws1);
  const report = await ws1.openReport();
  await report.remarks.fill(REMARKS);
  await eventually(async () => {
    const stored = await readStored(first.page, id);
    assert.deepEqual(stored.answers.items, items);
    assert.equal(stored.remarks, REMARKS);
  });
  await ws1.waitSaved();
  const summary1 = await ws1.openSummary();
  const shownFirst = {
    total: await ws1.totalPoints.textContent(),
    index: await ws1.indexPercent.textContent(),
    progress: await ws1.progress.textContent(),
    fields: await summary1.fieldIndexes(),
  };
  assert.equal(Object.keys(shownFirst.fields).length, 10, 'the summary lists the ten fields');

  const exported = await ws1.exportDraft();
  const again = await ws1.exportDraft();
  assert.equal(exported.name, FILE_NAME);
  assert.equal(again.name, FILE_NAME);
  assert.ok(again.bytes.equals(exported.bytes), 'exporting twice without a change gives the same bytes');

  const file = JSON.parse(exported.bytes.toString('utf8'));
  assert.equal(file.format, 'cchc-submission');
  assert.equal(file.format_version, 1);
  assert.equal(file.id, id);
  assert.deepEqual(file.unit, { id: 'so-noi-vu', name: 'Sở Nội vụ' });
  assert.deepEqual(file.answers, { year: 2025, items, evidence: [{ id: 'tl1', ...DOC }] });
  assert.equal(file.remarks, REMARKS);
  assert.equal(file.revision, 0);
  assert.deepEqual([file.framework.id, file.framework.version], [FW_ID, fw.version]);
  assert.match(file.framework.fingerprint, /^sha256:[0-9a-f]{64}$/);
  assert.equal(file.framework.outline.length, 85, 'the outline lists every scored item');
  assert.deepEqual(file.framework.outline[0], { code: '1.1.1', max: '1.00', rule: 'levels' });
  assert.match(file.app_version, /^\d+\.\d+\.\d+/);
  assert.equal(totalOf(file.scorecard), shownFirst.total, "the file's score snapshot is the total the page shows");
  assert.equal(`${fmt(file.scorecard.index)} %`, shownFirst.index);
  assert.match(file.checksum, /^sha256:[0-9a-f]{64}$/);
  assert.equal(file.checksum, contentChecksum(file), 'the checksum is the sha256 of the content without it');
  assert.deepEqual(first.watch.consoleErrors, []);
  assert.deepEqual(first.watch.outsideRequests, []);
  await first.context.close();

  // A fresh context has never seen the draft.
  const second = await openApp(browser);
  const start = new StartPage(second.page);
  await start.ready();
  assert.equal(await start.draftRows().count(), 0);
  const empty = await storageSnapshot(second.page);
  const panel = await start.pickFile(fileOf(exported.name, exported.bytes));
  await panel.preview.waitFor();
  assert.equal(await panel.unit.textContent(), 'Sở Nội vụ');
  assert.equal(await panel.year.textContent(), '2025');
  assert.equal(await panel.index.textContent(), previewIndexOf(file.scorecard));
  assert.match(await panel.root.textContent(), new RegExp(FILE_NAME.replace(/\./g, '\\.')), 'the panel names the file');
  assert.equal(await panel.edited.count(), 0, 'a file straight from the app is not marked as edited');
  assert.equal(await panel.exists.count(), 0);
  assert.equal(await panel.asNew.count(), 0);
  assert.equal(await panel.replace.count(), 0);
  assert.deepEqual(await storageSnapshot(second.page), empty, 'nothing is stored before the user confirms');

  await panel.confirm.click();
  await second.page.waitForURL(new RegExp(`#/d/${id}$`));
  const ws2 = new Workspace(second.page);
  await ws2.totalPoints.waitFor();
  await panel.root.waitFor({ state: 'detached' });
  assert.equal(await second.page.getByTestId('draft-unit').textContent(), 'Sở Nội vụ');
  assert.equal(await ws2.totalPoints.textContent(), shownFirst.total);
  assert.equal(await ws2.indexPercent.textContent(), shownFirst.index);
  assert.equal(await ws2.progress.textContent(), shownFirst.progress);
  assert.equal(await ws2.editedMark.count(), 0);
  assert.deepEqual(await readStored(second.page, id), storedFormOf(file), 'the stored draft is the file’s content');
  await ws2.select('1.1.2');
  assert.match(await ws2.evidenceList().textContent(), /12\/KH-SNV ngày 15\/01\/2025 của Sở Nội vụ — Kế hoạch cải cách hành chính năm 2025 \(Mục II\)/);
  await ws2.select('1.1.3');
  assert.equal(await ws2.explanation().inputValue(), EXPLANATION);
  const summary2 = await ws2.openSummary();
  assert.deepEqual(await summary2.fieldIndexes(), shownFirst.fields);

  const reExported = await ws2.exportDraft();
  assert.equal(reExported.name, FILE_NAME);
  assert.ok(reExported.bytes.equals(exported.bytes), 'the imported draft exports to the very same bytes');
  assert.deepEqual(second.watch.consoleErrors, []);
  assert.deepEqual(second.watch.outsideRequests, []);
  await second.context.close();
});

// ---------------------------------------------------------------- files that are refused

describe('a file that cannot be imported gets its own message in Vietnamese and changes nothing', () => {
  let ctx;
  let real;
  let start;
  let panel;

  before(async () => {
    ctx = await openApp(browser);
    start = new StartPage(ctx.page);
    await start.createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
    const ws = new Workspace(ctx.page);
    await ws.select('1.1.1');
    await ws.answer(node('1.1.1'), { kind: 'level', id: 'cham' });
    await ws.select('1.7.1');
    await ws.answer(node('1.7.1'), { kind: 'estimate', points: '1.25' });
    await ws.waitSaved();
    const { bytes } = await ws.exportDraft();
    real = bytes.toString('utf8');
    await ctx.page.getByTestId('home').click();
    await start.ready();
    panel = new ImportPanel(ctx.page);
  });
  after(async () => { await ctx?.context.close(); });

  /** The real export, parsed, changed by `change`, written as the app writes files. */
  const changed = (change) => {
    const file = JSON.parse(real);
    change(file);
    return JSON.stringify(file, null, 2);
  };

  /**
   * Picks `file` on the start page and returns what the panel says (heading, message, details);
   * asserts that localStorage is exactly as before and that the list of drafts has not grown.
   * The panel is left open.
   */
  async function refused(file) {
    const storedBefore = await storageSnapshot(ctx.page);
    const rowsBefore = await start.draftRows().count();
    await start.pickFile(file);
    await panel.error.waitFor();
    const shown = {
      heading: await panel.heading.textContent(),
      file: await panel.root.locator('p.muted').first().textContent(),
      message: await panel.error.textContent(),
      details: await panel.detailLines(),
    };
    assert.equal(await panel.preview.count(), 0, 'no preview for a refused file');
    assert.equal(await panel.confirm.count(), 0, 'nothing to confirm');
    assert.match(await panel.root.textContent(), /Không có bản tự đánh giá nào bị thay đổi\./);
    assert.deepEqual(await storageSnapshot(ctx.page), storedBefore, 'localStorage is byte for byte as before');
    assert.equal(await start.draftRows().count(), rowsBefore, 'no draft is added');
    assert.match(ctx.page.url(), /#\/$/, 'the start page stays open');
    return shown;
  }

  async function closeAndCheck() {
    await panel.close();
    assert.deepEqual(ctx.watch.consoleErrors, []);
    assert.deepEqual(ctx.watch.outsideRequests, []);
  }

  test('a file that is not JSON is refused as not JSON', async () => {
    const shown = await refused(fileOf('bao-cao.json', 'Kính gửi Sở Nội vụ,\nđây là báo cáo, không phải tệp của ứng dụng.'));
    assert.equal(shown.heading, 'Không nhập được tệp');
    assert.equal(shown.file, 'bao-cao.json');
    assert.match(shown.message, /^Tệp không phải định dạng JSON của ứng dụng \(.+\)$/);
    assert.deepEqual(shown.details, []);
    await closeAndCheck();
  });

  test('JSON of another shape (an array, an object of other keys) is refused as not a self-assessment file', async () => {
    for (const text of ['[1,2,3]', '{"hello":1}']) {
      const shown = await refused(fileOf('khac.json', text));
      assert.equal(shown.message, 'Tệp JSON này không phải tệp tự đánh giá Chỉ số CCHC', `the message for ${text}`);
      assert.deepEqual(shown.details, []);
      await panel.close();
    }
    assert.deepEqual(ctx.watch.consoleErrors, []);
  });

  test('a file of a newer format version is refused with the version and a request to update the app', async () => {
    const shown = await refused(fileOf(FILE_NAME, changed((f) => { f.format_version = 2; })));
    assert.equal(shown.message, 'Tệp dùng định dạng phiên bản 2, mới hơn ứng dụng này; hãy cập nhật ứng dụng');
    await closeAndCheck();
  });

  test('a file scored with a framework that is not loaded names it and offers to load a framework file', async () => {
    const shown = await refused(fileOf(FILE_NAME, changed((f) => { f.framework.id = 'khung-khac'; })));
    assert.equal(shown.message, `Tệp được chấm theo bộ tiêu chí “khung-khac” phiên bản ${fw.version}, chưa có trong ứng dụng; hãy nạp bộ tiêu chí đó trước`);
    assert.deepEqual(shown.details, []);
    assert.equal(await panel.frameworkFile.count(), 1, 'the panel has a framework file input');
    assert.equal(await panel.frameworkFile.getAttribute('type'), 'file');
    assert.match(await panel.root.textContent(), /Nạp bộ tiêu chí từ tệp \(JSON\)/);
    await closeAndCheck();
  });

  test('a file scored with another version of the loaded framework lists what differs', async () => {
    const shown = await refused(fileOf(FILE_NAME, changed((f) => {
      f.framework.fingerprint = `sha256:${'0'.repeat(64)}`;
      f.framework.outline.find((o) => o.code === '1.1.1').max = '2.00';
    })));
    assert.equal(shown.message, `Tệp được chấm theo bộ tiêu chí “${FW_ID}” phiên bản ${fw.version}, khác với bộ đang dùng (phiên bản ${fw.version}); 1 điểm khác nhau`);
    assert.deepEqual(shown.details, ['1.1.1: điểm tối đa 2 trong tệp, 1 trong bộ đang dùng']);
    await closeAndCheck();
  });

  test('a file with an unknown item code and an estimate above the item’s max lists both', async () => {
    const shown = await refused(fileOf(FILE_NAME, changed((f) => {
      f.answers.items['99.9'] = { value: { kind: 'yes_no', yes: true } };
      f.answers.items['1.7.1'].value.points = '5.00';
    })));
    assert.equal(shown.message, 'Có 2 câu trả lời không khớp bộ tiêu chí');
    assert.deepEqual(shown.details.sort(), [
      '1.7.1: điểm ước tính 5 ngoài khoảng cho phép',
      '99.9: mã tiêu chí không có trong bộ tiêu chí',
    ]);
    await closeAndCheck();
  });

  test('an empty file is refused as empty', async () => {
    const shown = await refused(fileOf(FILE_NAME, ''));
    assert.equal(shown.message, 'Tệp rỗng');
    await closeAndCheck();
  });

  test('a file cut in half is refused as cut short', async () => {
    const shown = await refused(fileOf(FILE_NAME, real.slice(0, Math.floor(real.length / 2))));
    assert.equal(shown.message, 'Tệp bị cắt cụt (không trọn vẹn); hãy lấy lại tệp gốc');
    await closeAndCheck();
  });

  test('a file over 10 MB is refused before it is read', async () => {
    const big = `"${'a'.repeat(Math.ceil(10.5 * 1024 * 1024))}"`;
    const shown = await refused(fileOf('lon.json', big));
    assert.equal(shown.message, 'Tệp lớn hơn 10 MB; ứng dụng không đọc tệp này.');
    await closeAndCheck();
  });
});

test('a file changed outside the app (checksum not matching) is previewed as edited, imports, and its draft carries the edited mark', async () => {
  const { json } = await sampleFile();
  const edited = structuredClone(json);
  assert.deepEqual(edited.answers.items['1.1.1'].value, { kind: 'level', id: 'cham' });
  edited.answers.items['1.1.1'].value = { kind: 'level', id: 'dung-han' }; // 0.5 → 1 point
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  const empty = await storageSnapshot(page);
  const panel = await start.pickFile(fileOf(FILE_NAME, edited));
  await panel.preview.waitFor();
  await waitForText(panel.edited, /^Tệp đã bị chỉnh sửa ngoài ứng dụng \(mã kiểm tra không khớp\)/);
  const total = json.scorecard.total;
  const expectedTotal = `${fmt((hundredths(total) + 50) / 100)} / ${fmtShort(json.scorecard.applicable_max)}`;
  assert.equal(await panel.index.textContent(), `${fmt((hundredths(json.scorecard.index) + 50) / 100)} % (${expectedTotal})`,
    'the preview scores the answers in the file, not its snapshot');
  assert.equal(await panel.exists.count(), 0);
  assert.deepEqual(await storageSnapshot(page), empty, 'nothing is stored before the user confirms');

  await panel.confirm.click();
  await page.waitForURL(new RegExp(`#/d/${json.id}$`));
  const ws = new Workspace(page);
  await ws.totalPoints.waitFor();
  await waitForText(ws.editedMark, 'Đã bị chỉnh sửa ngoài ứng dụng');
  assert.equal(await ws.totalPoints.textContent(), expectedTotal);
  await ws.select('1.1.1');
  assert.equal(await ws.item('1.1.1').getByTestId('level-dung-han').isChecked(), true);
  assert.equal((await readStored(page, json.id)).edited_outside, true);
  await page.reload();
  await ws.totalPoints.waitFor();
  assert.equal(await ws.editedMark.isVisible(), true, 'the mark stays after a reload');
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});

// ---------------------------------------------------------------- a draft that already exists

/**
 * In a fresh context: imports the sample file, then answers one more item, so that the stored
 * draft (same id as the file) differs from it; ends on the start page with the file picked again.
 */
async function sameDraftPickedAgain() {
  const file = await sampleFile();
  const id = file.json.id;
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  let panel = await start.pickFile(fileOf(file.name, file.bytes));
  await panel.confirm.click();
  await page.waitForURL(new RegExp(`#/d/${id}$`));
  const ws = new Workspace(page);
  await ws.totalPoints.waitFor();
  await ws.select('1.5.1');
  await ws.answer(node('1.5.1'), { kind: 'count', count: 2 });
  await eventually(async () => assert.ok((await readStored(page, id)).answers.items['1.5.1']));
  await ws.waitSaved();
  const own = { text: await readRaw(page, draftKey(id)), total: await ws.totalPoints.textContent() };
  assert.notEqual(own.total, totalOf(file.json.scorecard));

  await page.getByTestId('home').click();
  await start.draftRow(id).waitFor();
  const storedBefore = await storageSnapshot(page);
  panel = await start.pickFile(fileOf(file.name, file.bytes));
  await panel.preview.waitFor();
  assert.equal(await panel.exists.textContent(), 'Máy này đã có bản tự đánh giá cùng mã với tệp.');
  assert.equal(await panel.asNew.textContent(), 'Nhập thành bản mới');
  assert.equal(await panel.replace.textContent(), 'Thay bản đã có (bản cũ vẫn hoàn tác được)');
  assert.equal(await panel.confirm.count(), 0, 'no plain “Nhập” when the draft exists');
  assert.deepEqual(await storageSnapshot(page), storedBefore, 'the preview changes nothing');
  return { file, id, own, context, page, watch, start, panel, ws };
}

test('a file whose draft is already stored can replace it; the replaced draft comes back with undo and opens as restored', async () => {
  const { file, id, own, context, page, watch, start, panel, ws } = await sameDraftPickedAgain();
  await panel.replace.click();
  await page.waitForURL(new RegExp(`#/d/${id}$`));
  await waitForText(ws.totalPoints, totalOf(file.json.scorecard));
  assert.deepEqual(await readStored(page, id), storedFormOf(file.json), 'the stored draft is the file’s');

  await page.getByTestId('home').click();
  await start.deletedToast.waitFor();
  assert.match(await start.deletedToast.textContent(), /Sở Nội vụ/);
  await start.undoDelete();
  await eventually(async () => assert.equal(await readRaw(page, draftKey(id)), own.text));
  assert.equal(await start.draftRows().count(), 1);
  // Opening it shows the restored draft, and it goes on saving normally.
  await start.draftRow(id).locator('a').first().click();
  await ws.totalPoints.waitFor();
  await waitForText(ws.totalPoints, own.total);
  await ws.select('1.3.1');
  await ws.answer(node('1.3.1'), { kind: 'yes_no', yes: true });
  await ws.waitSaved();
  assert.equal(await ws.conflict.count(), 0);
  assert.deepEqual(Object.keys((await readStored(page, id)).answers.items).sort(), [...new Set([...Object.keys(file.json.answers.items), '1.3.1', '1.5.1'])].sort());
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});

test('a file whose draft is already stored can be imported as a new draft, leaving the stored one untouched', async () => {
  const { file, id, own, context, page, watch, start, panel, ws } = await sameDraftPickedAgain();
  await panel.asNew.click();
  await page.waitForURL((url) => /#\/d\/[^/]+$/.test(url.hash) && !url.hash.endsWith(`/${id}`));
  await ws.totalPoints.waitFor();
  const newId = draftIdFromUrl(page.url());
  assert.notEqual(newId, id);
  await waitForText(ws.totalPoints, totalOf(file.json.scorecard));
  assert.deepEqual(await readStored(page, newId), { ...storedFormOf(file.json), id: newId }, 'the new draft holds the file’s content');
  assert.equal(await readRaw(page, draftKey(id)), own.text, 'the stored draft is untouched');
  await page.getByTestId('home').click();
  await start.draftRow(newId).waitFor();
  assert.equal(await start.draftRows().count(), 2);
  assert.equal(await start.deletedToast.count(), 0, 'nothing was replaced, so there is nothing to undo');
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});

// ---------------------------------------------------------------- dropping a file

test('a file dropped on the window is previewed like a picked one; a dropped framework file is loaded as a framework', async () => {
  const file = await sampleFile();
  const { context, page, watch } = await openApp(browser);
  const start = new StartPage(page);
  await start.ready();
  const panel = new ImportPanel(page);
  const empty = await storageSnapshot(page);

  const cancelled = await dropFile(page, fileOf(file.name, file.bytes));
  assert.deepEqual(cancelled, { dragover: true, drop: true }, 'the app takes the drop instead of the browser opening the file');
  await panel.preview.waitFor();
  assert.equal(await panel.unit.textContent(), 'Sở Nội vụ');
  assert.equal(await panel.year.textContent(), '2025');
  assert.equal(await panel.index.textContent(), previewIndexOf(file.json.scorecard));
  assert.equal(await panel.edited.count(), 0);
  assert.equal(await panel.exists.count(), 0);
  assert.deepEqual(await storageSnapshot(page), empty, 'dropping changes nothing');
  await panel.close();
  assert.deepEqual(await storageSnapshot(page), empty, 'cancelling changes nothing');

  await dropFile(page, fileOf(file.name, file.bytes));
  await panel.confirm.click();
  await page.waitForURL(new RegExp(`#/d/${file.json.id}$`));
  const ws = new Workspace(page);
  await waitForText(ws.totalPoints, totalOf(file.json.scorecard));

  // On the workspace too: a bad file dropped there is refused with its message.
  const storedBefore = await storageSnapshot(page);
  await dropFile(page, fileOf('khac.json', '{"hello":1}'));
  await waitForText(panel.error, 'Tệp JSON này không phải tệp tự đánh giá Chỉ số CCHC');
  assert.deepEqual(await storageSnapshot(page), storedBefore);
  await panel.close();

  // A framework file is loaded as a framework, and offered for new drafts.
  const other = structuredClone(fw);
  other.id = 'thu-nghiem-cap-so';
  other.title.vi = 'Bộ tiêu chí thử nghiệm cấp sở';
  await dropFile(page, fileOf('bo-tieu-chi.json', other));
  await waitForText(panel.frameworkLoaded, 'Đã nạp bộ tiêu chí: Bộ tiêu chí thử nghiệm cấp sở');
  await panel.close();
  await page.getByTestId('home').click();
  await page.getByTestId('choose-framework-thu-nghiem-cap-so').waitFor();
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});

// ---------------------------------------------------------------- the spreadsheet

/** Reads an .xlsx with openpyxl: sheet names, every cell (value, type, bold) and merged ranges. */
const READ_XLSX = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "data": {}}
for ws in wb.worksheets:
    rows = [[{"v": c.value, "t": c.data_type, "b": bool(c.font.b)} for c in row] for row in ws.iter_rows()]
    out["data"][ws.title] = {"rows": rows, "merged": sorted(str(r) for r in ws.merged_cells.ranges)}
print(json.dumps(out, ensure_ascii=False))
`;

/** How many nodes (fields, criteria, items) a framework file has. */
function nodeCount(framework) {
  const count = (n) => 1 + (n.children ?? []).reduce((sum, c) => sum + count(c), 0);
  return framework.fields.reduce((sum, f) => sum + count(f), 0);
}

/** The Python with openpyxl: the tools' virtual environment (scripts/tools.sh exports it). */
const PYTHON = process.env.CCHC_PYTHON || 'python3';

function readXlsx(path) {
  const run = spawnSync(PYTHON, ['-c', READ_XLSX, path], { encoding: 'utf8', timeout: 20000 });
  if (run.error) throw new Error(`cannot run ${PYTHON}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`openpyxl could not read ${path}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

test('the .xlsx score table, written by a worker fetched only on demand, opens in openpyxl with the headers, numbers and documents the app shows', async () => {
  const { context, page, watch } = await openApp(browser);
  const workerRequests = [];
  page.on('request', (req) => { if (req.url().includes('xlsx_worker')) workerRequests.push(new URL(req.url()).pathname); });
  await new StartPage(page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  await answerWithEvidence(ws);
  await ws.waitSaved();
  const totalText = await ws.totalPoints.textContent();
  const shown = {
    total: shownNumber(totalText),
    applicableMax: shownNumber(totalText.split(' / ')[1]),
    index: shownNumber(await ws.indexPercent.textContent()),
    field1: shownNumber(await ws.groupPoints('1')),
    criterion11: shownNumber(await ws.groupPoints('1.1')),
    items: {},
  };
  for (const code of ['1.1.1', '1.1.3', '1.2.1', '1.5.1', '1.6.1']) shown.items[code] = shownNumber(await ws.treePoints(code));
  assert.deepEqual(workerRequests, [], 'the worker is not fetched before the button is pressed');

  const xlsx = await ws.exportXlsx();
  assert.equal(xlsx.name, 'CCHC-2025-So-Noi-vu-bang-diem.xlsx');
  assert.deepEqual([...new Set(workerRequests)].sort(), ['/xlsx_worker.js', '/xlsx_worker_bg.wasm', '/xlsx_worker_loader.js']);
  assert.equal(await page.getByTestId('xlsx-error').count(), 0);
  const path = join(scratch, xlsx.name);
  writeFileSync(path, xlsx.bytes);
  const book = readXlsx(path);

  assert.deepEqual(book.sheets, ['Bảng điểm', 'Tài liệu kiểm chứng']);
  const { rows, merged } = book.data['Bảng điểm'];
  const text = (cell) => (typeof cell?.v === 'string' ? cell.v.trim() : cell?.v);
  assert.equal(rows[0][0].v, 'BẢNG ĐIỂM TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025');
  assert.equal(rows[0][0].b, true);
  assert.equal(rows[1][0].v, 'Sở Nội vụ');
  for (const range of ['A1:G1', 'A2:G2', 'A3:G3']) assert.ok(merged.includes(range), `the title cells ${range} are merged (merged: ${merged.join(' ')})`);

  const headerAt = rows.findIndex((r) => r[0]?.v === 'STT');
  assert.ok(headerAt > 0, 'there is a header row');
  assert.deepEqual(rows[headerAt].slice(0, 7).map(text), [
    'STT', 'Lĩnh vực / Tiêu chí / Tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự đánh giá',
    'Tài liệu kiểm chứng', 'Giải trình', 'Ghi chú',
  ]);
  const row = (code) => {
    const r = rows.find((cells, i) => i > headerAt && cells[0]?.v === code);
    assert.ok(r, `a row for ${code}`);
    return r;
  };
  const totalsAt = rows.findIndex((r) => r[0]?.v === 'TỔNG ĐIỂM');
  assert.ok(totalsAt > headerAt, 'there is a TỔNG ĐIỂM row');
  const tableEnd = rows.findIndex((r) => r[0]?.v === 'Điểm tự đánh giá (phần đơn vị tự chấm)');
  assert.equal(tableEnd - headerAt - 1, nodeCount(fw), 'a row for every field, criterion and item');

  // Every max and every self-score in the table is a number, never text.
  const wrong = [];
  for (let i = headerAt + 1; i < tableEnd; i++) {
    const [code, , max, points] = rows[i];
    if (max.t !== 'n' || typeof max.v !== 'number') wrong.push(`${code.v} max ${JSON.stringify(max)}`);
    if (points.v !== null && (points.t !== 'n' || typeof points.v !== 'number')) wrong.push(`${code.v} points ${JSON.stringify(points)}`);
  }
  assert.deepEqual(wrong, []);

  const scored = {};
  for (const code of Object.keys(shown.items)) scored[code] = row(code)[3].v;
  assert.deepEqual(scored, shown.items, 'item points equal the tree’s');
  assert.equal(row('1')[3].v, shown.field1, 'the field subtotal equals the tree’s');
  assert.equal(row('1.1')[3].v, shown.criterion11);
  assert.equal(row('1.1.3')[2].v, 2);
  assert.equal(rows[totalsAt][3].v, shown.total, 'the total equals the page’s');
  assert.equal(rows[totalsAt][2].v, shown.applicableMax, 'beside it the applicable max (3.1.1 is not applicable)');
  assert.equal(row('CHỈ SỐ CCHC (%)')[3].v, shown.index);

  // Vietnamese intact; evidence, giải trình and remarks in their columns.
  assert.equal(text(row('1.1.2')[1]), node('1.1.2').title.vi);
  assert.equal(text(row('1.1.1')[4]), DOC_LINE);
  assert.equal(text(row('1.1.2')[4]), DOC_LINE);
  assert.equal(text(row('1.1.3')[5]), EXPLANATION);
  assert.equal(text(row('3.1.1')[6]), `Không áp dụng: ${NA_REASON}`);
  assert.equal(row('3.1.1')[3].v, null);
  assert.equal(row('1.7.1')[3].v, null, 'the survey estimate is not a self-score');
  assert.equal(text(row('1.7.1')[6]), 'Tỉnh chấm qua ĐTXHH');

  // Field rows bold, other rows not.
  const boldness = {};
  const wanted = {};
  for (const code of [...fw.fields.map((f) => f.code), '1.1', '1.1.1', '10.2']) {
    boldness[code] = row(code).slice(0, 4).map((c) => c.b);
    const bold = fw.fields.some((f) => f.code === code);
    wanted[code] = [bold, bold, bold, bold];
  }
  assert.deepEqual(boldness, wanted);

  const register = book.data['Tài liệu kiểm chứng'].rows;
  assert.deepEqual(register[0].map(text), ['STT', 'Số, ký hiệu', 'Ngày ban hành', 'Cơ quan ban hành', 'Trích yếu', 'Mục, trang', 'Tiêu chí sử dụng']);
  assert.deepEqual(register.slice(1).map((r) => r.map(text)), [
    [1, '12/KH-SNV', '15/01/2025', 'Sở Nội vụ', 'Kế hoạch cải cách hành chính năm 2025', 'Mục II', '1.1.1, 1.1.2'],
  ]);
  assert.equal(register[1][0].t, 'n');
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});

// ---------------------------------------------------------------- the printed report

function run(cmd, args) {
  const out = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20000 });
  if (out.error) throw new Error(`cannot run ${cmd}: ${out.error.message}`);
  if (out.status !== 0) throw new Error(`${cmd} failed (${out.status}): ${out.stderr}`);
  return out.stdout;
}

test('the báo cáo prints on A4 portrait pages with the unit, the heading, the total, the remarks and the signatures, and without the app’s header and buttons', async () => {
  const { context, page, watch } = await openApp(browser);
  const id = await new StartPage(page).createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  await answerWithEvidence(ws);
  await page.getByTestId('to-report').click();
  await page.waitForURL(new RegExp(`#/d/${id}/bao-cao$`));
  const report = new Report(page);
  await report.table.waitFor();
  assert.equal(await report.print.textContent(), 'In báo cáo');
  await report.remarks.fill(REMARKS);
  await eventually(async () => assert.equal((await readStored(page, id)).remarks, REMARKS));
  await ws.waitSaved();
  const total = await report.total.textContent();
  const [headerTotal, headerMax] = (await ws.totalPoints.textContent()).split(' / ');
  assert.equal(total, `${headerTotal} / ${fmt(headerMax.replace(',', '.'))}`, 'the report’s total is the header’s');
  const index = await report.index.textContent();

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('export-draft').isVisible(), false, 'the header is hidden in print');
  assert.equal(await report.print.isVisible(), false);
  const pdf = join(scratch, 'bao-cao.pdf');
  // The page size comes from the report's own @page rule (A4 portrait).
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  const info = run('pdfinfo', [pdf]);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
  assert.ok(Math.abs(Number(w) - 595.28) < 1 && Math.abs(Number(h) - 841.89) < 1, `A4 portrait, 595 × 842 pt; pdfinfo says ${w} × ${h}`);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  assert.ok(pages >= 3, `the whole table is printed over several pages (${pages})`);

  const printed = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).normalize('NFC').replace(/\s+/g, ' ');
  const present = {};
  for (const wanted of [
    'SỞ NỘI VỤ', // the unit, in capitals as the report's header is styled
    'BÁO CÁO TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025',
    'Bảng điểm tự đánh giá',
    total,
    index,
    REMARKS.replace(/\s+/g, ' '),
    'Khó khăn, vướng mắc và đề xuất, kiến nghị',
    'NGƯỜI LẬP BIỂU',
    'THỦ TRƯỞNG ĐƠN VỊ',
    EXPLANATION,
  ]) present[wanted] = printed.includes(wanted);
  assert.deepEqual(Object.entries(present).filter(([, yes]) => !yes).map(([t]) => t), [], 'printed');
  const absent = {};
  for (const unwanted of [
    'Xuất tệp nộp', 'Xuất bảng điểm Excel', 'In báo cáo', 'Về trang tổng hợp', 'Đã lưu lúc',
    'Tự đánh giá Chỉ số cải cách hành chính', 'Nội dung này được in vào báo cáo', 'English',
  ]) absent[unwanted] = printed.includes(unwanted);
  assert.deepEqual(Object.entries(absent).filter(([, yes]) => yes).map(([t]) => t), [], 'not printed');
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});
