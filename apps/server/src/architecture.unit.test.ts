import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, moduleGraphDot } from '../../../scripts/check-architecture';

// The rules of .dependency-cruiser.cjs and the module-cycle check, run on a fixture tree that breaks
// each rule once (apps/server/test/fixtures/architecture). gamma/gamma.ts (through alpha's index.ts)
// and gamma/gamma.test.ts (a test may reach in) are allowed; gamma/reach-in.ts is not.
const FIXTURE = path.resolve(import.meta.dirname, '../test/fixtures/architecture');
const ROOTS = ['packages/domain/src', 'apps/server/src', 'apps/web/src'];

describe('dependency rules', () => {
  it('report every forbidden import and the module cycle of the fixture', async () => {
    const report = await checkArchitecture(FIXTURE, ROOTS);
    expect(report.violations).toEqual([
      {
        rule: 'domain-is-pure',
        from: 'packages/domain/src/pure.ts',
        to: 'apps/server/src/platform/service.ts',
      },
      {
        rule: 'module-imports-through-index',
        from: 'apps/server/src/modules/gamma/reach-in.ts',
        to: 'apps/server/src/modules/alpha/alpha.ts',
      },
      {
        rule: 'platform-imports-no-module',
        from: 'apps/server/src/platform/service.ts',
        to: 'apps/server/src/modules/gamma/gamma.ts',
      },
      {
        rule: 'web-imports-no-server',
        from: 'apps/web/src/page.ts',
        to: 'apps/server/src/modules/gamma/gamma.ts',
      },
    ]);
    expect(report.moduleCycles).toEqual([['alpha', 'beta']]);
    expect(Object.fromEntries(report.moduleGraph)).toEqual({
      alpha: ['beta'],
      beta: ['alpha'],
      gamma: ['alpha'],
    });
    expect(moduleGraphDot(report)).toContain('"alpha" -> "beta" [color=red];');
    expect(moduleGraphDot(report)).toContain('"gamma" -> "alpha";');
  }, 60_000);
});
