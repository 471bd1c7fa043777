import { PDFDocument } from 'pdf-lib';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { dayStart } from '../../platform/time';
import { getDocumentsService } from '../documents';

/**
 * The enforcement application pack (强制执行申请材料, issue #21): the 强制执行申请书 with the unpaid items
 * and amounts, the document enforced (裁决书 / 调解书) and the 送达及生效证明书, bound in that order into
 * one PDF from the issued files (each keeps its seal, 文号 and verification code). Built on request
 * from what is stored, so it always carries the documents as issued.
 */
export async function enforcementPack(
  ctx: AppContext,
  actor: Actor,
  obligationId: string,
): Promise<{ pdf: Buffer; name: string }> {
  const { db } = ctx.database;
  const o = await db
    .selectFrom('obligation')
    .select([
      'id',
      'matter_id',
      'next_step',
      'next_step_document_id',
      'source_document_id',
      'next_step_certificate_id',
    ])
    .where('id', '=', obligationId)
    .executeTakeFirstOrThrow();
  if (o.next_step !== 'enforcement' || !o.next_step_document_id) {
    throw new AppError(
      409,
      'ENFORCEMENT_PACK_MISSING',
      '尚未出具强制执行申请书，请先办理“申请人民法院强制执行”',
    );
  }
  const ids = [o.next_step_document_id, o.source_document_id, o.next_step_certificate_id].filter(
    (x): x is string => x !== null,
  );
  const docs = await db
    .selectFrom('document')
    .select(['id', 'title', 'number', 'pdf_key', 'state', 'issued_date'])
    .where('id', 'in', ids)
    .execute();
  const storage = getDocumentsService(ctx).storage;
  const pack = await PDFDocument.create();
  const parts: string[] = [];
  for (const id of ids) {
    const d = docs.find((x) => x.id === id)!;
    const data = d.pdf_key ? await storage.get(d.pdf_key) : undefined;
    if (!data) {
      throw new AppError(409, 'DOCUMENT_NOT_READY', `${d.title}正在生成，请稍后再试`);
    }
    const part = await PDFDocument.load(data);
    for (const page of await pack.copyPages(part, part.getPageIndices())) pack.addPage(page);
    parts.push(`${d.title}${d.number ?? ''}`);
  }
  const application = docs.find((x) => x.id === o.next_step_document_id)!;
  // The pack's PDF dates are the start of the application's issue day in the business time zone.
  const issued = dayStart(ctx.config, application.issued_date ?? '2000-01-01');
  pack.setTitle(`强制执行申请材料 ${application.number ?? ''}`);
  pack.setSubject(parts.join('；'));
  pack.setCreator('onestop');
  pack.setProducer('onestop');
  pack.setLanguage('zh-CN');
  pack.setCreationDate(issued);
  pack.setModificationDate(issued);
  const pdf = Buffer.from(await pack.save({ useObjectStreams: false }));
  await db.transaction().execute((trx) =>
    appendAudit(trx, actor, {
      action: 'obligation.enforcement_pack.view',
      entityType: 'obligation',
      entityId: o.id,
      summary: `查看强制执行申请材料：${parts.join('、')}`,
    }),
  );
  return { pdf, name: `强制执行申请材料_${application.number ?? ''}` };
}
