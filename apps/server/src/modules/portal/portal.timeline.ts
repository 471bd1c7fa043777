import { CLAIM_CATALOGUE, isClaimType } from '@onestop/domain';
import type { CaseTrack } from '../cases';
import { stateLabel, TRACK_LABELS } from '../cases';

/** Matter statuses in plain words for the worker. */
export const FRIENDLY_STATUS: Record<string, string> = {
  registered: '已收到，等待工作人员审核',
  routed: '正在办理',
  closed: '已办结',
  merged: '已与另一件事项合并办理',
};

export const ROLE_LABELS = { worker: '劳动者（申请人）', employer: '用人单位（被申请人）' } as const;

export function claimLabel(type: string): string {
  return isClaimType(type) ? CLAIM_CATALOGUE[type].label : type;
}

interface EventRow {
  id: number;
  at: Date;
  kind: string;
  payload: unknown;
}

interface CaseRef {
  id: string;
  track: CaseTrack;
  number: string;
}

/**
 * Internal timeline rows in friendly Chinese. Rows that concern only the staff (duplicate checks,
 * edits, assignments' names) are told without names or left out; nothing here names staff members.
 */
export function friendlyTimeline(
  events: readonly EventRow[],
  cases: readonly CaseRef[],
  role: 'worker' | 'employer',
): { id: number; at: string; text: string }[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const out: { id: number; at: string; text: string }[] = [];
  for (const e of events) {
    const p = (e.payload ?? {}) as Record<string, unknown>;
    const c = typeof p.caseId === 'string' ? byId.get(p.caseId) : undefined;
    let text: string | null = null;
    switch (e.kind) {
      case 'created':
        text = p.channel === 'online' ? '您在网上提交的申请已收到' : '已在服务窗口登记';
        if (role === 'employer') text = '中心已登记劳动者提出的请求';
        break;
      case 'triaged':
        text = '工作人员已确定办理途径';
        break;
      case 'mediation_consent':
        text = role === 'worker' ? '已记录您是否同意调解' : null;
        break;
      case 'case_opened':
        text = c ? `已进入${TRACK_LABELS[c.track]}程序（案号 ${c.number}）` : '已进入办理程序';
        break;
      case 'case_transition':
        text =
          c && typeof p.to === 'string'
            ? `${TRACK_LABELS[c.track]}：${stateLabel(c.track, p.to)}`
            : '办理有新进展';
        break;
      case 'case_assigned':
        text = '已安排工作人员承办';
        break;
      case 'transfer_sent':
        text = '已转交有关部门办理';
        break;
      case 'evidence_added':
        text = p.portal ? '收到网上提交的证据材料' : '收到证据材料';
        break;
      case 'arbitration_application':
        text = '仲裁申请材料已登记';
        break;
      case 'portal_defence':
        text = role === 'employer' ? '您已提交答辩意见' : '用人单位已提交答辩意见';
        break;
      case 'portal_proposal_reply':
        text = role === 'employer' ? '您已答复调解建议书' : '对方已答复调解建议书';
        break;
      case 'closed':
        text = '事项已办结';
        break;
      case 'duplicate_flagged':
      case 'updated':
        text = null;
        break;
      default:
        text = '办理有新进展';
    }
    if (text) out.push({ id: Number(e.id), at: new Date(e.at).toISOString(), text });
  }
  return out;
}
