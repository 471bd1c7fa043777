import { Alert, Button, Card, DatePicker, Form, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { mediationApi } from '../api/mediation.api';
import type { CalculationInput, CalculationKind, CalculationResult } from '../types';
import { yuan } from '../types';

const KINDS: { value: CalculationKind; label: string }[] = [
  { value: 'unpaid_wages', label: '拖欠工资' },
  { value: 'overtime_pay', label: '加班费' },
  { value: 'economic_compensation', label: '经济补偿（N）' },
  { value: 'compensation_with_notice', label: '经济补偿及代通知金（N+1）' },
  { value: 'unlawful_termination_damages', label: '违法解除赔偿金（2N）' },
  { value: 'double_wages_no_contract', label: '未签书面劳动合同二倍工资差额' },
];

/** The calculator's kind for a claim type (the proposal form opens it preset). */
export const KIND_FOR_CLAIM: Record<string, CalculationKind> = {
  unpaid_wages: 'unpaid_wages',
  overtime_pay: 'overtime_pay',
  economic_compensation: 'economic_compensation',
  unlawful_termination_damages: 'unlawful_termination_damages',
  double_wages_no_contract: 'double_wages_no_contract',
};

const fen = (v: unknown) => Math.round(Number(v ?? 0) * 100);
const day = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : '');

interface Values {
  kind: CalculationKind;
  dueYuan?: number;
  paidYuan?: number;
  wageYuan?: number;
  lastMonthYuan?: number;
  workdayHours?: number;
  restDayHours?: number;
  holidayHours?: number;
  start?: Dayjs;
  end?: Dayjs;
}

function toInput(v: Values): CalculationInput {
  const service = { startDate: day(v.start), endDate: day(v.end), averageMonthlyWageFen: fen(v.wageYuan) };
  switch (v.kind) {
    case 'unpaid_wages':
      return {
        kind: v.kind,
        items: [{ period: '欠薪期间', dueFen: fen(v.dueYuan), paidFen: fen(v.paidYuan) }],
      };
    case 'overtime_pay':
      return {
        kind: v.kind,
        monthlyWageFen: fen(v.wageYuan),
        workdayHours: v.workdayHours ?? 0,
        restDayHours: v.restDayHours ?? 0,
        holidayHours: v.holidayHours ?? 0,
      };
    case 'compensation_with_notice':
      return { kind: v.kind, ...service, lastMonthWageFen: fen(v.lastMonthYuan) };
    case 'double_wages_no_contract':
      return {
        kind: v.kind,
        employmentStart: day(v.start),
        lastDayWithoutContract: day(v.end),
        monthlyWageFen: fen(v.wageYuan),
      };
    default:
      return { kind: v.kind, ...service };
  }
}

/** Entitlement calculator: amount, worked formula and legal basis; `onUse` puts the result in a proposal item. */
export function EntitlementCalculator({
  initialKind = 'unpaid_wages',
  onUse,
}: {
  initialKind?: CalculationKind;
  onUse?: (result: CalculationResult, input: CalculationInput) => void;
}) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const [result, setResult] = useState<{ r: CalculationResult; input: CalculationInput } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const service = kind !== 'unpaid_wages' && kind !== 'overtime_pay';

  const run = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const input = toInput(v);
      setResult({ r: await mediationApi.calculate(input), input });
    } catch (e) {
      setResult(null);
      setError(e instanceof Error ? e.message : '计算失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="权益计算器" data-testid="calculator">
      <Form form={form} layout="vertical" initialValues={{ kind: initialKind }} onFinish={run}>
        <Form.Item name="kind" label="计算项目">
          <Select options={KINDS} data-testid="calc-kind" onChange={() => setResult(null)} />
        </Form.Item>
        {kind === 'unpaid_wages' ? (
          <Space wrap>
            <Form.Item
              name="dueYuan"
              label="应发工资合计（元）"
              rules={[{ required: true, message: '请填写应发工资' }]}
            >
              <InputNumber min={0} precision={2} data-testid="calc-due" />
            </Form.Item>
            <Form.Item name="paidYuan" label="已发工资（元）">
              <InputNumber min={0} precision={2} />
            </Form.Item>
          </Space>
        ) : (
          <Space wrap>
            <Form.Item
              name="wageYuan"
              label={
                service && kind !== 'double_wages_no_contract'
                  ? '离职前十二个月平均工资（元/月）'
                  : '月工资（元）'
              }
              rules={[{ required: true, message: '请填写工资' }]}
            >
              <InputNumber min={0} precision={2} data-testid="calc-wage" />
            </Form.Item>
            {kind === 'compensation_with_notice' ? (
              <Form.Item
                name="lastMonthYuan"
                label="上一个月工资（元）"
                rules={[{ required: true, message: '请填写' }]}
              >
                <InputNumber min={0} precision={2} />
              </Form.Item>
            ) : null}
          </Space>
        )}
        {kind === 'overtime_pay' ? (
          <Space wrap>
            <Form.Item name="workdayHours" label="工作日延长（小时）">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="restDayHours" label="休息日（小时）">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="holidayHours" label="法定休假日（小时）">
              <InputNumber min={0} />
            </Form.Item>
          </Space>
        ) : null}
        {service ? (
          <Space wrap>
            <Form.Item name="start" label="入职日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker data-testid="calc-start" />
            </Form.Item>
            <Form.Item
              name="end"
              label={kind === 'double_wages_no_contract' ? '未签合同最后一日' : '离职日期'}
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DatePicker data-testid="calc-end" />
            </Form.Item>
          </Space>
        ) : null}
        <Button htmlType="submit" type="primary" loading={busy} data-testid="calc-run">
          计算
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      {result ? (
        <div style={{ marginTop: 12 }} data-testid="calc-result">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {result.r.label}：{yuan(result.r.amountFen)}
          </Typography.Title>
          <Typography.Paragraph style={{ marginTop: 8 }}>计算过程：{result.r.formula}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">法律依据：{result.r.basis}</Typography.Paragraph>
          {result.r.notes.map((n) => (
            <Alert key={n} type="warning" showIcon title={n} style={{ marginBottom: 8 }} />
          ))}
          {result.r.figures.map((f) => (
            <Typography.Paragraph key={f.key} type="secondary" style={{ fontSize: 12 }}>
              本地数据：{f.label}（依据：{f.basis ?? '—'}）
            </Typography.Paragraph>
          ))}
          {onUse ? (
            <Button onClick={() => onUse(result.r, result.input)} data-testid="calc-use">
              采用此金额
            </Button>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
