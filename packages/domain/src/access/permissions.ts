/**
 * Permissions are the unit of authorization: every API route declares the one it needs,
 * and the staff app builds its menu from the same list. Roles (data, see roles.ts) grant them.
 */
export const PERMISSIONS = {
  'admin.users': '管理用户、岗位与证件',
  'admin.orgs': '管理机构与辖区',
  'admin.audit': '查阅审计日志',
  'admin.calendar': '维护工作日历与期限规则',
  'admin.jobs': '查看与重试后台任务',
  'intake.create': '窗口受理登记',
  'matter.read': '查阅维权事项',
  'pii.view': '查看完整个人信息',
  'mediation.work': '调解办案',
  'arbitration.work': '仲裁办案',
  'arbitration.clerk': '仲裁庭书记工作',
  'inspection.work': '劳动保障监察办案',
  'petition.work': '信访接待与处理',
  'legal_aid.work': '法律援助对接',
  'court.work': '诉调对接',
  'union.work': '工会联络',
  'leader.dashboard': '领导驾驶舱与督办',
  'clock.extend': '审批期限延长',
  'statistics.view': '统计报表与分析',
  'prevention.work': '调解组织建设指导（名录、六有五统一评估）',
  'org_case.record': '登记本调解组织的案件台账',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
