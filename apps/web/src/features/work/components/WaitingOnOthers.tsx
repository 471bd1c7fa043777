import { Card, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useWaitingOnOthers } from '../hooks/use-work-list';
import type { WaitingItem } from '../types';
import { DueDate, PriorityTag } from './WorkTable';
import { readyAttr } from '../../../lib/ready';

const columns: TableProps<WaitingItem>['columns'] = [
  {
    title: '案号',
    dataIndex: 'number',
    key: 'number',
    width: 220,
    render: (number: string, item) => (
      <Space size={4} wrap className="case-number">
        <PriorityTag item={item} />
        <Link to={item.link} data-testid={`waiting-item-${item.id}`}>
          {number}
        </Link>
      </Space>
    ),
  },
  { title: '程序', dataIndex: 'trackLabel', key: 'track', width: 80, render: (v: string | null) => v ?? '—' },
  { title: '当事人', dataIndex: 'title', key: 'title', ellipsis: true },
  {
    title: '状态',
    dataIndex: 'statusLabel',
    key: 'status',
    width: 120,
    render: (label: string, item) => <Tag data-status={item.status}>{label}</Tag>,
  },
  {
    title: '等待',
    key: 'waitingOn',
    width: 240,
    render: (_: unknown, item) => (
      <div data-testid={`waiting-on-${item.id}`}>
        <div>
          {item.waitingOn.roles.map((r) => (
            <Tag key={r.code} color="blue">
              {r.label}
            </Tag>
          ))}
        </div>
        <Typography.Text type="secondary">{item.waitingOn.steps.join('、')}</Typography.Text>
        {item.assigneeName ? <div>承办人：{item.assigneeName}</div> : null}
      </div>
    ),
  },
  {
    title: '最近期限',
    dataIndex: 'dueDate',
    key: 'dueDate',
    width: 200,
    render: (value: string | null, item) => (
      <div>
        <DueDate value={value} provisional={item.dueProvisional === true} />
        {item.dueRule ? (
          <div>
            <Typography.Text type="secondary">{item.dueRule}</Typography.Text>
          </div>
        ) : null}
      </div>
    ),
  },
];

/**
 * 我经办、待他人办理: cases of matters I took in that now wait on another post — who, for which step, by
 * when (the server reads it from the procedure and the running time limits). My own steps are on 我的待办.
 */
export function WaitingOnOthers() {
  const q = useWaitingOnOthers();
  return (
    <Card size="small" data-testid="waiting-on-others" data-ready={readyAttr(q)}>
      <Table<WaitingItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={q.data?.items ?? []}
        loading={q.isPending}
        locale={{ emptyText: '暂无等待他人办理的案件' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}
