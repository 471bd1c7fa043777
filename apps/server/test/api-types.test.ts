import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../../../scripts/generate-api-types';
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
