import { Button, Form, Input, Modal, Space } from 'antd';
import { FormError } from '../../../components/FormError';
import { feedback } from '../../../lib/feedback';
import { useResetPassword } from '../hooks/use-admin-users';
import type { AdminUser } from '../types';

interface ResetValues {
  password: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const [form] = Form.useForm<ResetValues>();
  const reset = useResetPassword();

  const handleClose = () => {
    form.resetFields();
    reset.reset();
    onClose();
  };

  const handleFinish = (values: ResetValues) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, password: values.password },
      {
        onSuccess: () => {
          feedback.success(`已重置 ${user.displayName} 的密码`);
          handleClose();
        },
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={`重置密码：${user?.displayName ?? ''}`}
      onCancel={handleClose}
      footer={null}
      forceRender
    >
      <Form<ResetValues> form={form} name="reset-password" layout="vertical" onFinish={handleFinish}>
        <FormError error={reset.error} />
        <Form.Item
          label="新密码"
          name="password"
          rules={[{ required: true, message: '请输入新密码' }]}
          extra="请通过安全渠道告知用户新密码。"
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
        <Space className="drawer-footer">
          <Button onClick={handleClose}>取消</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={reset.isPending}
            data-testid="reset-password-submit"
          >
            重置密码
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
