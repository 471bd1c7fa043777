import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  API_TYPES_FILE,
  apiTypesSource,
  ERROR_CODES_FILE,
  errorCodesOfSpec,
  errorCodesSource,
} from '../../../scripts/generate-api-types';
import { useTestServer } from './harness';

// The web's types are generated from the server's OpenAPI document and checked in
// (apps/web/src/lib/api-types.ts); a response shape changed without regenerating fails here.
describe('generated web API types', () => {
  const env = useTestServer();

  it('match the server’s OpenAPI document (npm run generate:api-types)', async () => {
    const expected = await apiTypesSource(env.server.app.swagger());
    const checkedIn = readFileSync(API_TYPES_FILE, 'utf8');
    expect(
      checkedIn === expected,
      'apps/web/src/lib/api-types.ts is stale: run npm run generate:api-types',
    ).toBe(true);
  });

  it('the error-code catalogue is the codes the source throws, and the OpenAPI document publishes it', async () => {
    expect(
      readFileSync(ERROR_CODES_FILE, 'utf8') === errorCodesSource(),
      'apps/server/src/platform/error-codes.ts is stale: run npm run generate:api-types',
    ).toBe(true);
    const { ERROR_CODES } = await import('../src/platform/error-codes');
    const spec = env.server.app.swagger() as any;
    // One component per module (an enum of its codes) and Error.code as their union.
    expect(errorCodesOfSpec(spec)).toEqual(ERROR_CODES);
    expect(spec.components.schemas.ErrorCode_arbitration.enum).toContain('HEARING_CONFLICT');
    expect(spec.components.schemas.ErrorCode_workflow.enum).toEqual([
      'WORKFLOW_GUARD_FAILED',
      'WORKFLOW_ILLEGAL_TRANSITION',
      'WORKFLOW_INVALID_MACHINE',
      'WORKFLOW_ROLE_FORBIDDEN',
    ]);
    const code = spec.components.schemas.Error.properties.code;
    expect(code.anyOf.map((s: { $ref: string }) => s.$ref)).toEqual(
      Object.keys(ERROR_CODES).map((m) => `#/components/schemas/ErrorCode_${m}`),
    );
    expect(spec.components.schemas.Error.required).toEqual(['code', 'message']);
  });

  it('publish every component schema a $ref points to', async () => {
    const spec = JSON.stringify(env.server.app.swagger());
    const schemas = Object.keys(
      (env.server.app.swagger() as { components: { schemas: Record<string, unknown> } }).components.schemas,
    );
    const refs = new Set([...spec.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!));
    expect([...refs].filter((r) => !schemas.includes(r))).toEqual([]);
    expect(schemas).toContain('Error');
    expect(schemas).toContain('DocumentFieldSpec');
  });
});
