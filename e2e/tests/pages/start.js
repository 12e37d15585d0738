// The start page (#/): the new-draft form, the stored drafts, opening a file.
import { APP_URL } from '../browser.js';
import { ImportPanel } from './import.js';

export function draftIdFromUrl(url) {
  const m = /#\/d\/([^/]+)/.exec(url);
  if (!m) throw new Error(`not a draft URL: ${url}`);
  return decodeURIComponent(m[1]);
}

export class StartPage {
  constructor(page) {
    this.page = page;
    this.form = page.getByTestId('new-draft');
    this.error = page.getByTestId('new-draft-error');
    this.draftList = page.getByTestId('draft-list');
    this.unreadable = page.getByTestId('unreadable-draft');
    this.deletedToast = page.getByTestId('deleted-toast');
    this.langSwitch = page.getByTestId('lang-switch');
  }

  async goto() {
    await this.page.goto(new URL('#/', APP_URL).href);
    await this.ready();
  }

  async ready() {
    await this.form.waitFor();
  }

  /** Fills the new-draft form, submits it and waits for the workspace; returns the draft id. */
  async createDraft({ framework = 'soc-trang-cap-so', unit = 'so-noi-vu', unitName, year = 2025 } = {}) {
    await this.ready();
    await this.page.getByTestId(`choose-framework-${framework}`).check();
    await this.page.getByTestId('choose-unit').selectOption(unit);
    if (unitName !== undefined) await this.page.getByTestId('unit-name').fill(unitName);
    await this.page.getByTestId('assessed-year').fill(String(year));
    await this.page.getByTestId('create-draft').click();
    await this.page.waitForURL(/#\/d\/[^/]+$/);
    await this.page.getByTestId('total-points').waitFor();
    return draftIdFromUrl(this.page.url());
  }

  draftRow(id) {
    return this.page.getByTestId(`draft-${id}`);
  }

  /** The rows of the stored drafts (not the unreadable ones). */
  draftRows() {
    return this.draftList.locator('li.draft-row');
  }

  /** Picks `file` (see `fileOf`) in “Mở tệp tự đánh giá”; returns the import panel. */
  async pickFile(file) {
    await this.page.getByTestId('import-file').setInputFiles(file);
    return new ImportPanel(this.page);
  }

  async deleteDraft(id) {
    await this.draftRow(id).getByTestId('delete-draft').click();
    await this.draftRow(id).getByTestId('confirm-delete').click();
  }

  async undoDelete() {
    await this.deletedToast.getByTestId('undo-delete').click();
  }
}
