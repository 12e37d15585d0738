// Two versions of a framework compared on the builder's page (tao-bo-tieu-chi/#so-sanh), reached
// from the start page's framework card: each field's maximum and item count on both sides, every
// item renumbered, removed, added or changed with its old and new values; a file that is not a
// framework is refused with the comparison left as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './browser.js';
import { StartPage, loadFramework, fileOf, waitForText } from './pages.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Next year's version of the sở framework: a level's points lowered, 1.1.2 renumbered 1.1.9,
 * 1.1.3 replaced by 1.1.4 (the same 2 points, scored yes / no). */
function nextVersion() {
  const fw = loadFramework('soc-trang-cap-so');
  fw.version = '2026.1';
  const c11 = fw.fields[0].children[0];
  c11.children[0].rule.levels[1].points = 0.25;
  c11.children[1].code = '1.1.9';
  c11.children[2] = {
    code: '1.1.4', title: { vi: 'Công khai kế hoạch CCHC trên Cổng thông tin điện tử' }, max: 2,
    guidance: { vi: 'Có: 2 điểm; không: 0 điểm.' }, source: 'Phiên bản thử', rule: { kind: 'yes_no' },
  };
  return fw;
}

test('next year’s version is compared with this year’s: fields side by side, and each item renumbered, removed, added or changed', async () => {
  const next = nextVersion();
  const { context, page, watch } = await openApp(browser, {
    initScript: (text) => localStorage.setItem('cchc.v1.framework.soc-trang-cap-so@2026.1', text),
    initArg: JSON.stringify(next),
  });
  const start = new StartPage(page);
  await start.ready();
  const link = page.getByTestId('compare-framework').last();
  assert.equal(await link.getAttribute('href'), 'tao-bo-tieu-chi/#so-sanh/soc-trang-cap-so%402026.1');
  await link.click();
  const result = page.getByTestId('compare-result');
  await result.waitFor();
  assert.match(await page.getByTestId('compare-old-label').textContent(), /\(2025\.1\)$/, 'the other version is the earlier side');
  assert.match(await page.getByTestId('compare-new-label').textContent(), /\(2026\.1\)$/);

  const changes = await page.getByTestId('compare-change').evaluateAll((rows) => rows.map((r) => `${r.dataset.kind} ${r.dataset.code}`));
  assert.deepEqual(changes, ['changed 1.1.1', 'moved 1.1.9', 'removed 1.1.3', 'added 1.1.4']);
  const old = loadFramework('soc-trang-cap-so');
  const items = (fw) => { let n = 0; const walk = (x) => { if (x.rule) n++; (x.children ?? []).forEach(walk); }; fw.fields.forEach(walk); return n; };
  await waitForText(page.getByTestId('compare-summary'), `1 thêm mới · 1 bỏ đi · 1 chuyển mã · 1 thay đổi · ${items(old) - 3} giữ nguyên`);
  const level = page.locator('[data-testid="compare-change"][data-code="1.1.1"]');
  const oldLevel = old.fields[0].children[0].children[0].rule.levels[1];
  assert.match(await level.textContent(), new RegExp(`${oldLevel.label.vi}: 0,5 điểm.*→.*${oldLevel.label.vi}: 0,25 điểm`));
  // Field 1 keeps its maximum and its number of items.
  const field = await page.locator('[data-testid="compare-field"][data-code="1"] td').allTextContents();
  assert.deepEqual(field, ['13', '13', String(old.fields[0].children.flatMap((c) => c.children ?? [c]).length), String(old.fields[0].children.flatMap((c) => c.children ?? [c]).length)]);

  // A unit list picked as a framework is refused; the comparison stays.
  await page.getByTestId('compare-old-file').setInputFiles(fileOf('don-vi.json', JSON.stringify({ format: 'cchc-units', format_version: 1, province: 'X', units: [] })));
  await waitForText(page.getByTestId('compare-old-error'), /^don-vi\.json: 1 vấn đề — format: Đây không phải tệp bộ tiêu chí/);
  assert.equal(await page.getByTestId('compare-change').count(), 4);
  await page.getByTestId('compare-print').waitFor();
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, [], 'no request leaves the app');
  await context.close();
});
