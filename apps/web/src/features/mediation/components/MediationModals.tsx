import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { BodyOf } from '../../../lib/api-types-helpers';
import type { MediationDetail } from '../types';
import { yuan } from '../types';

/** The request bodies of the mediation steps (POST /api/mediation/cases/{caseId}/…). */
interface ActionBodies {
  '/agreement': BodyOf<'/api/mediation/cases/{caseId}/agreement', 'post'>;
  '/close': BodyOf<'/api/mediation/cases/{caseId}/close', 'post'>;
  '/proposal': BodyOf<'/api/mediation/cases/{caseId}/proposal', 'post'>;
  '/replies': BodyOf<'/api/mediation/cases/{caseId}/replies', 'post'>;
  '/sessions': BodyOf<'/api/mediation/cases/{caseId}/sessions', 'post'>;
}
export type ActionBody<P extends keyof ActionBodies> = ActionBodies[P];

/** What every inline form on a mediation case receives (the dialogs add onCancel). */
export interface InlineFormProps<B = unknown> {
  detail: MediationDetail;
  busy: boolean;
  error: string | null;
  onSubmit: (body: B) => void;
}

interface Common<B> extends InlineFormProps<B> {
  onCancel: () => void;
}

const ErrorLine = ({ error }: { error: string | null }) =>
  error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null;

type Side = 'worker' | 'employer';
const SIDE_LABEL: Record<Side, string> = { worker: '劳动者', employer: '用人单位' };

/**
 * Both sides' replies to the 调解建议书, item by item, inline on the case (at the window the worker is
 * present and the employer answers by phone or in person). Each switch starts at 同意 and the mediator
 * flips what a side refuses; only sides that have not yet answered are shown. One save records each
 * side's replies as its own event.
 */
export function RepliesForm({
  detail,
  busy,
  error,
  onSubmit,
}: {
  detail: MediationDetail;
  busy: boolean;
  error: string | null;
  onSubmit: (bodies: ActionBody<'/replies'>[]) => void;
}) {
  const items = detail.items.filter((i) => i.inCase);
  const sides = (['worker', 'employer'] as const).filter((side) =>
    items.some((i) => (side === 'worker' ? i.workerReply : i.employerReply) === 'pending'),
  );
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const value = (side: Side, claimId: string) => accepted[`${side}:${claimId}`] ?? true;
  if (!sides.length) return null;
  return (
    <Card size="small" title="登记双方对调解建议书的答复" style={{ marginTop: 8 }} data-testid="replies-form">
      <Table
        size="small"
        pagination={false}
        rowKey="claimId"
        dataSource={items}
        scroll={{ x: true }}
        columns={[
          { title: '事项', dataIndex: 'claimLabel' },
          { title: '建议金额', render: (_, i) => yuan(i.proposedFen) },
          ...sides.map((side) => ({
            title: `${SIDE_LABEL[side]}是否同意`,
            key: side,
            render: (_: unknown, i: MediationDetail['items'][number], idx: number) => (
              <Switch
                checked={value(side, i.claimId)}
                checkedChildren="同意"
                unCheckedChildren="不同意"
                aria-label={`${SIDE_LABEL[side]}对第${idx + 1}项的答复`}
                onChange={(v) => setAccepted({ ...accepted, [`${side}:${i.claimId}`]: v })}
                data-testid={`reply-${side}-${idx}`}
              />
            ),
          })),
        ]}
      />
      <ErrorLine error={error} />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        loading={busy}
        data-testid="replies-submit"
        onClick={() =>
          onSubmit(
            sides.map((side) => ({
              side,
              channel: 'window',
              replies: items.map((i) => ({ claimId: i.claimId, accepted: value(side, i.claimId) })),
            })),
          )
        }
      >
        保存{sides.map((s) => SIDE_LABEL[s]).join('、')}的答复
      </Button>
    </Card>
  );
}

/**
 * The 调解协议书, inline: agreed items, the performance date, an optional record; the button itself
 * confirms that both parties signed (or sealed) and the mediator signed and sealed it (调解仲裁法第十四条).
 */
export function AgreementForm({ detail, busy, error, onSubmit }: InlineFormProps<ActionBody<'/agreement'>>) {
  const [form] = Form.useForm<{ performanceDate: Dayjs; record?: string }>();
  const agreed = detail.items.filter((i) => i.inCase && i.outcome === 'agreed');
  const refused = detail.items.filter((i) => i.inCase && i.outcome === 'refused');
  return (
    <Card size="small" title="签订调解协议书" style={{ marginTop: 8 }} data-testid="agreement-form">
      <p>协议事项：{agreed.map((i) => `${i.claimLabel} ${yuan(i.proposedFen)}`).join('；')}</p>
      {refused.length ? (
        <Alert
          type="info"
          showIcon
          title={`未达成一致的${refused.length}项（${refused.map((i) => i.claimLabel).join('、')}）将以原诉求转入仲裁，无需重新填写。`}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ performanceDate: dayjs().add(15, 'day') }}
        onFinish={(v) =>
          onSubmit({
            version: detail.version,
            performanceDate: v.performanceDate.format('YYYY-MM-DD'),
            signed: true,
            ...(v.record ? { sessionRecord: v.record } : {}),
          })
        }
      >
        <Space wrap align="start">
          <Form.Item
            name="performanceDate"
            label="履行期限"
            rules={[{ required: true, message: '请选择履行期限' }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="record"
            label="调解笔录（当场调解，可选）"
            style={{ minWidth: 'min(420px, 80vw)' }}
          >
            <Input.TextArea autoSize={{ minRows: 1 }} />
          </Form.Item>
        </Space>
      </Form>
      <ErrorLine error={error} />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        loading={busy}
        onClick={() => form.submit()}
        data-testid="agreement-submit"
      >
        双方已签名盖章、调解员已签名并盖章，签订协议书
      </Button>
    </Card>
  );
}

const OUTCOMES: Record<ActionBody<'/close'>['outcome'], string> = {
  fail: '调解不成',
  respondent_refuses: '用人单位不同意调解',
  no_show: '当事人未到场',
  period_expired: '调解期满（十五日）未达成协议',
  withdraw: '申请人撤回',
};

/** Failure / refusal / no-show / expiry (→ arbitration with the same claims) or withdrawal. */
export function CloseModal({ detail, busy, error, onCancel, onSubmit }: Common<ActionBody<'/close'>>) {
  const options = Object.entries(OUTCOMES)
    .filter(([k]) => detail.allowedActions.includes(k))
    .map(([value, label]) => ({ value, label }));
  const [form] = Form.useForm<{
    outcome: ActionBody<'/close'>['outcome'];
    reason: string;
    toArbitration: boolean;
  }>();
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
export function SessionModal({ detail, busy, error, onCancel, onSubmit }: Common<ActionBody<'/sessions'>>) {
  const [form] = Form.useForm<{
    startsAt: Dayjs;
    room: string;
    joint: boolean;
    mediators: { name?: string; agency?: ActionBody<'/sessions'>['mediators'][number]['agency'] }[];
    participants?: string[];
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
          mediators: [{ name: detail.mediator?.name ?? '', agency: 'hrss' }],
          participants: [],
          employerConsents: false,
        }}
        onFinish={(v) =>
          onSubmit({
            version: detail.version,
            startsAt: v.startsAt.toISOString(),
            room: v.room,
            joint: v.joint,
            mediators: v.mediators
              .filter((m) => m.name?.trim())
              .map((m) => ({ name: m.name!.trim(), agency: m.agency ?? 'hrss' })),
            participants: (v.participants ?? []).map((x) => x.trim()).filter(Boolean),
            ...(v.employerConsents ? { employerConsents: true } : {}),
          })
        }
      >
        <Space wrap align="start">
          <Form.Item name="startsAt" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="room" label="调解室" rules={[{ required: true, message: '请填写调解室' }]}>
            <Input data-testid="session-room" />
          </Form.Item>
        </Space>
        <Form.List
          name="mediators"
          rules={[
            {
              validator: async (_, list: { name?: string }[]) => {
                if (!list?.some((m) => m.name?.trim())) throw new Error('至少一名调解员');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label="调解员（人社、工会、法院等机构的调解员可联合调解）">
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
                    <Input placeholder="姓名" style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'agency']}>
                    <Select options={AGENCIES} style={{ width: 110 }} aria-label="所属机构" />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      删除
                    </Button>
                  ) : null}
                </Space>
              ))}
              <Button onClick={() => add({ agency: 'union' })}>添加调解员</Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="participants" label="参加人（输入后回车，可多人）">
          <Select mode="tags" open={false} placeholder="如：申请人本人、被申请人委托代理人" />
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
}: { title: string; label: string; extra?: React.ReactNode } & Omit<Common<string>, 'detail' | 'onSubmit'> & {
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
