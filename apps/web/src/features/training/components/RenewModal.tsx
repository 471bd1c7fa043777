import { Alert, DatePicker, Descriptions, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../../lib/api';
import type { Certificate } from '../api/training.api';
import { useRenew } from '../hooks/use-training';

/** 换证: a new end of validity, granted only with the year's training hours done (the server checks). */
export function RenewModal({ cert, onClose }: { cert: Certificate | null; onClose: () => void }) {
  const [form] = Form.useForm<{ validTo: Dayjs }>();
  const renew = useRenew();
  const error = renew.error && isApiError(renew.error) ? renew.error.message : null;
  return (
    <Modal
      title={cert ? `换证：${cert.holderName}的${cert.typeLabel}` : ''}
      open={!!cert}
      onCancel={() => {
        renew.reset();
        onClose();
      }}
      okText="换证"
      okButtonProps={{ 'data-testid': 'renew-save' } as Record<string, string>}
      confirmLoading={renew.isPending}
      destroyOnHidden
      onOk={async () => {
        if (!cert) return;
        const v = await form.validateFields();
        await renew.mutateAsync({
          id: cert.id,
          currentValidTo: cert.validTo,
          validTo: v.validTo.format('YYYY-MM-DD'),
        });
        renew.reset();
        onClose();
      }}
    >
      {cert ? (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="证件编号">{cert.number}</Descriptions.Item>
            <Descriptions.Item label="现有效期至">{cert.validToText}</Descriptions.Item>
            <Descriptions.Item label={`${cert.trainingYear}年度培训`}>
              已完成{cert.hours.done}学时，应完成{cert.hours.required}学时
            </Descriptions.Item>
          </Descriptions>
          {error ? (
            <Alert
              type="error"
              showIcon
              message={error}
              style={{ marginBottom: 16 }}
              data-testid="renew-error"
            />
          ) : null}
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ validTo: dayjs(cert.validTo).add(3, 'year') }}
          >
            <Form.Item
              name="validTo"
              label="新的有效期至"
              rules={[{ required: true, message: '请选择有效期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
