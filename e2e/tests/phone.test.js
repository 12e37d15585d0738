// Every screen on a phone (360 × 740) and a small tablet (768 × 1024): nothing wider than the
// screen, the header on one line, controls big enough to tap, axe-core clean; and one whole self-assessment done by touch on a
// phone. The printed report is untouched (A4): only its on-screen view adapts.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_URL, launch, openApp } from './browser.js';
import { axeViolations, assertNone } from './axe.js';
import {
  StartPage, Workspace, CarryPanel, TrainerPage, Presenter, EvaluatorPage, BuilderPage, EditorPage,
  loadFramework, scoredItems, scoreNatively, generateSubmissions, downloadFrom, waitForText, eventually, fileOf,
  fmt, fmtShort, draftWithSomeAnswers,
} from './pages.js';

const FW_ID = 'soc-trang-cap-so';
const fw = loadFramework(FW_ID);

const PHONE = { width: 360, height: 740 };
const TABLET = { width: 768, height: 1024 };

let browser;
let scratch;
let batch;
before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'cchc-phone-'));
  batch = generateSubmissions(join(scratch, '2025'), 12, 2025);
});
after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Each screen, and how to reach it with enough on it that a wide part would show. */
const SCREENS = [
  ['the start page with a draft listed', async (page) => {
    const start = new StartPage(page);
    await start.createDraft({ framework: FW_ID, unit: 'so-noi-vu', year: 2025 });
    await start.goto();
    await start.draftRows().first().waitFor();
  }],
  ['the import panel previewing a file', async (page) => {
    const { ws } = await draftWithSomeAnswers(page);
    const exported = await ws.exportDraft();
    const start = new StartPage(page);
    await start.goto();
    const panel = await start.pickFile(fileOf(exported.name, exported.bytes));
    await panel.preview.waitFor();
  }],
  ['the carry panel, a draft carried into next year', async (page) => {
    const { id } = await draftWithSomeAnswers(page);
    const start = new StartPage(page);
    await start.goto();
    await start.draftRow(id).getByTestId('carry-draft').click();
    const carry = new CarryPanel(page);
    await carry.summary.waitFor();
    await carry.year.fill('2026');
    await carry.outsideYear.waitFor();
  }],
  ['the workspace at an item', async (page) => {
    const { id, ws } = await draftWithSomeAnswers(page);
    await ws.goto(id, '1.1.3');
    await ws.openWhy('1.1.3');
  }],
  ['the workspace’s criteria list', async (page) => {
    const { id, ws } = await draftWithSomeAnswers(page);
    await ws.goto(id);
    await ws.tree.waitFor();
  }],
  ['the summary', async (page) => {
    const { ws } = await draftWithSomeAnswers(page);
    const summary = await ws.openSummary();
    await summary.chart.waitFor();
  }],
  ['the report', async (page) => {
    const { ws } = await draftWithSomeAnswers(page);
    await ws.openReport();
    await page.getByTestId('field-chart').waitFor();
  }],
  ['the sample unit (sandbox)', async (page) => {
    const trainer = new TrainerPage(page);
    await trainer.goto();
    await page.getByTestId('open-sample').click();
    await page.getByTestId('sandbox-banner').waitFor();
  }],
  ['the criteria guide', async (page) => {
    const trainer = new TrainerPage(page);
    await trainer.goto();
    await trainer.card('1.1.1').locator('summary').click();
  }],
  ['the presenter view', async (page) => {
    const presenter = new Presenter(page);
    await presenter.goto();
    await waitForText(presenter.position, /^1 \/ \d+$/);
  }],
  ['the Sở Nội vụ view with a batch ranked', async (page) => {
    const ev = new EvaluatorPage(page);
    await ev.goto();
    await ev.load(batch.files.map((f) => f.path));
    await ev.chart.waitFor();
  }],
  ['the appraisal of a unit, an item open, and the survey sheet read', async (page) => {
    const ev = new EvaluatorPage(page);
    await ev.goto();
    await ev.load(batch.files.map((f) => f.path));
    const section = page.getByTestId('survey-sheet');
    await section.locator('summary').click();
    await page.getByTestId('survey-sheet-paste').fill(`${batch.files[0].json.unit.name}\t20\nĐơn vị lạ\t10\n`);
    await page.getByTestId('survey-sheet-read').click();
    await page.getByTestId('survey-sheet-rows').waitFor();
    const panel = await ev.appraise(batch.files[0].json.unit.id);
    await panel.open((await panel.codes())[0]);
  }],
  ['the framework builder with a table read', async (page) => {
    const builder = new BuilderPage(page);
    await builder.goto();
    await builder.pasteTable([
      'STT\tNội dung tiêu chí\tĐiểm tối đa\tHướng dẫn chấm điểm',
      '1\tCông tác chỉ đạo, điều hành cải cách hành chính\t2\t',
      '1.1\tBan hành kế hoạch cải cách hành chính năm đúng thời hạn quy định\t1\t"Ban hành kịp thời: 1 điểm;\nban hành chậm: 0,5 điểm; không ban hành: 0 điểm"',
      '1.2\tTỷ lệ báo cáo định kỳ gửi đúng hạn\t1\tTừ 100%: 1 điểm; dưới 100%: 0 điểm',
    ].join('\n'));
    await builder.usable.waitFor();
  }],
  ['the framework editor with a shipped framework', async (page) => {
    await new BuilderPage(page).goto();
    await page.getByTestId('open-stored').selectOption({ index: 1 });
    await page.getByTestId('open-stored-button').click();
    const editor = new EditorPage(page);
    await editor.usable.waitFor();
    await editor.details(editor.row('1.1.1'));
  }],
  ['the unit lists', async (page) => {
    await page.goto(new URL('tao-bo-tieu-chi/#danh-sach-don-vi', APP_URL).href);
    await page.getByTestId('kept-lists').waitFor();
    await page.getByTestId('units-paste').fill('Tên đơn vị\tLoại đơn vị\tMã\nUBND xã An Bình\tXã\t1\nTrung tâm Phục vụ hành chính công tỉnh\tSở\t3');
    await page.getByTestId('units-read-pasted').click();
    await page.getByTestId('unit-row').first().waitFor();
  }],
  ['the comparison of two versions', async (page) => {
    const next = loadFramework(FW_ID);
    next.version = '2026.1';
    next.fields[0].children[0].children[1].code = '1.1.9';
    next.fields[0].children[0].children[0].title.vi = 'Ban hành kế hoạch cải cách hành chính năm kịp thời, đầy đủ nội dung theo hướng dẫn của Bộ Nội vụ và Ủy ban nhân dân tỉnh';
    await page.evaluate((text) => localStorage.setItem('cchc.v1.framework.soc-trang-cap-so@2026.1', text), JSON.stringify(next));
    await page.goto(new URL(`tao-bo-tieu-chi/#so-sanh/${FW_ID}%402026.1`, APP_URL).href);
    await page.getByTestId('compare-changes').waitFor();
  }],
];

/**
 * What sticks out past the right edge of the screen: the page's own width, and the outermost
 * elements wider than the screen that no scrolling container of their own holds.
 */
async function overflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrolls = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)) return true;
      }
      return false;
    };
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5 || scrolls(el)) continue;
      if (wide.some((w) => w.el.contains(el))) continue;
      wide.push({ el, text: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} right ${Math.round(r.right)}` });
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.map((w) => w.text).slice(0, 8) };
  });
}

/**
 * The controls a finger cannot hit: smaller than 24 × 24 CSS px (a radio or a box counts with
 * its label), or a main action under 44 px high. Links inside running text are exempt, as WCAG's
 * target-size criterion allows.
 */
async function smallTargets(page) {
  return page.evaluate(() => {
    const MAIN = 'button.primary, .menu-button, .lang-switch, .item-nav .button, .back-to-list, .main-nav.open a';
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const inText = (el) => el.tagName === 'A' && !el.classList.contains('button')
      && [...el.parentElement.childNodes].some((n) => n !== el && n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const out = [];
    for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
      if (!shown(el) || inText(el) || el.closest('.visually-hidden, .skip-link')) continue;
      let r = el.getBoundingClientRect();
      if (el.type === 'radio' || el.type === 'checkbox') {
        const label = el.closest('label') ?? el.labels?.[0];
        if (label) r = label.getBoundingClientRect();
      }
      const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} “${(el.textContent || el.value || '').trim().slice(0, 30)}” ${Math.round(r.width)}×${Math.round(r.height)}`;
      if (r.width < 24 || r.height < 24) out.push(name);
      else if (el.matches(MAIN) && r.height < 44) out.push(`${name} (a main action)`);
    }
    return out.slice(0, 12);
  });
}

for (const [viewportName, viewport] of [['360 × 740', PHONE], ['768 × 1024', TABLET]]) {
  describe(`at ${viewportName}`, () => {
    for (const [name, reach] of SCREENS) {
      test(`${name}: no wider than the screen, the header on one line, no axe-core violation`, async () => {
        const { context, page, watch } = await openApp(browser, { viewport, hasTouch: true, isMobile: viewport === PHONE });
        await reach(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        const o = await overflow(page);
        assert.ok(o.scrollWidth <= o.width, `${name} is ${o.scrollWidth} px wide on a ${o.width} px screen:\n${o.wide.join('\n')}`);
        const header = await page.locator('body > header, header.app-header, header.topbar').first().boundingBox();
        if (viewport === PHONE) {
          assert.ok(header.height < 64, `the header is ${header.height} px high`);
          assert.deepEqual(await smallTargets(page), [], 'every control is big enough to tap');
        }
        assertNone(await axeViolations(page, `${name}, ${viewportName}`));
        assert.deepEqual(watch.consoleErrors, []);
        assert.deepEqual(watch.outsideRequests, []);
        await context.close();
      });
    }
  });
}

/** The first scored item of each of these rule kinds, in tree order. */
function oneItemOfEachKind(kinds) {
  return kinds.map((kinds) => {
    const node = scoredItems(fw).find((n) => kinds.includes(n.rule.kind) && n.block === 'regular');
    assert.ok(node, `the framework has a ${kinds.join(' or ')} item`);
    return node;
  });
}

/** Whether `locator` lies wholly on the screen (not scrolled away, not under the edge). */
async function onScreen(page, locator) {
  const box = await locator.boundingBox();
  const { height } = page.viewportSize();
  return box !== null && box.y >= 0 && box.y + box.height <= height + 0.5;
}

test('on a phone, by touch: a draft made, five items of different kinds answered, a document attached, the summary read and the file exported', async () => {
  const { context, page, watch } = await openApp(browser, { viewport: PHONE, hasTouch: true, isMobile: true });
  const start = new StartPage(page);
  await start.ready();

  // The sections open from the menu button, and going to one closes it.
  const menu = page.getByTestId('menu-button');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByTestId('nav-trainer').isVisible(), false, 'the sections are folded');
  await menu.tap();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.getByTestId('nav-trainer').tap();
  await new TrainerPage(page).count.waitFor();
  assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'going to a section closes the menu');
  await menu.tap();
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'Escape closes the menu');
  await menu.tap();
  await page.getByTestId('nav-start').tap();

  // A new draft, made by taps.
  await start.ready();
  await page.getByTestId(`choose-framework-${FW_ID}`).tap();
  await page.getByTestId('choose-unit').selectOption('so-noi-vu');
  await page.getByTestId('assessed-year').fill('2025');
  await page.getByTestId('create-draft').tap();
  await page.waitForURL(/#\/d\/[^/]+$/);
  const ws = new Workspace(page);
  await ws.tree.waitFor();
  const body = page.getByTestId('workspace-body');
  assert.equal(await body.getAttribute('data-pane'), 'criteria', 'a new draft opens at the list of items');

  const chosen = oneItemOfEachKind([['levels'], ['percent_bands', 'proportional'], ['count_bands', 'per_count'], ['checklist'], ['yes_no']]);
  const answers = {
    [chosen[0].code]: { kind: 'level', id: chosen[0].rule.levels[0].id },
    [chosen[1].code]: { kind: 'ratio', numerator: 9, denominator: 10 },
    [chosen[2].code]: { kind: 'count', count: 2 },
    [chosen[3].code]: { kind: 'checklist', ticked: [chosen[3].rule.items[0].id] },
    [chosen[4].code]: { kind: 'yes_no', yes: true },
  };
  for (const [i, node] of chosen.entries()) {
    if (i > 0) {
      // Back to the list, which shows where the clerk was: the last item keeps the focus.
      await page.getByTestId('back-to-list').tap();
      await ws.tree.waitFor();
      assert.equal(await body.getAttribute('data-pane'), 'criteria');
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), `tree-${chosen[i - 1].code}`));
    }
    await ws.treeLink(node.code).tap();
    await ws.item(node.code).waitFor();
    assert.equal(await body.getAttribute('data-pane'), 'item');
    // The tapped row is gone with the list: the focus is on the item's heading, at the top.
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), `item-heading-${node.code}`));
    assert.equal(await ws.tree.isVisible(), false, 'the item has the screen to itself');
    await ws.answer(node, answers[node.code]);
    // A number box brings up the phone's number keys.
    const modes = await ws.item(node.code).locator('[data-testid=numerator], [data-testid=denominator], [data-testid=count], [data-testid=estimate]')
      .evaluateAll((boxes) => boxes.map((b) => `${b.dataset.testid}:${b.inputMode}`));
    for (const mode of modes) assert.match(mode, /:(numeric|decimal)$/, `${node.code} ${mode}`);
    if (i === 0) {
      await ws.addDocument({ number: '15/KH-SNV', date: '2025-01-10', issuer: 'Sở Nội vụ', title: 'Kế hoạch cải cách hành chính năm 2025' });
      await ws.evidenceList().locator('li').first().waitFor();
    }
    // Scrolled to the item's end, the totals and the way back and forth stay on screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await eventually(async () => {
      assert.ok(await onScreen(page, ws.totalPoints), 'the total is on screen');
      assert.ok(await onScreen(page, page.getByTestId('item-nav-here')), 'the item’s code and points are on screen');
    });
    await waitForText(page.getByTestId('item-nav-here'), new RegExp(`^${node.code.replace(/\./g, '\\.')} · `));
  }
  await ws.waitSaved();

  // The next item, by the thumb: it opens at its top, its heading focused.
  const items = scoredItems(fw).map((n) => n.code);
  const after = items[items.indexOf(chosen[4].code) + 1];
  await page.getByTestId('next-item').tap();
  await ws.item(after).waitFor();
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), `item-heading-${after}`));
  assert.ok(await onScreen(page, page.locator(`[id="item-heading-${after}"]`)), 'the next item opens at its top');

  // The totals are the core's, on the summary too.
  const card = scoreNatively(FW_ID, {
    year: 2025,
    items: Object.fromEntries(Object.entries(answers).map(([c, v]) => [c, { value: v }])),
  });
  const total = `${fmt(card.total)} / ${fmtShort(card.applicable_max)}`;
  await waitForText(ws.totalPoints, total);
  // At an item the item has the screen; the draft's ways out are in the list's view.
  assert.equal(await page.getByTestId('to-summary').isVisible(), false);
  await page.getByTestId('back-to-list').tap();
  await page.getByTestId('to-summary').tap();
  await page.waitForURL(/tong-hop$/);
  await page.getByTestId('field-chart').waitFor();
  await waitForText(ws.totalPoints, total);
  const o = await overflow(page);
  assert.ok(o.scrollWidth <= o.width, `the summary is ${o.scrollWidth} px wide:\n${o.wide.join('\n')}`);

  // The file, exported by a tap, holds the five answers and the document.
  const exported = await downloadFrom(page, () => page.getByTestId('export-draft').tap());
  const file = JSON.parse(exported.bytes.toString('utf8'));
  assert.deepEqual(Object.keys(file.answers.items).sort(), Object.keys(answers).sort());
  assert.equal(file.answers.evidence.length, 1);
  assert.equal(file.scorecard.total, card.total);
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});
