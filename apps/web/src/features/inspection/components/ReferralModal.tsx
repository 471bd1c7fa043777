import { Form, Input, Modal, Select } from 'antd';
import { useReferralOrganizations } from '../hooks/use-inspection';
import type { BodyOf } from '../../../lib/api-types-helpers';
import type { InspectionCase } from '../types';

type ReferralBody = BodyOf<'/api/inspection/cases/{id}/referrals', 'post'>;

export type ReferralTarget = 'mediation' | 'arbitration' | 'police';

export interface ReferralValues {
  target: ReferralTarget;
  toOrgId?: string;
  claimIds?: string[];
  receivingAuthority?: string;
  reason: string;
}

const TARGETS: { value: ReferralTarget; label: string }[] = [
  { value: 'mediation', label: '调解（争议事项引导至调解组织）' },
  { value: 'arbitration', label: '仲裁（争议事项引导至劳动人事争议仲裁）' },
  { value: 'police', label: '公安机关（涉嫌拒不支付劳动报酬）' },
];

/** The body of POST /api/inspection/cases/:id/referrals for the chosen target. */
export function referralBody(v: ReferralValues, c: InspectionCase): ReferralBody {
  if (v.target === 'police') {
    return {
      kind: 'police',
      receivingAuthority: v.receivingAuthority?.trim() || undefined,
      reason: v.reason.trim(),
      version: c.version,
    };
  }
  return {
    kind: 'dispute',
    toTrack: v.target,
    toOrgId: v.toOrgId,
    claimIds: v.claimIds?.length ? v.claimIds : undefined,
    reason: v.reason.trim(),
  };
}

/** 移送/引导: dispute items to mediation / arbitration (条例第二十一条第二款), or wage refusal to the police (第十八条第二款). */
export function ReferralModal({
  c,
  loading,
  onCancel,
  onSubmit,
}: {
  c: InspectionCase;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (v: ReferralValues) => void;
}) {
  const [form] = Form.useForm<ReferralValues>();
  const target = Form.useWatch('target', form);
  const dispute = target === 'mediation' || target === 'arbitration';
  const orgs = useReferralOrganizations(dispute);
  return (
    <Modal
      title="移送/引导"
      open
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={loading}
      okText="确定移送"
      cancelText="取消"
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'referral-ok' } as never}
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={onSubmit}>
        <Form.Item name="target" label="移送/引导至" rules={[{ required: true, message: '请选择移送对象' }]}>
          <Select options={TARGETS} data-testid="referral-target" />
        </Form.Item>
        {dispute ? (
          <>
            <Form.Item
              name="toOrgId"
              label="承办单位"
              rules={[{ required: true, message: '请选择承办单位' }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={orgs.isPending}
                options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                data-testid="referral-org"
              />
            </Form.Item>
            <Form.Item name="claimIds" label="移交的争议事项" extra="不选择则移交全部争议事项">
              <Select
                mode="multiple"
                options={c.violations.map((v) => ({ value: v.id, label: `${v.label}：${v.facts}` }))}
                data-testid="referral-items"
              />
            </Form.Item>
          </>
        ) : null}
        {target === 'police' ? (
          <Form.Item
            name="receivingAuthority"
            label="受移送机关"
            rules={[{ required: true, message: '请写明受移送的公安机关' }]}
            extra="须经责令支付逾期仍不支付，且达到移送标准"
          >
            <Input data-testid="referral-authority" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={target === 'police' ? '移送理由' : '引导事项及理由'}
          rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} data-testid="referral-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
