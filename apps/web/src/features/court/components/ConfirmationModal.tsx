import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../lib/api';
import type { ResponseOf } from '../../../lib/api-types-helpers';
import { useOrganizations } from '../../admin/hooks/use-org-structure';
import { useRequestConfirmation } from '../hooks/use-court';

interface MatterOption {
  value: string;
  label: string;
}

/**
 * 申请司法确认: both parties jointly ask the court to confirm a mediation agreement within 30 days
 * of it taking effect (《民事诉讼法》第二百零五条；《人民调解法》第三十三条).
 */
export function ConfirmationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const orgs = useOrganizations();
  const request = useRequestConfirmation();
  const [matters, setMatters] = useState<MatterOption[]>([]);
  const courts = (orgs.data ?? [])
    .filter((o) => o.agency === 'court')
    .map((o) => ({ value: o.id, label: o.name }));

  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    const r = await api.get<ResponseOf<'/api/matters'>>('/api/matters', { q });
    setMatters(r.items.map((m) => ({ value: m.id, label: m.number })));
  };

  return (
    <Modal
      title="申请司法确认"
      open={open}
      onCancel={onClose}
      confirmLoading={request.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        await request.mutateAsync({
          matterId: v.matterId,
          courtOrgId: v.courtOrgId,
          agreementTerms: v.agreementTerms,
          agreementEffectiveOn: (v.agreementEffectiveOn as Dayjs).format('YYYY-MM-DD'),
        });
        onClose();
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="matterId" label="维权事项" rules={[{ required: true, message: '请选择维权事项' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            options={matters}
            placeholder="输入事项编号或当事人姓名搜索"
            data-testid="confirmation-matter"
          />
        </Form.Item>
        <Form.Item
          name="courtOrgId"
          label="受理法院"
          rules={[{ required: true, message: '请选择受理司法确认的人民法院' }]}
        >
          <Select options={courts} data-testid="confirmation-court" />
        </Form.Item>
        <Form.Item
          name="agreementTerms"
          label="调解协议内容"
          rules={[{ required: true, message: '请填写调解协议内容' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="agreementEffectiveOn"
          label="调解协议生效日期"
          extra="须在协议生效之日起三十日内共同申请"
          rules={[{ required: true, message: '请选择生效日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
