// The workspace (#/d/<draft>, #/d/<draft>/i/<code>): the item tree, an item's input, evidence and
// explanation, the save status, and the ways out to the summary, the report and the files.
import { APP_URL } from '../browser.js';
import { eventually, waitForText, downloadFrom, fmtShort } from '../helpers.js';
import { Summary } from './summary.js';
import { Report } from './report.js';

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

  /** On a phone, at an item, the draft's ways out wait in the list's view: go there first. */
  async showDraftActions() {
    if (await this.page.getByTestId('to-summary').isVisible()) return;
    await this.page.getByTestId('back-to-list').click();
    await this.page.getByTestId('to-summary').waitFor();
  }

  async openSummary() {
    await this.showDraftActions();
    await this.page.getByTestId('to-summary').click();
    await this.page.waitForURL(/\/tong-hop$/);
    const summary = new Summary(this.page);
    await summary.total.waitFor();
    return summary;
  }

  async openReport() {
    await this.showDraftActions();
    await this.page.getByTestId('to-report').click();
    await this.page.waitForURL(/\/bao-cao$/);
    const report = new Report(this.page);
    await report.root.waitFor();
    return report;
  }

  /** “Xuất tệp nộp”: the submission file, as { name, bytes }. */
  async exportDraft() {
    await this.showDraftActions();
    return downloadFrom(this.page, () => this.page.getByTestId('export-draft').click());
  }

  /** “Xuất bảng điểm Excel”: the .xlsx made by the worker, as { name, bytes }. */
  async exportXlsx() {
    await this.showDraftActions();
    return downloadFrom(this.page, () => this.page.getByTestId('export-xlsx').click());
  }
}
