import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The h1 of a page, with an optional line under it and actions on the right. */
export function PageHeader({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div className="page-header-main">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {children ? <div className="page-header-sub">{children}</div> : null}
      </div>
      {extra ? <div className="page-header-extra">{extra}</div> : null}
    </div>
  );
}
