// The framework builder (tao-bo-tieu-chi/): the source, the columns, the details, the tree with
// its items to settle, saving and exporting.
import { APP_URL } from '../browser.js';

export class BuilderPage {
  constructor(page) {
    this.page = page;
    this.file = page.getByTestId('annex-file');
    this.paste = page.getByTestId('annex-paste');
    this.error = page.getByTestId('builder-error');
    this.notice = page.getByTestId('builder-notice');
    this.tree = page.getByTestId('built-tree');
    this.problems = page.getByTestId('builder-problem');
    this.usable = page.getByTestId('builder-usable');
    this.save = page.getByTestId('builder-save');
    this.export = page.getByTestId('builder-export');
    this.saved = page.getByTestId('builder-saved');
  }

  async goto() {
    await this.page.goto(new URL('tao-bo-tieu-chi/', APP_URL).href);
    await this.page.getByTestId('builder').waitFor();
  }

  async pick(file) {
    await this.file.setInputFiles(file);
  }

  async pasteTable(text) {
    await this.paste.fill(text);
    await this.page.getByTestId('read-pasted').click();
  }

  node(code) {
    return this.page.locator(`[data-testid="built-node"][data-code="${code}"]`);
  }

  async codes() {
    return this.page.locator('[data-testid="built-node"]').evaluateAll((els) => els.map((e) => e.dataset.code));
  }

  async chooseRule(code, kind) {
    await this.node(code).getByTestId('choose-rule').selectOption(kind);
  }

  async placeEdgesUpper(code) {
    const node = this.node(code);
    for (const radio of await node.getByTestId('edge-upper').all()) await radio.check();
    await node.getByTestId('confirm-edges').click();
  }

  /** Corrects the source cell at `row`, `column` (1-based) to `text`. */
  async editCell(row, column, text) {
    await this.page.getByTestId(`cell-${row}-${column}`).click();
    const editor = this.page.getByTestId('cell-editor');
    await editor.fill(text);
    await this.page.getByTestId('cell-save').click();
  }

  /** Fills a detail field (testid meta-…) and leaves it, so the change is taken. */
  async setMeta(field, value) {
    const input = this.page.getByTestId(`meta-${field}`);
    await input.fill(value);
    await input.press('Tab');
  }
}
