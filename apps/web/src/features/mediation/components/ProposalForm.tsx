import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CalculationInput } from '../types';
import { yuan } from '../types';
import type { ActionBody, InlineFormProps } from './MediationModals';
import { EntitlementCalculator, KIND_FOR_CLAIM } from './EntitlementCalculator';

interface ItemValue {
  claimId: string;
  amountYuan: number;
  reason: string;
  calculation?: CalculationInput;
  formula?: string;
}

interface Values {
  replyDeadline: Dayjs;
  mediatorContact?: string;
  items: ItemValue[];
}

/**
 * The 调解建议书 editor, inline on the case: per claim a proposed amount and its reason (prefilled from
 * the claim, so the mediator only changes what differs), with the calculator beside each item.
 */
export function ProposalForm({ detail, busy, error, onSubmit }: InlineFormProps<ActionBody<'/proposal'>>) {
  const [form] = Form.useForm<Values>();
  const [calcFor, setCalcFor] = useState<number | null>(null);
  const claims = detail.claims.filter((c) => c.open);
  const initial: Values = {
    replyDeadline: dayjs().add(5, 'day'),
    mediatorContact: detail.mediator?.contact ?? '',
    items: claims.map((c) => ({
      claimId: c.id,
      amountYuan: (c.amountFen ?? 0) / 100,
      reason: '经核对劳动者提供的工资、考勤材料，建议按此金额调解',
    })),
  };
  // Unregistered values (claim id, calculator input) are kept by the form store: read them all.
  const finish = () => {
    const v = form.getFieldsValue(true) as Values;
    onSubmit({
      version: detail.version,
      replyDeadline: v.replyDeadline.format('YYYY-MM-DD'),
      ...(v.mediatorContact ? { mediatorContact: v.mediatorContact } : {}),
      items: v.items.map((i) => ({
        claimId: i.claimId,
        proposedFen: Math.round(i.amountYuan * 100),
        reason: i.reason,
        ...(i.calculation ? { calculation: i.calculation } : {}),
      })),
    });
  };

  return (
    <Card size="small" title="制发调解建议书" style={{ marginTop: 8 }} data-testid="proposal-form">
      <Typography.Paragraph type="secondary">
        调解建议书不具有强制力，双方可以接受也可以拒绝（人社部发〔2022〕71号 调解建议书示范文本）。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={finish}>
        <Form.List name="items">
          {(fields) =>
            fields.map((f, idx) => {
              const claim = claims[idx]!;
              return (
                <div
                  key={f.key}
                  style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}
                  data-testid={`proposal-item-${idx}`}
                >
                  <Typography.Text strong>
                    {idx + 1}. {claim.label}（请求{yuan(claim.amountFen)}）
                  </Typography.Text>
                  <Space wrap align="start" style={{ marginTop: 8 }}>
                    <Form.Item
                      name={[f.name, 'amountYuan']}
                      label="建议金额（元）"
                      rules={[{ required: true, message: '请填写金额' }]}
                    >
                      <InputNumber
                        min={0}
                        precision={2}
                        style={{ width: 160 }}
                        data-testid={`proposal-amount-${idx}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'reason']}
                      label="建议理由"
                      rules={[{ required: true, min: 2, message: '请填写建议理由' }]}
                      style={{ minWidth: 'min(420px, 80vw)' }}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                    </Form.Item>
                    <Form.Item label=" ">
                      <Button onClick={() => setCalcFor(calcFor === idx ? null : idx)}>计算器</Button>
                    </Form.Item>
                  </Space>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const formula = form.getFieldValue(['items', f.name, 'formula']) as string | undefined;
                      return formula ? (
                        <Typography.Paragraph type="secondary">计算过程：{formula}</Typography.Paragraph>
                      ) : null;
                    }}
                  </Form.Item>
                  {calcFor === idx ? (
                    <EntitlementCalculator
                      initialKind={KIND_FOR_CLAIM[claim.type] ?? 'unpaid_wages'}
                      onUse={(r, input) => {
                        form.setFieldValue(['items', f.name, 'amountYuan'], r.amountFen / 100);
                        form.setFieldValue(['items', f.name, 'calculation'], input);
                        form.setFieldValue(['items', f.name, 'formula'], r.formula);
                        setCalcFor(null);
                      }}
                    />
                  ) : null}
                </div>
              );
            })
          }
        </Form.List>
        <Space wrap>
          <Form.Item
            name="replyDeadline"
            label="答复期限"
            rules={[{ required: true, message: '请选择答复期限' }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="mediatorContact"
            label="调解员联系方式"
            rules={[{ required: true, message: '请填写联系方式' }]}
          >
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="proposal-submit">
        签发调解建议书并送达双方
      </Button>
    </Card>
  );
}
