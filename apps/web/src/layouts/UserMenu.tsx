import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../features/auth/hooks/use-session';
import { setSessionExitReason } from '../features/auth/session-exit';

export function UserMenu({ compact }: { compact: boolean }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <span className="user-menu-who">
          {user.displayName}（<span translate="no">{user.username}</span>）
          <br />
          {user.organization.name}
        </span>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">修改密码</span> },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">退出登录</span>,
    },
  ];

  const handleClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/change-password');
    if (key === 'logout') {
      setSessionExitReason('logout');
      logout.mutate();
    }
  };

  return (
    <Dropdown menu={{ items, onClick: handleClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        className="user-menu-button"
        data-testid="user-menu"
        aria-label={`用户菜单：${user.displayName}`}
      >
        <UserOutlined aria-hidden />
        <span className={compact ? 'user-menu-name compact' : 'user-menu-name'}>{user.displayName}</span>
        <DownOutlined aria-hidden className="user-menu-caret" />
      </Button>
    </Dropdown>
  );
}
