// The framework editor: the builder's work carried into the form, what the builder left open
// settled there (a rule chosen, its levels typed), nodes added, moved, deleted and put back, a
// bonus field, the decision set; the loader's checks live as the officer types, each problem at
// its row; saved into the app and scored there; the exported file is what the form says; the form
// survives a reload. A shipped framework opens for editing, and a file that is not a framework is
// refused with the form intact.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './browser.js';
import {
  BuilderPage, EditorPage, StartPage, Workspace, downloadFrom, eventually, waitForText, readRaw, fileOf,
  scoredItems,
} from './pages.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openBuilder() {
  const { context, page, watch } = await openApp(browser, { path: 'tao-bo-tieu-chi/' });
  await page.getByTestId('builder').waitFor();
  return { context, page, watch, builder: new BuilderPage(page), editor: new EditorPage(page) };
}

const PASTED = [
  'STT\tTiêu chí\tĐiểm tối đa\tCách chấm điểm',
  '1\tCông tác chỉ đạo, điều hành\t3\t',
  '1.1\tBan hành kế hoạch CCHC\t2\tBan hành kịp thời: 2 điểm; ban hành chậm: 1 điểm; không ban hành: 0 điểm',
  '1.2\tTuyên truyền CCHC\t1\tTùy mức độ thực hiện',
].join('\n');

describe('the framework editor', () => {
  test('the builder\'s work is finished in the form, saved, scored in the app, and kept across a reload', async () => {
    const { context, page, watch, builder, editor } = await openBuilder();
    await builder.pasteTable(PASTED);
    await builder.tree.waitFor();
    await page.getByTestId('to-editor').click();
    await editor.root.waitFor();
    assert.deepEqual(await editor.codes(), ['1', '1.1', '1.2']);

    // What the builder could not read is still open here, named at its row and in the list.
    const open = editor.row('1.2');
    await eventually(async () => {
      assert.deepEqual(await editor.rowProblems(open), ['Cách chấm: Chưa chọn cách chấm điểm']);
    });
    assert.equal(await editor.save.isDisabled(), true);
    const listed = await editor.problems.allTextContents();
    assert.ok(listed.some((p) => p.startsWith('1.2') && p.includes('Chưa chọn cách chấm')), listed.join('\n'));

    // Settled as levels, typed in the form.
    const details = await editor.details(open);
    await details.getByTestId('rule-kind').selectOption('levels');
    const labels = details.getByTestId('level-label');
    const points = details.getByTestId('level-points');
    await labels.nth(0).fill('Thực hiện đầy đủ');
    await points.nth(0).fill('1');
    await labels.nth(1).fill('Thực hiện một phần');
    await points.nth(1).fill('0,5');
    await details.getByTestId('rule-add-level').click();
    await labels.nth(2).fill('Không thực hiện');
    await points.nth(2).fill('0');
    await editor.usable.waitFor();

    // A new criterion under 1: the field's sum is off at once, named at the field; fixing it
    // there clears it, and the total is then off in the details.
    await editor.act(editor.row('1'), 'row-add-child');
    const added = editor.row('1.3');
    // The cursor is in the new row's title: the officer types on.
    await eventually(async () => {
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'node-title');
    });
    await page.keyboard.type('Kiểm tra CCHC');
    assert.equal(await added.locator('> .node-head [data-testid="node-title"]').inputValue(), 'Kiểm tra CCHC');
    await editor.type(added, 'node-max', '1');
    const addedDetails = await editor.details(added);
    await addedDetails.getByTestId('rule-kind').selectOption('yes_no');
    await eventually(async () => {
      const here = await editor.rowProblems(editor.row('1'));
      assert.ok(here.some((p) => p.includes('4')), here.join('\n'));
    });
    await editor.type(editor.row('1'), 'node-max', '4');
    await eventually(async () => {
      assert.deepEqual(await editor.rowProblems(editor.row('1')), []);
      const listed = await editor.problems.allTextContents();
      assert.ok(listed.some((p) => p.startsWith('Thông tin chung')), listed.join('\n'));
    });
    await editor.setDetail('total', '4');
    await editor.usable.waitFor();

    // Moved up, deleted, put back where it was.
    await editor.act(added, 'row-up');
    assert.deepEqual(await editor.codes(), ['1', '1.1', '1.3', '1.2']);
    await editor.act(editor.row('1.3'), 'row-delete');
    assert.deepEqual(await editor.codes(), ['1', '1.1', '1.2']);
    await page.getByTestId('editor-put-back').click();
    assert.deepEqual(await editor.codes(), ['1', '1.1', '1.3', '1.2']);

    // A bonus field with its cap, scored per occurrence.
    await page.getByTestId('form-add-field').click();
    const bonus = editor.row('2');
    await editor.type(bonus, 'node-title', 'Điểm thưởng');
    await editor.type(bonus, 'node-max', '2');
    const bonusDetails = await editor.details(bonus);
    await bonusDetails.getByTestId('node-block').selectOption('bonus');
    await bonusDetails.getByTestId('rule-kind').selectOption('per_count');
    await bonusDetails.getByTestId('rule-count').fill('Số sáng kiến được công nhận');
    await bonusDetails.getByTestId('rule-points-each').fill('0,5');
    await editor.usable.waitFor();

    // Official only with the decision's number and date.
    await editor.setDetail('id', 'tinh-thu-soan');
    await editor.setDetail('decision', '77/QĐ-UBND');
    await waitForText(page.getByTestId('form-status'), /^Sẽ lưu là bộ tiêu chí mẫu/);
    await editor.setDetail('date', '2026-02-01');
    await waitForText(page.getByTestId('form-status'), /^Sẽ lưu là bộ tiêu chí chính thức/);

    const { bytes } = await downloadFrom(page, () => editor.export.click());
    const file = JSON.parse(bytes.toString('utf8'));
    assert.equal(file.status, 'official');
    assert.equal(file.total_max, 4);
    assert.deepEqual(file.fields.map((f) => f.kind ?? 'regular'), ['regular', 'bonus']);
    const item12 = scoredItems(file).find((n) => n.code === '1.2');
    assert.deepEqual(item12.rule.levels.map((l) => l.points), [1, 0.5, 0]);

    // The form is kept: a reload shows it as it was.
    await page.reload();
    await editor.root.waitFor();
    assert.deepEqual(await editor.codes(), ['1', '1.1', '1.3', '1.2', '2']);
    await editor.usable.waitFor();
    assert.ok(await readRaw(page, 'cchc.v1.editor'));

    await editor.save.click();
    await editor.saved.waitFor();
    await page.getByTestId('open-app').click();
    await new StartPage(page).createDraft({ framework: 'tinh-thu-soan' });
    const ws = new Workspace(page);
    await ws.select('1.2');
    await ws.answer(item12, { kind: 'level', id: item12.rule.levels[1].id });
    await waitForText(ws.itemPoints('1.2'), 'Điểm hiện tại: 0,5 / 1');
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
    await context.close();
  });

  test('a shipped framework opens for editing; a file that is not a framework leaves the form as it was', async () => {
    const { context, page, editor } = await openBuilder();
    await page.getByTestId('open-stored').selectOption({ index: 1 });
    await page.getByTestId('open-stored-button').click();
    await editor.root.waitFor();
    await editor.usable.waitFor();
    const codes = await editor.codes();
    assert.ok(codes.length > 20, `${codes.length} rows`);

    // A maximum typed wrong is named at its box, and what was typed stays.
    const first = editor.row(codes[2]);
    await editor.type(first, 'node-max', 'hai');
    await eventually(async () => {
      const here = await editor.rowProblems(first);
      assert.ok(here.some((p) => p.startsWith('Điểm tối đa:')), here.join('\n'));
    });
    assert.equal(await first.locator('> .node-head [data-testid="node-max"]').inputValue(), 'hai');
    assert.equal(await editor.save.isDisabled(), true);

    // Back to the sources: a submission file offered as a framework is refused, the form kept.
    await page.getByTestId('back-to-source').click();
    await page.getByTestId('open-json').setInputFiles(fileOf('nop.json', JSON.stringify({ format: 'cchc-submission', format_version: 1 })));
    await waitForText(page.getByTestId('editor-error'), /tệp nộp/);
    await page.getByTestId('resume-editor').click();
    assert.deepEqual(await editor.codes(), codes);
    assert.equal(await editor.row(codes[2]).locator('> .node-head [data-testid="node-max"]').inputValue(), 'hai');

    // Opening another asks first; saying no keeps the form.
    await page.getByTestId('back-to-source').click();
    await page.getByTestId('open-blank').click();
    await page.getByTestId('editor-pending').waitFor();
    await page.getByTestId('editor-pending').getByRole('button', { name: 'Thôi' }).click();
    await page.getByTestId('resume-editor').click();
    assert.deepEqual(await editor.codes(), codes);
    await context.close();
  });
});
