import { Space, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { businessToday, chineseDate } from '../../../lib/time';
import type { WorkItem } from '../types';

/** The tag telling a to-do item that is not an assigned case (transfer, triage, correction, service). */
const KIND_TAGS: Partial<Record<WorkItem['kind'], { label: string; color: string }>> = {
  transfer: { label: '转办', color: 'purple' },
  matter: { label: '待分流', color: 'orange' },
  correction: { label: '待补正', color: 'gold' },
  service: { label: '待送达', color: 'cyan' },
  mediation: { label: '待调解', color: 'green' },
  acceptance: { label: '待受理', color: 'red' },
};

/** 优先, with the matter's priority flags (欠薪、工伤…) on hover; nothing for an ordinary item. */
export function PriorityTag({ item }: { item: Pick<WorkItem, 'priority' | 'priorityFlags'> }) {
  if (!item.priority) return null;
  return (
    <Tooltip title={item.priorityFlags.map((f) => f.label).join('、')}>
      <Tag color="red" className="priority-tag">
        优先
      </Tag>
    </Tooltip>
  );
}

export function DueDate({ value, provisional }: { value: string | null; provisional: boolean }) {
  if (!value) return <span className="muted">—</span>;
  // Days to the due date counted from the business date (the center's time zone), not the browser's.
  const days = dayjs(value).diff(dayjs(businessToday()), 'day');
  // Computed before its year's holiday notice was entered: provisional until then (录入后自动重算).
  const text = `${chineseDate(value)}${provisional ? '（暂定）' : ''}`;
  if (days < 0) return <Tag color="red">{text}（已超期）</Tag>;
  if (days <= 3)
    return (
      <Tag color="orange">
        {text}
        {days === 0 ? '（今日到期）' : `（剩${days}天）`}
      </Tag>
    );
  return <span>{text}</span>;
}

function columns(showTrack: boolean): TableProps<WorkItem>['columns'] {
  return [
    {
      title: '案号',
      dataIndex: 'number',
      key: 'number',
      width: 230,
      render: (number: string, item) => (
        <Space size={4} wrap className="case-number">
          <PriorityTag item={item} />
          {KIND_TAGS[item.kind] ? (
            <Tag color={KIND_TAGS[item.kind]?.color}>{KIND_TAGS[item.kind]?.label}</Tag>
          ) : null}
          <Link to={item.link} data-testid={`work-item-${item.id}`}>
            {number}
          </Link>
        </Space>
      ),
    },
    ...(showTrack
      ? [
          {
            title: '程序',
            dataIndex: 'trackLabel',
            key: 'track',
            width: 90,
            render: (v: string | null) => v ?? '—',
          },
        ]
      : []),
    { title: '当事人', dataIndex: 'title', key: 'title', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      key: 'status',
      width: 150,
      render: (label: string, item) => <Tag data-status={item.status}>{label}</Tag>,
    },
    {
      title: '承办人',
      dataIndex: 'assigneeName',
      key: 'assignee',
      width: 90,
      render: (v: string | null) => v ?? <span className="muted">未分配</span>,
    },
    {
      title: '办理期限',
      dataIndex: 'dueDate',
      key: 'dueDate',
      width: 190,
      render: (value: string | null, item) => (
        <DueDate value={value} provisional={item.dueProvisional === true} />
      ),
    },
  ];
}

/** Priority cases first, then the nearest due date (the server's order). */
export function WorkTable({
  items,
  loading,
  showTrack = false,
  pagination,
}: {
  items: WorkItem[];
  loading: boolean;
  showTrack?: boolean;
  pagination?: TableProps<WorkItem>['pagination'];
}) {
  return (
    <Table<WorkItem>
      rowKey="id"
      size="middle"
      columns={columns(showTrack)}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: '暂无待办事项' }}
      pagination={pagination ?? { pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 860 }}
      data-testid="work-table"
    />
  );
}
