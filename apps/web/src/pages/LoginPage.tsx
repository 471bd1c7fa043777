import { Alert, Card, Typography } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import { LoginForm } from '../features/auth/components/LoginForm';
import { useDemoMode, useSession } from '../features/auth/hooks/use-session';
import { setSessionExitReason, TIMEOUT_MESSAGE } from '../features/auth/session-exit';
import { safeNext } from '../lib/api';

export default function LoginPage() {
  const [params] = useSearchParams();
  const { data: user } = useSession();
  const demo = useDemoMode();
  const next = safeNext(params.get('next'));

  if (user) return <Navigate to={next} replace />;

  return (
    <main className="auth-page">
      <Card className="auth-card">
        <div className="auth-brand">
          <span className="app-brand-mark large" aria-hidden>
            维
          </span>
          <Typography.Title level={1} className="auth-title">
            一站式劳动保障维权平台
          </Typography.Title>
          <Typography.Text type="secondary">随州市一站式劳动保障维权中心 · 工作人员登录</Typography.Text>
        </div>
        {demo.data ? (
          <Alert
            className="form-alert"
            type="warning"
            showIcon
            data-testid="demo-banner"
            title="演示环境"
            description="本环境中的数据均为虚构，仅供体验与培训使用，请勿录入真实个人信息。"
          />
        ) : null}
        {params.get('reason') === 'timeout' ? (
          <Alert
            className="form-alert"
            type="info"
            showIcon
            title={TIMEOUT_MESSAGE}
            data-testid="login-timeout"
          />
        ) : null}
        <LoginForm onSuccess={() => setSessionExitReason(null)} />
      </Card>
    </main>
  );
}
