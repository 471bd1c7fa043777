import { DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'multiselect' | 'switch' | 'lines';
  options?: { value: string; label: string }[];
  /** The options are still being fetched: the select shows loading and the dialog cannot be confirmed. */
  optionsLoading?: boolean;
  required?: boolean;
  extra?: string;
  /** A multiselect needs at least this many choices, with the message saying why (e.g. its legal basis). */
  minItems?: { count: number; message: string };
}

/** Whether a step's form still waits for fetched options (its button and dialog declare data-ready). */
export const optionsLoading = (fields: FieldSpec[]): boolean => fields.some((f) => f.optionsLoading);

/**
 * One small form per step; the server checks everything again (roles, guards, ranges). While any
 * select's options load, that select shows loading, 确定 is disabled and the form declares
 * data-ready="false" (browser tests wait for "true").
 */
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
  const waiting = optionsLoading(fields);
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
      okButtonProps={{ disabled: waiting, 'data-testid': 'action-ok' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onFinish={onSubmit}
        data-ready={String(!waiting)}
        data-testid="action-form"
      >
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            extra={f.extra}
            valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
            // A date stays 'YYYY-MM-DD' in the form values (what the step bodies send).
            {...(f.kind === 'date'
              ? {
                  getValueProps: (v: unknown) => ({
                    value: typeof v === 'string' && v ? dayjs(v) : undefined,
                  }),
                  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
                }
              : {})}
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
                loading={f.optionsLoading}
                notFoundContent={f.optionsLoading ? '正在加载…' : undefined}
                data-testid={`field-${f.name}`}
              />
            ) : f.kind === 'switch' ? (
              <Switch data-testid={`field-${f.name}`} />
            ) : f.kind === 'date' ? (
              <DatePicker style={{ width: 200 }} data-testid={`field-${f.name}`} />
            ) : (
              <Input data-testid={`field-${f.name}`} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
