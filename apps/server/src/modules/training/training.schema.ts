import {
  CERTIFICATE_TYPES,
  GOLD_CRITERIA,
  GOLD_NOMINEE_KINDS,
  GOLD_ROUND_STATUSES,
  TRAINING_AUDIENCES,
} from '@onestop/domain';
import { z } from 'zod';
import { isoDate } from '../../platform/schema-types';

const date = isoDate();
const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const version = z.number().int().min(1);

export const idParam = z.strictObject({ id: z.uuid('编号格式不正确') });
export const yearQuery = z.strictObject({
  year: z.coerce.number().int('年度须为整数').min(2000, '年度不正确').max(2100, '年度不正确').optional(),
});
export const audienceParam = z.strictObject({ audience: z.enum(TRAINING_AUDIENCES, '培训对象类别不存在') });
export const personParam = z.strictObject({
  kind: z.enum(['user', 'member'], '人员类别不正确'),
  id: z.uuid('编号格式不正确'),
});
export const criterionParam = z.strictObject({ code: z.enum(GOLD_CRITERIA, '评选标准不存在') });

// --- bodies --------------------------------------------------------------------------------------

export const requirementBody = z.strictObject({
  version,
  minHours: z.number().int('学时须为整数').min(0, '学时不能为负数').max(500, '学时不能超过500'),
  basis: text(500, '依据'),
});

export const courseBody = z.strictObject({
  title: text(200, '课程名称'),
  topic: text(200, '培训主题'),
  hours: z.number().int('学时须为整数').min(1, '学时至少为1').max(200, '学时不能超过200'),
  trainer: text(100, '授课人'),
  heldOn: date.describe('举办日期'),
  place: text(200, '地点'),
  audiences: z.array(z.enum(TRAINING_AUDIENCES, '培训对象类别不存在')).min(1, '请选择培训对象').max(4),
  passMark: z
    .number()
    .int('合格分数须为整数')
    .min(0, '合格分数不正确')
    .max(100, '合格分数不能超过100')
    .optional()
    .describe('考核合格分数；不填表示不设考核，出勤即计学时'),
});

export const personRef = z.strictObject({
  kind: z.enum(['user', 'member'], '人员类别不正确'),
  id: z.uuid('请选择人员'),
});

export const attendanceBody = z.strictObject({
  people: z.array(personRef).min(1, '请选择出勤人员').max(200, '一次最多登记200人'),
});

export const scoreBody = z.strictObject({
  version,
  score: z.number().int('成绩须为整数').min(0, '成绩不能为负数').max(100, '成绩不能超过100'),
});

export const renewBody = z.strictObject({
  currentValidTo: date.describe('现有效期截止日（防止重复换证）'),
  validTo: date.describe('新的有效期截止日'),
});

export const criterionBody = z.strictObject({
  version,
  label: text(30, '名称'),
  weight: z.number().int('权重须为整数').min(0, '权重不能为负数').max(100, '权重不能超过100'),
  target: z.number().int().min(1).max(1000).optional(),
  basis: text(500, '依据'),
});

export const roundBody = z.strictObject({
  year: z.number().int('年度须为整数').min(2000, '年度不正确').max(2100, '年度不正确'),
  title: text(100, '评选名称'),
});

export const nominationBody = z.strictObject({
  kind: z.enum(GOLD_NOMINEE_KINDS, '请选择推荐类别'),
  organizationId: z.uuid('请选择调解组织').optional(),
  userId: z.uuid('请选择调解员').optional(),
  memberId: z.uuid('请选择调解员').optional(),
  reason: text(1000, '推荐理由'),
  complaints: z
    .number()
    .int()
    .min(0, '投诉件数不能为负数')
    .max(100)
    .default(0)
    .describe('年度内经查实的投诉件数'),
});

export const versionBody = z.strictObject({ version });

export const markBody = z.strictObject({
  mark: z.number().int('评分须为整数').min(0, '评分不能为负数').max(100, '评分不能超过100'),
  comment: z.string().trim().max(500, '评语不能超过500字').optional(),
});

export const approveBody = z.strictObject({
  version,
  awardedIds: z.array(z.uuid()).min(1, '请至少评定一个对象').max(100),
  note: z.string().trim().max(500, '审批意见不能超过500字').optional(),
});

// --- responses -----------------------------------------------------------------------------------

const audience = z.enum(TRAINING_AUDIENCES);

export const requirementListSchema = z
  .object({
    items: z.array(
      z.object({
        audience,
        audienceLabel: z.string(),
        minHours: z.number(),
        basis: z.string(),
        version: z.number(),
      }),
    ),
  })
  .meta({ id: 'TrainingRequirementList' });

const course = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.string(),
  hours: z.number(),
  trainer: z.string(),
  heldOn: z.string(),
  heldOnText: z.string(),
  place: z.string(),
  audiences: z.array(audience),
  audienceLabels: z.array(z.string()),
  passMark: z.number().nullable(),
  attendeeCount: z.number(),
  version: z.number(),
});
export const courseListSchema = z.object({ items: z.array(course) }).meta({ id: 'TrainingCourseList' });
export const courseDetailSchema = course
  .extend({
    attendance: z.array(
      z.object({
        id: z.string(),
        person: z.object({ kind: z.enum(['user', 'member']), id: z.string() }),
        name: z.string(),
        affiliation: z.string(),
        score: z.number().nullable(),
        passed: z.boolean().nullable(),
        hoursCredited: z.number(),
        resultLabel: z.string(),
        version: z.number(),
      }),
    ),
  })
  .meta({ id: 'TrainingCourseDetail' });

export const peopleSchema = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(['user', 'member']),
        id: z.string(),
        name: z.string(),
        affiliation: z.string(),
        audienceLabels: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'TrainingPeople' });

const hours = z.object({ done: z.number(), required: z.number(), missing: z.number(), met: z.boolean() });

export const hoursReportSchema = z
  .object({
    year: z.number(),
    items: z.array(
      z.object({
        kind: z.enum(['user', 'member']),
        id: z.string(),
        name: z.string(),
        affiliation: z.string(),
        audienceLabels: z.array(z.string()),
        done: z.number(),
        required: z.number(),
        missing: z.number(),
        met: z.boolean(),
        statusLabel: z.string(),
      }),
    ),
  })
  .meta({ id: 'TrainingHoursReport' });

const certificate = z.object({
  id: z.string(),
  userId: z.string(),
  holderName: z.string(),
  type: z.enum(Object.keys(CERTIFICATE_TYPES) as [keyof typeof CERTIFICATE_TYPES]),
  typeLabel: z.string(),
  number: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  validToText: z.string(),
  status: z.enum(['valid', 'expiring', 'expired', 'revoked']),
  statusLabel: z.string(),
  trainingYear: z.number(),
  hours,
  reminderDue: z.string().nullable(),
  reminderDueText: z.string().nullable(),
});
export const certificateListSchema = z
  .object({ items: z.array(certificate) })
  .meta({ id: 'TrainingCertificateList' });
export const certificateSchema = certificate.meta({ id: 'TrainingCertificate' });

export const outcomesSchema = z
  .object({
    year: z.number(),
    casesClosed: z.number(),
    agreements: z.number(),
    successRate: z.number().nullable(),
    agreementsFollowed: z.number(),
    agreementsPerformed: z.number(),
    performanceRate: z.number().nullable(),
    avgDaysToClose: z.number().nullable(),
    sources: z.array(z.string()),
  })
  .meta({ id: 'MediatorOutcomes' });

export const personRecordSchema = z
  .object({
    kind: z.enum(['user', 'member']),
    id: z.string(),
    name: z.string(),
    affiliation: z.string(),
    audienceLabels: z.array(z.string()),
    year: z.number(),
    hours,
    courses: z.array(
      z.object({
        courseId: z.string(),
        title: z.string(),
        heldOnText: z.string(),
        hours: z.number(),
        hoursCredited: z.number(),
        resultLabel: z.string(),
      }),
    ),
    certificates: z.array(certificate),
    outcomes: outcomesSchema,
  })
  .meta({ id: 'TrainingPersonRecord' });

const criterion = z.object({
  code: z.enum(GOLD_CRITERIA),
  label: z.string(),
  weight: z.number(),
  target: z.number().nullable(),
  basis: z.string(),
});
export const criteriaSchema = z
  .object({ items: z.array(criterion.extend({ version: z.number() })) })
  .meta({ id: 'GoldCriteria' });

const status = z.enum(GOLD_ROUND_STATUSES);
export const roundListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        year: z.number(),
        title: z.string(),
        status,
        statusLabel: z.string(),
        nominationCount: z.number(),
        version: z.number(),
      }),
    ),
  })
  .meta({ id: 'GoldRoundList' });

export const roundSchema = z
  .object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    status,
    statusLabel: z.string(),
    criteria: z.array(criterion),
    approvedByName: z.string().nullable(),
    approvedOnText: z.string().nullable(),
    approvalNote: z.string().nullable(),
    publishedOnText: z.string().nullable(),
    version: z.number(),
    nominations: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(GOLD_NOMINEE_KINDS),
        kindLabel: z.string(),
        nominee: z.object({
          organizationId: z.string().nullable(),
          userId: z.string().nullable(),
          memberId: z.string().nullable(),
        }),
        name: z.string(),
        affiliation: z.string(),
        reason: z.string(),
        complaints: z.number(),
        marks: z.array(
          z.object({
            panelistId: z.string(),
            panelistName: z.string(),
            mark: z.number(),
            comment: z.string().nullable(),
          }),
        ),
        score: z.number().nullable(),
        parts: z
          .array(
            z.object({
              code: z.enum(GOLD_CRITERIA),
              label: z.string(),
              weight: z.number(),
              value: z.number(),
              explain: z.string(),
            }),
          )
          .nullable(),
        awarded: z.boolean(),
        version: z.number(),
      }),
    ),
  })
  .meta({ id: 'GoldRound' });

export const publicGoldSchema = z
  .object({
    basis: z.string(),
    rounds: z.array(
      z.object({
        year: z.number(),
        title: z.string(),
        publishedOnText: z.string(),
        awardees: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(GOLD_NOMINEE_KINDS),
            kindLabel: z.string(),
            name: z.string(),
            affiliation: z.string(),
            score: z.number().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'PublicGoldMedal' });

export const createdSchema = z.object({ id: z.string() });
