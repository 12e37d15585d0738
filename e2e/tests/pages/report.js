// The printable report (#/d/<draft>/bao-cao).
import { APP_URL } from '../browser.js';

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
