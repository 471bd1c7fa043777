import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import { arbitrationApi, type ArbitrationCase } from '../api/arbitration.api';
import { useArbitrationAction, useArbitrationRefresh } from '../hooks/use-arbitration';
import { localToInstant } from '../../../lib/time';

type Kind = 'postpone' | 'partial' | 'recusal' | 'correction' | 'filing' | 'closing';

const TITLES: Record<Kind, string> = {
  postpone: '延期开庭（出具延期开庭通知书）',
  partial: '先行裁决（出具部分裁决书）',
  recusal: '回避申请的决定（出具回避决定书，由仲裁委员会主任或其委托的仲裁院负责人决定）',
  correction: '裁决书补正（出具裁决书补正决定书）',
  filing: '报请立案审批（领导在工作台审批后生成立案审批表）',
  closing: '报请结案审批（领导在工作台审批后生成仲裁结案审批表）',
};

const CLOSABLE = ['mediated', 'withdrawn', 'deemed_withdrawn', 'revoked', 'terminated', 'award_served'];
const AWARD_TYPES = ['award', 'partial_award', 'advance_execution_award'];
const SEAT: Record<string, string> = {
  sole: '独任仲裁员',
  presiding: '首席仲裁员',
  member: '仲裁员',
  clerk: '书记员',
};

/** 'YYYY-MM-DDTHH:mm' (business time) → ISO with offset. */
const withOffset = localToInstant;

/**
 * The arbitration steps that issue their own documents (issue #13): 延期开庭通知书, 部分裁决书, 回避决定书,
 * 裁决书补正决定书, and the 立案 / 结案 approvals (decided by a leader on their 工作台).
 */
export function DocumentStepsBox({ c }: { c: ArbitrationCase }) {
  const act = useArbitrationAction(c.caseId);
  const refresh = useArbitrationRefresh();
  const [open, setOpen] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const scheduled = c.hearings.find((h) => h.state === 'scheduled');
  const awards = c.documents.filter((d) => AWARD_TYPES.includes(d.type) && d.number);
  const kinds: Kind[] = [];
  if (scheduled && !c.closed) kinds.push('postpone');
  if (c.state === 'hearing') kinds.push('partial');
  if (c.tribunal.length && !c.closed) kinds.push('recusal');
  if (awards.length) kinds.push('correction');
  if (!c.closed) kinds.push('filing');
  if (CLOSABLE.includes(c.state) || c.closed) kinds.push('closing');

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setBusy(true);
    try {
      if (open === 'postpone' && scheduled) {
        const startsAt = withOffset(v.startsAt);
        const ends = new Date(new Date(startsAt).getTime() + (v.hours ?? 2) * 3600_000);
        await arbitrationApi.postpone(scheduled.id, {
          reason: v.reason,
          ...(v.requestedBy ? { requestedBy: v.requestedBy } : {}),
          ...(v.requestedOn ? { requestedOn: v.requestedOn } : {}),
          startsAt,
          endsAt: ends.toISOString(),
        });
        refresh();
      } else {
        const [path, body] =
          open === 'partial'
            ? [
                '/partial-award',
                {
                  facts: v.facts,
                  reasons: v.reasons,
                  remaining: v.remaining,
                  partOfFactsClear: v.partOfFactsClear === true,
                  items: [
                    {
                      text: v.itemText,
                      claimType: v.claimType,
                      ...(typeof v.amount === 'number' ? { amountFen: Math.round(v.amount * 100) } : {}),
                    },
                  ],
                },
              ]
            : open === 'recusal'
              ? [
                  '/recusal',
                  {
                    targetUserId: v.targetUserId,
                    requesterName: v.requesterName,
                    requestedOn: v.requestedOn,
                    ground: v.ground,
                    decision: v.decision,
                    reasons: v.reasons,
                  },
                ]
              : open === 'correction'
                ? [
                    '/award-correction',
                    {
                      awardDocumentId: v.awardDocumentId,
                      errorKind: v.errorKind,
                      corrections: [{ location: v.location, original: v.original, corrected: v.corrected }],
                    },
                  ]
                : open === 'filing'
                  ? ['/filing-approval', { opinion: v.opinion }]
                  : [
                      '/closing-approval',
                      {
                        opinion: v.opinion,
                        outcome: v.outcome,
                        ...(typeof v.amount === 'number' ? { amountFen: Math.round(v.amount * 100) } : {}),
                      },
                    ];
        await act.mutateAsync({ path, body });
      }
      setOpen(null);
      form.resetFields();
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败');
    } finally {
      setBusy(false);
    }
  };

  if (!kinds.length) return null;
  const required = (message: string) => [{ required: true, message }];
  return (
    <Card size="small" title="延期开庭、先行裁决、回避、裁决书补正、立案与结案审批">
      <Space wrap data-testid="document-steps">
        {kinds.map((k) => (
          <Button key={k} data-testid={`docstep-${k}`} onClick={() => setOpen(k)}>
            {TITLES[k].split('（')[0]}
          </Button>
        ))}
      </Space>
      <Modal
        title={open ? TITLES[open] : ''}
        open={open !== null}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        okButtonProps={{ loading: busy, ...{ 'data-testid': 'docstep-submit' } }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ hours: 2, decision: 'refused', errorKind: '文字错误' }}
        >
          {open === 'postpone' ? (
            <>
              <Form.Item name="reason" label="延期理由" rules={required('请填写延期理由')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="requestedBy" label="提出申请的当事人（依职权延期的不填）">
                <Input placeholder="如：被申请人" />
              </Form.Item>
              <Form.Item name="requestedOn" label="申请日期">
                <Input type="date" />
              </Form.Item>
              <Form.Item
                name="startsAt"
                label="新的开庭时间（开庭五日前通知）"
                rules={required('请选择开庭时间')}
              >
                <Input type="datetime-local" />
              </Form.Item>
              <Form.Item name="hours" label="预计时长（小时）">
                <InputNumber min={1} max={8} />
              </Form.Item>
            </>
          ) : null}
          {open === 'partial' ? (
            <>
              <Form.Item name="partOfFactsClear" valuePropName="checked">
                <Checkbox>本案部分事实已经清楚（《劳动争议调解仲裁法》第四十三条第二款）</Checkbox>
              </Form.Item>
              <Form.Item name="facts" label="已查明的事实" rules={required('请填写已查明的事实')}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="reasons" label="裁决理由" rules={required('请填写裁决理由')}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="claimType" label="先行裁决的请求" rules={required('请选择请求')}>
                <Select options={c.claims.map((x) => ({ value: x.type, label: x.label }))} />
              </Form.Item>
              <Form.Item name="itemText" label="裁决内容" rules={required('请填写裁决内容')}>
                <Input />
              </Form.Item>
              <Form.Item name="amount" label="金额（元）">
                <InputNumber min={0} precision={2} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="remaining" label="继续审理的请求" rules={required('请填写继续审理的请求')}>
                <Input />
              </Form.Item>
            </>
          ) : null}
          {open === 'recusal' ? (
            <>
              <Form.Item name="targetUserId" label="被申请回避人" rules={required('请选择被申请回避人')}>
                <Select
                  options={c.tribunal.map((t) => ({
                    value: t.userId,
                    label: `${SEAT[t.role] ?? t.role} ${t.name}`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="requesterName" label="申请回避人" rules={required('请填写申请回避人')}>
                <Input placeholder="如：被申请人" />
              </Form.Item>
              <Form.Item name="requestedOn" label="申请日期" rules={required('请填写申请日期')}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="ground" label="申请理由" rules={required('请填写申请理由')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="decision" label="决定">
                <Select
                  options={[
                    { value: 'granted', label: '准许回避（该人员退出仲裁庭，须重新组庭）' },
                    { value: 'refused', label: '驳回回避申请' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="reasons" label="决定理由" rules={required('请填写决定理由')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          ) : null}
          {open === 'correction' ? (
            <>
              <Form.Item name="awardDocumentId" label="被补正的裁决书" rules={required('请选择裁决书')}>
                <Select options={awards.map((d) => ({ value: d.id, label: `${d.title} ${d.number}` }))} />
              </Form.Item>
              <Form.Item name="errorKind" label="补正事由">
                <Select options={['文字错误', '计算错误', '遗漏事项'].map((x) => ({ value: x, label: x }))} />
              </Form.Item>
              <Form.Item name="location" label="位置" rules={required('请填写位置')}>
                <Input placeholder="如：“本委查明”部分第二行" />
              </Form.Item>
              <Form.Item name="original" label="原文" rules={required('请填写原文')}>
                <Input />
              </Form.Item>
              <Form.Item name="corrected" label="补正为" rules={required('请填写补正后的内容')}>
                <Input />
              </Form.Item>
            </>
          ) : null}
          {open === 'closing' ? (
            <>
              <Form.Item name="outcome" label="结案方式" rules={required('请填写结案方式')}>
                <Input placeholder="如：裁决结案、调解结案、撤回结案" />
              </Form.Item>
              <Form.Item name="amount" label="涉案金额（元）">
                <InputNumber min={0} precision={2} style={{ width: 180 }} />
              </Form.Item>
            </>
          ) : null}
          {open === 'filing' || open === 'closing' ? (
            <Form.Item name="opinion" label="承办人意见" rules={required('请填写承办人意见')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
          {open === 'filing' || open === 'closing' ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              审批人的姓名和日期由审批人本人在工作台审批时生成，不能代填。
            </Typography.Paragraph>
          ) : null}
        </Form>
        {error ? <Alert type="error" message={error} data-testid="docstep-error" /> : null}
      </Modal>
    </Card>
  );
}
