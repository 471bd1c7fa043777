import { CASE_TRACK_IDS, CASE_TRACK_LABELS, TRACK_REGISTRY } from '@onestop/domain/tracks/registry';
import { Form, Input, Modal, Select } from 'antd';
import { FormError } from '../../../components/FormError';
import type { CaseTrack } from '../../cases/types';
import { useCreateTransfer, useOrganizations } from '../hooks/use-transfers';

/**
 * The tracks a matter can be transferred into, from the track registry: those whose cases follow a
 * declared machine (the server refuses the others), except the consultation, answered where it is asked.
 */
const TRACK_OPTIONS: { value: CaseTrack; label: string }[] = CASE_TRACK_IDS.filter(
  (t) => TRACK_REGISTRY[t].machine !== null && t !== 'consultation',
).map((t) => ({ value: t, label: CASE_TRACK_LABELS[t] }));

interface Values {
  toOrgId: string;
  toTrack?: CaseTrack;
  reason: string;
}

/** 转办: to another function or partner agency (工会, 法院, 司法, 信访); a transfer slip is drafted. */
export function NewTransferModal({
  matterId,
  open,
  onClose,
}: {
  matterId: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const orgs = useOrganizations();
  const mutation = useCreateTransfer(matterId);
  const handleOk = async () => {
    const v = await form.validateFields();
    mutation.mutate(
      { toOrgId: v.toOrgId, reason: v.reason, ...(v.toTrack ? { toTrack: v.toTrack } : {}) },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title="转办"
      okText="转办"
      cancelText="取消"
      onOk={() => void handleOk()}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'transfer-confirm' } as Record<string, string>}
      destroyOnHidden
    >
      <FormError error={mutation.error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="toOrgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgs.isPending}
            data-testid="transfer-org"
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="toTrack" label="承办程序（接收后开立该程序的案件，可不选）">
          <Select allowClear options={TRACK_OPTIONS} data-testid="transfer-track" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="转办理由"
          rules={[{ required: true, whitespace: true, message: '请填写转办理由' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
