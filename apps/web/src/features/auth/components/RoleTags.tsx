import { Tag, Tooltip } from 'antd';

export const SUSPENDED_ROLE_HINT = '证件过期，岗位权限已暂停';

interface RoleLike {
  role: string;
  label: string;
  active: boolean;
}

/** A user's posts; a post whose licence (certificate) has lapsed is grey, with the reason on hover/focus. */
export function RoleTags({ roles, color = 'blue' }: { roles: readonly RoleLike[]; color?: string }) {
  return (
    <span className="role-tags">
      {roles.map((r) =>
        r.active ? (
          <Tag key={r.role} color={color} data-testid={`role-${r.role}`}>
            {r.label}
          </Tag>
        ) : (
          <Tooltip key={r.role} title={SUSPENDED_ROLE_HINT}>
            <Tag
              className="role-tag-inactive"
              data-testid={`role-${r.role}`}
              data-active="false"
              tabIndex={0}
              aria-label={`${r.label}（${SUSPENDED_ROLE_HINT}）`}
            >
              {r.label}
            </Tag>
          </Tooltip>
        ),
      )}
    </span>
  );
}
