// Page objects for the screens (start, workspace, summary, report, the trainer's criteria browser
// and presenter view, the Sở Nội vụ ranking) and the import panel, and the helpers the end-to-end
// tests share: reading a shipped framework from disk, planning answers for its items, driving an
// item's input to give an answer, reading it back, asking the core's native scorer for the figures
// the page must show, formatting those figures the way the page does, generating units' submission
// files with the core, and moving files in and out of the page (downloads, picked and dropped files).
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { APP_URL } from './browser.js';

// ---------------------------------------------------------------- waiting and storage

/** Retries `check` (an async function that throws while its condition does not hold). */
export async function eventually(check, { timeout = 5000, interval = 50 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** Waits until `locator`'s text equals `expected` (a string) or matches it (a RegExp). */
export async function waitForText(locator, expected, { timeout = 5000 } = {}) {
  let actual;
  try {
    await eventually(async () => {
      actual = (await locator.textContent({ timeout: 1000 }))?.trim();
      const ok = expected instanceof RegExp ? expected.test(actual ?? '') : actual === expected;
      if (!ok) throw new Error('not yet');
    }, { timeout });
  } catch {
    throw new Error(`${locator} still reads ${JSON.stringify(actual)}, expected ${expected instanceof RegExp ? expected : JSON.stringify(expected)}`);
  }
  return actual;
}

export const DRAFT_PREFIX = 'cchc.v1.draft.';
export const draftKey = (id) => `${DRAFT_PREFIX}${id}`;

/**
 * The raw text stored under `key`, read with the browser's own `Storage.prototype.getItem` even
 * when a test has replaced localStorage's methods (the original is kept in `window.__storage`).
 */
export async function readRaw(page, key) {
  return page.evaluate((k) => {
    const getItem = window.__storage?.getItem ?? Storage.prototype.getItem;
    return getItem.call(window.localStorage, k);
  }, key);
}

/** The stored draft `id`, parsed, or null. */
export async function readStored(page, id) {
  const raw = await readRaw(page, draftKey(id));
  return raw === null ? null : JSON.parse(raw);
}

/** Every localStorage key of the page. */
export async function storedKeys(page) {
  return page.evaluate(() => Object.keys(window.localStorage).sort());
}

/** Every localStorage key of the page with its raw text, to compare before and after. */
export async function storageSnapshot(page) {
  return page.evaluate(() => {
    const getItem = window.__storage?.getItem ?? Storage.prototype.getItem;
    const out = {};
    for (const key of Object.keys(window.localStorage).sort()) out[key] = getItem.call(window.localStorage, key);
    return out;
  });
}

// ---------------------------------------------------------------- files in and out

/**
 * Runs `action`, which makes the page offer a download, and returns the file's suggested name
 * and its bytes (a Buffer).
 */
export async function downloadFrom(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const failure = await download.failure();
  if (failure !== null) throw new Error(`the download of ${download.suggestedFilename()} failed: ${failure}`);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/**
 * A file to hand to the page (`setInputFiles` or `dropFile`): `content` (a string, a Buffer, or
 * a value written as pretty JSON) under `name`.
 */
export function fileOf(name, content, mimeType = 'application/json') {
  let buffer;
  if (Buffer.isBuffer(content)) buffer = content;
  else if (typeof content === 'string') buffer = Buffer.from(content, 'utf8');
  else buffer = Buffer.from(JSON.stringify(content, null, 2), 'utf8');
  return { name, mimeType, buffer };
}

/**
 * Drops `file` (see `fileOf`) on the window as a file dragged from the file manager: a
 * `dragover`, then a `drop` whose DataTransfer carries the file, both dispatched on
 * document.body. Returns whether the page cancelled each event (if it did not, the browser would
 * open the file itself instead of the app).
 */
export async function dropFile(page, file) {
  return page.evaluate(({ name, mimeType, base64 }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: mimeType }));
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer });
    document.body.dispatchEvent(over);
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer });
    document.body.dispatchEvent(drop);
    return { dragover: over.defaultPrevented, drop: drop.defaultPrevented };
  }, { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') });
}

/** Points as the page writes them ("1,5", "12,50 / 100") → the number before any slash. */
export function shownNumber(text) {
  const m = /^([−-]?)(\d+)(?:,(\d+))?/.exec(text.trim());
  if (!m) throw new Error(`no number in ${JSON.stringify(text)}`);
  const value = Number(`${m[2]}.${m[3] ?? '0'}`);
  return m[1] ? -value : value;
}

// ---------------------------------------------------------------- frameworks, answers, scorer

export function loadFramework(id) {
  const url = new URL(`../../cchc-core/frameworks/${id}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

/**
 * The scored items of a framework in tree order, each with the code of its field and its block
 * ("regular", "bonus" or "penalty").
 */
export function scoredItems(fw) {
  const out = [];
  const walk = (node, field) => {
    if (node.rule) out.push({ ...node, field: field.code, block: field.kind ?? 'regular' });
    else for (const child of node.children) walk(child, field);
  };
  for (const field of fw.fields) walk(field, field);
  return out;
}

export function nodeByCode(fw, code) {
  return scoredItems(fw).find((n) => n.code === code);
}

export const SCORE_BIN = process.env.SCORE_BIN
  ?? fileURLToPath(new URL('../../target/debug/examples/score_answers', import.meta.url));

/** Runs the core's native scorer over `answers` and returns its Scorecard JSON. */
export function scoreNatively(frameworkId, answers) {
  const run = spawnSync(SCORE_BIN, [], {
    input: JSON.stringify({ framework_id: frameworkId, answers }),
    encoding: 'utf8',
    timeout: 20000,
  });
  if (run.error) throw new Error(`cannot run the native scorer ${SCORE_BIN}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`the native scorer failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Points or a percentage as the page writes it with two decimals: "33.47" → "33,47". */
export function fmt(value, lang = 'vi') {
  const [whole, frac = ''] = String(value).split('.');
  const sep = lang === 'vi' ? ',' : '.';
  return `${whole}${sep}${frac.padEnd(2, '0').slice(0, 2)}`;
}

/** Points without trailing zeros, as the page writes maxima: "100.00" → "100", "1.50" → "1,5". */
export function fmtShort(value, lang = 'vi') {
  const [whole, frac = ''] = String(value).split('.');
  const f = frac.padEnd(2, '0').slice(0, 2).replace(/0+$/, '');
  return f ? `${whole}${lang === 'vi' ? ',' : '.'}${f}` : whole;
}

/** Hundredths → "1.50". */
const pointsText = (hundredths) => `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
const hundredths = (x) => Math.round(Number(x) * 100);

const RATIOS = [[9, 10], [7, 10], [0, 0], [10, 10], [1, 3], [19, 20], [4, 5]];

/**
 * A varied, deterministic answer for every scored item of `fw`, as the core's `Value`s:
 * yes/no alternate, levels take the middle one, ratios cycle through RATIOS, counts 0..5,
 * checklists tick every other sub-item, survey items estimate half their max; the first item that
 * allows it is marked không áp dụng (with a reason), the first that allows it không phát sinh.
 */
export function planAnswers(fw) {
  const items = scoredItems(fw);
  const na = items.find((n) => n.allow_not_applicable)?.code;
  const noTask = items.find((n) => n.allow_no_task)?.code;
  const seen = {};
  const plan = new Map();
  for (const node of items) {
    const kind = node.rule.kind;
    const i = (seen[kind] = (seen[kind] ?? -1) + 1);
    let value;
    if (node.code === na) {
      value = { kind: 'not_applicable', reason: 'Đơn vị không có thủ tục hành chính thuộc thẩm quyền giải quyết' };
    } else if (node.code === noTask) {
      value = { kind: 'no_task' };
    } else if (kind === 'yes_no') {
      value = { kind: 'yes_no', yes: i % 2 === 0 };
    } else if (kind === 'levels') {
      const levels = node.rule.levels;
      value = { kind: 'level', id: levels[Math.floor(levels.length / 2)].id };
    } else if (kind === 'percent_bands' || kind === 'proportional') {
      const [numerator, denominator] = RATIOS[i % RATIOS.length];
      value = { kind: 'ratio', numerator, denominator };
    } else if (kind === 'count_bands' || kind === 'per_count') {
      value = { kind: 'count', count: i % 6 };
    } else if (kind === 'checklist') {
      value = { kind: 'checklist', ticked: node.rule.items.filter((_, j) => j % 2 === 0).map((it) => it.id).sort() };
    } else if (kind === 'survey') {
      value = { kind: 'estimate', points: pointsText(Math.floor(hundredths(node.max) / 2)) };
    } else {
      throw new Error(`no plan for rule kind ${kind}`);
    }
    plan.set(node.code, value);
  }
  return plan;
}

// ---------------------------------------------------------------- start page

export function draftIdFromUrl(url) {
  const m = /#\/d\/([^/]+)/.exec(url);
  if (!m) throw new Error(`not a draft URL: ${url}`);
  return decodeURIComponent(m[1]);
}

export class StartPage {
  constructor(page) {
    this.page = page;
    this.form = page.getByTestId('new-draft');
    this.error = page.getByTestId('new-draft-error');
    this.draftList = page.getByTestId('draft-list');
    this.unreadable = page.getByTestId('unreadable-draft');
    this.deletedToast = page.getByTestId('deleted-toast');
    this.langSwitch = page.getByTestId('lang-switch');
  }

  async goto() {
    await this.page.goto(new URL('#/', APP_URL).href);
    await this.ready();
  }

  async ready() {
    await this.form.waitFor();
  }

  /** Fills the new-draft form, submits it and waits for the workspace; returns the draft id. */
  async createDraft({ framework = 'soc-trang-cap-so', unit = 'so-noi-vu', unitName, year = 2025 } = {}) {
    await this.ready();
    await this.page.getByTestId(`choose-framework-${framework}`).check();
    await this.page.getByTestId('choose-unit').selectOption(unit);
    if (unitName !== undefined) await this.page.getByTestId('unit-name').fill(unitName);
    await this.page.getByTestId('assessed-year').fill(String(year));
    await this.page.getByTestId('create-draft').click();
    await this.page.waitForURL(/#\/d\/[^/]+$/);
    await this.page.getByTestId('total-points').waitFor();
    return draftIdFromUrl(this.page.url());
  }

  draftRow(id) {
    return this.page.getByTestId(`draft-${id}`);
  }

  /** The rows of the stored drafts (not the unreadable ones). */
  draftRows() {
    return this.draftList.locator('li.draft-row');
  }

  /** Picks `file` (see `fileOf`) in “Mở tệp tự đánh giá”; returns the import panel. */
  async pickFile(file) {
    await this.page.getByTestId('import-file').setInputFiles(file);
    return new ImportPanel(this.page);
  }

  async deleteDraft(id) {
    await this.draftRow(id).getByTestId('delete-draft').click();
    await this.draftRow(id).getByTestId('confirm-delete').click();
  }

  async undoDelete() {
    await this.deletedToast.getByTestId('undo-delete').click();
  }
}

// ---------------------------------------------------------------- workspace

export class Workspace {
  constructor(page) {
    this.page = page;
    this.totalPoints = page.getByTestId('total-points');
    this.indexPercent = page.getByTestId('index-percent');
    this.progress = page.getByTestId('progress');
    this.saveStatus = page.getByTestId('save-status');
    this.saveFailed = page.getByTestId('save-failed');
    this.conflict = page.getByTestId('conflict');
    this.tree = page.locator('nav[data-testid=item-tree]');
    this.editedMark = page.getByTestId('edited-mark');
  }

  async goto(draftId, code) {
    const hash = code ? `#/d/${draftId}/i/${code}` : `#/d/${draftId}`;
    await this.page.goto(new URL(hash, APP_URL).href);
    await this.totalPoints.waitFor();
  }

  treeLink(code) {
    return this.page.getByTestId(`tree-${code}`);
  }

  /** The item's input area. */
  item(code) {
    return this.page.getByTestId(`item-${code}`);
  }

  itemPoints(code) {
    return this.page.getByTestId(`item-points-${code}`);
  }

  why(code) {
    return this.page.getByTestId(`why-${code}`);
  }

  /** Opens the item's "Vì sao được số điểm này?" details (a click on its summary, if closed). */
  async openWhy(code) {
    const details = this.why(code);
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
    await eventually(async () => {
      if (!(await details.evaluate((d) => d.open))) throw new Error(`why-${code} is closed`);
    });
  }

  /** Selects an item by clicking its link in the tree. */
  async select(code) {
    await this.treeLink(code).click();
    await this.item(code).waitFor();
  }

  /** Gives `value` (a core `Value`) to item `node` through its input. */
  async answer(node, value) {
    const area = this.item(node.code);
    switch (value.kind) {
      case 'yes_no':
        await area.getByTestId(value.yes ? 'yes' : 'no').check();
        break;
      case 'level':
        await area.getByTestId(`level-${value.id}`).check();
        break;
      case 'ratio':
        await area.getByTestId('numerator').fill(String(value.numerator));
        await area.getByTestId('denominator').fill(String(value.denominator));
        break;
      case 'count':
        await area.getByTestId('count').fill(String(value.count));
        break;
      case 'checklist':
        if (value.ticked.length === 0) {
          // An empty checklist answer: tick one and untick it again.
          const first = area.getByTestId(`check-${node.rule.items[0].id}`);
          await first.check();
          await first.uncheck();
        }
        for (const it of node.rule.items) {
          await area.getByTestId(`check-${it.id}`).setChecked(value.ticked.includes(it.id));
        }
        break;
      case 'estimate':
        await area.getByTestId('estimate').fill(fmtShort(value.points));
        break;
      case 'no_task':
        await area.getByTestId('no-task').check();
        break;
      case 'not_applicable':
        await area.getByTestId('not-applicable').check();
        await area.getByTestId('na-reason').fill(value.reason);
        break;
      default:
        throw new Error(`cannot give a ${value.kind} answer`);
    }
  }

  /**
   * Reads item `node`'s answer back from its input, in the shape `answer` takes (an estimate as
   * the text in its box), or null when nothing is given.
   */
  async readAnswer(node) {
    const area = this.item(node.code);
    const checked = async (testid) => {
      const box = area.getByTestId(testid);
      return (await box.count()) > 0 && box.isChecked();
    };
    if (await checked('no-task')) return { kind: 'no_task' };
    if (await checked('not-applicable')) {
      return { kind: 'not_applicable', reason: await area.getByTestId('na-reason').inputValue() };
    }
    const rule = node.rule;
    switch (rule.kind) {
      case 'yes_no':
        if (await checked('yes')) return { kind: 'yes_no', yes: true };
        if (await checked('no')) return { kind: 'yes_no', yes: false };
        return null;
      case 'levels':
        for (const level of rule.levels) {
          if (await checked(`level-${level.id}`)) return { kind: 'level', id: level.id };
        }
        return null;
      case 'percent_bands':
      case 'proportional': {
        const n = await area.getByTestId('numerator').inputValue();
        const d = await area.getByTestId('denominator').inputValue();
        return n === '' && d === '' ? null : { kind: 'ratio', numerator: Number(n), denominator: Number(d) };
      }
      case 'count_bands':
      case 'per_count': {
        const c = await area.getByTestId('count').inputValue();
        return c === '' ? null : { kind: 'count', count: Number(c) };
      }
      case 'checklist': {
        const ticked = [];
        for (const it of rule.items) if (await checked(`check-${it.id}`)) ticked.push(it.id);
        // Nothing ticked looks the same whether or not the item was answered.
        return ticked.length === 0 ? null : { kind: 'checklist', ticked: ticked.sort() };
      }
      case 'survey': {
        const text = await area.getByTestId('estimate').inputValue();
        return text === '' ? null : { kind: 'estimate', text };
      }
      default:
        throw new Error(`cannot read a ${rule.kind} answer`);
    }
  }

  /** Registers a new document from the selected item's panel (and so attaches it). */
  async addDocument(doc) {
    const form = await this.openNewDocument();
    for (const [name, value] of Object.entries(doc)) {
      if (value !== undefined) await form.getByTestId(`doc-${name}`).fill(value);
    }
    await form.getByTestId('add-document').click();
  }

  /** Opens the "Thêm văn bản mới" details (if closed) and returns its form. */
  async openNewDocument() {
    const form = this.page.getByTestId('new-document-form');
    if (!(await form.isVisible())) await this.page.getByTestId('new-document').click();
    await form.waitFor();
    return form;
  }

  /** Attaches an already registered document (by its id) to the selected item. */
  async attachExisting(evidenceId) {
    await this.page.getByTestId('attach-select').selectOption(evidenceId);
    await this.page.getByTestId('attach-button').click();
  }

  evidenceList() {
    return this.page.getByTestId('evidence-list');
  }

  explanation() {
    return this.page.getByTestId('explanation');
  }

  note() {
    return this.page.getByTestId('note');
  }

  /** The points shown in the tree for item `code` ("1/2", "−0,5"). */
  async treePoints(code) {
    return (await this.treeLink(code).locator('.tree-points').textContent())?.trim();
  }

  /** Waits for "Đã lưu lúc HH:MM:SS". */
  async waitSaved(lang = 'vi') {
    const re = lang === 'vi' ? /^Đã lưu lúc \d\d:\d\d:\d\d$/ : /^Saved at \d\d:\d\d:\d\d$/;
    return waitForText(this.saveStatus, re);
  }

  /** The points shown in the tree's heading of group `code` (a field or a criterion): "1,5/13". */
  async groupPoints(code) {
    const head = this.tree.locator('.tree-group-head', {
      has: this.page.locator('.tree-code').getByText(code, { exact: true }),
    });
    return (await head.locator('.tree-points').textContent())?.trim();
  }

  async openSummary() {
    await this.page.getByTestId('to-summary').click();
    await this.page.waitForURL(/\/tong-hop$/);
    const summary = new Summary(this.page);
    await summary.total.waitFor();
    return summary;
  }

  async openReport() {
    await this.page.getByTestId('to-report').click();
    await this.page.waitForURL(/\/bao-cao$/);
    const report = new Report(this.page);
    await report.root.waitFor();
    return report;
  }

  /** “Xuất tệp nộp”: the submission file, as { name, bytes }. */
  async exportDraft() {
    return downloadFrom(this.page, () => this.page.getByTestId('export-draft').click());
  }

  /** “Xuất bảng điểm Excel”: the .xlsx made by the worker, as { name, bytes }. */
  async exportXlsx() {
    return downloadFrom(this.page, () => this.page.getByTestId('export-xlsx').click());
  }
}

// ---------------------------------------------------------------- summary

export class Summary {
  constructor(page) {
    this.page = page;
    this.total = page.getByTestId('summary-total');
    this.index = page.getByTestId('summary-index');
    this.selfScored = page.getByTestId('self-scored');
    this.surveyPart = page.getByTestId('survey-part');
    this.likelyTotal = page.getByTestId('likely-total');
    this.chart = page.getByTestId('field-chart');
    this.losses = page.getByTestId('losses');
  }

  async goto(draftId) {
    await this.page.goto(new URL(`#/d/${draftId}/tong-hop`, APP_URL).href);
    await this.total.waitFor();
  }

  fieldIndex(fieldCode) {
    return this.page.getByTestId(`field-index-${fieldCode}`);
  }

  /** Every component index shown, by field code: { '1': '13,46 %', … } (bonus and penalty empty). */
  async fieldIndexes() {
    return this.page.locator('[data-testid^="field-index-"]').evaluateAll((cells) => Object.fromEntries(
      cells.map((c) => [c.dataset.testid.replace(/^field-index-/, ''), c.textContent.trim()]),
    ));
  }
}

// ---------------------------------------------------------------- report

export class Report {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('report');
    this.table = page.getByTestId('report-table');
    this.total = page.getByTestId('report-total');
    this.index = page.getByTestId('report-index');
    this.remarks = page.getByTestId('remarks');
    this.print = page.getByTestId('print');
  }

  async goto(draftId) {
    await this.page.goto(new URL(`#/d/${draftId}/bao-cao`, APP_URL).href);
    await this.table.waitFor();
  }
}

// ---------------------------------------------------------------- import panel

/** The panel that shows a picked or dropped file: its preview, or why it cannot be imported. */
export class ImportPanel {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('import-panel');
    this.heading = this.root.locator('h2');
    this.preview = this.root.getByTestId('import-preview');
    this.unit = this.root.getByTestId('preview-unit');
    this.year = this.root.getByTestId('preview-year');
    this.index = this.root.getByTestId('preview-index');
    this.edited = this.root.getByTestId('import-edited');
    this.exists = this.root.getByTestId('import-exists');
    this.confirm = this.root.getByTestId('import-confirm');
    this.asNew = this.root.getByTestId('import-as-new');
    this.replace = this.root.getByTestId('import-replace');
    this.cancel = this.root.getByTestId('import-cancel');
    this.error = this.root.getByTestId('import-error');
    this.details = this.root.getByTestId('import-details');
    this.frameworkFile = this.root.getByTestId('framework-file');
    this.frameworkLoaded = this.root.getByTestId('import-framework-loaded');
  }

  /** The lines listed under an error ([] when there are none). */
  async detailLines() {
    return (await this.details.count()) === 0 ? [] : this.details.locator('li').allTextContents();
  }

  /** Closes the panel (“Không” under a preview, “Đóng” otherwise) and waits until it is gone. */
  async close() {
    await this.cancel.or(this.root.getByRole('button', { name: 'Đóng', exact: true })).click();
    await this.root.waitFor({ state: 'detached' });
  }
}

// ---------------------------------------------------------------- keyboard

/** The data-testid (or else the tag name) of the focused element. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.dataset?.testid ?? el?.tagName ?? null;
  });
}

/**
 * Presses Tab until the element with `testid` (a string, or a RegExp matched against testids)
 * has the focus; returns how many presses it took.
 */
export async function tabTo(page, testid, { max = 40 } = {}) {
  const hit = (t) => (testid instanceof RegExp ? testid.test(t ?? '') : t === testid);
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    if (hit(await focused(page))) return n;
  }
  throw new Error(`${max} presses of Tab never reached ${testid}; the focus is on ${await focused(page)}`);
}

// ---------------------------------------------------------------- several files at once

/**
 * Drops `files` (see `fileOf`) on the window together, as a selection dragged from the file
 * manager: one `dragover` and one `drop` on document.body whose DataTransfer carries them all.
 * Returns whether the page cancelled each event.
 */
export async function dropFiles(page, files) {
  return page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const { name, mimeType, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: mimeType }));
    }
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer });
    document.body.dispatchEvent(over);
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer });
    document.body.dispatchEvent(drop);
    return { dragover: over.defaultPrevented, drop: drop.defaultPrevented };
  }, files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })));
}

// ---------------------------------------------------------------- generated submissions

export const SAMPLES_BIN = process.env.SAMPLES_BIN
  ?? fileURLToPath(new URL('../../target/debug/examples/sample_submissions', import.meta.url));

/**
 * Runs the core's `sample_submissions DIR COUNT YEAR` and returns the files it wrote (sorted by
 * name, each { name, path, text, json }) and its expected.json (each unit's unit, unit_key, block,
 * rank, index, total, self_scored, as the core ranks them).
 */
export function generateSubmissions(dir, count, year) {
  const run = spawnSync(SAMPLES_BIN, [dir, String(count), String(year)], { encoding: 'utf8', timeout: 20000 });
  if (run.error) throw new Error(`cannot run ${SAMPLES_BIN}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${SAMPLES_BIN} failed (${run.status}): ${run.stderr}`);
  const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'expected.json').sort().map((name) => {
    const path = `${dir}/${name}`;
    const text = readFileSync(path, 'utf8');
    return { name, path, text, json: JSON.parse(text) };
  });
  return { files, expected };
}

/** Folds Vietnamese text the way the app's search does: lower case, no diacritics, đ → d. */
export function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd');
}

// ---------------------------------------------------------------- trainer mode

/** The criteria browser (#/huong-dan). */
export class TrainerPage {
  constructor(page) {
    this.page = page;
    this.framework = page.getByTestId('trainer-framework');
    this.search = page.getByTestId('trainer-search');
    this.count = page.getByTestId('trainer-count');
    this.browser = page.getByTestId('criteria-browser');
    this.openSample = page.getByTestId('open-sample');
    this.toPresenter = page.getByTestId('to-presenter');
  }

  async goto() {
    await this.page.goto(new URL('#/huong-dan', APP_URL).href);
    await this.browser.waitFor();
  }

  card(code) {
    return this.page.getByTestId(`criterion-${code}`);
  }

  /** The item codes of the cards shown, in order. */
  async shownCodes() {
    return this.browser.locator(':scope > li[data-testid^="criterion-"]').evaluateAll(
      (cards) => cards.map((c) => c.dataset.testid.replace(/^criterion-/, '')),
    );
  }
}

/** The presenter view (#/huong-dan/trinh-chieu): one item per screen. */
export class Presenter {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('presenter');
    this.position = page.getByTestId('slide-position');
    this.title = page.getByTestId('slide-title');
    this.next = page.getByTestId('slide-next');
    this.prev = page.getByTestId('slide-prev');
  }

  async goto() {
    await this.page.goto(new URL('#/huong-dan/trinh-chieu', APP_URL).href);
    await this.position.waitFor();
  }
}

// ---------------------------------------------------------------- Sở Nội vụ view

/** The evaluator page (#/so-noi-vu): a batch of submissions ranked per block. */
export class EvaluatorPage {
  constructor(page) {
    this.page = page;
    this.batchFiles = page.getByTestId('batch-files');
    this.lastYearFiles = page.getByTestId('last-year-files');
    this.progress = page.getByTestId('batch-progress');
    this.refused = page.getByTestId('refused-files');
    this.flags = page.getByTestId('flags');
    this.blockSo = page.getByTestId('block-so');
    this.blockHuyen = page.getByTestId('block-huyen');
    this.table = page.getByTestId('ranking');
    this.exportCsv = page.getByTestId('export-csv');
    this.chart = page.getByTestId('field-chart');
  }

  async goto() {
    await this.page.goto(new URL('#/so-noi-vu', APP_URL).href);
    await this.batchFiles.waitFor();
  }

  /** Picks `files` (paths, or `fileOf` objects) in the batch input and waits for "Đã đọc n/n". */
  async load(files, { lastYear = false } = {}) {
    await (lastYear ? this.lastYearFiles : this.batchFiles).setInputFiles(files);
    await waitForText(this.progress, `Đã đọc ${files.length}/${files.length}`);
  }

  async showBlock(block) {
    const button = block === 'so' ? this.blockSo : this.blockHuyen;
    await button.click();
    await eventually(async () => {
      if ((await button.getAttribute('aria-pressed')) !== 'true') throw new Error(`${block} is not shown`);
    });
  }

  row(unitKey) {
    return this.page.getByTestId(`rank-row-${unitKey}`);
  }

  /** The header button that sorts by the column called `label` ("Đơn vị", "Chỉ số", "LV 1"…). */
  sortButton(label) {
    return this.table.locator('thead').getByRole('button', { name: label, exact: true });
  }

  /**
   * Every row of the table, in order, as the page shows it: unit key, rank, unit (without the
   * edited badge), edited badge, self-scored, survey box value, total, index, band, component
   * indexes, and (with last year loaded) movement and index change.
   */
  async rows() {
    return this.table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
      const cells = [...tr.children];
      const th = tr.querySelector('th[scope=row]');
      const unit = [...th.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
      const text = (el) => el?.textContent.trim() ?? null;
      const movement = tr.querySelector('[data-testid=movement]');
      return {
        key: tr.dataset.testid.replace(/^rank-row-/, ''),
        rank: Number(text(tr.querySelector('[data-testid=rank]'))),
        unit,
        edited: text(th.querySelector('.badge')),
        selfScored: text(cells[2]),
        survey: tr.querySelector('[data-testid=survey-input]').value,
        surveyMax: tr.querySelector('[data-testid=survey-input]').placeholder,
        total: text(tr.querySelector('[data-testid=total]')),
        index: text(tr.querySelector('[data-testid=index]')),
        band: text(cells[6]),
        components: [...tr.querySelectorAll('td.heat')].map(text),
        movement: movement ? text(movement) : null,
        indexChange: movement ? text(movement.nextElementSibling) : null,
      };
    }));
  }

  /** Types `value` in the unit's survey box and leaves it (a change event). */
  async enterSurvey(unitKey, value) {
    const box = this.row(unitKey).getByTestId('survey-input');
    await box.fill(value);
    await box.press('Enter');
    await box.blur();
  }

  /** "Xuất CSV": the ranking as { name, bytes }. */
  async downloadCsv() {
    return downloadFrom(this.page, () => this.exportCsv.click());
  }
}
