// Writes a gzip (level 9) and a brotli (quality 11) copy beside every file of a built dist/ that a
// web server would compress — .wasm, .js, .css, .html, .json, .webmanifest of 1 KiB or more — so a
// server that does not compress .wasm itself (common compression lists leave application/wasm out)
// can still send it small (nginx gzip_static / brotli_static, Apache MultiViews, IIS static
// compression). With --check it writes nothing and fails unless every such file has both copies and
// each decompresses to the file's bytes.
//   node scripts/precompress.mjs [--check] DIST
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const check = args[0] === '--check';
const dist = check ? args[1] : args[0];
if (!dist) {
  console.error('usage: node scripts/precompress.mjs [--check] DIST');
  process.exit(2);
}
const COMPRESSIBLE = /\.(wasm|js|css|html|json|webmanifest)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name) && statSync(path).size >= MIN_BYTES) yield path;
  }
}

function inflates(inflate, packed, bytes) {
  try {
    return inflate(packed).equals(bytes);
  } catch {
    return false;
  }
}

let failures = 0;
let count = 0;
for (const path of files(dist)) {
  count += 1;
  const bytes = readFileSync(path);
  if (check) {
    for (const [ext, inflate] of [['.gz', gunzipSync], ['.br', brotliDecompressSync]]) {
      if (!existsSync(path + ext)) {
        console.error(`FAILED: ${path}${ext} is missing`);
        failures += 1;
      } else if (!inflates(inflate, readFileSync(path + ext), bytes)) {
        console.error(`FAILED: ${path}${ext} does not decompress to ${path}`);
        failures += 1;
      }
    }
  } else {
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
  }
}
if (failures > 0) process.exit(1);
console.log(check ? `precompressed copies: all ${count} files have a .gz and a .br that decompress to them`
  : `precompressed ${count} files (.gz and .br beside each)`);
