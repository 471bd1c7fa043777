// Writes a brotli (.br) and a gzip (.gz) sibling beside every compressible file of dist/, for the
// server to send as is (@fastify/static preCompressed) — no compression work per request. Small
// files (< 1 KB) gain nothing and are left alone. Prints the bytes each form puts on the wire.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(name)) yield full;
  }
}

const totals = { raw: 0, gzip: 0, brotli: 0, files: 0 };
for (const file of files(dist)) {
  const raw = readFileSync(file);
  if (raw.length < MIN_BYTES) continue;
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${file}.gz`, gz);
  writeFileSync(`${file}.br`, br);
  totals.raw += raw.length;
  totals.gzip += gz.length;
  totals.brotli += br.length;
  totals.files++;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `precompressed ${totals.files} files: ${kb(totals.raw)} plain → ${kb(totals.gzip)} gzip, ${kb(totals.brotli)} brotli`,
);
