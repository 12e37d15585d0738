// The end-to-end suite's shared code in one import: the page objects, one file per screen in
// pages/ (start, workspace, summary, report, the import panel, the trainer's criteria browser and
// presenter view, the Sở Nội vụ ranking), the helpers every test uses (helpers.js: waiting,
// storage, files in and out, numbers as the page writes them, keyboard) and what the core says,
// asked natively (core.js: frameworks, planned answers, the native scorer, generated submissions).
// None of these files is a test: node's test runner picks only `*.test.js` names here.
export * from './helpers.js';
export * from './core.js';
export * from './pages/start.js';
export * from './pages/workspace.js';
export * from './pages/summary.js';
export * from './pages/report.js';
export * from './pages/import.js';
export * from './pages/trainer.js';
export * from './pages/evaluator.js';
export * from './pages/builder.js';
export * from './pages/editor.js';
export * from './pages/units.js';
export * from './pages/carry.js';
export * from './drafts.js';
