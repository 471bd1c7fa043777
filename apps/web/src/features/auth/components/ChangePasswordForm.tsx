import { Alert, Button, Form, Input } from 'antd';
import { useChangePassword } from '../hooks/use-session';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm({ onSuccess }: { onSuccess: () => void }) {
  const mutation = useChangePassword();
  const [form] = Form.useForm<ChangePasswordValues>();

  const handleFinish = (values: ChangePasswordValues) => {
    mutation.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess },
    );
  };

  return (
    <Form
      form={form}
      name="change-password"
      layout="vertical"
      size="large"
      onFinish={handleFinish}
      onValuesChange={() => {
        if (mutation.isError) mutation.reset();
      }}
    >
      {mutation.error ? (
        <Alert className="form-alert" type="error" showIcon title={mutation.error.message} role="alert" />
      ) : null}
      <Form.Item
        label="当前密码"
        name="currentPassword"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        rules={[
          { required: true, message: '请输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error('新密码不能与当前密码相同'))
                : Promise.resolve(),
          }),
        ]}
        extra="密码规则以系统提示为准，请勿使用生日、电话等易猜内容。"
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={mutation.isPending}
          data-testid="password-submit"
        >
          修改密码
        </Button>
      </Form.Item>
    </Form>
  );
}
