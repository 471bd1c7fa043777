import { Table } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { chineseClockOfInstant, chineseDatesIn } from '../../../lib/time';
import { ROLES, type RoleCode } from '@onestop/domain';
import type { AuditEntry } from '../types';

/** What a record is about, in words (the stored entity type is a code). */
const ENTITY_LABELS: Record<string, string> = {
  case: '案件',
  document: '文书',
  matter: '维权事项',
  user: '用户',
  portal_submission: '网上申请',
  organization: '机构',
  mediation_organization: '调解组织',
  document_number_pattern: '文号规则',
  court_docking: '诉调对接',
  transfer: '转办',
  system: '系统',
  petition: '信访',
  legal_aid_referral: '法律援助转介',
  kb_entry: '知识库条目',
  jurisdiction: '辖区',
  consultation: '咨询',
  clock: '法定期限',
  certificate: '证件',
  calendar_day: '工作日历',
  calendar_notice: '节假日通知',
  arbitration_day: '仲裁庭日',
  table: '数据表',
  supervision_filing: '监管备案',
  staff_conflict: '回避',
  setting: '设置',
  party: '当事人',
  model_case: '典型案例',
  minimum_wage: '最低工资标准',
  matter_evidence: '证据',
  job: '后台任务',
  inspection_campaign: '专项检查',
  session: '登录',
};

const roleLabel = (code: string | null) => (code ? (ROLES[code as RoleCode]?.label ?? '') : '');

const columns: TableProps<AuditEntry>['columns'] = [
  { title: '序号', dataIndex: 'seq', key: 'seq', width: 90 },
  {
    title: '时间',
    dataIndex: 'at',
    key: 'at',
    width: 170,
    // Seconds do not depend on the time zone; the rest is the business clock, written the Chinese way.
    render: (at: string) => `${chineseClockOfInstant(at)}${dayjs(at).format(':ss')}`,
  },
  {
    title: '操作人',
    key: 'actor',
    width: 160,
    render: (_v, e) => (
      <span>
        {e.actorName}
        {roleLabel(e.actorRole) ? <span className="muted">（{roleLabel(e.actorRole)}）</span> : null}
      </span>
    ),
  },
  {
    title: '对象',
    key: 'entity',
    width: 200,
    render: (_v, e) => (
      <span>
        {ENTITY_LABELS[e.entityType] ?? '其他'}
        {e.entityId ? (
          <span className="muted mono" translate="no">
            {' '}
            #{e.entityId}
          </span>
        ) : null}
      </span>
    ),
  },
  {
    title: '摘要',
    dataIndex: 'summary',
    key: 'summary',
    ellipsis: true,
    render: (text: string | null) => (text ? chineseDatesIn(text) : ''),
  },
  { title: 'IP', dataIndex: 'ip', key: 'ip', width: 140, responsive: ['lg'] },
];

export function AuditTable({
  items,
  total,
  page,
  pageSize,
  loading,
  onPageChange,
}: {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: '没有符合条件的日志' }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => `共 ${n} 条`,
        onChange: onPageChange,
      }}
      scroll={{ x: 1000 }}
      data-testid="audit-table"
    />
  );
}
