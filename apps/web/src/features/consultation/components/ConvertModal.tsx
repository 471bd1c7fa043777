import { CLAIM_CATALOGUE, CLAIM_TYPES } from '@onestop/domain/claims/catalogue';
import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { Consultation, ConvertInput } from '../api/consultation.api';
import { useConvertConsultation } from '../hooks/use-consultations';

const CLAIM_OPTIONS = CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_CATALOGUE[t].label }));

/** One step from a consultation to a matter: the parties and the claim, registered through the single window. */
export function ConvertModal({
  consultation,
  onClose,
}: {
  consultation: Consultation | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ConvertInput>();
  const convert = useConvertConsultation();
  const navigate = useNavigate();
  return (
    <Modal
      title="转为维权事项"
      open={consultation !== null}
      onCancel={onClose}
      okText="登记为维权事项"
      confirmLoading={convert.isPending}
      destroyOnHidden
      onOk={async () => {
        if (!consultation) return;
        const input = await form.validateFields();
        const r = await convert.mutateAsync({ c: consultation, input });
        onClose();
        navigate(`/matters/${r.matter.id}`);
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          workerName: consultation?.visitorName ?? '',
          migrantWorker: false,
          claimType: 'unpaid_wages',
          facts: consultation?.question,
        }}
      >
        <Form.Item
          name="workerName"
          label="劳动者姓名"
          rules={[{ required: true, message: '请填写劳动者姓名' }]}
        >
          <Input data-testid="convert-worker" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label="身份证号码"
          rules={[{ required: true, message: '请填写身份证号码' }]}
        >
          <Input data-testid="convert-id" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input />
        </Form.Item>
        <Form.Item name="migrantWorker" valuePropName="checked">
          <Checkbox>农民工</Checkbox>
        </Form.Item>
        <Form.Item
          name="employerName"
          label="用人单位"
          rules={[{ required: true, message: '请填写用人单位' }]}
        >
          <Input data-testid="convert-employer" />
        </Form.Item>
        <Form.Item name="claimType" label="诉求" rules={[{ required: true }]}>
          <Select options={CLAIM_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label="金额（元）"
          dependencies={['claimType']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === undefined &&
                CLAIM_CATALOGUE[getFieldValue('claimType') as keyof typeof CLAIM_CATALOGUE]?.monetary
                  ? Promise.reject(new Error('请填写金额'))
                  : Promise.resolve(),
            }),
          ]}
        >
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="facts" label="事实" rules={[{ required: true, message: '请填写事实' }]}>
          <Input.TextArea autoSize />
        </Form.Item>
      </Form>
    </Modal>
  );
}
