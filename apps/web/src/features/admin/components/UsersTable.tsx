import { Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { RoleTags } from '../../auth/components/RoleTags';
import type { AdminUser } from '../types';

export interface UserActions {
  onEdit: (user: AdminUser) => void;
  onCertificates: (user: AdminUser) => void;
  onResetPassword: (user: AdminUser) => void;
  onUnlock: (user: AdminUser) => Promise<unknown>;
}

function isLocked(user: AdminUser): boolean {
  return !!user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs());
}

function Status({ user }: { user: AdminUser }) {
  return (
    <Space size={4} wrap>
      {user.active ? <Tag color="green">正常</Tag> : <Tag>已停用</Tag>}
      {isLocked(user) ? (
        <Tag color="red" data-testid={`user-locked-${user.username}`}>
          已锁定至 {dayjs(user.lockedUntil).format('HH:mm')}
        </Tag>
      ) : null}
    </Space>
  );
}

function Grants({ user }: { user: AdminUser }) {
  if (user.roles.length === 0) return <span className="muted">未分配岗位</span>;
  const scope = user.roles
    .map((r) => `${r.label}：${r.jurisdictions.map((j) => j.name).join('、') || '未分配辖区'}`)
    .join('；');
  return (
    <Tooltip title={scope}>
      <span>
        <RoleTags roles={user.roles} />
      </span>
    </Tooltip>
  );
}

export function UsersTable({
  users,
  loading,
  actions,
}: {
  users: AdminUser[];
  loading: boolean;
  actions: UserActions;
}) {
  const columns: TableProps<AdminUser>['columns'] = [
    {
      title: '登录名',
      dataIndex: 'username',
      key: 'username',
      width: 140,
      fixed: 'left',
      // A login name is what the person types, not wording: kept as is (and out of translation).
      render: (username: string) => <span translate="no">{username}</span>,
    },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', width: 120 },
    { title: '所属机构', key: 'organization', render: (_v, u) => u.organization.name, responsive: ['md'] },
    { title: '岗位', key: 'roles', render: (_v, u) => <Grants user={u} /> },
    { title: '状态', key: 'status', width: 150, render: (_v, u) => <Status user={u} /> },
    {
      title: '操作',
      key: 'actions',
      width: 250,
      render: (_v, u) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => actions.onEdit(u)}
            data-testid={`user-edit-${u.username}`}
          >
            编辑
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => actions.onCertificates(u)}
            data-testid={`user-certs-${u.username}`}
          >
            证件
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => actions.onResetPassword(u)}
            data-testid={`user-reset-${u.username}`}
          >
            重置密码
          </Button>
          {isLocked(u) ? (
            <Popconfirm
              title={`解锁 ${u.displayName} 的账号？`}
              okText="解锁"
              onConfirm={() => actions.onUnlock(u)}
            >
              <Button type="link" size="small" data-testid={`user-unlock-${u.username}`}>
                解锁
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<AdminUser>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      locale={{ emptyText: '没有符合条件的用户' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 860 }}
      data-testid="users-table"
    />
  );
}
