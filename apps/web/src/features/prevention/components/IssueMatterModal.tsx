import { CLAIM_CATALOGUE, CLAIM_TYPES } from '@onestop/domain/claims/catalogue';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { VisitIssue } from '../api/outreach.api';
import { useIssueToMatter } from '../hooks/use-outreach';
import type { IssueMatterInput } from '../api/outreach.api';

const CLAIM_OPTIONS = CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_CATALOGUE[t].label }));
export const ID_TYPE_OPTIONS = [
  { value: 'resident_id', label: '居民身份证' },
  { value: 'passport', label: '护照' },
  { value: 'hmt_residence_permit', label: '港澳台居民居住证' },
  { value: 'foreign_permanent_residence', label: '外国人永久居留身份证' },
];

interface Values {
  name: string;
  idType: 'resident_id' | 'passport' | 'hmt_residence_permit' | 'foreign_permanent_residence';
  idNumber: string;
  phone?: string;
  claimType?: IssueMatterInput['claimType'];
  amountYuan?: number;
}

/** 转为维权事项: the worker who raised the issue; the matter waits in the center's intake queue. */
export function IssueMatterModal({ issue, onClose }: { issue: VisitIssue | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const convert = useIssueToMatter();
  return (
    <Modal
      title={issue ? `问题${issue.seq}转为维权事项` : ''}
      open={!!issue}
      onCancel={onClose}
      okText="转为维权事项"
      okButtonProps={{ 'data-testid': 'issue-matter-save' } as Record<`data-${string}`, string>}
      confirmLoading={convert.isPending}
      destroyOnHidden
      onOk={async () => {
        if (!issue) return;
        const v = await form.validateFields();
        await convert.mutateAsync({
          issueId: issue.id,
          body: {
            version: issue.version,
            worker: {
              name: v.name,
              idType: v.idType,
              idNumber: v.idNumber,
              ...(v.phone ? { phone: v.phone } : {}),
            },
            ...(v.claimType ? { claimType: v.claimType } : {}),
            ...(v.amountYuan !== undefined && v.amountYuan !== null
              ? { amountFen: Math.round(v.amountYuan * 100) }
              : {}),
          },
        });
        onClose();
      }}
    >
      <p>{issue?.description}</p>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ idType: 'resident_id', claimType: issue?.claimType ?? undefined }}
      >
        <Form.Item name="name" label="劳动者姓名" rules={[{ required: true, message: '请填写劳动者姓名' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="idType" label="证件类型">
          <Select options={ID_TYPE_OPTIONS} />
        </Form.Item>
        <Form.Item name="idNumber" label="证件号码" rules={[{ required: true, message: '请填写证件号码' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码">
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item name="claimType" label="诉求类别" rules={[{ required: true, message: '请选择诉求类别' }]}>
          <Select options={CLAIM_OPTIONS} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="amountYuan" label="金额（元）">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
