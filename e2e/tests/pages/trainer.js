// Trainer mode: the criteria browser (#/huong-dan) and the presenter view (#/huong-dan/trinh-chieu).
import { APP_URL } from '../browser.js';

/** The criteria browser (#/huong-dan). */
export class TrainerPage {
  constructor(page) {
    this.page = page;
    this.framework = page.getByTestId('trainer-framework');
    this.search = page.getByTestId('trainer-search');
    this.count = page.getByTestId('trainer-count');
    this.browser = page.getByTestId('criteria-browser');
    this.openSample = page.getByTestId('open-sample');
    this.toPresenter = page.getByTestId('to-presenter');
  }

  async goto() {
    await this.page.goto(new URL('#/huong-dan', APP_URL).href);
    await this.browser.waitFor();
  }

  card(code) {
    return this.page.getByTestId(`criterion-${code}`);
  }

  /** The item codes of the cards shown, in order. */
  async shownCodes() {
    return this.browser.locator(':scope > li[data-testid^="criterion-"]').evaluateAll(
      (cards) => cards.map((c) => c.dataset.testid.replace(/^criterion-/, '')),
    );
  }
}

/** The presenter view (#/huong-dan/trinh-chieu): one item per screen. */
export class Presenter {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('presenter');
    this.position = page.getByTestId('slide-position');
    this.title = page.getByTestId('slide-title');
    this.next = page.getByTestId('slide-next');
    this.prev = page.getByTestId('slide-prev');
  }

  async goto() {
    await this.page.goto(new URL('#/huong-dan/trinh-chieu', APP_URL).href);
    await this.position.waitFor();
  }
}
