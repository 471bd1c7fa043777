import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { createElement, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../features/auth/hooks/use-session';
import { isMenuGroup, MENU, type MenuLeaf, menuLeafForPath, visibleMenu } from './menu';

type MenuItem = Required<MenuProps>['items'][number];

function leafItem(leaf: MenuLeaf): MenuItem {
  return {
    key: leaf.path,
    icon: createElement(leaf.icon),
    // A real link: opens in a new tab, and gives browser tests a stable handle.
    label: (
      <Link to={leaf.path} data-testid={`menu-${leaf.path}`}>
        {leaf.label}
      </Link>
    ),
  };
}

const ALL_GROUP_KEYS = MENU.filter(isMenuGroup).map((g) => g.key);

export function SideMenu({
  onNavigate,
  theme = 'dark',
}: {
  onNavigate?: () => void;
  theme?: 'dark' | 'light';
}) {
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  // Groups start open: the admin pages are few, and hidden entries are hard to find on a phone.
  const [openKeys, setOpenKeys] = useState<string[]>(ALL_GROUP_KEYS);

  const items: MenuItem[] = visibleMenu(user.permissions).map((node) =>
    isMenuGroup(node)
      ? {
          key: node.key,
          icon: createElement(node.icon),
          label: node.label,
          children: node.children.map(leafItem),
        }
      : leafItem(node),
  );
  const selected = menuLeafForPath(location.pathname)?.path;

  const handleClick: MenuProps['onClick'] = ({ key, domEvent }) => {
    // Clicks on the link itself are routed by <Link>; clicks on the icon or padding and Enter land here.
    const target = domEvent.target as HTMLElement | null;
    if (!target?.closest('a')) void navigate(String(key));
    onNavigate?.();
  };

  return (
    <nav aria-label="主菜单">
      <Menu
        mode="inline"
        theme={theme}
        items={items}
        selectedKeys={selected ? [selected] : []}
        openKeys={openKeys}
        onOpenChange={setOpenKeys}
        onClick={handleClick}
      />
    </nav>
  );
}
