import { Table } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import type { AuditEntry } from '../types';

const columns: TableProps<AuditEntry>['columns'] = [
  { title: '序号', dataIndex: 'seq', key: 'seq', width: 90 },
  {
    title: '时间',
    dataIndex: 'at',
    key: 'at',
    width: 170,
    render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
  },
  {
    title: '操作人',
    key: 'actor',
    width: 160,
    render: (_v, e) => (
      <span>
        {e.actorName}
        {e.actorRole ? <span className="muted">（{e.actorRole}）</span> : null}
      </span>
    ),
  },
  { title: '操作', dataIndex: 'action', key: 'action', width: 160 },
  {
    title: '对象',
    key: 'entity',
    width: 200,
    render: (_v, e) => (
      <span>
        {e.entityType}
        {e.entityId ? <span className="muted mono"> #{e.entityId}</span> : null}
      </span>
    ),
  },
  { title: '摘要', dataIndex: 'summary', key: 'summary', ellipsis: true },
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
