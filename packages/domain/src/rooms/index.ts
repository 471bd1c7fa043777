/**
 * Online rooms (issue #20): formats of a mediation session or an arbitration hearing, the people in
 * a room and what each may do, the room's states and the record's states, as data with their legal
 * basis. No I/O: the server and both web apps read these tables.
 */

export const ROOM_KINDS = ['mediation', 'hearing'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const ROOM_KIND_LABELS: Record<RoomKind, string> = { mediation: '调解', hearing: '开庭' };

export const ROOM_FORMATS = ['in_person', 'video', 'phone', 'written'] as const;
export type RoomFormat = (typeof ROOM_FORMATS)[number];

/** Each format, what it means for the parties, and the rule that allows it. */
export const ROOM_FORMAT_RULES: Record<
  RoomFormat,
  { label: string; online: boolean; kinds: readonly RoomKind[]; basis: string }
> = {
  in_person: {
    label: '现场',
    online: false,
    kinds: ['mediation', 'hearing'],
    basis: '《劳动争议调解仲裁法》第十三条（调解）；第三十五条（开庭通知）',
  },
  video: {
    label: '视频',
    online: true,
    kinds: ['mediation', 'hearing'],
    basis:
      '《劳动争议调解仲裁法》第十三条（调解方式灵活）；《劳动人事争议仲裁办案规则》第五十六条至第六十一条（简易处理可灵活确定审理程序）；普通程序经双方当事人同意',
  },
  phone: {
    label: '电话',
    online: true,
    kinds: ['mediation'],
    basis:
      '《劳动争议调解仲裁法》第十三条（调解方式灵活）；《劳动人事争议仲裁办案规则》第六十八条（仲裁调解）',
  },
  written: {
    label: '书面',
    online: false,
    kinds: ['hearing'],
    basis: '《劳动人事争议仲裁办案规则》第五十六条至第六十一条（简易处理可灵活确定审理程序和文书形式）',
  },
};

/** The parties' adjustments recorded at filing (interpreter, disability) and their basis. */
export const ROOM_ADJUSTMENTS = {
  interpreter: {
    label: '需要翻译（含少数民族语言、手语）',
    basis: '《民事诉讼法》第十一条（使用本民族语言文字，仲裁参照）',
  },
  disability: {
    label: '残疾人便利（无障碍、陪同人员）',
    basis: '《残疾人保障法》第六十条（依法申请仲裁，应当给予帮助）',
  },
  audioOnly: { label: '网络较差，仅用语音参加', basis: '《劳动争议调解仲裁法》第十三条（调解方式灵活）' },
} as const;
export type RoomAdjustment = keyof typeof ROOM_ADJUSTMENTS;

/** Room states: scheduled → open (the presiding staff opened it) → closed. */
export const ROOM_STATES = ['scheduled', 'open', 'closed'] as const;
export type RoomState = (typeof ROOM_STATES)[number];
export const ROOM_STATE_LABELS: Record<RoomState, string> = {
  scheduled: '已安排',
  open: '进行中',
  closed: '已结束',
};

/** The record (笔录): drafted live by the clerk, then read and signed, then issued as a document. */
export const RECORD_STATES = ['drafting', 'signing', 'issued'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
export const RECORD_STATE_LABELS: Record<RecordState, string> = {
  drafting: '记录中',
  signing: '待签名',
  issued: '已出具',
};

/** The document each kind of room issues from its signed record, and why the parties sign it. */
export const ROOM_RECORD_DOCUMENTS: Record<RoomKind, { type: string; title: string; basis: string }> = {
  mediation: {
    type: 'mediation_record',
    title: '调解笔录',
    basis: '《劳动争议调解仲裁法》第十三条、第十四条；《劳动人事争议仲裁办案规则》第六十八条',
  },
  hearing: {
    type: 'hearing_record',
    title: '庭审笔录',
    basis: '《劳动争议调解仲裁法》第四十条（笔录由仲裁员、记录人员、当事人和其他仲裁参加人签名或者盖章）',
  },
};

/** Who is in a room. Staff enter by their session; parties by the portal sign-in plus the room code. */
export const ROOM_ROLES = ['presiding', 'clerk', 'worker', 'employer'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];
export const ROOM_ROLE_LABELS: Record<RoomRole, string> = {
  presiding: '主持人',
  clerk: '记录人',
  worker: '劳动者',
  employer: '用人单位',
};

/** What each role may do in the room (the server checks; the pages only hide what is not allowed). */
export const ROOM_ROLE_RIGHTS: Record<
  RoomRole,
  { admit: boolean; mute: boolean; remove: boolean; writeRecord: boolean; waits: boolean }
> = {
  presiding: { admit: true, mute: true, remove: true, writeRecord: true, waits: false },
  clerk: { admit: false, mute: false, remove: false, writeRecord: true, waits: false },
  worker: { admit: false, mute: false, remove: false, writeRecord: false, waits: true },
  employer: { admit: false, mute: false, remove: false, writeRecord: false, waits: true },
};

/** Mesh: every browser sends its media to every other one; past six the uplink of a phone gives out. */
export const ROOM_MAX_PARTICIPANTS = 6;

/** The per-room code the party receives by SMS and types before entering. */
export const ROOM_CODE_LENGTH = 6;
/** One-time SMS code for signing the record: valid 5 minutes, 5 tries (as the portal sign-in code). */
export const SIGN_CODE_TTL_SEC = 300;

/** Written hearing (书面审理) periods as clock rule ids (see packages/domain/src/clocks). */
export const WRITTEN_HEARING_PERIODS = {
  statements: {
    days: 10,
    basis: '《劳动人事争议仲裁办案规则》第五十六条至第六十一条（简易处理可灵活确定举证期限）',
  },
} as const;
