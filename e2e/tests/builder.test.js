// The framework builder: a framework built from a Word annex made here (merged cells, a header
// row marked and one typed again mid-table), from the builder's own .xlsx template and from a
// pasted table; items that need a choice settled; saved into the app; a draft created and scored
// on it; the framework file exported and loaded in a fresh browser with the same fingerprint;
// bad files refused with the work intact; the work kept across a reload.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './browser.js';
import {
  BuilderPage, StartPage, Workspace, docxOf, fileOf, downloadFrom, eventually, waitForText, readRaw,
  scoredItems,
} from './pages.js';

const HEADER = ['STT', 'Lĩnh vực, tiêu chí, tiêu chí thành phần', 'Điểm tối đa', 'Cách chấm điểm', 'Tài liệu kiểm chứng'];

/** An annex as provinces write it: Roman fields, a merged code cell, a repeated header row. */
const ANNEX_ROWS = [
  { header: true, cells: HEADER },
  ['(1)', '(2)', '(3)', '(4)', '(5)'],
  [{ text: 'I', bold: true }, { text: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', bold: true }, { text: '4', bold: true }, '', ''],
  ['1', 'Kế hoạch CCHC năm', '2', '', ''],
  ['1.1', 'Ban hành kế hoạch CCHC năm', '1', 'Ban hành kịp thời: 1 điểm;\nban hành chậm: 0,5 điểm;\nkhông ban hành: 0 điểm', 'Kế hoạch CCHC'],
  [{ text: '1.2', vmerge: 'restart' }, 'Mức độ hoàn thành kế hoạch', '1', 'Căn cứ kết quả thực hiện để chấm điểm', 'Báo cáo'],
  [{ text: '', vmerge: 'continue' }, '', '', '', ''],
  HEADER,
  ['2', 'Giải quyết hồ sơ đúng hạn', '2', 'Trên 90%: 2 điểm; từ 70% - 90%: 1 điểm; dưới 70%: 0 điểm', 'Sổ theo dõi'],
  [{ text: 'II', bold: true }, { text: 'CẢI CÁCH THỂ CHẾ', bold: true }, { text: '1', bold: true }, '', ''],
  ['1', 'Rà soát văn bản', '1', 'Có: 1 điểm; không: 0 điểm', ''],
];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openBuilder() {
  const { context, page, watch } = await openApp(browser, { path: 'tao-bo-tieu-chi/' });
  const builder = new BuilderPage(page);
  await page.getByTestId('builder').waitFor();
  return { context, page, watch, builder };
}

describe('the framework builder', () => {
  test('a Word annex becomes a framework a unit can score with, and its file loads elsewhere the same', async () => {
    const { context, page, watch, builder } = await openBuilder();
    await builder.pick({ name: 'Phu-luc-QD-CCHC.docx', mimeType: DOCX, buffer: docxOf(ANNEX_ROWS) });
    await builder.tree.waitFor();
    assert.deepEqual(await builder.codes(), ['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1']);
    // The levels are read from the text, with the deciding words marked.
    await waitForText(builder.node('1.1.1').getByTestId('item-state'), 'Đọc từ nội dung');
    assert.ok(await builder.node('1.1.1').locator('mark').count() > 0);
    // Two items to settle: one the reader cannot read, one edge the words leave open.
    await waitForText(builder.node('1.1.2').getByTestId('item-state'), 'Cần chọn cách chấm');
    await waitForText(builder.node('1.2').getByTestId('item-state'), 'Cần xác nhận mức');
    assert.equal(await builder.save.isDisabled(), true);
    const problems = await builder.problems.allTextContents();
    assert.ok(problems.some((p) => p.includes('1.1.2') && p.includes('dòng 6')), problems.join('\n'));

    await builder.chooseRule('1.1.2', 'YesNo');
    await waitForText(builder.node('1.1.2').getByTestId('item-state'), 'Đã chọn');
    await builder.placeEdgesUpper('1.2');
    await waitForText(builder.node('1.2').getByTestId('item-state'), 'Đã chọn');
    await builder.setMeta('id', 'tinh-thu-cap-so');
    await builder.setMeta('decision', '1234/QĐ-UBND');
    await builder.setMeta('date', '2025-03-01');
    await builder.usable.waitFor();

    const { bytes } = await downloadFrom(page, () => builder.export.click());
    const file = JSON.parse(bytes.toString('utf8'));
    assert.equal(file.status, 'official');
    assert.equal(file.total_max, 5);
    await builder.save.click();
    await builder.saved.waitFor();

    // The app offers it for a new draft, and scores with it.
    await page.getByTestId('open-app').click();
    const start = new StartPage(page);
    await start.createDraft({ framework: 'tinh-thu-cap-so' });
    const ws = new Workspace(page);
    const items = scoredItems(file);
    await ws.select('2.1');
    await ws.answer(items.find((n) => n.code === '2.1'), { kind: 'yes_no', yes: true });
    await waitForText(ws.itemPoints('2.1'), 'Điểm hiện tại: 1 / 1');
    const { bytes: submission } = await ws.exportDraft();
    const fingerprint = JSON.parse(submission.toString('utf8')).framework.fingerprint;

    // A fresh browser loads the exported framework file and gets the same fingerprint.
    const fresh = await openApp(browser);
    await fresh.page.getByTestId('framework-file').first().setInputFiles(fileOf('tinh-thu.json', bytes.toString('utf8')));
    await fresh.page.getByTestId('framework-loaded').waitFor();
    const start2 = new StartPage(fresh.page);
    await start2.createDraft({ framework: 'tinh-thu-cap-so' });
    const { bytes: submission2 } = await new Workspace(fresh.page).exportDraft();
    assert.equal(JSON.parse(submission2.toString('utf8')).framework.fingerprint, fingerprint);
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual([...watch.outsideRequests, ...fresh.watch.outsideRequests], []);
    await fresh.context.close();
    await context.close();
  });

  test('the template from the builder page is read back into a usable framework', async () => {
    const { context, page, builder } = await openBuilder();
    const template = await downloadFrom(page, () => page.getByTestId('template').click());
    assert.match(template.name, /\.xlsx$/);
    await builder.pick({ name: template.name, mimeType: 'application/octet-stream', buffer: template.bytes });
    await builder.usable.waitFor();
    assert.ok((await builder.codes()).includes('1.2.2'));
    await context.close();
  });

  test('a table pasted from Excel is read, and bad files leave the work as it was', async () => {
    const { context, page, builder } = await openBuilder();
    const tsv = [
      'STT\tNội dung tiêu chí\tĐiểm tối đa\tHướng dẫn chấm điểm',
      '1\tCông tác chỉ đạo\t3\t',
      '1.1\tBan hành kế hoạch\t1\t"Có: 1 điểm;\nkhông: 0 điểm"',
      '1.2\tBáo cáo định kỳ\t1\tĐạt: 1 điểm; không đạt: 0 điểm',
    ].join('\n');
    await builder.pasteTable(tsv);
    // The field's max does not match its items: the problem names row 2; correcting the cell there
    // builds the tree again.
    await eventually(async () => {
      const problems = await builder.problems.allTextContents();
      assert.ok(problems.some((p) => p.includes('dòng 2')), problems.join('\n'));
    });
    await builder.editCell(2, 3, '2');
    await builder.usable.waitFor();
    const before = await builder.codes();
    assert.deepEqual(before, ['1', '1.1', '1.2']);

    const refusals = [
      [{ name: 'phu-luc.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%…') }, /PDF/],
      [{ name: 'phu-luc.doc', mimeType: 'application/msword', buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]) }, /\.docx/],
      [{ name: 'trong.docx', mimeType: DOCX, buffer: Buffer.from('PK\u0003\u0004 hỏng') }, /./],
    ];
    for (const [file, said] of refusals) {
      await builder.pick(file);
      await waitForText(builder.error, said);
      assert.deepEqual(await builder.codes(), before, `${file.name} changed the work`);
    }

    // The work survives a reload.
    await page.reload();
    await builder.notice.waitFor();
    await builder.usable.waitFor();
    assert.deepEqual(await builder.codes(), before);
    assert.ok(await readRaw(page, 'cchc.v1.builder'));
    await context.close();
  });
});
