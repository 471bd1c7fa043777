import { SealButton } from './SealButton';
import { Button, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useMemo } from 'react';
import { buildTree, type TreeRow } from '../../../lib/tree';
import { type Organization, PARTNER_ROLES } from '../types';

type Row = TreeRow<Organization>;

export function OrganizationsTable({
  organizations,
  loading,
  onEdit,
  onAddChild,
}: {
  organizations: Organization[];
  loading: boolean;
  onEdit: (org: Organization) => void;
  onAddChild: (org: Organization) => void;
}) {
  const tree = useMemo(
    () =>
      buildTree(organizations, (a, b) =>
        a.partnerRole === b.partnerRole
          ? a.name.localeCompare(b.name, 'zh-CN')
          : a.partnerRole === 'lead'
            ? -1
            : 1,
      ),
    [organizations],
  );

  const columns: TableProps<Row>['columns'] = [
    { title: '机构名称', dataIndex: 'name', key: 'name', width: 280 },
    { title: '简称', dataIndex: 'shortName', key: 'shortName', width: 120, responsive: ['md'] },
    { title: '机构类别', dataIndex: 'agencyLabel', key: 'agency', width: 160 },
    {
      title: '中心内角色',
      dataIndex: 'partnerRole',
      key: 'partnerRole',
      width: 110,
      render: (role: Organization['partnerRole']) => (
        <Tag color={role === 'lead' ? 'blue' : 'default'}>{PARTNER_ROLES[role]}</Tag>
      ),
    },
    { title: '辖区', dataIndex: 'jurisdictionName', key: 'jurisdiction', width: 110 },
    { title: '地址', dataIndex: 'address', key: 'address', responsive: ['lg'], ellipsis: true },
    { title: '电话', dataIndex: 'phone', key: 'phone', width: 140, responsive: ['lg'] },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_v, org) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(org)} data-testid={`org-edit-${org.id}`}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => onAddChild(org)}>
            新增下级
          </Button>
          <SealButton org={org} />
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
      locale={{ emptyText: '暂无机构' }}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="organizations-table"
    />
  );
}
