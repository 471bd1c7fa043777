/**
 * The Check of issue #16 (deliverable 3): the web build fails when a server response shape changes
 * without the web being brought along. Two links make the chain:
 * 1. apps/server/test/api-types.test.ts fails while apps/web/src/lib/api-types.ts is not what
 *    `npm run generate:api-types` would now write from the server's OpenAPI document (a changed route
 *    schema that was not regenerated fails `npm test`);
 * 2. once regenerated, the web's types are the generated ones (lib/api-types-helpers.ts:
 *    Schema<'X'>, ResponseOf<path>, BodyOf<path>), so `tsc -p apps/web` — part of `npm run typecheck`
 *    and of `npm run build:web` — fails wherever the web relies on the old shape.
 * This test shows link 2: it type-checks the web against a regenerated api-types.ts in which the
 * server renamed MatterDetail.number to matterNumber, and expects the web to fail to compile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const WEB = path.join(ROOT, 'apps/web');
const API_TYPES = path.join(WEB, 'src/lib/api-types.ts');

/** The generated text with one property of one component schema renamed (what a regenerate would give). */
function renameProperty(text: string, schema: string, from: string, to: string): string {
  const start = text.indexOf(`\n        ${schema}: {\n`);
  expect(start, `components.schemas.${schema} in api-types.ts`).toBeGreaterThan(0);
  const end = text.indexOf('\n        };\n', start);
  const block = text.slice(start, end);
  const renamed = block.replace(`\n            ${from}: `, `\n            ${to}: `);
  expect(renamed, `${schema}.${from} in api-types.ts`).not.toBe(block);
  return text.slice(0, start) + renamed + text.slice(end);
}

/** Type errors of the web (apps/web/tsconfig.json) when api-types.ts reads `apiTypes`, by file. */
function webErrors(apiTypes: string, only: (file: string) => boolean): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(WEB, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('apps/web/tsconfig.json unreadable');
  const host = ts.createCompilerHost(config.options, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === API_TYPES ? apiTypes : readFile(file));
  // Only the checked files and what they import: parsing the whole web would cost far more.
  const rootNames = config.fileNames.filter(only);
  const program = ts.createProgram({ rootNames, options: config.options, host });
  const out = new Map<string, string[]>();
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !only(sf.fileName)) continue;
    for (const d of program.getSemanticDiagnostics(sf)) {
      const rel = path.relative(ROOT, sf.fileName);
      out.set(rel, [...(out.get(rel) ?? []), ts.flattenDiagnosticMessageText(d.messageText, '\n')]);
    }
  }
  return out;
}

describe('web types follow the server’s OpenAPI (issue #16, deliverable 3)', () => {
  it('a response field the server renamed, once regenerated, fails the web’s type check where it is used', () => {
    const changed = renameProperty(readFileSync(API_TYPES, 'utf8'), 'MatterDetail', 'number', 'matterNumber');
    // Only the matter page and the matters feature are checked (the whole web takes minutes on a busy
    // machine); `npm run typecheck` checks that the web compiles against the checked-in file.
    const matterPage = path.join(WEB, 'src/pages/MatterPage.tsx');
    const matters = path.join(WEB, 'src/features/matters');
    const after = webErrors(changed, (f) => f === matterPage || f.startsWith(matters));
    // The matter page shows the matter's number (页眉 and 事项编号): both no longer compile.
    expect(after.get('apps/web/src/pages/MatterPage.tsx')).toEqual([
      expect.stringMatching(/^Property 'number' does not exist on type /),
      expect.stringMatching(/^Property 'number' does not exist on type /),
    ]);
    for (const [file, messages] of after)
      for (const m of messages) expect(m, file).toMatch(/'number'|matterNumber/);
  }, 300_000);
});
