// Prints the portal's first-load size: every script, module preload and stylesheet that
// dist/portal/index.html loads, gzip-compressed. Fails the build above the 200 KB budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 200 * 1024;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/portal');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\/m\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let js = 0;
let css = 0;
for (const ref of new Set(refs)) {
  const size = gzipSync(readFileSync(path.join(dist, ref)), { level: 9 }).length;
  if (ref.endsWith('.css')) css += size;
  else js += size;
  console.log(`  portal first load: ${ref}  ${(size / 1024).toFixed(1)} KB gzip`);
}
const total = js + css;
console.log(
  `portal first-load: JavaScript ${(js / 1024).toFixed(1)} KB gzip, CSS ${(css / 1024).toFixed(1)} KB gzip (budget for JavaScript ${BUDGET / 1024} KB)`,
);
if (js > BUDGET) {
  console.error(
    `portal first-load JavaScript ${(js / 1024).toFixed(1)} KB gzip exceeds the ${BUDGET / 1024} KB budget`,
  );
  process.exit(1);
}
void total;
