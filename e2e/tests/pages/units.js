// The unit lists part of the builder's page (tao-bo-tieu-chi/#danh-sach-don-vi).
import { APP_URL } from '../browser.js';

export class UnitListsPage {
  constructor(page) {
    this.page = page;
    this.file = page.getByTestId('units-file');
    this.paste = page.getByTestId('units-paste');
    this.editor = page.getByTestId('unit-list-editor');
    this.rows = page.getByTestId('unit-row');
    this.problems = page.getByTestId('units-problem');
    this.usable = page.getByTestId('units-usable');
    this.save = page.getByTestId('units-save');
    this.saved = page.getByTestId('units-saved');
    this.error = page.getByTestId('units-error');
    this.summary = page.getByTestId('units-summary');
  }

  async goto() {
    await this.page.goto(new URL('tao-bo-tieu-chi/#danh-sach-don-vi', APP_URL).href);
    await this.page.getByTestId('kept-lists').waitFor();
  }

  /** Row `n` (1-based, as the problems name it). */
  row(n) {
    return this.page.locator(`[data-testid="unit-row"][data-row="${n}"]`);
  }

  kept(id) {
    return this.page.locator(`[data-testid="kept-list"][data-id="${id}"]`);
  }

  async names() {
    return this.page.getByTestId('unit-name').evaluateAll((els) => els.map((e) => e.value));
  }

  async problemTexts() {
    return this.problems.allTextContents();
  }
}
