import { Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import type { WorkItem } from '../types';

function DueDate({ value }: { value: string | null }) {
  if (!value) return <span className="muted">—</span>;
  const days = dayjs(value).startOf('day').diff(dayjs().startOf('day'), 'day');
  const text = dayjs(value).format('YYYY-MM-DD');
  if (days < 0) return <Tag color="red">{text}（已超期）</Tag>;
  if (days <= 3)
    return (
      <Tag color="orange">
        {text}（剩{days}天）
      </Tag>
    );
  return <span>{text}</span>;
}

const columns: TableProps<WorkItem>['columns'] = [
  {
    title: '案号',
    dataIndex: 'number',
    key: 'number',
    width: 220,
    render: (number: string, item) => (
      <span className="case-number">
        {item.priority ? (
          <Tag color="red" className="priority-tag">
            优先
          </Tag>
        ) : null}
        {number}
      </span>
    ),
  },
  { title: '事项', dataIndex: 'title', key: 'title', ellipsis: true },
  {
    title: '状态',
    dataIndex: 'statusLabel',
    key: 'status',
    width: 140,
    render: (label: string, item) => <Tag data-status={item.status}>{label}</Tag>,
  },
  {
    title: '办理期限',
    dataIndex: 'dueDate',
    key: 'dueDate',
    width: 200,
    sorter: (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
    render: (value: string | null) => <DueDate value={value} />,
  },
];

export function WorkTable({ items, loading }: { items: WorkItem[]; loading: boolean }) {
  return (
    <Table<WorkItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: '暂无待办案件' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 720 }}
      data-testid="work-table"
    />
  );
}
