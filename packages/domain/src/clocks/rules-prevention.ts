import type { ClockRule } from './types';

/**
 * Re-assessment of a mediation organisation against the 六有五统一 standard. No statute sets these
 * periods (人社厅发〔2023〕36号): like the center's other service commitments (track 'center', confidence L)
 * they are the bureau's own rule, kept here as data with that basis.
 */
export const PREVENTION_RULES: readonly ClockRule[] = [
  {
    id: 'prevention.rectification-reassessment',
    code: 'T-P1',
    name: '调解组织整改复评',
    track: 'center',
    trigger: { event: 'prevention.assessment_failed', description: '六有五统一评估未达标之日' },
    duration: 30,
    unit: 'calendar_days',
    rollover: 'next_working_day',
    suspendable: false,
    restartEvents: [],
    basis:
      '本局服务承诺（六有五统一规范化建设：未达标的限期三十日整改后复评），参照人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）',
    unitNote: '本局工作规则，按自然日计算，末日为休息日或法定节假日的顺延至其后第一个工作日',
    confidence: 'L',
  },
  {
    id: 'prevention.periodic-reassessment',
    code: 'T-P2',
    name: '调解组织年度复评',
    track: 'center',
    trigger: { event: 'prevention.assessment_passed', description: '六有五统一评估达标之日' },
    duration: 1,
    unit: 'years',
    rollover: 'next_working_day',
    suspendable: false,
    restartEvents: [],
    basis:
      '本局服务承诺（六有五统一规范化建设：达标的每年复评一次），参照人社厅发〔2023〕36号（基层劳动人事争议调解组织建设行动）',
    unitNote: '本局工作规则，对应日为期满日，末日为休息日或法定节假日的顺延至其后第一个工作日',
    confidence: 'L',
  },
];
