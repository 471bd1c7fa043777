import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PICKER_MINUTE_FORMATS } from '../../../lib/time';
import type { DocumentFields, DocumentFieldValue, FieldSpec } from '../types';

// A form generated from a document type's required fields (GET /api/documents/types): dates and
// times as pickers, amounts and day counts as numbers, choices as selects, lists as repeatable rows.

const LONG_TEXT = /事实|理由|意见|摘要|请求|情况|内容|事项|违法|指引/;
const DATE_FORMAT = 'YYYY-MM-DD';
const DATETIME_FORMAT = 'YYYY-MM-DDTHH:mm';

type Values = Record<string, unknown>;

/** Server fields → form values (dates become dayjs objects). */
export function toFormValues(specs: FieldSpec[], fields: Values | undefined): Values {
  const out: Values = {};
  for (const spec of specs) {
    const v = fields?.[spec.key];
    if (v === undefined || v === null) continue;
    if ((spec.kind === 'date' || spec.kind === 'datetime') && typeof v === 'string') out[spec.key] = dayjs(v);
    else if (spec.kind === 'items' && Array.isArray(v))
      out[spec.key] = v.map((i) => toFormValues(spec.item ?? [], i as Values));
    else out[spec.key] = v;
  }
  // Optional fields the form does not show are kept as they are.
  for (const [k, v] of Object.entries(fields ?? {}))
    if (!(k in out) && !specs.some((s) => s.key === k)) out[k] = v;
  return out;
}

/** Form values → server fields (dayjs back to strings, empty strings dropped). */
export function fromFormValues(
  specs: FieldSpec[],
  values: Values,
  base: DocumentFields = {},
): DocumentFields {
  const out: DocumentFields = { ...base };
  for (const spec of specs) {
    const v = values[spec.key];
    if (v === undefined || v === null || v === '') {
      delete out[spec.key];
      continue;
    }
    if (dayjs.isDayjs(v))
      out[spec.key] = (v as Dayjs).format(spec.kind === 'datetime' ? DATETIME_FORMAT : DATE_FORMAT);
    else if (spec.kind === 'items' && Array.isArray(v))
      // An item's fields are scalars (its specs have no nested items), as DocumentFieldValue's list entries.
      out[spec.key] = v.map((i) =>
        fromFormValues(spec.item ?? [], (i ?? {}) as Values),
      ) as DocumentFieldValue;
    else if (spec.kind === 'texts' && Array.isArray(v))
      out[spec.key] = v.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
    // The controls give strings, numbers and booleans (and option values of a choice).
    else out[spec.key] = v as DocumentFieldValue;
  }
  return out;
}

function Control({ spec }: { spec: FieldSpec }) {
  switch (spec.kind) {
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'datetime':
      return (
        <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_MINUTE_FORMATS} style={{ width: '100%' }} />
      );
    case 'amount':
      return <InputNumber min={0} precision={2} addonAfter="元" style={{ width: '100%' }} />;
    case 'days':
      return <InputNumber min={0} precision={0} addonAfter="日" style={{ width: '100%' }} />;
    case 'choice':
      return <Select options={spec.choices} placeholder={`请选择${spec.label}`} />;
    default:
      if (spec.key === 'pages' || spec.key === 'copies')
        return <InputNumber min={1} precision={0} style={{ width: '100%' }} />;
      return LONG_TEXT.test(spec.label) ? (
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      ) : (
        <Input />
      );
  }
}

const required = (label: string) => [{ required: true, message: `请填写${label}` }];

function ListField({ spec, name }: { spec: FieldSpec; name: (string | number)[] }) {
  const isItems = spec.kind === 'items';
  return (
    <Form.Item label={spec.label} required>
      <Form.List
        name={name}
        rules={[
          {
            validator: async (_, v: unknown[] | undefined) => {
              if (!v?.length) throw new Error(`请至少添加一项${spec.label}`);
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, i) =>
              isItems ? (
                <Card
                  key={row.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={`第${i + 1}项`}
                  extra={
                    <Button type="link" danger size="small" onClick={() => remove(row.name)}>
                      删除
                    </Button>
                  }
                >
                  {(spec.item ?? []).map((sub) => (
                    <Form.Item
                      key={sub.key}
                      name={[row.name, sub.key]}
                      label={sub.label}
                      rules={required(sub.label)}
                    >
                      {sub.key === 'form' ? (
                        <Select options={['原件', '复印件'].map((v) => ({ value: v, label: v }))} />
                      ) : (
                        <Control spec={sub} />
                      )}
                    </Form.Item>
                  ))}
                </Card>
              ) : (
                <Space.Compact key={row.key} style={{ width: '100%', marginBottom: 8 }}>
                  <Form.Item name={row.name} noStyle rules={required(spec.label)}>
                    <Input placeholder={`${spec.label}第${i + 1}项`} />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label="删除" />
                </Space.Compact>
              ),
            )}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(isItems ? {} : '')}>
              添加{spec.label}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The Form.Items for the required fields (render inside an antd Form with layout="vertical"). */
export function FieldsForm({ specs }: { specs: FieldSpec[] }) {
  return (
    <>
      {specs.map((spec) =>
        spec.kind === 'items' || spec.kind === 'texts' ? (
          <ListField key={spec.key} spec={spec} name={[spec.key]} />
        ) : (
          <Form.Item key={spec.key} name={spec.key} label={spec.label} rules={required(spec.label)}>
            <Control spec={spec} />
          </Form.Item>
        ),
      )}
    </>
  );
}
