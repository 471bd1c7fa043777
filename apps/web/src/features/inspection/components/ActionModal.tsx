import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'multiselect' | 'switch' | 'lines';
  options?: { value: string; label: string }[];
  required?: boolean;
  extra?: string;
  /** A multiselect needs at least this many choices, with the message saying why (e.g. its legal basis). */
  minItems?: { count: number; message: string };
}

/** One small form per step; the server checks everything again (roles, guards, ranges). */
export function ActionModal({
  title,
  open,
  fields,
  loading,
  onCancel,
  onSubmit,
  initialValues,
}: {
  title: string;
  open: boolean;
  fields: FieldSpec[];
  loading: boolean;
  onCancel: () => void;
  onSubmit: (values: Record<string, unknown>) => void;
  initialValues?: Record<string, unknown>;
}) {
  const [form] = Form.useForm();
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={loading}
      okText="确定"
      cancelText="取消"
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'action-ok' } as never}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues} onFinish={onSubmit}>
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            extra={f.extra}
            valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
            rules={[
              ...(f.required ? [{ required: true, message: `请填写${f.label}` }] : []),
              ...(f.minItems
                ? [{ type: 'array' as const, min: f.minItems.count, message: f.minItems.message }]
                : []),
            ]}
          >
            {f.kind === 'textarea' || f.kind === 'lines' ? (
              <Input.TextArea rows={3} data-testid={`field-${f.name}`} />
            ) : f.kind === 'number' ? (
              <InputNumber min={0} style={{ width: 200 }} data-testid={`field-${f.name}`} />
            ) : f.kind === 'select' || f.kind === 'multiselect' ? (
              <Select
                options={f.options}
                mode={f.kind === 'multiselect' ? 'multiple' : undefined}
                data-testid={`field-${f.name}`}
              />
            ) : f.kind === 'switch' ? (
              <Switch data-testid={`field-${f.name}`} />
            ) : (
              <Input
                placeholder={f.kind === 'date' ? 'YYYY-MM-DD' : undefined}
                data-testid={`field-${f.name}`}
              />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
