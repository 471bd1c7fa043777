// Routes every cross-module import of apps/server/src/modules through the target module's index.ts
// (rule module-imports-through-index, docs/ARCHITECTURE.md): rewrites the import paths and appends
// the missing re-exports to each index.ts (type-only names as export type).
// Usage: node scripts/route-imports-through-index.cjs [--write]   (without --write: what it would do)
const ts = require('typescript');
const fs = require('node:fs');
const path = require('node:path');
const ROOT = path.resolve(__dirname, '..');
const MODS = path.join(ROOT, 'apps/server/src/modules');
const write = process.argv.includes('--write');

function* files(dir) {
  for (const n of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, n);
    if (fs.statSync(p).isDirectory()) yield* files(p);
    else if (/\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n)) yield p;
  }
}
const modOf = (abs) => {
  const r = path.relative(MODS, abs);
  if (r.startsWith('..')) return null;
  return r.split(path.sep)[0];
};

const cfg = ts.getParsedCommandLineOfConfigFile(
  path.join(ROOT, 'apps/server/tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => {},
  },
);
const program = ts.createProgram(cfg.fileNames, cfg.options);
const checker = program.getTypeChecker();

// target module -> name -> { file (rel to module, no ext), value: bool }
const wanted = new Map();
// file -> list of {start,end,newText}
const edits = new Map();

for (const f of files(MODS)) {
  const sf = program.getSourceFile(f);
  if (!sf) throw new Error(`not in program: ${f}`);
  const from = modOf(f);
  for (const st of sf.statements) {
    if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) || !st.moduleSpecifier) continue;
    const spec = st.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    const abs = path.resolve(path.dirname(f), spec);
    const to = modOf(abs);
    if (!to || to === from) continue;
    const rest = path.relative(path.join(MODS, to), abs);
    if (rest === 'index' || rest === '') continue;
    const m = wanted.get(to) ?? new Map();
    wanted.set(to, m);
    const clauseType = ts.isImportDeclaration(st) ? st.importClause?.isTypeOnly : st.isTypeOnly;
    const elems = ts.isImportDeclaration(st)
      ? st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)
        ? st.importClause.namedBindings.elements
        : null
      : st.exportClause && ts.isNamedExports(st.exportClause)
        ? st.exportClause.elements
        : null;
    if (!elems || (ts.isImportDeclaration(st) && st.importClause?.name))
      throw new Error(`unsupported import in ${f}: ${st.getText()}`);
    for (const e of elems) {
      const name = (e.propertyName ?? e.name).text;
      let sym = checker.getSymbolAtLocation(e.name);
      if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
      const isValue = !!sym && (sym.flags & ts.SymbolFlags.Value) !== 0;
      const prev = m.get(name);
      if (prev && prev.file !== rest) throw new Error(`name clash ${to}.${name}: ${prev.file} vs ${rest}`);
      m.set(name, { file: rest, value: (prev?.value ?? false) || isValue });
      void clauseType;
    }
    const newSpec = path.relative(path.dirname(f), path.join(MODS, to)).split(path.sep).join('/');
    const e = edits.get(f) ?? [];
    edits.set(f, e);
    e.push({
      start: st.moduleSpecifier.getStart(sf) + 1,
      end: st.moduleSpecifier.getEnd() - 1,
      newText: newSpec.startsWith('.') ? newSpec : `./${newSpec}`,
    });
  }
}

// Existing index exports
const indexOut = {};
for (const [mod, names] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
  const idx = path.join(MODS, mod, 'index.ts');
  const existing = fs.existsSync(idx) ? fs.readFileSync(idx, 'utf8') : null;
  const have = new Set();
  if (existing) {
    const isf = program.getSourceFile(idx);
    for (const st of isf.statements)
      if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause))
        for (const e of st.exportClause.elements) have.add(e.name.text);
  }
  const byFile = new Map();
  for (const [name, info] of names) {
    if (have.has(name)) continue;
    const k = info.file;
    const g = byFile.get(k) ?? { values: [], types: [] };
    byFile.set(k, g);
    (info.value ? g.values : g.types).push(name);
  }
  const lines = [];
  for (const [file, g] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const rel = `./${file.split(path.sep).join('/')}`;
    if (g.values.length) lines.push(`export { ${g.values.sort().join(', ')} } from '${rel}';`);
    if (g.types.length) lines.push(`export type { ${g.types.sort().join(', ')} } from '${rel}';`);
  }
  indexOut[mod] = { existing, lines };
}

for (const [mod, { existing, lines }] of Object.entries(indexOut)) {
  console.log(`== ${mod} (${existing ? 'append' : 'new'})`);
  for (const l of lines) console.log(l);
}
let n = 0;
for (const [, e] of edits) n += e.length;
console.log(`${n} import statements in ${edits.size} files`);

if (write) {
  for (const [f, es] of edits) {
    let text = fs.readFileSync(f, 'utf8');
    for (const e of es.sort((a, b) => b.start - a.start))
      text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    fs.writeFileSync(f, text);
  }
  for (const [mod, { existing, lines }] of Object.entries(indexOut)) {
    if (!lines.length) continue;
    const idx = path.join(MODS, mod, 'index.ts');
    const head =
      existing ??
      `/** The ${mod} module's API for other modules (docs/ARCHITECTURE.md): import from '../${mod}'. */\n`;
    fs.writeFileSync(idx, `${head.endsWith('\n') ? head : `${head}\n`}${lines.join('\n')}\n`);
  }
}
