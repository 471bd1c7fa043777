import { Alert, Button, Card, DatePicker, Form, Input, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Assessment } from '../api/prevention.api';
import { useAssess, useChecklist } from '../hooks/use-prevention';
import { readyAttr } from '../../../lib/ready';

interface Values {
  assessedOn: Dayjs;
  note?: string;
  items: Record<string, { passed: 'yes' | 'no'; note?: string }>;
}

/**
 * 六有五统一 assessment on site: one line per item of the checklist in force (the bureau's data),
 * 符合 / 不符合 with what was found. Laid out in one column so that it works on a phone (360 px).
 */
export function AssessmentForm({
  organizationId,
  onDone,
  onCancel,
}: {
  organizationId: string;
  onDone: (a: Assessment) => void;
  onCancel: () => void;
}) {
  const checklist = useChecklist();
  const assess = useAssess(organizationId);
  const [form] = Form.useForm<Values>();
  const items = checklist.data?.items ?? [];
  return (
    <Card size="small" title="六有五统一评估" data-testid="assessment-form" data-ready={readyAttr(checklist)}>
      {/* A div, not a <form>: with one text field, Enter in the date field would submit (implicit submission). */}
      <Form
        form={form}
        component="div"
        layout="vertical"
        initialValues={{
          assessedOn: dayjs(),
          items: Object.fromEntries(items.map((i) => [i.code, { passed: 'yes' }])),
        }}
        key={items.length}
        onFinish={async (v) => {
          const a = await assess.mutateAsync({
            assessedOn: v.assessedOn.format('YYYY-MM-DD'),
            note: v.note || undefined,
            items: items.map((i) => ({
              code: i.code,
              passed: v.items[i.code]?.passed !== 'no',
              note: v.items[i.code]?.note || undefined,
            })),
          });
          onDone(a);
        }}
      >
        <Form.Item name="assessedOn" label="评估日期" rules={[{ required: true, message: '请选择评估日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {items.map((i) => (
          <div key={i.code} className="assessment-item" data-testid={`item-${i.code}`}>
            <Typography.Text strong>
              {i.groupLabel}·{i.label}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
              {i.guidance}
            </Typography.Paragraph>
            <Form.Item name={['items', i.code, 'passed']} style={{ marginBottom: 4 }}>
              <Radio.Group
                aria-label={`${i.label}评估结果`}
                options={[
                  { value: 'yes', label: '符合' },
                  { value: 'no', label: '不符合' },
                ]}
                optionType="button"
              />
            </Form.Item>
            <Form.Item
              noStyle
              shouldUpdate={(a, b) => a.items?.[i.code]?.passed !== b.items?.[i.code]?.passed}
            >
              {({ getFieldValue }) =>
                getFieldValue(['items', i.code, 'passed']) === 'no' ? (
                  <Form.Item
                    name={['items', i.code, 'note']}
                    rules={[{ required: true, message: `请写明“${i.label}”存在的问题` }]}
                  >
                    <Input aria-label={`${i.label}存在的问题`} placeholder="存在的问题" maxLength={500} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </div>
        ))}
        <Form.Item name="note" label="评估意见">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="全部符合的，自评估之日起一年内复评；有不符合项的，限期三十日整改后复评。复评期限由期限引擎计算并提醒。"
        />
        <Space wrap>
          {/* Not a submit button: Enter in the date field must not save a half-filled assessment. */}
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={assess.isPending}
            data-testid="assessment-submit"
          >
            保存评估并安排复评
          </Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
