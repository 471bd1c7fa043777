import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Tag, Tooltip } from 'antd';
import { RoleTags } from '../features/auth/components/RoleTags';
import { useCurrentUser } from '../features/auth/hooks/use-session';
import { NotificationBell } from '../features/clocks/components/NotificationBell';
import { UserMenu } from './UserMenu';

export function DemoTag() {
  return (
    <Tooltip title="演示环境中的数据均为虚构，仅供体验与培训">
      <Tag color="orange" className="demo-tag" data-testid="demo-tag" tabIndex={0}>
        演示环境
      </Tag>
    </Tooltip>
  );
}

export function HeaderBar({ mobile, onOpenMenu }: { mobile: boolean; onOpenMenu: () => void }) {
  const user = useCurrentUser();
  return (
    <Layout.Header className="app-header">
      <div className="app-header-left">
        {mobile ? (
          <Button
            type="text"
            className="app-header-menu-button"
            icon={<MenuOutlined />}
            aria-label="打开导航菜单"
            data-testid="nav-open"
            onClick={onOpenMenu}
          />
        ) : null}
        <span className="app-header-title">{mobile ? '维权平台' : '随州市一站式劳动保障维权中心'}</span>
      </div>
      <div className="app-header-right">
        {user.demoMode ? <DemoTag /> : null}
        {mobile ? null : (
          <>
            <span className="app-header-org" data-testid="user-organization">
              {user.organization.name}
            </span>
            <RoleTags roles={user.roles} />
          </>
        )}
        <NotificationBell />
        <UserMenu compact={mobile} />
      </div>
    </Layout.Header>
  );
}
