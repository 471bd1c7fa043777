import type { ClockRule } from './types';

/**
 * The reminder before a certificate (兼职仲裁员证, 兼职劳动保障监察员证) expires: renewal must be
 * applied for, with the year's training done, at least sixty days before the end of validity. No
 * statute sets this period; it is the bureau's rule (training/requirements.ts), kept here as data.
 */
export const TRAINING_RULES: readonly ClockRule[] = [
  {
    id: 'training.certificate-renewal',
    code: 'T-T1',
    name: '证件到期换证提醒',
    track: 'center',
    trigger: { event: 'training.certificate_valid_to', description: '证件有效期届满之日（期限倒数）' },
    duration: 60,
    unit: 'calendar_days',
    direction: 'before',
    rollover: 'next_working_day',
    suspendable: false,
    restartEvents: [],
    basis:
      '本局服务承诺（证件管理：有效期届满六十日前完成年度培训学时并申请换证；无全国统一规定，本局可修改）',
    unitNote:
      '本局工作规则，自有效期届满之日倒数六十个自然日，末日为休息日或法定节假日的提前至其前最后一个工作日',
    confidence: 'L',
  },
];
