import type { Schema } from '../../lib/api-types';
import type { ItemOf, ResponseOf } from '../../lib/api-types-helpers';

/** The inspection case as GET /api/inspection/cases/:id answers it (generated from the server's OpenAPI). */
export type InspectionCase = Schema<'InspectionCase'>;

export type LegalReviewConclusion = NonNullable<PenaltyView['legalReview']>['conclusion'];

export const LEGAL_REVIEW_CONCLUSIONS: Record<LegalReviewConclusion, string> = {
  approved: '同意',
  revise: '建议修改后作出决定',
  rejected: '不同意作出处罚决定',
};

/** GET /api/inspection/cases/:id → penalty: the proposed penalty's hearing and legal review. */
export type PenaltyView = Schema<'InspectionPenalty'>;

export type InspectionListItem = ItemOf<ResponseOf<'/api/inspection/cases'>>;

export const RECORD_KIND_LABELS = {
  onsite: '现场检查笔录',
  inquiry: '询问笔录',
  evidence: '证据',
  task: '调查任务',
} as const;

/** GET /api/inspection/campaigns (专项检查). */
export type Campaign = Schema<'InspectionCampaign'>;

/** GET /api/inspection/campaigns/:id: each employer with its ex-officio case. */
export type CampaignDetail = Schema<'InspectionCampaignDetail'>;

/** One approval of the case (报批 and the 负责人's decision). */
export type ApprovalView = Schema<'InspectionApproval'>;
