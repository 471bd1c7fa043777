// Summarises a V8 .cpuprofile: top functions by self time, and by inclusive time (each function counted
// once per sample, however deep it recurses), over the samples between `from` and `to` ms after the
// profile started (the measured load, as profile-list.ts prints it).
// `node bench/src/cpuprofile-summary.mjs file [top] [from] [to]`.
import { readFileSync } from 'node:fs';

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
const top = Number(topArg ?? 40);
const from = Number(fromArg ?? 0) * 1000;
const to = toArg ? Number(toArg) * 1000 : Number.POSITIVE_INFINITY;
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
let at = 0; // µs since the profile started
for (let i = 0; i < prof.samples.length; i++) {
  at += prof.timeDeltas[i] ?? 0;
  if (at < from || at > to) continue;
  const id = prof.samples[i];
  dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
}
const label = (n) => {
  const f = n.callFrame;
  const url = f.url.replace(/^.*\/(node_modules\/)/, '$1').replace(/^.*\/apps\/server\/dist\//, 'dist/');
  return `${f.functionName || '(anon)'} ${url}:${f.lineNumber + 1}`;
};
const self = new Map();
const incl = new Map();
let total = 0;
let idle = 0;
for (const [id, t] of dt) {
  total += t;
  const n = byId.get(id);
  const l = label(n);
  if (n.callFrame.functionName === '(idle)') idle += t;
  self.set(l, (self.get(l) ?? 0) + t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const lc = label(byId.get(cur));
    if (seen.has(lc)) continue;
    seen.add(lc);
    incl.set(lc, (incl.get(lc) ?? 0) + t);
  }
}
const busy = total - idle;
const show = (title, m) => {
  console.log(`\n== ${title} (% of busy ${Math.round(busy / 1000)} ms) ==`);
  for (const [l, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * t) / busy).toFixed(1).padStart(6)}  ${l}`);
};
show('self', self);
show('inclusive', incl);
