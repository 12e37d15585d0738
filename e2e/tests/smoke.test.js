import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './browser.js';

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
