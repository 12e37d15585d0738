// Launches Debian's Chromium through playwright-core and watches what the page does: every
// console error and every request that would leave the app's own origin is recorded, so each
// test can assert there were none.
import { chromium } from 'playwright-core';

export const APP_URL = process.env.APP_URL ?? 'http://127.0.0.1:8080/';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
}

/** Records console errors and requests leaving the app's origin made by `page` into `watch`. */
export function watchPage(page, watch = { consoleErrors: [], outsideRequests: [] }) {
  const origin = new URL(APP_URL).origin;
  page.on('console', (msg) => { if (msg.type() === 'error') watch.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => watch.consoleErrors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      watch.outsideRequests.push(url);
    }
  });
  return watch;
}

/**
 * Opens a fresh context and page that record console errors and outside requests.
 * `initScript` (a function, with its `initArg`) runs in every page of the context before the
 * app's own scripts, e.g. to make localStorage misbehave or to seed it. `hasTouch` and `isMobile`
 * make it a phone: touch events, the viewport meta tag honoured.
 */
export async function openApp(browser, {
  path = '', viewport = { width: 1280, height: 720 }, hasTouch = false, isMobile = false, initScript, initArg,
} = {}) {
  const context = await browser.newContext({ viewport, hasTouch, isMobile, locale: 'vi-VN', acceptDownloads: true });
  if (initScript) await context.addInitScript(initScript, initArg);
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(new URL(path, APP_URL).href);
  return { context, page, watch };
}
