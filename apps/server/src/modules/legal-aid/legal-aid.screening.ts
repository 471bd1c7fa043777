import { CLAIM_CATALOGUE, daysBetween, isClaimType, type TriageInput, triage } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { loadTriageSettings } from '../intake';

type Exec = Kysely<DB> | Transaction<DB>;

/** 《法律援助法》第四十四条: provide first when this many days or fewer remain (T-L2). */
export const URGENT_DAYS = 7;

export const SCREENING_BASIS = '《法律援助法》第三十一条、第三十五条、第四十二条、第四十四条';
export const EXEMPTION_REASON =
  '进城务工人员请求支付劳动报酬或者工伤事故人身损害赔偿，免予核查经济困难状况（《法律援助法》第四十二条第（三）项；《保障农民工工资支付条例》第四十五条）';

export interface Screening {
  eligible: boolean;
  claimTypes: string[];
  claimLabels: string[];
  applicantPartyId: string | null;
  applicantName: string | null;
  migrantWorker: boolean;
  meansTestExempt: boolean;
  exemptionReason: string | null;
  daysLeft: number | null;
  deadlineSource: 'arbitration_limitation' | 'entered' | null;
  urgent: boolean;
  reason: string;
  basis: string;
}

/**
 * 《法律援助法》第三十一条、第四十二条、第四十四条 screening of a matter: subject matter (Art. 31 list, the claim catalogue's legalAidSubject),
 * the means-test exemption of migrant workers claiming wages or work-injury damages (Art. 42(3)),
 * and urgency (Art. 44): the days left on the arbitration limitation (the domain's triage re-run
 * for today) or on a deadline the staff enter, whichever is sooner.
 */
export async function screenMatter(
  exec: Exec,
  matterId: string,
  today: string,
  deadline?: string,
): Promise<Screening> {
  const claims = await exec
    .selectFrom('matter_claim')
    .select(['type'])
    .where('matter_id', '=', matterId)
    .where('status', '!=', 'withdrawn')
    .orderBy('sort')
    .execute();
  const defs = claims
    .map((c) => (isClaimType(c.type) ? CLAIM_CATALOGUE[c.type] : null))
    .filter((d) => d !== null);
  const eligibleDefs = [...new Map(defs.filter((d) => d.legalAidSubject).map((d) => [d.id, d])).values()];
  const workers = await exec
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['p.id', 'p.name', 'p.migrant_worker'])
    .where('mp.matter_id', '=', matterId)
    .where('mp.role', '=', 'worker')
    .orderBy('mp.sort')
    .execute();
  const applicant = workers[0];
  const migrant = workers.some((w) => w.migrant_worker);
  const exempt = migrant && eligibleDefs.some((d) => d.wageArrears || d.workInjury);

  let daysLeft: number | null = null;
  let source: Screening['deadlineSource'] = null;
  const m = await exec
    .selectFrom('matter')
    .select('triage_input')
    .where('id', '=', matterId)
    .executeTakeFirst();
  const stored = m?.triage_input as TriageInput | null | undefined;
  if (stored?.claims?.length) {
    try {
      const r = triage({ ...stored, today }, await loadTriageSettings(exec));
      const days = r.warnings
        .filter((x) => x.code === 'LEGAL_AID_URGENT' || x.code === 'ARBITRATION_LIMITATION_NEAR')
        .map((x) => (x as { daysLeft?: number }).daysLeft)
        .filter((d): d is number => typeof d === 'number');
      if (days.length) {
        daysLeft = Math.min(...days);
        source = 'arbitration_limitation';
      }
    } catch {
      /* an old triage input the domain no longer accepts: no limitation information */
    }
  }
  if (deadline) {
    const d = daysBetween(today, deadline);
    if (daysLeft === null || d < daysLeft) {
      daysLeft = d;
      source = 'entered';
    }
  }
  const urgent = daysLeft !== null && daysLeft >= 0 && daysLeft <= URGENT_DAYS;
  const labels = eligibleDefs.map((d) => d.label);
  const reason = [
    labels.length
      ? `${labels.join('、')}属于法律援助事项（《法律援助法》第三十一条）`
      : '诉求不属于《法律援助法》第三十一条所列法律援助事项',
    exempt ? '申请人系农民工，请求支付劳动报酬或者工伤赔偿，依法免予核查经济困难状况' : '',
    urgent
      ? `距${source === 'entered' ? '期限' : '仲裁时效'}届满仅剩${daysLeft}日，可先行提供法律援助（《法律援助法》第四十四条）`
      : '',
  ]
    .filter(Boolean)
    .join('；');
  return {
    eligible: labels.length > 0,
    claimTypes: eligibleDefs.map((d) => d.id),
    claimLabels: labels,
    applicantPartyId: applicant?.id ?? null,
    applicantName: applicant?.name ?? null,
    migrantWorker: migrant,
    meansTestExempt: exempt,
    exemptionReason: exempt ? EXEMPTION_REASON : null,
    daysLeft,
    deadlineSource: source,
    urgent,
    reason,
    basis: SCREENING_BASIS,
  };
}
