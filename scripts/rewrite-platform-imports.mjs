#!/usr/bin/env node
// One-off mechanical rewrite (issue 16): `AppContext`/`AppDeps` moved from apps/server/src/app.ts to
// apps/server/src/platform/context.ts, and modules/matters/scope.ts to platform/scope.ts.
// Rewrites every importer under apps/server/{src,test}, e2e and bench to the new place, then removes
// the transition re-exports. Idempotent: re-run it after merging branches that still import the old
// places, then `npx biome check --write` the touched files.
//   node scripts/rewrite-platform-imports.mjs
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'apps/server/src');
const APP = path.join(SRC, 'app');
const OLD_SCOPE = path.join(SRC, 'modules/matters/scope');
const CONTEXT = path.join(SRC, 'platform/context');
const SCOPE = path.join(SRC, 'platform/scope');
const DIRS = ['apps/server/src', 'apps/server/test', 'e2e', 'bench'].map((d) => path.join(ROOT, d));

function* tsFiles(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'fixtures') continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* tsFiles(p);
    else if (/\.tsx?$/.test(name)) yield p;
  }
}

function rel(fromFile, target) {
  let r = path.relative(path.dirname(fromFile), target).split(path.sep).join('/');
  if (!r.startsWith('.')) r = `./${r}`;
  return r;
}

const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';\n?/g;
let changed = 0;
for (const file of DIRS.flatMap((d) => [...tsFiles(d)])) {
  if (file === `${APP}.ts` || file === `${OLD_SCOPE}.ts`) continue;
  const text = readFileSync(file, 'utf8');
  const next = text.replace(IMPORT, (whole, typeKw, names, spec) => {
    if (!spec.startsWith('.')) return whole;
    const target = path.resolve(path.dirname(file), spec);
    if (target === OLD_SCOPE) return whole.replace(`'${spec}'`, `'${rel(file, SCOPE)}'`);
    if (target !== APP) return whole;
    const items = names
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const isContext = (s) => /^(type\s+)?(AppContext|AppDeps)$/.test(s);
    const moved = items.filter(isContext);
    if (moved.length === 0) return whole;
    const kept = items.filter((s) => !isContext(s));
    const movedNames = moved.map((s) => s.replace(/^type\s+/, '')).join(', ');
    let out = `import type { ${movedNames} } from '${rel(file, CONTEXT)}';\n`;
    if (kept.length) out += `import ${typeKw ?? ''}{ ${kept.join(', ')} } from '${spec}';\n`;
    return out;
  });
  if (next !== text) {
    writeFileSync(file, next);
    changed += 1;
  }
}

// Remove the transition re-exports.
const appFile = `${APP}.ts`;
const app = readFileSync(appFile, 'utf8');
const withoutReexport = app.replace(
  /\/\/ Transition: the context moved to platform\/context\.ts[^\n]*\nexport type \{ AppContext, AppDeps \} from '\.\/platform\/context';\n\n?/,
  '',
);
if (withoutReexport !== app) writeFileSync(appFile, withoutReexport);
if (existsSync(`${OLD_SCOPE}.ts`)) rmSync(`${OLD_SCOPE}.ts`);
console.log(`rewrote imports in ${changed} file(s)`);
