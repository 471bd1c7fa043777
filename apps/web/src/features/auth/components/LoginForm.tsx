import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useLogin } from '../hooks/use-session';
import type { LoginInput } from '../types';

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const loginMutation = useLogin();
  const [form] = Form.useForm<LoginInput>();

  const handleFinish = (values: LoginInput) => {
    loginMutation.mutate({ username: values.username.trim(), password: values.password }, { onSuccess });
  };

  return (
    <Form
      form={form}
      name="login"
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={handleFinish}
      onValuesChange={() => {
        if (loginMutation.isError) loginMutation.reset();
      }}
    >
      {loginMutation.error ? (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          title={loginMutation.error.message}
          role="alert"
        />
      ) : null}
      <Form.Item
        label="用户名"
        name="username"
        rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
      >
        <Input
          prefix={<UserOutlined aria-hidden />}
          autoComplete="username"
          autoFocus
          data-testid="login-username"
          placeholder="请输入用户名"
        />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          autoComplete="current-password"
          data-testid="login-password"
          placeholder="请输入密码"
        />
      </Form.Item>
      <Form.Item className="login-submit-item">
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={loginMutation.isPending}
          data-testid="login-submit"
        >
          登录
        </Button>
      </Form.Item>
    </Form>
  );
}
