import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { multipartFile } from './documents.schema';
import type { DB } from '../../db/schema';
import { sha256Hex } from '../../platform/crypto';
import { AppError, errorResponses } from '../../platform/errors';
import { verifyFileResponse, verifyResponse } from './documents.schema';
import { formatShortCode, normalizeShortCode } from './short-code';
import { isPubliclyVerifiable, publicAmounts } from './verify.summary';

const tags = ['文书验证（公开）'];
export const VERIFY_FILE_LIMIT = 10 * 1024 * 1024;

type Kdb = import('kysely').Kysely<DB>;

/**
 * What the public may learn about a document: that it was issued, by whom, when, under which number
 * and 案号, the amounts it states (a paper copy with altered figures is caught), the fingerprint of the
 * genuine PDF, and whether it was superseded (and by which correction). Never the parties or other
 * personal data. Internal forms (审批表) are not public: they answer "not found".
 */
async function publicFacts(db: Kdb, where: { shortCode: string } | { sha256: string }) {
  let q = db
    .selectFrom('document as d')
    .innerJoin('organization as o', 'o.id', 'd.issuer_org_id')
    .leftJoin('document as c', (j) => j.onRef('c.supersedes_id', '=', 'd.id').on('c.sha256', 'is not', null))
    .select([
      'd.type',
      'd.title',
      'd.number',
      'd.issued_date',
      'd.sha256',
      'd.short_code',
      'd.state',
      'd.version',
      'd.fields',
      'd.subject_type',
      'd.subject_id',
      'd.supersedes_id',
      'o.name as issuer_name',
      'c.number as corrected_number',
      'c.issued_date as corrected_date',
    ])
    .where('d.number', 'is not', null);
  q =
    'shortCode' in where
      ? q.where('d.short_code', '=', where.shortCode)
      : q.where('d.sha256', '=', where.sha256);
  const d = await q.executeTakeFirst();
  if (!d || !isPubliclyVerifiable(d.type)) return undefined;
  const caseRow =
    d.subject_type === 'case'
      ? await db.selectFrom('track_case').select('number').where('id', '=', d.subject_id).executeTakeFirst()
      : undefined;
  const corrects = d.supersedes_id
    ? await db
        .selectFrom('document')
        .select(['number', 'issued_date'])
        .where('id', '=', d.supersedes_id)
        .executeTakeFirst()
    : undefined;
  const issued = d.sha256 !== null && (d.state === 'issued' || d.state === 'superseded');
  const superseded = d.state === 'superseded';
  return {
    found: true,
    issued,
    shortCode: d.short_code ? formatShortCode(d.short_code) : undefined,
    type: d.type,
    title: d.title,
    issuerName: d.issuer_name,
    issuedDate: d.issued_date,
    number: d.number,
    sha256: d.sha256,
    version: d.version,
    caseNumber: caseRow?.number ?? null,
    amounts: publicAmounts(d.type, d.fields),
    corrects: corrects ? { number: corrects.number, issuedDate: corrects.issued_date } : null,
    superseded,
    supersededBy: superseded ? { number: d.corrected_number, issuedDate: d.corrected_date } : null,
    message: !issued
      ? '该文书正在签发中，请稍后再查'
      : superseded
        ? `该文书确由${d.issuer_name}签发，但已被更正文书${d.corrected_number ?? ''}取代，请以更正后的文书为准`
        : `该文书确由${d.issuer_name}签发，现行有效${corrects ? `（系对${corrects.number ?? ''}的更正）` : ''}；请核对纸质文书上的文号、案号、日期和金额与下列信息一致`,
  };
}

export const verifyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/verify/:code',
    {
      config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '按验证码核验文书（公开，限流；不含当事人信息）',
        params: z.strictObject({ code: z.string().max(20, '验证码格式不正确') }),
        response: { 200: verifyResponse, ...errorResponses, 429: errorResponses[400] },
      },
    },
    async (req) => {
      const code = normalizeShortCode(req.params.code);
      if (!code)
        return {
          found: false,
          issued: false,
          message: '验证码格式不正确，应为 8 位字母和数字（如 K7QP-4M9X）',
        };
      return (
        (await publicFacts(db, { shortCode: code })) ?? {
          found: false,
          issued: false,
          message: '未找到该验证码对应的文书，请核对验证码',
        }
      );
    },
  );

  app.post(
    '/verify/file',
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '上传 PDF 文件核验是否与签发原件一致（公开，限流，文件不超过 10 MB）',
        ...multipartFile('待核验的 PDF 文件（不超过 10 MB）'),
        response: { 200: verifyFileResponse, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new AppError(415, 'MULTIPART_REQUIRED', '请以表单方式上传 PDF 文件');
      const file = await req.file({ limits: { fileSize: VERIFY_FILE_LIMIT, files: 1 } });
      if (!file) throw new AppError(400, 'FILE_REQUIRED', '请选择要核验的 PDF 文件');
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch {
        throw new AppError(413, 'FILE_TOO_LARGE', '文件过大，核验文件不超过 10 MB');
      }
      // The size limit may also show only as a truncated stream (the limit event racing the end of a
      // large request under load): never verify a cut-off file.
      if (file.file.truncated || data.length > VERIFY_FILE_LIMIT) {
        throw new AppError(413, 'FILE_TOO_LARGE', '文件过大，核验文件不超过 10 MB');
      }
      if (data.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new AppError(415, 'FILE_NOT_PDF', '请上传 PDF 文件');
      }
      const fileSha256 = sha256Hex(data);
      const facts = await publicFacts(db, { sha256: fileSha256 });
      return (
        (facts && { ...facts, fileSha256 }) ?? {
          found: false,
          issued: false,
          fileSha256,
          message: '未找到与该文件完全一致的签发文书：文件可能被修改过，或并非本平台签发的电子原件',
        }
      );
    },
  );
};
