// A draft the screen tests share: a few answers of different kinds, one document and an item
// marked không áp dụng without its reason, so that every part of the workspace shows. Items are
// reached by their address, which works on a phone (where the list is hidden at an item) too.
import { loadFramework, nodeByCode } from './core.js';
import { StartPage } from './pages/start.js';
import { Workspace } from './pages/workspace.js';

export const SAMPLE_FRAMEWORK = 'soc-trang-cap-so';

/** Creates the draft and returns its id and a Workspace left at item 3.1.1. */
export async function draftWithSomeAnswers(page) {
  const fw = loadFramework(SAMPLE_FRAMEWORK);
  const id = await new StartPage(page).createDraft({ framework: SAMPLE_FRAMEWORK, unit: 'so-noi-vu', year: 2025 });
  const ws = new Workspace(page);
  await ws.goto(id, '1.1.1');
  await ws.answer(nodeByCode(fw, '1.1.1'), { kind: 'level', id: 'cham' });
  await ws.addDocument({ number: '12/KH-SNV', date: '2024-12-30', issuer: 'Sở Nội vụ', title: 'Kế hoạch cải cách hành chính năm 2025 của Sở Nội vụ tỉnh Sóc Trăng' });
  await ws.goto(id, '1.1.3');
  await ws.answer(nodeByCode(fw, '1.1.3'), { kind: 'ratio', numerator: 11, denominator: 10 });
  await ws.goto(id, '3.1.1');
  await ws.answer(nodeByCode(fw, '3.1.1'), { kind: 'not_applicable', reason: '' });
  await ws.waitSaved();
  return { id, ws };
}
