// Helpers the end-to-end tests and the page objects share: waiting for a condition or a text,
// reading localStorage, moving files in and out of the page (downloads, picked and dropped files),
// reading and writing numbers the way the page formats them, folding text like the app's search,
// and moving the focus with the keyboard.
import { readFile } from 'node:fs/promises';

// ---------------------------------------------------------------- waiting and storage

/** Retries `check` (an async function that throws while its condition does not hold). */
export async function eventually(check, { timeout = 5000, interval = 50 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** Waits until `locator`'s text equals `expected` (a string) or matches it (a RegExp). */
export async function waitForText(locator, expected, { timeout = 5000 } = {}) {
  let actual;
  try {
    await eventually(async () => {
      actual = (await locator.textContent({ timeout: 1000 }))?.trim();
      const ok = expected instanceof RegExp ? expected.test(actual ?? '') : actual === expected;
      if (!ok) throw new Error('not yet');
    }, { timeout });
  } catch {
    throw new Error(`${locator} still reads ${JSON.stringify(actual)}, expected ${expected instanceof RegExp ? expected : JSON.stringify(expected)}`);
  }
  return actual;
}

export const DRAFT_PREFIX = 'cchc.v1.draft.';
export const draftKey = (id) => `${DRAFT_PREFIX}${id}`;

/**
 * The raw text stored under `key`, read with the browser's own `Storage.prototype.getItem` even
 * when a test has replaced localStorage's methods (the original is kept in `window.__storage`).
 */
export async function readRaw(page, key) {
  return page.evaluate((k) => {
    const getItem = window.__storage?.getItem ?? Storage.prototype.getItem;
    return getItem.call(window.localStorage, k);
  }, key);
}

/** The stored draft `id`, parsed, or null. */
export async function readStored(page, id) {
  const raw = await readRaw(page, draftKey(id));
  return raw === null ? null : JSON.parse(raw);
}

/** Every localStorage key of the page. */
export async function storedKeys(page) {
  return page.evaluate(() => Object.keys(window.localStorage).sort());
}

/** Every localStorage key of the page with its raw text, to compare before and after. */
export async function storageSnapshot(page) {
  return page.evaluate(() => {
    const getItem = window.__storage?.getItem ?? Storage.prototype.getItem;
    const out = {};
    for (const key of Object.keys(window.localStorage).sort()) out[key] = getItem.call(window.localStorage, key);
    return out;
  });
}

// ---------------------------------------------------------------- files in and out

/**
 * Runs `action`, which makes the page offer a download, and returns the file's suggested name
 * and its bytes (a Buffer).
 */
export async function downloadFrom(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const failure = await download.failure();
  if (failure !== null) throw new Error(`the download of ${download.suggestedFilename()} failed: ${failure}`);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/**
 * A file to hand to the page (`setInputFiles` or `dropFile`): `content` (a string, a Buffer, or
 * a value written as pretty JSON) under `name`.
 */
export function fileOf(name, content, mimeType = 'application/json') {
  let buffer;
  if (Buffer.isBuffer(content)) buffer = content;
  else if (typeof content === 'string') buffer = Buffer.from(content, 'utf8');
  else buffer = Buffer.from(JSON.stringify(content, null, 2), 'utf8');
  return { name, mimeType, buffer };
}

/**
 * Drops `file` (see `fileOf`) on the window as a file dragged from the file manager: a
 * `dragover`, then a `drop` whose DataTransfer carries the file, both dispatched on
 * document.body. Returns whether the page cancelled each event (if it did not, the browser would
 * open the file itself instead of the app).
 */
export async function dropFile(page, file) {
  return page.evaluate(({ name, mimeType, base64 }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: mimeType }));
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer });
    document.body.dispatchEvent(over);
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer });
    document.body.dispatchEvent(drop);
    return { dragover: over.defaultPrevented, drop: drop.defaultPrevented };
  }, { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') });
}

// ---------------------------------------------------------------- several files at once

/**
 * Drops `files` (see `fileOf`) on the window together, as a selection dragged from the file
 * manager: one `dragover` and one `drop` on document.body whose DataTransfer carries them all.
 * Returns whether the page cancelled each event.
 */
export async function dropFiles(page, files) {
  return page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const { name, mimeType, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: mimeType }));
    }
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer });
    document.body.dispatchEvent(over);
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer });
    document.body.dispatchEvent(drop);
    return { dragover: over.defaultPrevented, drop: drop.defaultPrevented };
  }, files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })));
}

// ---------------------------------------------------------------- numbers and text as the page writes them

/** Points as the page writes them ("1,5", "12,50 / 100") → the number before any slash. */
export function shownNumber(text) {
  const m = /^([−-]?)(\d+)(?:,(\d+))?/.exec(text.trim());
  if (!m) throw new Error(`no number in ${JSON.stringify(text)}`);
  const value = Number(`${m[2]}.${m[3] ?? '0'}`);
  return m[1] ? -value : value;
}

/** Points or a percentage as the page writes it with two decimals: "33.47" → "33,47". */
export function fmt(value, lang = 'vi') {
  const [whole, frac = ''] = String(value).split('.');
  const sep = lang === 'vi' ? ',' : '.';
  return `${whole}${sep}${frac.padEnd(2, '0').slice(0, 2)}`;
}

/** Points without trailing zeros, as the page writes maxima: "100.00" → "100", "1.50" → "1,5". */
export function fmtShort(value, lang = 'vi') {
  const [whole, frac = ''] = String(value).split('.');
  const f = frac.padEnd(2, '0').slice(0, 2).replace(/0+$/, '');
  return f ? `${whole}${lang === 'vi' ? ',' : '.'}${f}` : whole;
}

/** Folds Vietnamese text the way the app's search does: lower case, no diacritics, đ → d. */
export function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd');
}

// ---------------------------------------------------------------- keyboard

/** The data-testid (or else the tag name) of the focused element. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.dataset?.testid ?? el?.tagName ?? null;
  });
}

/**
 * Presses Tab until the element with `testid` (a string, or a RegExp matched against testids)
 * has the focus; returns how many presses it took.
 */
export async function tabTo(page, testid, { max = 40 } = {}) {
  const hit = (t) => (testid instanceof RegExp ? testid.test(t ?? '') : t === testid);
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    if (hit(await focused(page))) return n;
  }
  throw new Error(`${max} presses of Tab never reached ${testid}; the focus is on ${await focused(page)}`);
}

// ---------------------------------------------------------------- Office files made in the test

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive (stored, not compressed) of `entries`: { 'path': 'text' }. Word and Excel files are ZIPs. */
export function zipOf(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8); local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBuf.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length / 2, 8); end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralDir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A .docx whose body is one table. `rows`: arrays of cells; a cell is a string (paragraphs split
 * on \n) or { text, bold, span, vmerge: 'restart' | 'continue' }; a row may be { header: true, cells }.
 */
export function docxOf(rows) {
  const cell = (c) => {
    const o = typeof c === 'string' ? { text: c } : c;
    const pr = [o.span ? `<w:gridSpan w:val="${o.span}"/>` : '', o.vmerge === 'restart' ? '<w:vMerge w:val="restart"/>' : o.vmerge ? '<w:vMerge/>' : ''].join('');
    const rpr = o.bold ? '<w:rPr><w:b/></w:rPr>' : '';
    const paras = String(o.text ?? '').split('\n').map((p) => `<w:p><w:r>${rpr}<w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
    return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${paras}</w:tc>`;
  };
  const row = (r) => {
    const o = Array.isArray(r) ? { cells: r } : r;
    return `<w:tr>${o.header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${o.cells.map(cell).join('')}</w:tr>`;
  };
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipOf({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>PHỤ LỤC</w:t></w:r></w:p><w:tbl>${rows.map(row).join('')}</w:tbl></w:body></w:document>`,
  });
}

/** An .xlsx of one sheet whose cells are `rows` (arrays of strings), written as inline strings. */
export function xlsxOf(rows) {
  const col = (i) => String.fromCharCode(65 + i);
  const sheetRows = rows.map((r, ri) => `<row r="${ri + 1}">${r.map((c, ci) => `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t xml:space="preserve">${esc(c)}</t></is></c>`).join('')}</row>`).join('');
  return zipOf({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  });
}
