import { Button, Result } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../../../components/PageLoading';
import { loginPath } from '../../../lib/api';
import { useSession } from '../hooks/use-session';
import { sessionExitReason } from '../session-exit';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Gate for every signed-in page: no session → /login (keeping ?next=), a password that must be changed
 * → the change-password page before anything else.
 */
export function RequireSession() {
  const { data: user, isPending, isError, refetch } = useSession();
  const location = useLocation();

  if (isPending) return <PageLoading tip="正在验证登录状态…" />;
  if (isError) {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle="请检查网络连接后重试。"
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!user) {
    const reason = sessionExitReason();
    const here = location.pathname + location.search + location.hash;
    const to = reason === 'logout' ? '/login' : loginPath(here, reason === 'timeout' ? 'timeout' : undefined);
    return <Navigate to={to} replace />;
  }
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    const here = location.pathname + location.search;
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}
