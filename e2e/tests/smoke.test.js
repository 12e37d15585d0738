import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { APP_URL, launch, openApp } from './browser.js';
import { StartPage } from './pages/start.js';
import { Workspace } from './pages/workspace.js';
import { Summary } from './pages/summary.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the release build renders the start page in Vietnamese with no console error', async () => {
  const { context, page, watch } = await openApp(browser);
  await page.getByTestId('framework-list').locator('article').first().waitFor();
  assert.equal(await page.getByTestId('app-title').textContent(), 'Tự đánh giá Chỉ số cải cách hành chính');
  assert.equal(await page.getByTestId('framework-list').locator('article').count(), 3, 'sở, xã and huyện');
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.deepEqual(watch.consoleErrors, []);
  assert.deepEqual(watch.outsideRequests, []);
  await context.close();
});

test('the language switch turns the interface to English and back', async () => {
  const { context, page, watch } = await openApp(browser);
  await page.getByTestId('lang-switch').click();
  assert.equal(await page.getByTestId('app-title').textContent(), 'Public Administration Reform Index self-assessment');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByTestId('lang-switch').press('Enter');
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});

test('the first page carries the start page and the workspace; a summary opens the full program at the same route, the edit just made in it, and back returns', async () => {
  const { context, page, watch } = await openApp(browser);
  const asked = [];
  page.on('request', (req) => asked.push(new URL(req.url()).pathname));
  const id = await new StartPage(page).createDraft();
  const ws = new Workspace(page);
  await ws.select('1.1.2');
  await ws.item('1.1.2').getByTestId('yes').check();
  const total = (await ws.totalPoints.textContent()).split(' / ')[0];
  assert.notEqual(total, '0,00', 'the edit gave points');
  assert.deepEqual(asked.filter((p) => p.includes('/day-du/')), [], 'the start page and the workspace need nothing of the full program');

  // Straight on, before the autosave's pause is over: the pending save is written first.
  await page.getByTestId('to-summary').click();
  await page.waitForURL(new RegExp(`/day-du/#/d/${id}/tong-hop$`));
  const summary = new Summary(page);
  await summary.total.waitFor();
  assert.equal((await summary.total.textContent()).split(' / ')[0], total);

  await page.goBack();
  await page.waitForURL(new RegExp(`^${APP_URL.replace(/[.?]/g, '\\$&')}#/d/${id}`));
  await ws.tree.waitFor();
  assert.equal((await ws.totalPoints.textContent()).split(' / ')[0], total);
  assert.deepEqual(watch.consoleErrors, []);
  await context.close();
});
