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

  it('gives every request body and successful answer a schema that says what it is', async () => {
    const spec: any = await (await fetch(`${env.url}/api/openapi.json`)).json();
    const loose = looseSchemas(spec);
    // Left open on purpose: none. A route whose body or answer is `{}` (any) or an object without
    // properties belongs here only with a comment saying why; the web's types would be `unknown`.
    const ALLOWED: string[] = [];
    expect(loose.filter((l) => !ALLOWED.includes(l))).toEqual([]);
    // The component the free-form values use is the recursive JSON value, not `{}`.
    expect(spec.components.schemas.JsonValue.anyOf.map((s: any) => s.type ?? s.$ref)).toEqual([
      'string',
      'number',
      'boolean',
      'array',
      'object',
    ]);
  });

  it('declares downloads and uploads by their media type, with the file as binary', async () => {
    const spec: any = await (await fetch(`${env.url}/api/openapi.json`)).json();
    const binary = { type: 'string', format: 'binary' };
    const download = (p: string) => spec.paths[p].get.responses['200'].content;
    expect(download('/api/documents/{id}/pdf')).toEqual({ 'application/pdf': { schema: binary } });
    expect(Object.keys(download('/api/documents/{id}/docx'))).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(Object.keys(download('/api/wage-groups/template.xlsx'))).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Object.keys(download('/api/evidence/{id}/file'))).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/png',
    ]);
    expect(download('/api/admin/organizations/{id}/seal')).toEqual({ 'image/png': { schema: binary } });
    // No download answers JSON: every 2xx whose content is not JSON carries only binary schemas.
    let downloads = 0;
    for (const [p, ops] of Object.entries<any>(spec.paths))
      for (const [m, op] of Object.entries<any>(ops))
        for (const [status, r] of Object.entries<any>(op.responses))
          if (status.startsWith('2') && r.content && !r.content['application/json']) {
            downloads++;
            for (const c of Object.values<any>(r.content)) expect(c.schema, `${m} ${p}`).toEqual(binary);
          }
    expect(downloads).toBe(18);

    const evidence = spec.paths['/api/matters/{id}/evidence'].post.requestBody.content;
    expect(Object.keys(evidence)).toEqual(['multipart/form-data']);
    expect(evidence['multipart/form-data'].schema).toMatchObject({
      type: 'object',
      properties: { file: { type: 'array', items: binary }, description: { type: 'string' } },
      required: ['file'],
    });
    const assessment = spec.paths['/api/prevention/assessments/{id}/evidence'].post.requestBody.content;
    expect(assessment['multipart/form-data'].schema.required).toEqual(['itemCode', 'file']);
    const chunk = spec.paths['/api/rooms/{id}/recordings/{recordingId}/chunks/{seq}'].put.requestBody.content;
    expect(Object.keys(chunk)).toEqual([
      'application/octet-stream',
      'audio/webm',
      'video/webm',
      'audio/mp4',
      'video/mp4',
    ]);
    expect(chunk['audio/webm'].schema).toMatchObject(binary);
  });
});

/** Keywords that say nothing about a value's shape. */
const SILENT = new Set(['description', 'nullable', 'default', 'title', 'example', 'deprecated']);

/**
 * Every place in an operation's request bodies and 2xx answers (all media types) where the schema is
 * `{}` (any value) or an object without properties whose extra properties are not typed either.
 * `$ref`s are followed once (recursive components such as JsonValue end there).
 */
function looseSchemas(spec: any): string[] {
  const components = spec.components?.schemas ?? {};
  const found: string[] = [];
  const walk = (s: any, where: string, seen: Set<string>) => {
    if (!s || typeof s !== 'object') return;
    if (s.$ref) {
      const name = String(s.$ref).split('/').pop()!;
      if (!seen.has(name)) walk(components[name], where, new Set([...seen, name]));
      return;
    }
    if (Object.keys(s).every((k) => SILENT.has(k))) {
      found.push(`${where} (any)`);
      return;
    }
    const extra = s.additionalProperties;
    if (
      s.type === 'object' &&
      !s.properties &&
      (extra === undefined ||
        extra === true ||
        (typeof extra === 'object' && Object.keys(extra).length === 0))
    )
      found.push(`${where} (free object)`);
    for (const [k, v] of Object.entries<any>(s.properties ?? {})) walk(v, `${where}.${k}`, seen);
    if (s.items) walk(s.items, `${where}[]`, seen);
    if (extra && typeof extra === 'object') walk(extra, `${where}[*]`, seen);
    for (const k of ['anyOf', 'oneOf', 'allOf'])
      for (const [i, v] of (s[k] ?? []).entries()) walk(v, `${where}|${k}${i}`, seen);
  };
  for (const [p, ops] of Object.entries<any>(spec.paths))
    for (const [m, op] of Object.entries<any>(ops)) {
      const id = `${m.toUpperCase()} ${p}`;
      for (const [type, c] of Object.entries<any>(op.requestBody?.content ?? {}))
        walk(c.schema, `${id}: body <${type}>`, new Set());
      for (const [status, r] of Object.entries<any>(op.responses ?? {}))
        if (status.startsWith('2'))
          for (const [type, c] of Object.entries<any>(r.content ?? {}))
            walk(c.schema, `${id}: ${status} <${type}>`, new Set());
    }
  return found;
}
