import { Button, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useMemo } from 'react';
import { buildTree, type TreeRow } from '../../../lib/tree';
import { JURISDICTION_LEVELS, type Jurisdiction } from '../types';

type Row = TreeRow<Jurisdiction>;

export function JurisdictionsTable({
  jurisdictions,
  loading,
  onRename,
  onAddChild,
}: {
  jurisdictions: Jurisdiction[];
  loading: boolean;
  onRename: (j: Jurisdiction) => void;
  onAddChild: (j: Jurisdiction) => void;
}) {
  const tree = useMemo(
    () => buildTree(jurisdictions, (a, b) => a.code.localeCompare(b.code)),
    [jurisdictions],
  );
  const columns: TableProps<Row>['columns'] = [
    { title: '名称', dataIndex: 'name', key: 'name' },
    { title: '行政区划代码', dataIndex: 'code', key: 'code', width: 150 },
    {
      title: '层级',
      dataIndex: 'level',
      key: 'level',
      width: 90,
      render: (level: Jurisdiction['level']) => (
        <Tag color={level === 'city' ? 'blue' : 'default'}>{JURISDICTION_LEVELS[level] ?? level}</Tag>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_v, j) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => onRename(j)}
            data-testid={`jurisdiction-rename-${j.code}`}
          >
            重命名
          </Button>
          {j.level === 'city' ? (
            <Button type="link" size="small" onClick={() => onAddChild(j)}>
              新增县级辖区
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<Row>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tree}
      loading={loading}
      expandable={{ defaultExpandAllRows: true }}
      locale={{ emptyText: '暂无辖区' }}
      pagination={false}
      scroll={{ x: 520 }}
      data-testid="jurisdictions-table"
    />
  );
}
