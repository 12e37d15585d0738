// The summary (#/d/<draft>/tong-hop): totals, the index and component indexes, the chart, losses.
import { APP_URL } from '../browser.js';

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
