import { UploadOutlined } from '@ant-design/icons';
import { CLAIM_CATALOGUE, CLAIM_TYPES } from '@onestop/domain/claims/catalogue';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { feedback } from '../../../lib/feedback';
import type { ClaimDraft } from '../types';

const CLAIM_OPTIONS = CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_CATALOGUE[t].label }));
const MAX_BYTES = 10 * 1024 * 1024;

interface ClaimRow {
  type?: string;
  amountYuan?: number;
  period?: [Dayjs | null, Dayjs | null] | null;
  facts?: string;
}

export interface ClaimsValues {
  claims: ClaimRow[];
  narrative?: string;
  employmentStart?: Dayjs | null;
  employmentEnd?: Dayjs | null;
  knewDate?: Dayjs | null;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function toClaimDrafts(rows: ClaimRow[]): ClaimDraft[] {
  return rows.map((r) => ({
    type: r.type ?? '',
    ...(r.amountYuan !== undefined && r.amountYuan !== null && { amountFen: Math.round(r.amountYuan * 100) }),
    ...(r.period?.[0] && { periodFrom: iso(r.period[0]) }),
    ...(r.period?.[1] && { periodTo: iso(r.period[1]) }),
    facts: r.facts ?? '',
  }));
}

export function toFacts(v: ClaimsValues) {
  return {
    ...(v.employmentStart && { employmentStart: iso(v.employmentStart) }),
    ...(v.employmentEnd && { employmentEnd: iso(v.employmentEnd) }),
    ...(v.knewDate && { knewDate: iso(v.knewDate) }),
  };
}

/** Step 2: claims from the catalogue (amount, period, facts), the narrative and evidence files. */
export function ClaimsStep({
  initial,
  files,
  onFiles,
  onBack,
  onNext,
  busy,
}: {
  initial: ClaimsValues | null;
  files: File[];
  onFiles: (f: File[]) => void;
  onBack: () => void;
  onNext: (v: ClaimsValues) => void;
  busy: boolean;
}) {
  const [form] = Form.useForm<ClaimsValues>();
  const disableFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial ?? { claims: [{}] }}
      onFinish={onNext}
      scrollToFirstError
    >
      <Form.List name="claims">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={`诉求 ${i + 1}`}
                extra={
                  fields.length > 1 ? (
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      删除
                    </Button>
                  ) : null
                }
              >
                <Row gutter={16}>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[f.name, 'type']}
                      label="诉求类型"
                      rules={[{ required: true, message: '请选择诉求类型' }]}
                    >
                      <Select
                        data-testid={`claim-type-${i}`}
                        options={CLAIM_OPTIONS}
                        showSearch={{ optionFilterProp: 'label' }}
                        autoFocus={i === 0}
                        placeholder="选择或输入关键字"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[f.name, 'amountYuan']}
                      label="请求金额（元）"
                      rules={[{ type: 'number', min: 0, message: '金额不能为负数' }]}
                    >
                      <InputNumber
                        data-testid={`claim-amount-${i}`}
                        precision={2}
                        min={0}
                        style={{ width: '100%' }}
                        controls={false}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[f.name, 'period']} label="期间">
                      <DatePicker.RangePicker
                        disabledDate={disableFuture}
                        style={{ width: '100%' }}
                        allowEmpty={[false, true]}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  name={[f.name, 'facts']}
                  label="事实与理由"
                  rules={[{ required: true, message: '请填写事实与理由' }]}
                >
                  <Input.TextArea
                    data-testid={`claim-facts-${i}`}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    maxLength={5000}
                  />
                </Form.Item>
              </Card>
            ))}
            <Button
              data-testid="intake-add-claim"
              // A new claim starts with the previous claim's period (usually the same months); editable.
              onClick={() => add({ period: form.getFieldValue(['claims', fields.length - 1, 'period']) })}
            >
              添加诉求
            </Button>
          </Space>
        )}
      </Form.List>
      <Card size="small" title="劳动关系与时效" style={{ marginTop: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="employmentStart" label="入职日期">
              <DatePicker disabledDate={disableFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="employmentEnd" label="离职日期（在职不填）">
              <DatePicker disabledDate={disableFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="knewDate" label="知道权利受侵害之日">
              <DatePicker disabledDate={disableFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="narrative" label="案情陈述">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
        </Form.Item>
      </Card>
      <Card size="small" title="证据材料（PDF、JPEG、PNG，每件不超过10 MB）" style={{ marginTop: 16 }}>
        <Upload
          multiple
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          fileList={files.map((f, i) => ({
            uid: String(i),
            name: f.name,
            size: f.size,
            status: 'done' as const,
          }))}
          beforeUpload={(file) => {
            if (file.size > MAX_BYTES) feedback.error(`文件“${file.name}”超过10 MB`);
            else onFiles([...files, file]);
            return false;
          }}
          onRemove={(f) => onFiles(files.filter((_, i) => String(i) !== f.uid))}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
      </Card>
      <Space style={{ marginTop: 16 }}>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-next">
          下一步：分流建议
        </Button>
      </Space>
    </Form>
  );
}
