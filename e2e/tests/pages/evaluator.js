// The Sở Nội vụ view (#/so-noi-vu): a batch of submissions ranked per block.
import { APP_URL } from '../browser.js';
import { eventually, waitForText, downloadFrom } from '../helpers.js';

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
    // One button a block: so, xa, and huyen or khac once a file of theirs is read.
    const button = this.page.getByTestId(`block-${block}`);
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
      const th = tr.querySelector('th[scope=row]');
      const unit = [...th.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
      const text = (el) => el?.textContent.trim() ?? null;
      const movement = tr.querySelector('[data-testid=movement]');
      return {
        key: tr.dataset.testid.replace(/^rank-row-/, ''),
        rank: Number(text(tr.querySelector('[data-testid=rank]'))),
        unit,
        edited: text(th.querySelector('.badge')),
        // The points that count (the council's once appraised), without the claim beside them.
        selfScored: [...tr.querySelector('[data-testid=self-scored]').childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim(),
        claimed: text(tr.querySelector('[data-testid=claimed]')),
        appraised: tr.querySelector('[data-testid=appraised-mark]') !== null,
        // null where the framework has no survey part (no survey column).
        survey: tr.querySelector('[data-testid=survey-input]')?.value ?? null,
        surveyMax: tr.querySelector('[data-testid=survey-input]')?.placeholder ?? null,
        total: text(tr.querySelector('[data-testid=total]')),
        index: text(tr.querySelector('[data-testid=index]')),
        band: text(tr.querySelector('[data-testid=band]')),
        // A field the unit marked not applicable reads "—" (its words are for screen readers).
        components: [...tr.querySelectorAll('td.heat, td.not-applicable')]
          .map((td) => (td.classList.contains('not-applicable') ? '—' : text(td))),
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

  /** Opens the council's appraisal of a unit's submission from its row. */
  async appraise(unitKey) {
    await this.row(unitKey).getByTestId('appraise').click();
    const panel = this.page.getByTestId('appraisal');
    await panel.waitFor();
    return new AppraisalPanel(this.page, panel);
  }

  /** Opens appraisal files exported earlier and waits until `unitKeys` show as appraised. */
  async openAppraisals(files, unitKeys) {
    await this.page.getByTestId('appraisal-files').setInputFiles(files);
    await eventually(async () => {
      for (const key of unitKeys) {
        if ((await this.row(key).getByTestId('appraised-mark').count()) !== 1) throw new Error(`${key} is not appraised`);
      }
    });
  }

  /** "Xuất CSV": the ranking as { name, bytes }. */
  async downloadCsv() {
    return downloadFrom(this.page, () => this.exportCsv.click());
  }
}

/** The council's appraisal of one submission, under the ranking. */
export class AppraisalPanel {
  constructor(page, root) {
    this.page = page;
    this.root = root;
    this.totals = root.getByTestId('appraisal-totals');
    this.items = root.getByTestId('appraisal-items');
    this.final = root.getByTestId('appraisal-final');
  }

  row(code) {
    return this.root.getByTestId(`appraise-row-${code}`);
  }

  /** Shows the items of one filter: all, differ, lacking, commented. */
  async show(filter) {
    await this.root.getByTestId(`appraise-filter-${filter}`).click();
  }

  /** The codes the list shows, in order. */
  async codes() {
    return this.items.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.testid.replace(/^appraise-row-/, '')));
  }

  /** Opens an item's editor; gives it (the item input inside is the workspace's). */
  async open(code) {
    await this.row(code).getByTestId('appraise-item').click();
    const editor = this.root.getByTestId(`appraise-editor-${code}`);
    await editor.waitFor();
    return editor;
  }

  async comment(code, text) {
    const editor = await this.open(code);
    await editor.getByTestId('appraisal-comment').fill(text);
  }

  /** "Xuất tệp thẩm định": { name, bytes }. */
  async export() {
    return downloadFrom(this.page, () => this.root.getByTestId('export-appraisal').click());
  }
}
