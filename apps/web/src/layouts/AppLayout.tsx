import { Drawer, Layout } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { Forbidden } from '../components/Forbidden';
import { RoleTags, SUSPENDED_ROLE_HINT } from '../features/auth/components/RoleTags';
import { hasPermission, suspendedRoleFor, useCurrentUser } from '../features/auth/hooks/use-session';
import { HeaderBar } from './HeaderBar';
import { useTableCards } from '../lib/table-cards';
import { useIsMobile } from '../lib/use-is-mobile';
import { pagePermission } from './menu';
import { SideMenu } from './SideMenu';

function Brand({ collapsed }: { collapsed: boolean }) {
  return (
    <Link to="/" className="app-brand" aria-label="一站式劳动保障维权平台 工作台">
      <span className="app-brand-mark" aria-hidden>
        维
      </span>
      {collapsed ? null : <span className="app-brand-text">一站式维权平台</span>}
    </Link>
  );
}

/** Signed-in shell: menu from permissions, header with who is working, and the page (or 403). */
export function AppLayout() {
  const user = useCurrentUser();
  const location = useLocation();
  const navigation = useNavigation();
  const mobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  useTableCards(mobile);

  const permission = pagePermission(location.pathname);
  const allowed = hasPermission(user, permission);
  const suspended = allowed ? undefined : suspendedRoleFor(user, permission);

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main-content">
        跳到主要内容
      </a>
      {mobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          title="一站式维权平台"
          className="app-nav-drawer"
        >
          <div className="app-nav-drawer-user">
            <div>{user.organization.name}</div>
            <RoleTags roles={user.roles} />
          </div>
          <SideMenu theme="light" onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={220}
          className="app-sider"
        >
          <Brand collapsed={collapsed} />
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout>
        <HeaderBar mobile={mobile} onOpenMenu={() => setDrawerOpen(true)} />
        {navigation.state === 'loading' ? (
          <div className="route-progress" role="progressbar" aria-label="页面加载中" />
        ) : null}
        <Layout.Content id="main-content" className="app-content" tabIndex={-1}>
          {allowed ? (
            <Outlet />
          ) : (
            <Forbidden
              reason={
                suspended
                  ? `您的“${suspended.label}”岗位${SUSPENDED_ROLE_HINT}，请联系系统管理员更新证件。`
                  : undefined
              }
            />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
