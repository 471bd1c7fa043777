import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { OrgCase } from '../api/prevention.api';
import { useReferCase } from '../hooks/use-outreach';
import { ID_TYPE_OPTIONS } from './IssueMatterModal';

interface Values {
  purpose: 'handling' | 'arbitral_review' | 'judicial_confirmation';
  idType: 'resident_id' | 'passport' | 'hmt_residence_permit' | 'foreign_permanent_residence';
  idNumber: string;
  phone?: string;
  employerCreditCode?: string;
  amountYuan?: number;
  agreementEffectiveOn?: Dayjs;
  note?: string;
}

/**
 * 转送中心: a pending case is handed to the center; an agreement goes on to 仲裁审查 or 司法确认. The
 * center registers it as a matter (待分流) with the ledger's parties and facts.
 */
export function ReferralModal({ c, onClose }: { c: OrgCase | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const refer = useReferCase();
  const purpose = Form.useWatch('purpose', form);
  const agreed = c?.result === 'agreement';
  const purposes = agreed
    ? [
        { value: 'judicial_confirmation', label: '申请司法确认（协议生效之日起三十日内）' },
        { value: 'arbitral_review', label: '申请仲裁审查（协议生效之日起十五日内）' },
      ]
    : [{ value: 'handling', label: '转中心调处' }];
  return (
    <Modal
      title={c ? `转送中心：${c.number}（${c.applicantName} 与 ${c.respondentName}）` : ''}
      open={!!c}
      onCancel={onClose}
      okText="转送"
      okButtonProps={{ 'data-testid': 'referral-save' } as Record<`data-${string}`, string>}
      confirmLoading={refer.isPending}
      destroyOnHidden
      onOk={async () => {
        if (!c) return;
        const v = await form.validateFields();
        await refer.mutateAsync({
          caseId: c.id,
          body: {
            version: c.version,
            purpose: v.purpose,
            worker: { idType: v.idType, idNumber: v.idNumber, ...(v.phone ? { phone: v.phone } : {}) },
            ...(v.employerCreditCode ? { employerCreditCode: v.employerCreditCode } : {}),
            ...(v.amountYuan !== undefined && v.amountYuan !== null
              ? { amountFen: Math.round(v.amountYuan * 100) }
              : {}),
            ...(v.agreementEffectiveOn
              ? { agreementEffectiveOn: v.agreementEffectiveOn.format('YYYY-MM-DD') }
              : {}),
            ...(v.note ? { note: v.note } : {}),
          },
        });
        onClose();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          purpose: agreed ? 'judicial_confirmation' : 'handling',
          idType: 'resident_id',
          agreementEffectiveOn: c?.closedOn ? dayjs(c.closedOn) : undefined,
        }}
      >
        <Form.Item name="purpose" label="转送事由">
          <Select options={purposes} />
        </Form.Item>
        <Form.Item name="idType" label="申请人证件类型">
          <Select options={ID_TYPE_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label="申请人证件号码"
          rules={[{ required: true, message: '请填写证件号码' }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label="申请人手机号码">
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item name="employerCreditCode" label="被申请人统一社会信用代码">
          <Input maxLength={18} />
        </Form.Item>
        {agreed ? null : (
          <Form.Item name="amountYuan" label="请求金额（元）">
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {purpose && purpose !== 'handling' ? (
          <Form.Item
            name="agreementEffectiveOn"
            label="调解协议生效日期"
            rules={[{ required: true, message: '请选择调解协议生效日期' }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label="转送说明">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
