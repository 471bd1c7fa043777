import type { AppContext } from '../../platform/context';
import { type Actor, appendAudit } from '../../platform/audit';
import { sha256Hex } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import { mediationPatterns } from '../documents';
import { sampleSealPng } from '../documents';
import type { Trx } from './mediation.common';
import type { OrganizationKind } from './mediation.tables';
import { readSetting } from '../../platform/settings';

/**
 * Mediation documents belong to the mediating organisation (《劳动争议调解仲裁法》第十条、第十四条):
 * the 调解建议书 and 调解协议书 carry its name, its own 文号 and its seal, not the arbitration
 * commission's. A listed mediation organisation becomes a document issuer (an `organization` row
 * with its number patterns) the first time it issues, in the issuing transaction.
 */

/** The organisation kinds map onto the issuer's agency (the check on organization.agency). */
const AGENCY: Readonly<Record<OrganizationKind, 'union' | 'court' | 'hrss'>> = {
  union: 'union',
  court_linked: 'court',
  enterprise_committee: 'hrss',
  street_township: 'hrss',
  village_community: 'hrss',
  industry_regional: 'hrss',
  peoples_mediation: 'hrss',
};

export interface MediationIssuer {
  /** organization.id: the issuer of the case's mediation documents */
  id: string;
  name: string;
}

async function mediationOrganizationOf(trx: Trx, caseId: string) {
  const m = await trx
    .selectFrom('mediation_case')
    .select(['handled_by', 'organization_id'])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (m.handled_by === 'organization' && m.organization_id) {
    return trx
      .selectFrom('mediation_organization')
      .selectAll()
      .where('id', '=', m.organization_id)
      .executeTakeFirstOrThrow();
  }
  const name = await readSetting(trx, 'mediation.center_organization');
  const org = name
    ? await trx.selectFrom('mediation_organization').selectAll().where('name', '=', name).executeTakeFirst()
    : undefined;
  if (!org) {
    throw new AppError(
      409,
      'MEDIATION_ISSUER_MISSING',
      '尚未设置中心就地调解的调解组织（系统设置“mediation.center_organization”），无法出具调解文书，请联系系统管理员',
    );
  }
  return org;
}

/** The issuer of the case's mediation documents, created (with patterns and, in demo mode, a seal) on first use. */
export async function mediationIssuer(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  caseId: string,
): Promise<MediationIssuer> {
  const mo = await mediationOrganizationOf(trx, caseId);
  if (mo.issuer_org_id) {
    const o = await trx
      .selectFrom('organization')
      .select(['id', 'name'])
      .where('id', '=', mo.issuer_org_id)
      .executeTakeFirstOrThrow();
    return o;
  }
  let org = await trx
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('name', '=', mo.name)
    .executeTakeFirst();
  if (!org) {
    const j =
      (await trx
        .selectFrom('jurisdiction')
        .select('id')
        .where('code', '=', mo.jurisdiction_code)
        .executeTakeFirst()) ??
      (await trx
        .selectFrom('jurisdiction')
        .select('id')
        .where('level', '=', 'city')
        .orderBy('sort')
        .executeTakeFirstOrThrow());
    org = await trx
      .insertInto('organization')
      .values({
        name: mo.name,
        short_name: mo.name,
        agency: AGENCY[mo.kind],
        partner_role: 'partner',
        jurisdiction_id: j.id,
        address: mo.address,
        phone: mo.phone,
        sort: 100 + mo.sort,
        updated_at: new Date(),
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
  }
  const issuerId = org.id;
  await trx
    .insertInto('document_number_pattern')
    .values(
      mediationPatterns(mo.name).map((p) => ({ ...p, issuer_org_id: issuerId, updated_at: new Date() })),
    )
    .onConflict((oc) => oc.columns(['issuer_org_id', 'type']).doNothing())
    .execute();
  if (ctx.config.demoMode) {
    const png = sampleSealPng();
    await trx
      .insertInto('organization_seal')
      .values({ organization_id: issuerId, png, sha256: sha256Hex(png), uploaded_by: null })
      .onConflict((oc) => oc.column('organization_id').doNothing())
      .execute();
  }
  await trx
    .updateTable('mediation_organization')
    .set({ issuer_org_id: issuerId, updated_at: new Date() })
    .where('id', '=', mo.id)
    .execute();
  await appendAudit(trx, actor, {
    action: 'mediation_organization.issuer',
    entityType: 'mediation_organization',
    entityId: mo.id,
    summary: `调解组织“${mo.name}”首次出具调解文书：登记为发文机关并配置文号格式`,
    after: { issuerOrgId: issuerId, patterns: mediationPatterns(mo.name).map((p) => p.pattern) },
  });
  return org;
}

/**
 * What happens after the mediation, as the documents say it: with an arbitration application pending
 * (a case of the matter's arbitration track still open), the commission goes on with it; without one,
 * the parties may apply for arbitration (《劳动争议调解仲裁法》第十四条第三款、第十五条).
 */
export async function arbitrationPending(trx: Trx, matterId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('track_case')
    .select('id')
    .where('matter_id', '=', matterId)
    .where('track', '=', 'arbitration')
    .where('closed', '=', false)
    .executeTakeFirst();
  return !!row;
}

export function proposalNextStep(pending: boolean): string {
  return pending
    ? '逾期未答复的，视为不同意调解，劳动人事争议仲裁委员会将依法继续处理已提出的仲裁申请。'
    : '逾期未答复的，视为不同意调解，本调解组织将终止调解；当事人可以依法向劳动人事争议仲裁委员会申请仲裁（《中华人民共和国劳动争议调解仲裁法》第十四条第三款）。';
}
