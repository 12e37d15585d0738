// axe-core run on a page, its violations written so a failure names the screen and the elements.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';

/** Runs axe-core on the page; returns its violations, each as id, impact, help and targets. */
export async function axeViolations(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `[${where}] ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}`).join('\n')}`);
}

export function assertNone(violations) {
  assert.equal(violations.length, 0, `axe-core violations:\n${violations.join('\n')}`);
}
