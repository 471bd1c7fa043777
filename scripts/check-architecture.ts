/**
 * The dependency rules of the monorepo, checked with dependency-cruiser (`npm run check:architecture`,
 * part of `npm test`). One cruise of the source tree:
 * - the file-level rules of `.dependency-cruiser.cjs` (domain is pure, platform imports no module,
 *   the web imports no server code, no module imports app.ts);
 * - the module graph: the file graph collapsed to the server's modules (apps/server/src/modules/<name>),
 *   with every strongly connected component of two or more modules reported as a cycle.
 * - long files: a source or test file over 400 lines says why at its top (a comment within its first
 *   five lines containing "Over 400 lines"), or is split (issue #16 item 7).
 * - the picture: the module graph in docs/ARCHITECTURE.md is what dependency-cruiser draws now
 *   (`--write-picture` rewrites it there).
 * `--dot` prints the collapsed module graph as Graphviz dot instead.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const REPO_ROOT = path.resolve(import.meta.dirname, '..');
/** What the real check cruises (relative to the repo root). */
export const CRUISE_ROOTS = ['packages/domain/src', 'apps/server/src', 'apps/web/src', 'apps/web/portal/src'];
const MODULE_PATH = /^apps\/server\/src\/modules\/([^/]+)\//;

export interface Violation {
  rule: string;
  from: string;
  to: string;
}
export interface ArchitectureReport {
  violations: Violation[];
  /** Each cycle: the modules of one strongly connected component, sorted. */
  moduleCycles: string[][];
  /** module → the modules it imports (sorted), the picture's edges. */
  moduleGraph: Map<string, string[]>;
}

/** Cruises `roots` (relative to `baseDir`) with the repository's rules. */
export async function checkArchitecture(
  baseDir: string = REPO_ROOT,
  roots: string[] = CRUISE_ROOTS,
): Promise<ArchitectureReport> {
  const config: IConfiguration = require(path.join(REPO_ROOT, '.dependency-cruiser.cjs'));
  const { output } = await cruise(
    roots,
    {
      ...config.options,
      baseDir,
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
      tsConfig: { fileName: path.join(REPO_ROOT, 'tsconfig.base.json') },
      outputType: 'json',
    },
    undefined,
    { tsConfig: { options: { baseUrl: baseDir } } },
  );
  const result: ICruiseResult = typeof output === 'string' ? JSON.parse(output) : output;
  const violations = result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  violations.sort((a, b) => `${a.rule} ${a.from} ${a.to}`.localeCompare(`${b.rule} ${b.from} ${b.to}`));
  const moduleGraph = collapseToModules(result);
  return { violations, moduleCycles: stronglyConnected(moduleGraph), moduleGraph };
}

function collapseToModules(result: ICruiseResult): Map<string, string[]> {
  const edges = new Map<string, Set<string>>();
  for (const mod of result.modules) {
    const from = MODULE_PATH.exec(mod.source)?.[1];
    if (!from) continue;
    const targets = edges.get(from) ?? new Set<string>();
    edges.set(from, targets);
    for (const dep of mod.dependencies) {
      const to = MODULE_PATH.exec(dep.resolved)?.[1];
      if (to && to !== from) targets.add(to);
    }
  }
  return new Map([...edges].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
}

/** Tarjan's strongly connected components; only those with two or more nodes are cycles. */
function stronglyConnected(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let top: string | undefined;
      do {
        top = stack.pop()!;
        onStack.delete(top);
        component.push(top);
      } while (top !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The module graph as Graphviz dot (modules as boxes, edges in red when they are part of a cycle). */
export function moduleGraphDot(report: ArchitectureReport): string {
  const inCycle = new Map<string, number>();
  report.moduleCycles.forEach((c, i) => {
    for (const m of c) inCycle.set(m, i);
  });
  const lines = ['digraph modules {', '  rankdir=LR; node [shape=box, fontname="sans-serif", fontsize=10];'];
  for (const [from, tos] of report.moduleGraph) {
    lines.push(`  "${from}";`);
    for (const to of tos) {
      const cyc = inCycle.has(from) && inCycle.get(from) === inCycle.get(to);
      lines.push(`  "${from}" -> "${to}"${cyc ? ' [color=red]' : ''};`);
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The document that carries the module picture, between a ```mermaid fence and the next ```. */
export const PICTURE_DOC = 'docs/ARCHITECTURE.md';
const PICTURE_FENCE = /(```mermaid\n)([\s\S]*?)(```)/;

/**
 * The module picture, drawn by dependency-cruiser's mermaid reporter: the server's files collapsed to
 * app.ts, platform and each module (the command docs/ARCHITECTURE.md names).
 */
export async function architecturePicture(baseDir: string = REPO_ROOT): Promise<string> {
  const config: IConfiguration = require(path.join(REPO_ROOT, '.dependency-cruiser.cjs'));
  const { output } = await cruise(
    ['apps/server/src'],
    {
      ...config.options,
      baseDir,
      includeOnly: '^apps/server/src/(modules|platform|app\\.ts)',
      collapse: '^apps/server/src/(modules/[^/]+|platform)',
      tsConfig: { fileName: path.join(REPO_ROOT, 'tsconfig.base.json') },
      outputType: 'mermaid',
    },
    undefined,
    { tsConfig: { options: { baseUrl: baseDir } } },
  );
  return String(output).trimEnd() + '\n';
}

/** The picture as checked in (null when the document has no mermaid block). */
export function checkedInPicture(baseDir: string = REPO_ROOT): string | null {
  return PICTURE_FENCE.exec(readFileSync(path.join(baseDir, PICTURE_DOC), 'utf8'))?.[2] ?? null;
}

function writePicture(picture: string, baseDir: string = REPO_ROOT): void {
  const file = path.join(baseDir, PICTURE_DOC);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(PICTURE_FENCE, (_, open, __, close) => open + picture + close),
  );
}

export const LONG_FILE_LINES = 400;
/** Checked-in files written by generators, not by hand. */
const GENERATED = new Set(['apps/web/src/lib/api-types.ts', 'apps/server/src/platform/error-codes.ts']);

/** Tracked .ts/.tsx files over LONG_FILE_LINES lines whose first five lines give no reason. */
export function longFilesWithoutReason(baseDir: string = REPO_ROOT): string[] {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: baseDir, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !GENERATED.has(f));
  return files.filter((file) => {
    let text: string;
    try {
      text = readFileSync(path.join(baseDir, file), 'utf8');
    } catch {
      return false; // deleted in the work tree
    }
    const lines = text.split('\n');
    if (lines.length - (lines.at(-1) === '' ? 1 : 0) <= LONG_FILE_LINES) return false;
    return !lines.slice(0, 5).some((line) => /over 400 lines/i.test(line));
  });
}

async function main(): Promise<void> {
  const report = await checkArchitecture();
  if (process.argv.includes('--dot')) {
    process.stdout.write(moduleGraphDot(report));
    return;
  }
  for (const v of report.violations) console.error(`✗ ${v.rule}: ${v.from} → ${v.to}`);
  for (const c of report.moduleCycles) console.error(`✗ module cycle: ${c.join(' ↔ ')}`);
  const long = longFilesWithoutReason();
  for (const f of long) console.error(`✗ ${f}: over ${LONG_FILE_LINES} lines without a reason at its top`);
  const picture = await architecturePicture();
  let stalePicture = 0;
  if (process.argv.includes('--write-picture')) writePicture(picture);
  else if (checkedInPicture() !== picture) {
    stalePicture = 1;
    console.error(
      `✗ ${PICTURE_DOC}: the module picture is not what dependency-cruiser draws now; ` +
        'run `npx tsx scripts/check-architecture.ts --write-picture`',
    );
  }
  const problems = report.violations.length + report.moduleCycles.length + long.length + stalePicture;
  if (problems > 0) {
    console.error(`architecture: ${problems} problem(s); see docs/ARCHITECTURE.md`);
    process.exitCode = 1;
  } else {
    console.log(
      `architecture: ${report.moduleGraph.size} modules, no forbidden import, no module cycle, no long file without a reason`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
