import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CODES } from './error-codes';

/** A user-facing error: HTTP status, stable machine code, Chinese message, optional details. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const errors = {
  validation: (details: unknown, message = '请求内容有误，请检查后重试') =>
    new AppError(400, 'VALIDATION_FAILED', message, details),
  unauthenticated: (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message),
  sessionExpired: () => new AppError(401, 'SESSION_EXPIRED', '登录已超时，请重新登录'),
  forbidden: (message = '您没有执行此操作的权限') => new AppError(403, 'FORBIDDEN', message),
  csrf: () => new AppError(403, 'CSRF_INVALID', '页面已过期，请刷新后重试'),
  notFound: (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在或已被删除`),
  conflict: (current: unknown, message = '数据已被他人修改，请在最新内容上重新操作') =>
    new AppError(409, 'CONFLICT', message, { current }),
  duplicate: (message: string, details?: unknown) => new AppError(409, 'DUPLICATE', message, details),
};

/**
 * Each module's stable error codes as one OpenAPI component (ErrorCode_<module>, an enum); the
 * catalogue is generated from the source (platform/error-codes.ts, `npm run generate:api-types`).
 */
const errorCodeSchemas = Object.entries(ERROR_CODES).map(([module, codes]) =>
  z.enum(codes as unknown as [string, ...string[]]).meta({
    id: `ErrorCode_${module}`,
    description: module === 'platform' ? '通用错误代码' : `${module} 模块的错误代码`,
  }),
);

/** The shared error body schema, used in every route's OpenAPI responses; `code` is one of the modules' codes. */
export const errorSchema = z
  .object({
    code: z
      .union(errorCodeSchemas as unknown as [z.ZodEnum, z.ZodEnum, ...z.ZodEnum[]])
      .describe('稳定的错误代码'),
    message: z.string().describe('中文错误说明'),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });

const ZOD_CODE_MESSAGES: Record<string, string> = {
  invalid_type: '类型不正确',
  too_small: '太短或太小',
  too_big: '太长或太大',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '包含不允许的字段',
  custom: '不符合要求',
};

interface ZodIssueLike {
  code?: string;
  path?: (string | number)[];
  message?: string;
  keys?: string[];
}

function translateIssues(issues: ZodIssueLike[], where: string) {
  return issues.map((i) => {
    const field = [where, ...(i.path ?? [])].filter(Boolean).join('.');
    // Messages we wrote ourselves are Chinese already; zod's own are English: map by code.
    const own = i.message && /[\u4e00-\u9fff]/.test(i.message) ? i.message : undefined;
    let message = own ?? ZOD_CODE_MESSAGES[i.code ?? ''] ?? '不符合要求';
    if (i.code === 'unrecognized_keys' && i.keys) message = `包含不允许的字段：${i.keys.join('、')}`;
    return { field, code: i.code ?? 'invalid', message };
  });
}

/** PostgreSQL data exceptions caused by a value (too long, out of range, bad date, NUL byte). */
const PG_VALUE_ERRORS = new Set(['22001', '22003', '22007', '22008', '22021', '22P05', '2201E', '22023']);

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    return reply.status(err.status).send({ code: err.code, message: err.message, details: err.details });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? '';
    const issues = translateIssues(
      err.validation.map((v) => ({
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message,
        keys: (v.params as { keys?: string[] }).keys,
      })),
      where,
    );
    const first = issues[0];
    return reply.status(400).send({
      code: 'VALIDATION_FAILED',
      message: first ? `${first.field || '请求'}：${first.message}` : '请求内容有误',
      details: { issues },
    });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send({ code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply
        .status(400)
        .send({ code: 'BODY_TOO_LARGE', message: '请求内容过大（上限 1 MB），请拆分后提交' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply
        .status(415)
        .send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型，请使用 application/json' });
    case 'FST_REQ_FILE_TOO_LARGE':
      return reply.status(413).send({
        code: 'EVIDENCE_TOO_LARGE',
        message: '上传的文件超过大小上限（每个文件最大 10 MB），请压缩后重试',
      });
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return reply
        .status(400)
        .send({ code: 'TOO_MANY_FILES', message: '一次上传的文件或字段过多，请分批上传' });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return reply
        .status(415)
        .send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 multipart/form-data 方式上传文件' });
    case 'FST_ERR_RATE_LIMITED':
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.status(err.statusCode).send({ code: 'BAD_REQUEST', message: '请求无效' });
  }
  // Database constraint errors that slip through services are still the user's input, not a crash.
  const pgCode = (err as { code?: string }).code;
  if (pgCode === '23505') {
    return reply.status(409).send({ code: 'DUPLICATE', message: '记录已存在，不能重复创建' });
  }
  if (pgCode === '22P02' || pgCode === '23503') {
    return reply.status(400).send({ code: 'INVALID_REFERENCE', message: '引用的记录不存在或编号格式不正确' });
  }
  // Values the schemas let through but the database cannot hold (a safety net; schemas refuse them first).
  if (pgCode && PG_VALUE_ERRORS.has(pgCode)) {
    return reply
      .status(400)
      .send({ code: 'INVALID_VALUE', message: '填写的内容超出允许的范围或含有无法保存的字符' });
  }
  if (pgCode === '57014') {
    req.log.warn({ err }, 'statement timed out');
    return reply.status(503).send({ code: 'REQUEST_TIMEOUT', message: '系统繁忙，处理超时，请稍后重试' });
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ code: 'INTERNAL', message: '系统内部错误，请稍后重试或联系管理员' });
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: `接口不存在：${req.method} ${req.url}` });
}

/** Standard error responses to attach to every route schema. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};
