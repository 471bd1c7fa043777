import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { FormError } from '../../../components/FormError';
import { useTransition } from '../hooks/use-cases';
import type { AvailableEvent, CaseDetail, TransitionInput } from '../types';

/**
 * Facts some steps need beyond a reason (the machine's guards read them). Steps not listed here take
 * a reason only; the server checks the guard again and answers 422 with the Chinese reason.
 */
const EXTRA_FIELDS: Record<
  string,
  { name: string; label: string; kind: 'text' | 'check'; required?: boolean }[]
> = {
  refer: [{ name: 'referTo', label: '告知前往的机构及地址', kind: 'text', required: true }],
  convert: [{ name: 'submitsRequest', label: '来访者已提出申请、投诉、举报或信访', kind: 'check' }],
  schedule_session: [{ name: 'bothPartiesConsent', label: '双方当事人均同意调解', kind: 'check' }],
  extend: [{ name: 'approver', label: '批准人', kind: 'text', required: true }],
};

interface Values {
  reason?: string;
  [key: string]: unknown;
}

export function TransitionModal({
  c,
  action,
  onClose,
}: {
  c: CaseDetail;
  action: AvailableEvent | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const mutation = useTransition(c);
  const extra = action ? (EXTRA_FIELDS[action.event] ?? []) : [];

  const handleOk = async () => {
    if (!action) return;
    const values = await form.validateFields();
    const payload: NonNullable<TransitionInput['payload']> = {};
    for (const f of extra) {
      const v = values[f.name];
      if (v === undefined || v === '') continue;
      // A check box gives a boolean, a text field its string.
      payload[f.name] = f.kind === 'check' ? v === true : String(v);
    }
    mutation.mutate(
      {
        event: action.event,
        ...(values.reason ? { reason: values.reason } : {}),
        ...(Object.keys(payload).length ? { payload } : {}),
      },
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
      open={action !== null}
      title={action ? `${action.label}（${c.stateLabel} → ${action.toLabel}）` : ''}
      okText="确认"
      cancelText="取消"
      onOk={() => void handleOk()}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'transition-confirm' } as Record<string, string>}
      destroyOnHidden
    >
      <FormError error={mutation.error} />
      {action && !action.enabled && action.reason ? (
        <Alert type="info" showIcon title={`须满足：${action.reason}`} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" preserve={false}>
        {extra.map((f) =>
          f.kind === 'check' ? (
            <Form.Item key={f.name} name={f.name} valuePropName="checked">
              <Checkbox data-testid={`transition-${f.name}`}>{f.label}</Checkbox>
            </Form.Item>
          ) : (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              rules={f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : []}
            >
              <Input maxLength={200} data-testid={`transition-${f.name}`} />
            </Form.Item>
          ),
        )}
        <Form.Item name="reason" label="说明（记入案件时间线）">
          <Input.TextArea rows={3} maxLength={2000} data-testid="transition-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
