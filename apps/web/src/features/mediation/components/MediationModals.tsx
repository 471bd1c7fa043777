import { Alert, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Switch, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MediationDetail } from '../types';
import { yuan } from '../types';

interface Common {
  detail: MediationDetail;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (body: unknown) => void;
}

const ErrorLine = ({ error }: { error: string | null }) =>
  error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null;

/** One side's replies, item by item (all "同意" by default: the clerk only flips what is refused). */
export function RepliesModal({ detail, busy, error, onCancel, onSubmit }: Common) {
  const items = detail.items.filter((i) => i.inCase);
  const [side, setSide] = useState<'worker' | 'employer'>(
    items.some((i) => i.workerReply === 'pending') ? 'worker' : 'employer',
  );
  const [accepted, setAccepted] = useState<Record<string, boolean>>(
    Object.fromEntries(items.map((i) => [i.claimId, true])),
  );
  return (
    <Modal
      open
      title="登记对调解建议书的答复"
      okText="保存答复"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      okButtonProps={{ 'data-testid': 'replies-submit' } as never}
      onOk={() =>
        onSubmit({
          side,
          channel: 'window',
          replies: items.map((i) => ({ claimId: i.claimId, accepted: accepted[i.claimId] ?? true })),
        })
      }
    >
      <Radio.Group
        value={side}
        onChange={(e) => setSide(e.target.value)}
        optionType="button"
        options={[
          { value: 'worker', label: '劳动者' },
          { value: 'employer', label: '用人单位' },
        ]}
        data-testid="replies-side"
      />
      <Table
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey="claimId"
        dataSource={items}
        columns={[
          { title: '事项', dataIndex: 'claimLabel' },
          { title: '建议金额', render: (_, i) => yuan(i.proposedFen) },
          {
            title: '是否同意',
            render: (_, i, idx) => (
              <Switch
                checked={accepted[i.claimId] ?? true}
                checkedChildren="同意"
                unCheckedChildren="不同意"
                onChange={(v) => setAccepted({ ...accepted, [i.claimId]: v })}
                data-testid={`reply-${idx}`}
              />
            ),
          },
        ]}
      />
      <ErrorLine error={error} />
    </Modal>
  );
}

/** The 调解协议书: performance date and the confirmation that signatures and seals are complete. */
export function AgreementModal({ detail, busy, error, onCancel, onSubmit }: Common) {
  const [form] = Form.useForm<{ performanceDate: Dayjs; signed: boolean; record?: string }>();
  const agreed = detail.items.filter((i) => i.inCase && i.outcome === 'agreed');
  const refused = detail.items.filter((i) => i.inCase && i.outcome === 'refused');
  return (
    <Modal
      open
      title="签订调解协议书"
      okText="签订"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'agreement-submit' } as never}
    >
      <p>协议事项：{agreed.map((i) => `${i.claimLabel} ${yuan(i.proposedFen)}`).join('；')}</p>
      {refused.length ? (
        <Alert
          type="info"
          showIcon
          title={`未达成一致的${refused.length}项（${refused.map((i) => i.claimLabel).join('、')}）将以原诉求转入仲裁立案，无需重新填写。`}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ performanceDate: dayjs().add(15, 'day'), signed: false }}
        onFinish={(v) =>
          onSubmit({
            version: detail.version,
            performanceDate: v.performanceDate.format('YYYY-MM-DD'),
            signed: v.signed,
            ...(v.record ? { sessionRecord: v.record } : {}),
          })
        }
      >
        <Form.Item
          name="performanceDate"
          label="履行期限"
          rules={[{ required: true, message: '请选择履行期限' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="record" label="调解笔录（当场调解，可选）">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item
          name="signed"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v) =>
                v ? Promise.resolve() : Promise.reject(new Error('须双方签名或盖章、调解员签名并加盖印章')),
            },
          ]}
        >
          <Checkbox data-testid="agreement-signed">
            双方已签名或盖章，调解员已签名并加盖调解组织印章（《劳动争议调解仲裁法》第十四条）
          </Checkbox>
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}

const OUTCOMES: Record<string, string> = {
  fail: '调解不成',
  respondent_refuses: '用人单位不同意调解',
  no_show: '当事人未到场',
  period_expired: '调解期满（十五日）未达成协议',
  withdraw: '申请人撤回',
};

/** Failure / refusal / no-show / expiry (→ arbitration with the same claims) or withdrawal. */
export function CloseModal({ detail, busy, error, onCancel, onSubmit }: Common) {
  const options = Object.entries(OUTCOMES)
    .filter(([k]) => detail.allowedActions.includes(k))
    .map(([value, label]) => ({ value, label }));
  const [form] = Form.useForm<{ outcome: string; reason: string; toArbitration: boolean }>();
  return (
    <Modal
      open
      title="结束调解"
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: options[0]?.value, toArbitration: true }}
        onFinish={(v) => onSubmit({ version: detail.version, ...v })}
      >
        <Form.Item name="outcome" label="结果" rules={[{ required: true }]}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: '请填写理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item
          name="toArbitration"
          valuePropName="checked"
          extra="以原诉求直接转入仲裁立案（撤回时不适用）"
        >
          <Checkbox>转入仲裁</Checkbox>
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}

const AGENCIES = [
  { value: 'hrss', label: '人社' },
  { value: 'union', label: '工会' },
  { value: 'court', label: '法院' },
  { value: 'justice', label: '司法' },
  { value: 'other', label: '其他' },
];

/** A (joint) session: room, time, mediators from 人社 / 工会 / 法院, participants. */
export function SessionModal({ detail, busy, error, onCancel, onSubmit }: Common) {
  const [form] = Form.useForm<{
    startsAt: Dayjs;
    room: string;
    joint: boolean;
    mediators: string;
    participants: string;
    employerConsents: boolean;
  }>();
  return (
    <Modal
      open
      title="安排调解"
      okText="安排"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          startsAt: dayjs().add(1, 'day').hour(9).minute(0),
          joint: false,
          mediators: `${detail.mediator?.name ?? ''}:hrss`,
          employerConsents: false,
        }}
        onFinish={(v) =>
          onSubmit({
            version: detail.version,
            startsAt: v.startsAt.toISOString(),
            room: v.room,
            joint: v.joint,
            mediators: v.mediators
              .split(/[,，、]/)
              .map((s) => s.trim())
              .filter(Boolean)
              .map((s) => {
                const [name, agency] = s.split(/[:：]/);
                return {
                  name: name!.trim(),
                  agency: AGENCIES.some((a) => a.value === agency?.trim()) ? agency!.trim() : 'hrss',
                };
              }),
            participants: (v.participants ?? '')
              .split(/[,，、]/)
              .map((s) => s.trim())
              .filter(Boolean),
            ...(v.employerConsents ? { employerConsents: true } : {}),
          })
        }
      >
        <Form.Item name="startsAt" label="时间" rules={[{ required: true }]}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="room" label="调解室" rules={[{ required: true, message: '请填写调解室' }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="mediators"
          label="调解员（姓名:机构，机构为 hrss 人社 / union 工会 / court 法院，多人用顿号分隔）"
          rules={[{ required: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="participants" label="参加人（顿号分隔）">
          <Input />
        </Form.Item>
        <Form.Item name="joint" valuePropName="checked">
          <Checkbox>联合调解（人社 + 工会 + 法院）</Checkbox>
        </Form.Item>
        <Form.Item name="employerConsents" valuePropName="checked">
          <Checkbox>用人单位已同意参加调解</Checkbox>
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}

/** A text entry (笔录, follow-up body, performance note…). */
export function TextModal({
  title,
  label,
  busy,
  error,
  onCancel,
  onSubmit,
  extra,
}: { title: string; label: string; extra?: React.ReactNode } & Omit<Common, 'detail' | 'onSubmit'> & {
    onSubmit: (text: string) => void;
  }) {
  const [text, setText] = useState('');
  return (
    <Modal
      open
      title={title}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => onSubmit(text)}
    >
      {extra}
      <p>{label}</p>
      <Input.TextArea autoSize={{ minRows: 3 }} value={text} onChange={(e) => setText(e.target.value)} />
      <ErrorLine error={error} />
    </Modal>
  );
}
