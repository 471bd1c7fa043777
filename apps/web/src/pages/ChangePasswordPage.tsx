import { Alert, Button, Card, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { ChangePasswordForm } from '../features/auth/components/ChangePasswordForm';
import { useCurrentUser, useLogout } from '../features/auth/hooks/use-session';
import { setSessionExitReason } from '../features/auth/session-exit';
import { safeNext } from '../lib/api';
import { feedback } from '../lib/feedback';

export default function ChangePasswordPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const logout = useLogout();
  const forced = user.mustChangePassword;

  const handleSuccess = () => {
    feedback.success('密码已修改');
    void navigate(safeNext(params.get('next')), { replace: true });
  };

  return (
    <main className="auth-page">
      <Card className="auth-card">
        <Typography.Title level={1} className="auth-title">
          修改密码
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {user.displayName}（<span translate="no">{user.username}</span>），{user.organization.name}
        </Typography.Paragraph>
        {forced ? (
          <Alert
            className="form-alert"
            type="warning"
            showIcon
            data-testid="must-change-password"
            title="请先修改密码"
            description="首次登录或密码已被管理员重置，修改密码后才能继续使用系统。"
          />
        ) : null}
        <ChangePasswordForm onSuccess={handleSuccess} />
        <div className="auth-footer">
          {forced ? (
            <Button
              type="link"
              onClick={() => {
                setSessionExitReason('logout');
                logout.mutate();
              }}
            >
              退出登录
            </Button>
          ) : (
            <Button type="link" onClick={() => void navigate(-1)}>
              返回
            </Button>
          )}
        </div>
      </Card>
    </main>
  );
}
