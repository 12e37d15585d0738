// The import panel a picked or dropped file opens (on the start page or over any screen).

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
