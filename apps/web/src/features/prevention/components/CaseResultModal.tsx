import { DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OrgCase } from '../api/prevention.api';
import { useCloseCase } from '../hooks/use-prevention';

const RESULTS = [
  { value: 'agreement', label: '达成调解协议' },
  { value: 'no_agreement', label: '未达成协议' },
  { value: 'withdrawn', label: '申请人撤回' },
];

/** 登记调解结果: agreement (with the agreed amount), no agreement or withdrawal, and the closing date. */
export function CaseResultModal({ c, onClose }: { c: OrgCase | null; onClose: () => void }) {
  const [form] = Form.useForm<{
    result: 'agreement' | 'no_agreement' | 'withdrawn';
    closedOn: Dayjs;
    amountYuan?: number;
  }>();
  const close = useCloseCase();
  const result = Form.useWatch('result', form);
  return (
    <Modal
      title={c ? `登记调解结果：${c.number}` : ''}
      open={!!c}
      onCancel={onClose}
      okText="保存"
      confirmLoading={close.isPending}
      destroyOnHidden
      onOk={async () => {
        if (!c) return;
        const v = await form.validateFields();
        await close.mutateAsync({
          id: c.id,
          body: {
            version: c.version,
            result: v.result,
            closedOn: v.closedOn.format('YYYY-MM-DD'),
            amountFen: v.result === 'agreement' ? Math.round((v.amountYuan ?? 0) * 100) : 0,
          },
        });
        onClose();
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ closedOn: dayjs() }}>
        <Form.Item name="result" label="调解结果" rules={[{ required: true, message: '请选择调解结果' }]}>
          <Select options={RESULTS} />
        </Form.Item>
        <Form.Item name="closedOn" label="结案日期" rules={[{ required: true, message: '请选择结案日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {result === 'agreement' ? (
          <Form.Item
            name="amountYuan"
            label="协议金额（元）"
            rules={[{ required: true, message: '请填写协议金额' }]}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
