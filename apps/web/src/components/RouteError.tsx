import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFound } from './NotFound';

/** Shown when a page fails to load (for example an old chunk after a new release) or throws. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle="可能是网络中断或系统已更新，请刷新页面后重试。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
