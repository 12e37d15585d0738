// The carry panel: a draft's answers carried into another framework (opened from a draft row on the
// start page, or from the import panel for a file whose framework version the app lacks).

export class CarryPanel {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('carry-panel');
    this.heading = this.root.locator('h2');
    this.source = this.root.getByTestId('carry-source');
    this.framework = this.root.getByTestId('carry-framework');
    this.year = this.root.getByTestId('carry-year');
    this.renames = this.root.getByTestId('carry-renames');
    this.summary = this.root.getByTestId('carry-summary');
    this.left = this.root.getByTestId('carry-left');
    this.outsideYear = this.root.getByTestId('carry-outside-year');
    this.remarks = this.root.getByTestId('carry-remarks');
    this.refused = this.root.getByTestId('carry-refused');
    this.create = this.root.getByTestId('carry-create');
    this.cancel = this.root.getByTestId('carry-cancel');
  }

  /** The select mapping old code `code` by hand. */
  rename(code) {
    return this.root.getByTestId(`carry-rename-${code}`);
  }

  /** The lines of items not carried whole, as shown. */
  async leftLines() {
    return (await this.left.count()) === 0 ? [] : this.left.locator('li').allTextContents();
  }
}
