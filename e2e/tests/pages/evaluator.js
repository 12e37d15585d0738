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
        // null where the framework has no survey part (no survey column).
        survey: tr.querySelector('[data-testid=survey-input]')?.value ?? null,
        surveyMax: tr.querySelector('[data-testid=survey-input]')?.placeholder ?? null,
        total: text(tr.querySelector('[data-testid=total]')),
        index: text(tr.querySelector('[data-testid=index]')),
        band: text(cells[6]),
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

  /** "Xuất CSV": the ranking as { name, bytes }. */
  async downloadCsv() {
    return downloadFrom(this.page, () => this.exportCsv.click());
  }
}
