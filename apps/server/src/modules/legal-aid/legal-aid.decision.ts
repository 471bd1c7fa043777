import { CLAIM_CATALOGUE, isClaimType } from '@onestop/domain';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import { dateOf } from '../../platform/time';
import { getDocumentsService } from '../documents';
import type { IssuedRef } from '../documents';
import type { ReferralView } from './legal-aid.presenter';

/** The form of aid given at the center's aid desk for a labor dispute (《法律援助法》第二十二条第（六）项). */
export const AID_FORM = '劳动争议调解与仲裁代理';

/**
 * 给予/不予法律援助决定书 (《法律援助法》第四十三条), issued in the decision's transaction: the applicant,
 * the 案号, the application date and matter, the means-test conclusion (第四十一条、第四十二条) or the
 * refusal's reasons with the objection route (第四十九条).
 */
export async function issueDecision(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  r: ReferralView,
  decision: 'granted' | 'refused',
  body: { refusalReason?: string | undefined },
  hardship: boolean | undefined,
): Promise<IssuedRef> {
  const claims = r.claimTypes.map((t: string) => (isClaimType(t) ? CLAIM_CATALOGUE[t].label : t));
  const common = {
    applicantName: r.applicantName,
    caseNumber: r.case.number,
    appliedDate: dateOf(ctx.config, new Date(r.createdAt)),
    matter: claims.length ? `${claims.join('、')}劳动争议` : '劳动争议',
  };
  const fields =
    decision === 'granted'
      ? {
          ...common,
          form: AID_FORM,
          meansBasis: r.meansTestExempt
            ? `你${r.exemptionReason ?? '属于免予核查经济困难状况的情形'}，免予核查经济困难状况（《法律援助法》第四十二条）`
            : hardship
              ? '经核查，你的经济状况符合本地经济困难标准（《法律援助法》第四十一条）'
              : '经审查，你符合法律援助条件',
        }
      : { ...common, reason: (body.refusalReason ?? '').replace(/[。.]+$/, '') };
  return getDocumentsService(ctx).createAndIssue(trx, actor, {
    subjectType: 'case',
    subjectId: r.case.id,
    type: decision === 'granted' ? 'legal_aid_grant' : 'legal_aid_refusal',
    fields,
  });
}
