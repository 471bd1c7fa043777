import { maskIdNumber } from '../validators/mask';
import { chineseDate } from '../time';
import { SEX_LABELS } from './format';

/**
 * Party particulars (当事人基本情况) as the model texts write them: a natural person with name, sex,
 * birth date, ethnicity (where the model asks), address and masked ID number; an organisation with
 * name, address, unified social credit code and its 法定代表人 (or 主要负责人) with post; then each agent
 * with the authority granted (特别授权 / 一般授权). Filled from the master record (party table).
 */
export interface AgentParticulars {
  name: string;
  /** e.g. 湖北某某律师事务所律师; 申请人之妻 */
  identity?: string;
  /** 特别授权 / 一般授权, or the listed powers */
  authority: string;
}

export interface PartyParticulars {
  /** 申请人 / 被申请人 / 当事人 / 投诉人 … */
  role: string;
  kind: 'person' | 'organization';
  name: string;
  sex?: 'male' | 'female';
  /** YYYY-MM-DD */
  birthDate?: string;
  ethnicity?: string;
  address?: string;
  /** Full ID number: masked when printed (first 3 and last 4 kept) */
  idNumber?: string;
  creditCode?: string;
  representative?: string;
  /** 法定代表人 (default) or 主要负责人 */
  representativeTitle?: string;
  representativePost?: string;
  agents?: AgentParticulars[];
}

/** Sex and birth date from an 18-digit resident ID (GB 11643-1999: digits 7–14 birth date, 17th odd = male). */
export function particularsFromResidentId(id: string): { sex: 'male' | 'female'; birthDate: string } | null {
  const v = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return null;
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  const d = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birthDate) return null;
  return { sex: Number(v[16]) % 2 === 1 ? 'male' : 'female', birthDate };
}

/** The lines of one party: the party itself, its representative, its agents. */
export function partyLines(
  p: PartyParticulars,
  options: { ethnicity?: boolean; maskId?: boolean } = {},
): string[] {
  const parts: string[] = [p.name];
  if (p.kind === 'person') {
    const derived = p.idNumber ? particularsFromResidentId(p.idNumber) : null;
    const sex = p.sex ?? derived?.sex;
    const birth = p.birthDate ?? derived?.birthDate;
    if (sex) parts.push(SEX_LABELS[sex]);
    if (birth) parts.push(`${chineseDate(birth)}出生`);
    if (options.ethnicity !== false && p.ethnicity)
      parts.push(p.ethnicity.endsWith('族') ? p.ethnicity : `${p.ethnicity}族`);
    if (p.address) parts.push(`住${p.address}`);
    if (p.idNumber) {
      parts.push(`公民身份号码${options.maskId === false ? p.idNumber : maskIdNumber(p.idNumber)}`);
    }
  } else {
    if (p.address) parts.push(`住所地${p.address}`);
    if (p.creditCode) parts.push(`统一社会信用代码${p.creditCode}`);
  }
  const lines = [`${p.role}：${parts.join('，')}。`];
  if (p.kind === 'organization' && p.representative) {
    const post = p.representativePost ? `，职务：${p.representativePost}` : '';
    lines.push(`${p.representativeTitle ?? '法定代表人'}：${p.representative}${post}。`);
  }
  for (const a of p.agents ?? []) {
    lines.push(`委托代理人：${a.name}${a.identity ? `，${a.identity}` : ''}，代理权限：${a.authority}。`);
  }
  return lines;
}

/**
 * The authority an agent (委托代理人) holds, as the 授权委托书 states it (《劳动争议调解仲裁法》第二十四条:
 * a signed or sealed power of attorney stating the matters and the authority). A 特别授权 lets the agent
 * admit, waive or change claims and settle; a 一般授权 does not.
 */
export const AGENT_AUTHORITIES = {
  special: { label: '特别授权', powers: '代为承认、放弃、变更仲裁请求，进行和解，代签法律文书' },
  general: { label: '一般授权', powers: '代为出庭、陈述、举证、质证、辩论，代签法律文书' },
} as const;

export type AgentAuthority = keyof typeof AGENT_AUTHORITIES;

export const AGENT_BASIS = '《劳动争议调解仲裁法》第二十四条';
