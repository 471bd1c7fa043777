import {
  RECORD_STATES,
  ROOM_ADJUSTMENTS,
  ROOM_FORMATS,
  ROOM_KINDS,
  ROOM_ROLES,
  ROOM_STATES,
} from '@onestop/domain';
import { z } from 'zod';

const adjustment = z.enum(Object.keys(ROOM_ADJUSTMENTS) as [keyof typeof ROOM_ADJUSTMENTS]);

export const caseParam = z.strictObject({ caseId: z.uuid('编号格式不正确') });
export const roomParam = z.strictObject({ id: z.uuid('编号格式不正确') });

export const scheduleBody = z.strictObject({
  kind: z.enum(ROOM_KINDS).describe('mediation 调解 / hearing 开庭'),
  format: z.enum(ROOM_FORMATS).describe('现场 / 视频 / 电话 / 书面'),
  startsAt: z.iso.datetime({ offset: true, message: '请填写开始时间' }),
  place: z.string().trim().max(200).optional().describe('现场地点或在线调解室名称'),
  recordingOptIn: z.boolean().default(false).describe('告知各方后录音录像（本次未启用存储）'),
  invitations: z
    .array(
      z.strictObject({
        partyId: z.uuid('当事人编号格式不正确'),
        preference: z.enum(ROOM_FORMATS).describe('当事人希望的参加方式'),
        adjustments: z.array(adjustment).max(3).default([]),
        note: z.string().trim().max(200).optional(),
      }),
    )
    .min(1, '请至少邀请一方当事人')
    .max(5, '视频调解室最多6人（含主持人）'),
});

export const recordBody = z.strictObject({
  version: z.number().int().min(1),
  text: z.string().max(20_000, '笔录不能超过20000字'),
});

export const versionBody = z.strictObject({ version: z.number().int().min(1) });

export const enterBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请填写短信中的6位调解室码'),
});

export const signBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请填写6位短信验证码'),
  signature: z
    .string()
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, '请在签名框内手写签名')
    .max(400_000, '签名图片过大，请清除后重新签名'),
});

export const refuseBody = z.strictObject({
  reason: z.string().trim().min(2, '请写明拒绝签名的理由').max(500),
});

const invitationSchema = z.object({
  id: z.string(),
  partyId: z.string(),
  role: z.enum(['worker', 'employer']),
  name: z.string(),
  preference: z.enum(ROOM_FORMATS),
  preferenceLabel: z.string(),
  adjustments: z.array(z.string()).describe('安排的便利措施（中文）'),
  note: z.string().nullable(),
  smsState: z.string(),
  entered: z.boolean(),
  recordingAcknowledged: z.boolean().describe('已确认录音录像告知（不录制的调解室恒为是）'),
  signature: z
    .object({ outcome: z.enum(['signed', 'refused']), at: z.string(), reason: z.string().nullable() })
    .nullable(),
});

export const roomSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNumber: z.string(),
    matterId: z.string(),
    kind: z.enum(ROOM_KINDS),
    kindLabel: z.string(),
    format: z.enum(ROOM_FORMATS),
    formatLabel: z.string(),
    formatBasis: z.string(),
    startsAt: z.string(),
    startsAtText: z.string().describe('中文日期时间'),
    place: z.string().nullable(),
    state: z.enum(ROOM_STATES),
    stateLabel: z.string(),
    recordingOptIn: z.boolean(),
    record: z.object({
      text: z.string(),
      state: z.enum(RECORD_STATES),
      stateLabel: z.string(),
      sha256: z.string().nullable(),
      documentId: z.string().nullable(),
      documentNumber: z.string().nullable(),
      documentSha256: z.string().nullable(),
      documentTitle: z.string(),
    }),
    staffSignatures: z.array(z.object({ name: z.string(), role: z.enum(ROOM_ROLES), at: z.string() })),
    invitations: z.array(invitationSchema),
    me: z.object({
      role: z.enum(ROOM_ROLES),
      name: z.string(),
      host: z.boolean(),
      entered: z.boolean(),
      recordingAcknowledged: z.boolean(),
    }),
    exhibits: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          contentType: z.string(),
          note: z.string().nullable(),
          shownBy: z.string(),
          shownAt: z.string(),
        }),
      )
      .describe('在调解室中出示过的证据'),
    evidence: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          contentType: z.string(),
          description: z.string().nullable(),
        }),
      )
      .describe('本案证据（仅工作人员可见，可出示）'),
    recordings: z.array(
      z.object({
        id: z.string(),
        state: z.enum(['recording', 'stored']),
        sha256: z.string().nullable(),
        sizeBytes: z.number(),
        startedBy: z.string(),
        startedAt: z.string(),
      }),
    ),
    dialIn: z.object({ phone: z.string().nullable(), text: z.string() }).describe('电话参加的说明'),
    iceServers: z.array(
      z.object({
        urls: z.array(z.string()),
        username: z.string().optional(),
        credential: z.string().optional(),
      }),
    ),
    version: z.number(),
  })
  .meta({ id: 'Room' });

export const roomListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseNumber: z.string(),
      kindLabel: z.string(),
      formatLabel: z.string(),
      startsAtText: z.string(),
      stateLabel: z.string(),
      online: z.boolean(),
    }),
  ),
});

export type RoomView = z.infer<typeof roomSchema>;

export const exhibitBody = z.strictObject({
  evidenceId: z.uuid('请选择要出示的证据'),
  note: z.string().trim().max(200).optional(),
});

export const exhibitParam = z.object({ id: z.uuid(), exhibitId: z.uuid() });

export const recordingStartBody = z.strictObject({
  contentType: z.string().min(5).max(100),
});

export const recordingParam = z.object({ id: z.uuid(), recordingId: z.uuid() });
export const chunkParam = z.object({
  id: z.uuid(),
  recordingId: z.uuid(),
  seq: z.coerce.number().int().min(0).max(100_000),
});
export const recordingFinishBody = z.strictObject({ chunks: z.number().int().min(1).max(100_000) });
