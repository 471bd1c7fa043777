import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { ResetPasswordModal } from '../../features/admin/components/ResetPasswordModal';
import { type UserDrawerState, UserFormDrawer } from '../../features/admin/components/UserFormDrawer';
import { UsersTable } from '../../features/admin/components/UsersTable';
import { useAdminUsers, useUnlockUser } from '../../features/admin/hooks/use-admin-users';
import type { AdminUser } from '../../features/admin/types';
import { feedback } from '../../lib/feedback';

export default function UsersPage() {
  const [q, setQ] = useState('');
  const users = useAdminUsers(q);
  const unlock = useUnlockUser();
  const [drawer, setDrawer] = useState<UserDrawerState | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);

  return (
    <>
      <PageHeader
        title="用户与岗位"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawer({ mode: 'create' })}
            data-testid="user-new"
          >
            新建用户
          </Button>
        }
      >
        一人多岗：每个岗位可分配不同辖区；兼职监察员、兼职仲裁员须持有效证件。
      </PageHeader>
      <Card size="small">
        <Input.Search
          className="table-search"
          placeholder="搜索登录名或姓名"
          aria-label="搜索用户"
          allowClear
          enterButton="搜索"
          onSearch={(value) => setQ(value.trim())}
          data-testid="user-search"
        />
        <UsersTable
          users={users.data ?? []}
          loading={users.isFetching}
          actions={{
            onEdit: (u) => setDrawer({ mode: 'edit', userId: u.id, tab: 'profile' }),
            onCertificates: (u) => setDrawer({ mode: 'edit', userId: u.id, tab: 'certificates' }),
            onResetPassword: setResetting,
            onUnlock: (u) => unlock.mutateAsync(u.id).then(() => feedback.success(`已解锁 ${u.displayName}`)),
          }}
        />
      </Card>
      <UserFormDrawer state={drawer} users={users.data ?? []} onClose={() => setDrawer(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
