import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { FieldCipher } from '../../platform/crypto';
import type { IssueEnricher } from '../documents';
import { formatShortCode, SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from '../documents';
import { systemActor } from '../../platform/system';

type Exec = Kysely<DB> | Transaction<DB>;

/** A representative code stays valid for 30 days after it is issued (long enough for postal service). */
export const REPRESENTATIVE_CODE_TTL_MS = 30 * 24 * 3600_000;

/**
 * The 单位代表码 printed on one issued 应诉通知书: derived from the document id with the installation's
 * keyed hash, so a re-render prints the same code while the database keeps only `lookupHash(code)`.
 * Unguessable without the key; a corrected notice (a new document) gets a new code.
 */
export function documentRepresentativeCode(cipher: FieldCipher, documentId: string): string {
  const digest = cipher.lookupHash(`representative-code-seed:${documentId}`);
  const bytes = Buffer.from(digest.replace(/[^0-9a-f]/gi, '').slice(0, 32), 'hex');
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++)
    code += SHORT_CODE_ALPHABET[bytes[i]! % SHORT_CODE_ALPHABET.length];
  return code;
}

/**
 * Records a newly issued code (only its hash) and supersedes the older unredeemed codes of the same
 * employer in the same matter, so only the newest notice's (or screen's) code can be redeemed.
 */
export async function recordRepresentativeCode(
  exec: Exec,
  cipher: FieldCipher,
  row: { matterId: string; partyId: string; code: string; issuedBy: string; documentId?: string },
): Promise<{ expiresAt: Date }> {
  const now = new Date();
  await exec
    .updateTable('portal_representative_code')
    .set({ superseded_at: now })
    .where('matter_id', '=', row.matterId)
    .where('party_id', '=', row.partyId)
    .where('redeemed_at', 'is', null)
    .where('superseded_at', 'is', null)
    .execute();
  const expiresAt = new Date(now.getTime() + REPRESENTATIVE_CODE_TTL_MS);
  await exec
    .insertInto('portal_representative_code')
    .values({
      matter_id: row.matterId,
      party_id: row.partyId,
      code_hash: cipher.lookupHash(row.code),
      issued_by: row.issuedBy,
      expires_at: expiresAt,
      document_id: row.documentId ?? null,
    })
    .onConflict((oc) => oc.column('code_hash').doNothing())
    .execute();
  return { expiresAt };
}

/** The employer party a 应诉通知书 of a case is addressed to (by the respondent's name), if any. */
export async function noticeRespondent(
  exec: Exec,
  caseId: string,
  respondentName: string,
): Promise<{ matterId: string; partyId: string } | undefined> {
  const r = await exec
    .selectFrom('track_case as c')
    .innerJoin('matter_party as mp', 'mp.matter_id', 'c.matter_id')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['c.matter_id', 'p.id'])
    .where('c.id', '=', caseId)
    .where('mp.role', '=', 'employer')
    .where('p.name', '=', respondentName)
    .execute();
  return r.length === 1 ? { matterId: r[0]!.matter_id, partyId: r[0]!.id } : undefined;
}

/**
 * The 单位代表码 printed on an issued 应诉通知书 (the employer's way onto the portal): derived from the
 * document, so re-renders print the same code and only its hash is stored (in the transaction that
 * records the issued file). Drafts print a placeholder; no code without the field cipher.
 * Registered for `notice_to_respond` by the portal module.
 */
export const representativeCodeEnricher: IssueEnricher = async (deps, doc, issued) => {
  if (doc.subject_type !== 'case') return undefined;
  const portalUrl = `${deps.config.publicBaseUrl.replace(/\/+$/, '')}/m/`;
  if (!issued) return { fields: { representativeCode: '（签发后生成）', portalUrl } };
  const issuedBy = doc.issued_by ?? doc.created_by;
  const name = (doc.fields as { respondentName?: unknown }).respondentName;
  const cipher = deps.cipher;
  if (!cipher || !issuedBy || typeof name !== 'string') return undefined;
  const respondent = await noticeRespondent(deps.db, doc.subject_id, name);
  if (!respondent) return undefined;
  const code = documentRepresentativeCode(cipher, doc.id);
  return {
    fields: { representativeCode: formatShortCode(code), portalUrl },
    async onIssued(trx) {
      await recordRepresentativeCode(trx, cipher, { ...respondent, code, issuedBy, documentId: doc.id });
      await appendAudit(trx, systemActor('应诉通知书签发时生成网上应诉代表码'), {
        action: 'portal.representative_code.issue',
        entityType: 'matter',
        entityId: respondent.matterId,
        summary: `应诉通知书 ${doc.number} 印有用人单位网上应诉代表码（此前未使用的代表码作废）`,
        after: { documentId: doc.id },
      });
    },
  };
};
