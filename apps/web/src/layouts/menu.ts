import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CarOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  MessageOutlined,
  ProfileOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@onestop/domain';
import type { ComponentType } from 'react';

export interface MenuLeaf {
  key: string;
  label: string;
  icon: ComponentType;
  path: string;
  /** Needed to see the entry and to open the page; absent means everyone signed in. */
  permission?: Permission;
}

export interface MenuGroup {
  key: string;
  label: string;
  icon: ComponentType;
  children: MenuLeaf[];
}

export type MenuNode = MenuLeaf | MenuGroup;

/**
 * The staff menu and the pages' access rules in one table: an entry is shown only to users holding its
 * permission, and the layout answers 403 on its path (and below it) to everyone else.
 */
export const MENU: MenuNode[] = [
  { key: 'home', label: '工作台', icon: HomeOutlined, path: '/' },
  { key: 'intake', label: '窗口受理', icon: FormOutlined, path: '/intake', permission: 'intake.create' },
  { key: 'matters', label: '维权事项', icon: ProfileOutlined, path: '/matters', permission: 'matter.read' },
  { key: 'transfers', label: '转办', icon: SwapOutlined, path: '/transfers', permission: 'matter.read' },
  {
    key: 'mediation',
    label: '调解工作区',
    icon: TeamOutlined,
    path: '/work/mediation',
    permission: 'mediation.work',
  },
  {
    key: 'arbitration',
    label: '仲裁工作区',
    icon: AuditOutlined,
    path: '/work/arbitration',
    permission: 'arbitration.work',
  },
  {
    key: 'arbitration-window',
    label: '仲裁立案与庭审',
    icon: ScheduleOutlined,
    path: '/arbitration',
    permission: 'matter.read',
  },
  {
    key: 'inspection',
    label: '监察工作区',
    icon: FileSearchOutlined,
    path: '/work/inspection',
    permission: 'inspection.work',
  },
  {
    key: 'inspection-cases',
    label: '劳动保障监察',
    icon: SafetyCertificateOutlined,
    path: '/inspection',
    permission: 'matter.read',
  },
  {
    key: 'supervision',
    label: '劳动关系监管',
    icon: ReconciliationOutlined,
    path: '/supervision',
    permission: 'inspection.work',
  },
  {
    key: 'employers',
    label: '用人单位画像',
    icon: ShopOutlined,
    path: '/employers',
    permission: 'matter.read',
  },
  {
    key: 'petition',
    label: '信访工作区',
    icon: MessageOutlined,
    path: '/work/petition',
    permission: 'petition.work',
  },
  {
    key: 'legal-aid',
    label: '法律援助',
    icon: CustomerServiceOutlined,
    path: '/work/legal-aid',
    permission: 'legal_aid.work',
  },
  { key: 'court', label: '诉调对接', icon: BankOutlined, path: '/work/court', permission: 'court.work' },
  {
    key: 'consultation',
    label: '咨询登记',
    icon: MessageOutlined,
    path: '/consultation',
    permission: 'matter.read',
  },
  {
    key: 'knowledge',
    label: '咨询知识库',
    icon: FileSearchOutlined,
    path: '/knowledge',
    permission: 'matter.read',
  },
  {
    key: 'petitions',
    label: '信访登记处理',
    icon: MessageOutlined,
    path: '/petitions',
    permission: 'petition.work',
  },
  {
    key: 'legal-aid-referrals',
    label: '法律援助转介',
    icon: CustomerServiceOutlined,
    path: '/legal-aid',
    permission: 'legal_aid.work',
  },
  {
    key: 'court-docking',
    label: '诉调对接登记',
    icon: BankOutlined,
    path: '/court-docking',
    permission: 'matter.read',
  },
  {
    key: 'prevention',
    label: '调解组织建设',
    icon: ApartmentOutlined,
    path: '/prevention',
    permission: 'prevention.work',
  },
  {
    key: 'prevention-training',
    label: '调解员培训',
    icon: ReadOutlined,
    path: '/prevention/training',
    permission: 'prevention.work',
  },
  {
    key: 'prevention-gold-medal',
    label: '金牌评选推荐',
    icon: TrophyOutlined,
    path: '/prevention/gold-medal',
    permission: 'prevention.work',
  },
  {
    key: 'org-cases',
    label: '调解案件台账',
    icon: ProfileOutlined,
    path: '/org-cases',
    permission: 'org_case.record',
  },
  {
    key: 'prevention-visits',
    label: '走访与普法',
    icon: CarOutlined,
    path: '/prevention/visits',
    permission: 'prevention.work',
  },
  {
    key: 'leader',
    label: '领导驾驶舱',
    icon: FundProjectionScreenOutlined,
    path: '/leader',
    permission: 'leader.dashboard',
  },
  {
    key: 'leader-clocks',
    label: '期限督办',
    icon: AlertOutlined,
    path: '/leader/clocks',
    permission: 'leader.dashboard',
  },
  {
    key: 'gold-medal',
    label: '金牌评选',
    icon: TrophyOutlined,
    path: '/gold-medal',
    permission: 'leader.dashboard',
  },
  {
    key: 'statistics',
    label: '统计报表与分析',
    icon: BarChartOutlined,
    path: '/statistics',
    permission: 'statistics.view',
  },
  { key: 'deadline', label: '期限计算器', icon: CalendarOutlined, path: '/tools/deadline' },
  { key: 'calculator', label: '权益计算器', icon: CalculatorOutlined, path: '/tools/calculator' },
  {
    key: 'admin',
    label: '系统管理',
    icon: SettingOutlined,
    children: [
      {
        key: 'admin-users',
        label: '用户与岗位',
        icon: UserOutlined,
        path: '/admin/users',
        permission: 'admin.users',
      },
      {
        key: 'training',
        label: '培训与持证',
        icon: ReadOutlined,
        path: '/training',
        permission: 'admin.users',
      },
      {
        key: 'admin-roles',
        label: '岗位与权限',
        icon: SafetyCertificateOutlined,
        path: '/admin/roles',
        permission: 'admin.users',
      },
      {
        key: 'admin-organizations',
        label: '机构',
        icon: ApartmentOutlined,
        path: '/admin/organizations',
        permission: 'admin.orgs',
      },
      {
        key: 'admin-jurisdictions',
        label: '辖区',
        icon: EnvironmentOutlined,
        path: '/admin/jurisdictions',
        permission: 'admin.orgs',
      },
      {
        key: 'admin-audit',
        label: '审计日志',
        icon: FileProtectOutlined,
        path: '/admin/audit',
        permission: 'admin.audit',
      },
      {
        key: 'admin-calendar',
        label: '工作日历',
        icon: ScheduleOutlined,
        path: '/admin/calendar',
        permission: 'admin.calendar',
      },
      {
        key: 'admin-jobs',
        label: '后台任务',
        icon: ProfileOutlined,
        path: '/admin/jobs',
        permission: 'admin.jobs',
      },
      {
        key: 'admin-settings',
        label: '系统设置',
        icon: SettingOutlined,
        path: '/admin/settings',
        permission: 'admin.orgs',
      },
    ],
  },
];

export function isMenuGroup(node: MenuNode): node is MenuGroup {
  return 'children' in node;
}

function allowed(leaf: MenuLeaf, permissions: readonly Permission[]): boolean {
  return !leaf.permission || permissions.includes(leaf.permission);
}

/** The menu as this user sees it; a group with no visible entry disappears. */
export function visibleMenu(permissions: readonly Permission[]): MenuNode[] {
  const out: MenuNode[] = [];
  for (const node of MENU) {
    if (isMenuGroup(node)) {
      const children = node.children.filter((c) => allowed(c, permissions));
      if (children.length > 0) out.push({ ...node, children });
    } else if (allowed(node, permissions)) {
      out.push(node);
    }
  }
  return out;
}

const LEAVES: MenuLeaf[] = MENU.flatMap((n) => (isMenuGroup(n) ? n.children : [n]));

/** The menu entry a path belongs to: exact, or the longest entry path it lies under ('/' only exactly). */
export function menuLeafForPath(pathname: string): MenuLeaf | undefined {
  let best: MenuLeaf | undefined;
  for (const leaf of LEAVES) {
    const match = pathname === leaf.path || (leaf.path !== '/' && pathname.startsWith(`${leaf.path}/`));
    if (match && (!best || leaf.path.length > best.path.length)) best = leaf;
  }
  return best;
}

/** The permission a page needs, from the same table as the menu. */
export function pagePermission(pathname: string): Permission | undefined {
  return menuLeafForPath(pathname)?.permission;
}

export function groupKeyForPath(pathname: string): string | undefined {
  return MENU.find((n) => isMenuGroup(n) && n.children.some((c) => c === menuLeafForPath(pathname)))?.key;
}
