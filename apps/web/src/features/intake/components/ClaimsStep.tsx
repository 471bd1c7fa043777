import { UploadOutlined } from '@ant-design/icons';
import { CLAIM_CATALOGUE, CLAIM_TYPES } from '@onestop/domain/claims/catalogue';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  List,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { FilePicker } from '../../../components/FilePicker';
import { feedback } from '../../../lib/feedback';
import type { ClaimDraft } from '../types';

const CLAIM_OPTIONS = CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_CATALOGUE[t].label }));
const MAX_BYTES = 10 * 1024 * 1024;
/** The claims a window hears most (one click adds a claim of that type with the previous period). */
const QUICK_CLAIMS: { type: string; label: string }[] = [
  { type: 'unpaid_wages', label: '拖欠工资' },
  { type: 'overtime_pay', label: '加班费' },
  { type: 'economic_compensation', label: '经济补偿' },
  { type: 'double_wages_no_contract', label: '未签合同二倍工资' },
  { type: 'unlawful_termination_damages', label: '违法解除赔偿金' },
  { type: 'work_injury_benefits', label: '工伤待遇' },
  { type: 'social_insurance', label: '社会保险' },
  { type: 'labor_relation_confirmation', label: '确认劳动关系' },
];

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
  workplace?: string;
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
    ...(v.workplace?.trim() && { workplace: v.workplace.trim() }),
  };
}

/**
 * The claims section of the window's intake: claims from the catalogue (one click for the common ones;
 * amount, period, facts), the narrative and evidence files. A claim's own facts may be left to the
 * narrative: one statement of facts and reasons serves every claim (调解仲裁法第二十八条).
 */
export function ClaimsStep({
  form,
  initial,
  files,
  onFiles,
  onChange,
}: {
  form: FormInstance<ClaimsValues>;
  initial: ClaimsValues | null;
  files: File[];
  onFiles: (f: File[]) => void;
  onChange?: () => void;
}) {
  const disableFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
  const addQuick = (type: string) => {
    const rows = (form.getFieldValue('claims') as ClaimRow[] | undefined) ?? [];
    const last = rows.at(-1);
    const next =
      last && !last.type
        ? [...rows.slice(0, -1), { ...last, type }]
        : [...rows, { type, period: last?.period ?? null }];
    form.setFieldValue('claims', next);
    onChange?.();
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial ?? { claims: [{}] }}
      onValuesChange={() => onChange?.()}
      scrollToFirstError
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="claim-quick">
        <Typography.Text type="secondary">常见诉求：</Typography.Text>
        {QUICK_CLAIMS.map((q) => (
          <Button
            key={q.type}
            size="small"
            onClick={() => addQuick(q.type)}
            data-testid={`claim-quick-${q.type}`}
          >
            + {q.label}
          </Button>
        ))}
      </Space>
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
                  label="本项事实与理由（可在下方案情陈述中统一填写）"
                  dependencies={['narrative']}
                  rules={[
                    {
                      validator: (_, v) =>
                        String(v ?? '').trim() || String(form.getFieldValue('narrative') ?? '').trim()
                          ? Promise.resolve()
                          : Promise.reject(new Error('请填写本项事实与理由，或在案情陈述中统一填写')),
                    },
                  ]}
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
        <Form.Item
          name="workplace"
          label="工作地点（劳动合同履行地）"
          extra="与用人单位所在地一起判断管辖：两地均不在本市辖区的，系统会提示"
        >
          <Input maxLength={300} placeholder="如：随州市曾都区交通大道工地" data-testid="intake-workplace" />
        </Form.Item>
        <Form.Item name="narrative" label="案情陈述（事实与理由）">
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={10000}
            data-testid="intake-narrative"
          />
        </Form.Item>
      </Card>
      <Card size="small" title="证据材料（PDF、JPEG、PNG，每件不超过10 MB）" style={{ marginTop: 16 }}>
        <FilePicker
          label="证据材料"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          onFiles={(list) => {
            for (const f of list.filter((x) => x.size > MAX_BYTES))
              feedback.error(`文件“${f.name}”超过10 MB`);
            const ok = list.filter((x) => x.size <= MAX_BYTES);
            if (ok.length) onFiles([...files, ...ok]);
          }}
          icon={<UploadOutlined />}
          status={false}
          testId="intake-evidence"
        />
        <List
          size="small"
          locale={{ emptyText: '未选择文件' }}
          dataSource={files}
          data-testid="intake-evidence-files"
          renderItem={(f, i) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  size="small"
                  aria-label={`删除${f.name}`}
                  onClick={() => onFiles(files.filter((_, j) => j !== i))}
                >
                  删除
                </Button>,
              ]}
            >
              <span style={{ overflowWrap: 'anywhere' }}>{f.name}</span>
            </List.Item>
          )}
        />
      </Card>
    </Form>
  );
}
