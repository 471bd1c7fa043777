import { describe, expect, it } from 'vitest';
import { useTestServer } from './harness';

describe('OpenAPI', () => {
  const env = useTestServer();

  it('lists every /api route with its schemas', async () => {
    const spec: any = await (await fetch(`${env.url}/api/openapi.json`)).json();
    expect(spec.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        documented.add(`${method.toUpperCase()} ${p}`);
        expect(op.responses, `${method} ${p}`).toBeTruthy();
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        if (
          ['post', 'patch', 'put'].includes(method) &&
          !p.endsWith('/logout') &&
          !p.includes('/unlock') &&
          !p.includes('/revoke')
        ) {
          expect(op.requestBody, `${method} ${p} request body`).toBeTruthy();
        }
      }
    }
    const routes = env.server.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => l.includes('/api/'));
    expect(routes.length).toBeGreaterThan(0);
    for (const must of [
      'GET /api/health',
      'POST /api/auth/login',
      'GET /api/auth/me',
      'GET /api/admin/users',
      'POST /api/admin/users',
      'PATCH /api/admin/users/{id}',
      'POST /api/admin/users/{id}/certificates',
      'GET /api/admin/organizations',
      'GET /api/admin/jurisdictions',
      'GET /api/admin/audit/',
      'GET /api/admin/audit/verify',
      'GET /api/work/{track}',
    ]) {
      expect(documented, must).toContain(must);
    }
    const docs = await fetch(`${env.url}/api/docs`);
    expect(docs.status).toBeLessThan(400);
  });
});
