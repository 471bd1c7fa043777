import { formatNumber, NUMBER_STYLES, validateNumberPattern } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { nextSequence } from '../../platform/sequences';
import { TEMPLATES } from './render/index';
import { systemActor } from '../../platform/system';

/**
 * 文号 patterns are data (document_number_pattern), one per issuer and type, or '*' for the issuer's
 * default. Numbers are gap-free per pattern row and year: nextSequence runs in the issuing
 * transaction, so a rolled-back issue gives its number back.
 */
interface PatternSeed {
  organization: string;
  type: string;
  pattern: string;
  basis: string;
}

const ARB = '随州市劳动人事争议仲裁委员会';
const INSP = '随州市劳动保障监察支队';
const PETITION = '随州市信访局（维权中心信访窗口）';
const CENTER = '随州市人力资源和社会保障局';
const LEGAL_AID = '随州市司法局法律援助中心';
const LEGAL_AID_BASIS =
  '《法律援助法》第四十三条：法律援助机构应当书面告知申请人给予或者不予法律援助的决定；文书按机构代字、年份和序号编号';
const ARB_BASIS =
  '《劳动人事争议仲裁办案规则》及人社部仲裁文书示范文本：文书编号由仲裁委员会简称、文书代字、年份和序号组成';
const DEFAULTER_BASIS =
  '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》：列入、移出应当书面告知、作出决定；文书按机构代字、年份和序号编号';
const INSP_BASIS =
  '《劳动保障监察条例》《关于实施〈劳动保障监察条例〉若干规定》：监察文书按机关代字、年份和序号编号';
const PETITION_BASIS =
  '《信访工作条例》第三十一条至第三十六条：受理、不予受理、转送、延期告知和处理、复查、复核意见应当书面出具并编号存档';
// An issuer's default ('*') numbers its 公文 (函, 转办单, 转介函): GB/T 9704 style, no "第" (issue #13).
const GB_BASIS = NUMBER_STYLES.gongwen.basis;

/** 案号-style numbers (with "第") of the arbitration step documents; the same list is in migration 0045. */
export const ARBITRATION_STEP_PATTERNS = [
  ['tribunal_composition_notice', '随劳人仲组字〔{year}〕第{seq}号'],
  ['postponement_notice', '随劳人仲延开字〔{year}〕第{seq}号'],
  ['hearing_record', '随劳人仲笔字〔{year}〕第{seq}号'],
  ['advance_execution_award', '随劳人仲先执字〔{year}〕第{seq}号'],
  ['partial_award', '随劳人仲先裁字〔{year}〕第{seq}号'],
  ['recusal_decision', '随劳人仲回字〔{year}〕第{seq}号'],
  ['award_correction_decision', '随劳人仲补正字〔{year}〕第{seq}号'],
  ['arbitration_filing_approval', '随劳人仲立审字〔{year}〕第{seq}号'],
  ['arbitration_closing_approval', '随劳人仲结审字〔{year}〕第{seq}号'],
] as const;

export const DEFAULT_PATTERNS: PatternSeed[] = [
  { organization: ARB, type: '*', pattern: '随劳人仲文字〔{year}〕{seq}号', basis: GB_BASIS },
  { organization: ARB, type: 'receipt', pattern: '随劳人仲收字〔{year}〕第{seq}号', basis: ARB_BASIS },
  {
    organization: ARB,
    type: 'correction_notice',
    pattern: '随劳人仲补字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  {
    organization: ARB,
    type: 'acceptance_notice',
    pattern: '随劳人仲受字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  {
    organization: ARB,
    type: 'rejection_notice',
    pattern: '随劳人仲不受字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  {
    organization: ARB,
    type: 'notice_to_respond',
    pattern: '随劳人仲应字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  { organization: ARB, type: 'hearing_notice', pattern: '随劳人仲庭字〔{year}〕第{seq}号', basis: ARB_BASIS },
  {
    organization: ARB,
    type: 'arbitral_mediation_statement',
    pattern: '随劳人仲调字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  { organization: ARB, type: 'award', pattern: '随劳人仲裁字〔{year}〕第{seq}号', basis: ARB_BASIS },
  {
    organization: ARB,
    type: 'suspension_decision',
    pattern: '随劳人仲中字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  {
    organization: ARB,
    type: 'resumption_notice',
    pattern: '随劳人仲恢字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  {
    organization: ARB,
    type: 'extension_notice',
    pattern: '随劳人仲延字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  {
    organization: ARB,
    type: 'withdrawal_decision',
    pattern: '随劳人仲撤字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  {
    organization: ARB,
    type: 'deemed_withdrawal_decision',
    pattern: '随劳人仲按撤字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  {
    organization: ARB,
    type: 'collective_notice',
    pattern: '随劳人仲集字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  {
    organization: ARB,
    type: 'simplified_notice',
    pattern: '随劳人仲简字〔{year}〕第{seq}号',
    basis: ARB_BASIS,
  },
  { organization: INSP, type: '*', pattern: '随人社监文字〔{year}〕{seq}号', basis: GB_BASIS },
  {
    organization: INSP,
    type: 'inspection_acceptance',
    pattern: '随人社监立字〔{year}〕第{seq}号',
    basis: INSP_BASIS,
  },
  {
    organization: INSP,
    type: 'inspection_rejection',
    pattern: '随人社监不立字〔{year}〕第{seq}号',
    basis: INSP_BASIS,
  },
  {
    organization: INSP,
    type: 'order_to_correct',
    pattern: '随人社监令字〔{year}〕第{seq}号',
    basis: INSP_BASIS,
  },
  {
    organization: INSP,
    type: 'case_withdrawal',
    pattern: '随人社监撤字〔{year}〕第{seq}号',
    basis: INSP_BASIS,
  },
  {
    organization: INSP,
    type: 'penalty_notice',
    pattern: '随人社监罚告字〔{year}〕第{seq}号',
    basis: INSP_BASIS,
  },
  {
    organization: INSP,
    type: 'hearing_notice_penalty',
    pattern: '随人社监听字〔{year}〕第{seq}号',
    basis: INSP_BASIS,
  },
  {
    organization: INSP,
    type: 'penalty_decision',
    pattern: '随人社监罚字〔{year}〕第{seq}号',
    basis: INSP_BASIS,
  },
  {
    organization: INSP,
    type: 'inspection_closing_approval',
    pattern: '随人社监结字〔{year}〕第{seq}号',
    basis: INSP_BASIS,
  },
  { organization: PETITION, type: '*', pattern: '随信文字〔{year}〕{seq}号', basis: GB_BASIS },
  {
    organization: PETITION,
    type: 'petition_acceptance',
    pattern: '随信受字〔{year}〕第{seq}号',
    basis: PETITION_BASIS,
  },
  {
    organization: PETITION,
    type: 'petition_opinion',
    pattern: '随信处字〔{year}〕第{seq}号',
    basis: PETITION_BASIS,
  },
  // issue #13: the petition documents of the flow steps and the legal-aid decisions (migration 0041).
  ...(
    [
      ['petition_rejection_notice', '随信不受字〔{year}〕第{seq}号'],
      ['petition_forward_notice', '随信转字〔{year}〕第{seq}号'],
      ['petition_extension_notice', '随信延字〔{year}〕第{seq}号'],
      ['petition_review_opinion', '随信复查字〔{year}〕第{seq}号'],
      ['petition_re_review_opinion', '随信复核字〔{year}〕第{seq}号'],
    ] as const
  ).map(([type, pattern]) => ({ organization: PETITION, type, pattern, basis: PETITION_BASIS })),
  ...(
    [
      ['legal_aid_grant', '随法援决字〔{year}〕第{seq}号'],
      ['legal_aid_refusal', '随法援不字〔{year}〕第{seq}号'],
    ] as const
  ).map(([type, pattern]) => ({ organization: LEGAL_AID, type, pattern, basis: LEGAL_AID_BASIS })),
  // issue #13: the arbitration documents of the steps of the proceedings (migration 0045).
  ...ARBITRATION_STEP_PATTERNS.map(([type, pattern]) => ({
    organization: ARB,
    type,
    pattern,
    basis: ARB_BASIS,
  })),
  // issue #13: the inspection documents of the investigation steps (migration 0048), own 代字 each.
  ...(
    [
      ['inquiry_notice', '随人社监询字〔{year}〕第{seq}号'],
      ['inquiry_record', '随人社监询录字〔{year}〕第{seq}号'],
      ['onsite_record', '随人社监检录字〔{year}〕第{seq}号'],
      ['inspection_extension_approval', '随人社监延字〔{year}〕第{seq}号'],
      ['inspection_revocation_approval', '随人社监撤批字〔{year}〕第{seq}号'],
      ['inspection_filing_approval', '随人社监立批字〔{year}〕第{seq}号'],
      ['compensation_order', '随人社监赔字〔{year}〕第{seq}号'],
      ['case_transfer_letter', '随人社监移字〔{year}〕第{seq}号'],
      ['penalty_hearing_record', '随人社监听录字〔{year}〕第{seq}号'],
    ] as const
  ).map(([type, pattern]) => ({ organization: INSP, type, pattern, basis: INSP_BASIS })),
  // issue #21: the defaulter list procedure (migration 0063).
  ...(
    [
      ['defaulter_notice', '随人社监失告字〔{year}〕第{seq}号'],
      ['defaulter_statement_record', '随人社监失辩字〔{year}〕第{seq}号'],
      ['defaulter_listing_decision', '随人社监失决字〔{year}〕第{seq}号'],
      ['defaulter_publication', '随人社监失公字〔{year}〕第{seq}号'],
      ['defaulter_removal_receipt', '随人社监失申字〔{year}〕第{seq}号'],
      ['defaulter_removal_decision', '随人社监失移字〔{year}〕第{seq}号'],
      // issue #21: not listed, early removal refused, removed at the end of the term (migration 0082).
      ['defaulter_not_listed_decision', '随人社监失不字〔{year}〕第{seq}号'],
      ['defaulter_removal_refusal', '随人社监失驳字〔{year}〕第{seq}号'],
      ['defaulter_expiry_notice', '随人社监失满字〔{year}〕第{seq}号'],
    ] as const
  ).map(([type, pattern]) => ({ organization: INSP, type, pattern, basis: DEFAULTER_BASIS })),
  { organization: CENTER, type: '*', pattern: '随人社维字〔{year}〕{seq}号', basis: GB_BASIS },
  // Every organisation whose staff issue documents (a window clerk's 转办单 is issued in the clerk's
  // organisation's name) has a default pattern; migration 0040 adds them to seeded installations.
  {
    organization: '随州市劳动人事争议仲裁院',
    type: '*',
    pattern: '随劳人仲院字〔{year}〕{seq}号',
    basis: GB_BASIS,
  },
  {
    organization: '随州市司法局法律援助中心',
    type: '*',
    pattern: '随法援字〔{year}〕{seq}号',
    basis: GB_BASIS,
  },
  { organization: '随州市总工会', type: '*', pattern: '随工维字〔{year}〕{seq}号', basis: GB_BASIS },
  {
    organization: '随州市曾都区人民法院',
    type: '*',
    pattern: '曾法诉调字〔{year}〕{seq}号',
    basis: GB_BASIS,
  },
  {
    organization: '广水市一站式劳动保障维权中心',
    type: '*',
    pattern: '广人社维字〔{year}〕{seq}号',
    basis: GB_BASIS,
  },
];

const MEDIATION_BASIS =
  '《劳动争议调解仲裁法》第十条、第十四条：调解协议书由调解组织制作，经调解员签名并加盖调解组织印章后生效；调解组织的文书按其代字、年份和序号编号';

/** The 代字 of the listed mediation organisations (data; an organisation added later gets its name's first characters). */
export const MEDIATION_ORG_CODES: Readonly<Record<string, string>> = {
  随州市劳动人事争议一站式多元联调联处中心: '随联调',
  随州市总工会劳动争议调解委员会: '随工调',
  随州市曾都区人民法院诉调对接工作室: '曾法诉调',
  曾都区东城街道劳动争议调解委员会: '东城调',
  广水市应山街道劳动争议调解委员会: '应山调',
  随县厉山镇人民调解委员会: '厉山调',
};

/** The number patterns of one mediation organisation: 调解建议书 (建字) and 调解协议书 (协字). */
export function mediationPatterns(orgName: string): { type: string; pattern: string; basis: string }[] {
  const code = MEDIATION_ORG_CODES[orgName] ?? `${orgName.replace(/[（）()]/g, '').slice(0, 4)}调`;
  return [
    { type: '*', pattern: `${code}字〔{year}〕第{seq}号`, basis: MEDIATION_BASIS },
    { type: 'mediation_proposal', pattern: `${code}建字〔{year}〕第{seq}号`, basis: MEDIATION_BASIS },
    { type: 'mediation_agreement', pattern: `${code}协字〔{year}〕第{seq}号`, basis: MEDIATION_BASIS },
  ];
}

/** Inserts the default patterns once (when the table is empty), for the organisations that exist. */
export async function seedNumberPatterns(db: Kysely<DB>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('document_number_pattern').select('id').limit(1).executeTakeFirst();
    if (any) return 0;
    const orgs = new Map(
      (await trx.selectFrom('organization').select(['id', 'name']).execute()).map((o) => [o.name, o.id]),
    );
    const rows = DEFAULT_PATTERNS.flatMap((p) => {
      const id = orgs.get(p.organization);
      return id
        ? [{ issuer_org_id: id, type: p.type, pattern: p.pattern, basis: p.basis, updated_at: new Date() }]
        : [];
    });
    if (!rows.length) return 0;
    await trx.insertInto('document_number_pattern').values(rows).execute();
    await appendAudit(trx, systemActor('初始化文号格式'), {
      action: 'document_number_pattern.seed',
      entityType: 'document_number_pattern',
      summary: `初始化文号格式 ${rows.length} 条`,
    });
    return rows.length;
  });
}

export function isPatternType(type: string): boolean {
  return type === '*' || Object.hasOwn(TEMPLATES, type);
}

/** Pattern problems in Chinese (empty when valid). */
export function patternProblems(pattern: string): string[] {
  return validateNumberPattern(pattern).map((i) => i.message);
}

type Exec = Kysely<DB> | Transaction<DB>;

/** The issuer's pattern for the type, else its default ('*'); undefined when neither exists. */
export async function findPattern(exec: Exec, issuerOrgId: string, type: string) {
  const rows = await exec
    .selectFrom('document_number_pattern')
    .selectAll()
    .where('issuer_org_id', '=', issuerOrgId)
    .where('type', 'in', [type, '*'])
    .execute();
  return rows.find((r) => r.type === type) ?? rows.find((r) => r.type === '*');
}

/** Allocates the next 文号 inside the issuing transaction. */
export async function allocateNumber(
  trx: Transaction<DB>,
  issuer: { id: string; name: string },
  type: string,
  year: number,
): Promise<string> {
  const pattern = await findPattern(trx, issuer.id, type);
  if (!pattern) {
    const title = TEMPLATES[type as keyof typeof TEMPLATES]?.title ?? type;
    throw new AppError(
      409,
      'DOCUMENT_NO_NUMBER_PATTERN',
      `发文机关“${issuer.name}”尚未配置“${title}”的文号格式，请联系系统管理员`,
    );
  }
  const seq = await nextSequence(trx, `document:${issuer.id}:${pattern.type}`, year);
  try {
    return formatNumber(pattern.pattern, year, seq);
  } catch (err) {
    throw new AppError(409, 'DOCUMENT_NUMBER_PATTERN_INVALID', `文号格式“${pattern.pattern}”无法生成编号`, {
      reason: (err as Error).message,
    });
  }
}

/** What a draft shows where the number will be: the pattern with the year and a blank sequence. */
export function draftNumber(pattern: string | undefined, year: number): string {
  if (!pattern) return '（文号于签发时生成）';
  return pattern.replace('{year}', String(year)).replace(/\{seq(:\d+)?\}/, '　　');
}
