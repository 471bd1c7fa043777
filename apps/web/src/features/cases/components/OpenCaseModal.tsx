import { Checkbox, Form, Modal, Select } from 'antd';
import { FormError } from '../../../components/FormError';
import type { Claim } from '../../matters/types';
import { useOpenCase } from '../hooks/use-cases';
import type { CaseList, CaseTrack } from '../types';

interface Values {
  track: CaseTrack;
  claimIds: string[];
}

/** Opens a track case for claims of the matter; claims already in an open procedure are not offered (《劳动保障监察条例》第二十一条第二款). */
export function OpenCaseModal({
  matterId,
  open,
  onClose,
  tracks,
  claims,
  busyClaimIds,
}: {
  matterId: string;
  open: boolean;
  onClose: () => void;
  tracks: CaseList['tracks'];
  claims: Claim[];
  busyClaimIds: Set<string>;
}) {
  const [form] = Form.useForm<Values>();
  const mutation = useOpenCase(matterId);
  const handleOk = async () => {
    const values = await form.validateFields();
    mutation.mutate(values, {
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
    });
  };
  return (
    <Modal
      open={open}
      title="开立程序案件"
      okText="开立"
      cancelText="取消"
      onOk={() => void handleOk()}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'open-case-confirm' } as Record<string, string>}
      destroyOnHidden
    >
      <FormError error={mutation.error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="track" label="程序" rules={[{ required: true, message: '请选择程序' }]}>
          <Select
            data-testid="open-case-track"
            options={tracks.filter((t) => t.canOpen).map((t) => ({ value: t.track, label: t.label }))}
          />
        </Form.Item>
        <Form.Item
          name="claimIds"
          label="办理的诉求（同一诉求不得同时进入两个程序）"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项诉求' }]}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            data-testid="open-case-claims"
          >
            {claims.map((c) => (
              <Checkbox key={c.id} value={c.id} disabled={busyClaimIds.has(c.id)}>
                {c.label}
                {c.amountText ? `（${c.amountText}）` : ''}
                {busyClaimIds.has(c.id) ? '：已在办理中' : ''}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
