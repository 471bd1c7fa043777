import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormError } from '../../../components/FormError';
import {
  useDecidePayment,
  useMatterObligations,
  useNextStep,
  useRecordPayment,
} from '../hooks/use-obligations';
import type { NextStep, RecordPayment } from '../api/obligations.api';
import { dateText, type Obligation, PAYER_OPTIONS, STATUS_COLORS, yuanText } from '../types';
import { readyAttr } from '../../../lib/ready';

/** One obligation: what is owed, by when, what was paid; the buttons the server allows. */
function ObligationItem({ o }: { o: Obligation }) {
  const [paying, setPaying] = useState(false);
  const [stepping, setStepping] = useState(false);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const decide = useDecidePayment(o.id);
  const declared = o.payments.filter((p) => p.status === 'declared');
  return (
    <List.Item data-testid={`obligation-${o.id}`} data-status={o.status}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Typography.Text strong>
            {o.item}
            {o.instalmentCount > 1 ? `（第${o.instalmentNo}期，共${o.instalmentCount}期）` : ''}
          </Typography.Text>
          <Tag color={STATUS_COLORS[o.status]} data-testid="obligation-status">
            {o.statusLabel}
            {o.daysOverdue ? ` ${o.daysOverdue}日` : ''}
          </Tag>
        </Space>
        <Typography.Text type={o.status === 'overdue' ? 'danger' : undefined}>
          {o.debtorName}应于{dateText(o.dueDate)}向{o.creditorName}支付{yuanText(o.amountFen)}；已付
          {yuanText(o.paidFen)}，未付{yuanText(o.unpaidFen)}
        </Typography.Text>
        <Typography.Text type="secondary">
          依据：{o.sourceLabel}（{o.basis}）
        </Typography.Text>
        {o.payments.map((p) => (
          <Typography.Text key={p.id} type="secondary">
            {dateText(p.paidOn)} {p.payerLabel} {yuanText(p.amountFen)} · {p.declaredByName}
            {p.declaredBy === 'worker' ? '申报' : '登记'} · {p.statusLabel}
            {p.hasProof && p.proofEvidenceId ? (
              <>
                {' · '}
                <a href={`/api/evidence/${p.proofEvidenceId}/file`} target="_blank" rel="noreferrer">
                  转账记录
                </a>
              </>
            ) : null}
            {p.decisionNote ? `（${p.decisionNote}）` : ''}
          </Typography.Text>
        ))}
        {o.nextStepLabel ? <Tag color="purple">已办理：{o.nextStepLabel}</Tag> : null}
        {o.enforcementPackUrl ? (
          <a href={o.enforcementPackUrl} target="_blank" rel="noreferrer" data-testid="enforcement-pack">
            强制执行申请材料（申请书、执行依据、送达及生效证明书）
          </a>
        ) : null}
        <Space wrap>
          {o.actions.includes('record_payment') ? (
            <Button size="small" onClick={() => setPaying(true)} data-testid="record-payment">
              登记付款
            </Button>
          ) : null}
          {o.actions.includes('decide_payment')
            ? declared.map((p) => (
                <Space key={p.id} size={4}>
                  <Button
                    size="small"
                    type="primary"
                    loading={decide.isPending}
                    data-testid="confirm-payment"
                    onClick={() => decide.mutate({ paymentId: p.id, version: p.version, confirm: true })}
                  >
                    确认收款{yuanText(p.amountFen)}
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(p.id)}>
                    不予确认
                  </Button>
                </Space>
              ))
            : null}
          {o.actions.includes('next_step') ? (
            <Button size="small" danger onClick={() => setStepping(true)} data-testid="next-step">
              办理下一步
            </Button>
          ) : null}
        </Space>
        <FormError error={decide.error} />
      </Space>
      {paying ? <PaymentModal o={o} onClose={() => setPaying(false)} /> : null}
      {stepping ? <NextStepModal o={o} onClose={() => setStepping(false)} /> : null}
      <Modal
        open={rejecting !== null}
        title="不予确认付款申报"
        okText="不予确认"
        cancelText="取消"
        onCancel={() => setRejecting(null)}
        onOk={() => {
          const p = declared.find((x) => x.id === rejecting);
          if (p)
            decide.mutate(
              { paymentId: p.id, version: p.version, confirm: false, note },
              { onSuccess: () => setRejecting(null) },
            );
        }}
        destroyOnHidden
      >
        <FormError error={decide.error} />
        <Input.TextArea
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="请写明理由（例如：转账记录与金额不符）"
        />
      </Modal>
    </List.Item>
  );
}

function PaymentModal({ o, onClose }: { o: Obligation; onClose: () => void }) {
  const [form] = Form.useForm<{
    amount: number;
    paidOn: dayjs.Dayjs;
    payer: RecordPayment['payer'];
    note?: string;
  }>();
  const m = useRecordPayment(o.id);
  return (
    <Modal
      open
      title={`登记付款：${o.item}`}
      okText="登记"
      cancelText="取消"
      confirmLoading={m.isPending}
      onCancel={onClose}
      onOk={() =>
        void form.validateFields().then((v) =>
          m.mutate(
            {
              version: o.version,
              amountFen: Math.round(v.amount * 100),
              paidOn: v.paidOn.format('YYYY-MM-DD'),
              payer: v.payer,
              ...(v.note ? { note: v.note } : {}),
            },
            { onSuccess: onClose },
          ),
        )
      }
      destroyOnHidden
    >
      <FormError error={m.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amount: o.unpaidFen / 100, paidOn: dayjs(), payer: 'debtor' }}
      >
        <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber min={0.01} max={o.unpaidFen / 100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="paidOn" label="付款日期" rules={[{ required: true, message: '请选择付款日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="payer" label="付款方">
          <Select options={PAYER_OPTIONS.map((x) => ({ ...x }))} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NextStepModal({ o, onClose }: { o: Obligation; onClose: () => void }) {
  const [form] = Form.useForm<{ step: NextStep['step']; court: string }>();
  const m = useNextStep(o.id);
  return (
    <Modal
      open
      title="逾期未履行：办理下一步"
      okText="生成文书"
      cancelText="取消"
      confirmLoading={m.isPending}
      onCancel={onClose}
      footer={m.data ? null : undefined}
      onOk={() => void form.validateFields().then((v) => m.mutate({ version: o.version, ...v }))}
      destroyOnHidden
    >
      <FormError error={m.error} />
      {m.data?.document ? (
        <Alert
          type="success"
          showIcon
          title={`已出具 ${m.data.document.number}：未履行${m.data.obligationIds.length}项，合计${yuanText(m.data.unpaidTotalFen)}`}
          description={
            <a href={`/api/documents/${m.data.document.id}/pdf`} target="_blank" rel="noreferrer">
              打开文书
            </a>
          }
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ step: o.nextSteps[0]?.step, court: '随州市曾都区人民法院' }}
        >
          <Form.Item name="step" label="下一步" rules={[{ required: true, message: '请选择下一步' }]}>
            <Select
              options={o.nextSteps.map((s) => ({ value: s.step, label: `${s.label}（${s.basis}）` }))}
            />
          </Form.Item>
          <Form.Item name="court" label="人民法院" rules={[{ required: true, message: '请填写人民法院' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Typography.Text type="secondary">
            同一文书确定的其他逾期未履行事项一并列入；转劳动保障监察时生成转办单，附履行记录。
          </Typography.Text>
        </Form>
      )}
    </Modal>
  );
}

/** 履行情况 on the matter page: every obligation the matter's agreements and awards created. */
export function ObligationsPanel({ matterId }: { matterId: string }) {
  const q = useMatterObligations(matterId);
  const t = q.data?.totals;
  return (
    <Card
      size="small"
      title="履行情况"
      data-testid="obligations-panel"
      data-ready={readyAttr(q)}
      extra={
        t && t.amountFen > 0 ? (
          <Typography.Text type={t.overdue ? 'danger' : 'secondary'}>
            应付{yuanText(t.amountFen)}，已付{yuanText(t.paidFen)}
            {t.overdue ? `，逾期${t.overdue}项` : ''}
          </Typography.Text>
        ) : null
      }
    >
      <List
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无协议、裁决确定的履行义务" />
          ),
        }}
        renderItem={(o) => <ObligationItem o={o} />}
      />
    </Card>
  );
}
