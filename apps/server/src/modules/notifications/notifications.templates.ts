/**
 * Message templates as data (Chinese, SMS-length). `{name}` placeholders are filled from the
 * notification's params; the rendered body is stored with the row, so a later template edit never
 * changes what was sent.
 */
export const NOTIFICATION_TEMPLATES = {
  'clock.due_soon': {
    label: '期限临近提醒',
    text: '【随州劳动维权】您负责的{subject}「{rule}」将于{due}到期（{basis}），请及时办理。',
  },
  'clock.due_today': {
    label: '期限当日提醒',
    text: '【随州劳动维权】您负责的{subject}「{rule}」今日（{due}）到期（{basis}），请于今日办结。',
  },
  'clock.missed': {
    label: '逾期督办',
    text: '【随州劳动维权】{subject}「{rule}」已于{due}到期未办结（{basis}），责任人：{responsible}，请督办。',
  },
  'inspection.result': {
    label: '监察处理结果告知',
    text: '【随州劳动维权】您反映的{employer}劳动保障问题（案件{number}）已办结。处理结果：{result}。书面告知书文号：{document}。',
  },
  'arbitration.simplified': {
    label: '仲裁简易处理通知',
    text: '【随州劳动维权】{name}：您的仲裁案件{number}已决定简易处理，仲裁员{arbitrator}；{defence}。简易处理通知书文号：{document}（办案规则第五十六条至第六十一条）。',
  },
  'arbitration.satisfaction': {
    label: '结案满意度评价邀请',
    text: '【随州劳动维权】{name}您好，您的仲裁案件{number}已结案（{outcome}）。请对本中心的服务作出满意度评价：手机端“我的事项”或凭评价码{token}评价。',
  },
  'obligation.overdue': {
    label: '逾期未履行提醒',
    text: '【随州劳动维权】{subject}：{debtor}应于{due}向{creditor}支付的{item}尚欠{unpaid}，已逾期未履行（{basis}）。请联系督促履行，或办理下一步：{next}。',
  },
} as const satisfies Record<string, { label: string; text: string }>;

export type NotificationTemplate = keyof typeof NOTIFICATION_TEMPLATES;

export function renderTemplate(template: NotificationTemplate, params: Record<string, string>): string {
  return NOTIFICATION_TEMPLATES[template].text.replace(/\{(\w+)\}/g, (_m, key: string) => params[key] ?? '');
}
