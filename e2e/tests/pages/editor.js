// The framework editor on the builder's page: the whole tree in a form, row by row.

export class EditorPage {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('editor');
    this.rows = page.getByTestId('form-row');
    this.problems = page.getByTestId('editor-problem');
    this.usable = page.getByTestId('editor-usable');
    this.save = page.getByTestId('editor-save');
    this.export = page.getByTestId('editor-export');
    this.saved = page.getByTestId('editor-saved');
    this.error = page.getByTestId('editor-error');
  }

  /** The row whose code box holds `code`. */
  row(code) {
    return this.page.locator(`[data-testid="form-row"][data-code="${code}"]`);
  }

  /** Each row's code, in order, as typed. */
  async codes() {
    return this.rows.evaluateAll((els) => els.map((e) => e.dataset.code));
  }

  /** Types into one box of a row (node-title, node-max, node-code …). */
  async type(row, box, value) {
    await row.locator(`> .node-head [data-testid="${box}"]`).fill(value);
  }

  async details(row) {
    const open = row.getByTestId('node-details');
    if (!(await open.count())) await row.locator('> .node-head [data-testid="row-details"]').click();
    await open.waitFor();
    return open;
  }

  async setDetail(field, value) {
    await this.page.getByTestId(`form-${field}`).fill(value);
  }

  async rowProblems(row) {
    return row.locator('> [data-testid="row-problems"] li').allTextContents();
  }

  /** Clicks one of a row's own action buttons (row-add-child, row-up, row-delete …). */
  async act(row, action) {
    await row.locator(`> .row-actions [data-testid="${action}"]`).click();
  }
}
