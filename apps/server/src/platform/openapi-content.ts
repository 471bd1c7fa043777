import { z } from 'zod';

/**
 * How the OpenAPI document describes what is not a JSON object: file downloads, uploads (multipart
 * or raw bytes) and free-form JSON values. The web's types are generated from that document
 * (apps/web/src/lib/api-types.ts), so every body says what it is instead of `{}` (any);
 * apps/server/test/openapi.test.ts fails on a schema that says nothing.
 */

/** The media types of the files the API sends and receives. */
export const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  octet: 'application/octet-stream',
  webm: 'audio/webm',
  videoWebm: 'video/webm',
  mp4: 'audio/mp4',
  videoMp4: 'video/mp4',
} as const;
export type MediaType = (typeof MEDIA)[keyof typeof MEDIA];

/**
 * The bytes of a file in a response: `{ type: string, format: binary }` in the document; `unknown` to
 * the handler's types (it sends a Buffer or a stream, which Fastify never serializes).
 */
const binary = () => z.unknown().meta({ type: 'string', format: 'binary' });

/**
 * A download's successful answer: the file's bytes under each media type it may have. Fastify never
 * runs a response serializer on a Buffer or a stream, so this documents the reply and changes nothing
 * of it (the download tests read the bytes back).
 *
 *   response: { 200: fileResponse('签发版 PDF', MEDIA.pdf), ...errorResponses }
 */
export function fileResponse(description: string, ...types: [MediaType, ...MediaType[]]) {
  return {
    description,
    content: Object.fromEntries(types.map((t) => [t, { schema: binary() }])) as Record<
      MediaType,
      { schema: ReturnType<typeof binary> }
    >,
  };
}

/** One part of a multipart body: a file (one or several) or a text field. */
export interface MultipartPart {
  kind: 'file' | 'files' | 'text';
  description: string;
  required?: boolean;
}

/**
 * A multipart/form-data upload, to spread into a route's schema: `consumes` and the body's parts as
 * the document shows them. The handler reads the parts from the stream (req.file() / req.parts(),
 * platform/files.ts), which checks them; the body Fastify validates is empty, hence `z.unknown()`
 * underneath the documented shape.
 *
 *   schema: { ...multipartBody('证据材料', { file: { kind: 'files', description: 'PDF/JPEG/PNG', required: true } }), … }
 */
export function multipartBody(description: string, parts: Record<string, MultipartPart>) {
  const properties = Object.fromEntries(
    Object.entries(parts).map(([name, p]) => [
      name,
      p.kind === 'file'
        ? { type: 'string', format: 'binary', description: p.description }
        : p.kind === 'files'
          ? {
              type: 'array',
              items: { type: 'string', format: 'binary' },
              description: `${p.description}；可多个（同名字段重复）`,
            }
          : { type: 'string', description: p.description },
    ]),
  );
  const required = Object.entries(parts)
    .filter(([, p]) => p.required)
    .map(([name]) => name);
  return {
    consumes: ['multipart/form-data'],
    body: z.unknown().meta({
      description,
      type: 'object',
      properties,
      ...(required.length ? { required } : {}),
    }),
  };
}

/**
 * A body of raw bytes (one of `types`), to spread into a route's schema. Fastify hands the handler a
 * Buffer (the route's own content-type parser); the document shows `{ type: string, format: binary }`.
 */
export function binaryBody(description: string, ...types: [MediaType, ...MediaType[]]) {
  return {
    consumes: types,
    body: z.unknown().meta({ description, type: 'string', format: 'binary' }),
  };
}

/**
 * Documents a value as `shape` while validating it as `schema` (for a value whose real check is the
 * service's, per key, with its own error code: e.g. a setting, checked by the registry's schema of
 * that key with 400 SETTING_INVALID). The document shows what can succeed; anything else is refused
 * by the service, not by the route.
 */
export function documentedAs<S extends z.ZodType>(schema: S, shape: z.ZodType, description?: string): S {
  const { $schema: _drop, ...json } = z.toJSONSchema(shape, { target: 'openapi-3.0', io: 'input' }) as Record<
    string,
    unknown
  >;
  return schema.meta({ ...json, ...(description ? { description } : {}) }) as S;
}

/** A JSON value (what a jsonb column holds). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON value of any shape, recursive (component `JsonValue`): for recorded data whose shape is
 * the writer's (timeline payloads, audit snapshots), never for a body the web composes.
 */
export const jsonValue: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(jsonValue),
      z.record(z.string(), jsonValue),
    ]),
  )
  .meta({
    id: 'JsonValue',
    description: '任意 JSON 值（字符串、数字、布尔、null、数组或对象），由写入方决定结构',
  });

/** A JSON scalar. */
export const jsonScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A flat record of JSON scalars and lists of scalars (no nesting deeper than one list). */
export const flatRecord = z.record(z.string(), z.union([jsonScalar, z.array(jsonScalar)]));
