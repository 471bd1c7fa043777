import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, isApiError } from '../../lib/api';
import type { Schema } from '../../lib/api-types';
import { chineseClockOfInstant, chineseDate } from '../../lib/time';
import type { ArbitrationCase } from '../arbitration/api/arbitration.api';
import { reasonText } from '../arbitration/components/StepGuards';
import { useArbitrationAction } from '../arbitration/hooks/use-arbitration';

export type WrittenHearing = Schema<'WrittenHearing'>;

/** 《劳动人事争议仲裁办案规则》第六十条: the tribunal may decide the procedure of a simplified case. */
const BASIS = '《劳动人事争议仲裁办案规则》第六十条';
const STATEMENT_RULE = 'arbitration.written-statement';
const REPLY_RULE = 'arbitration.written-reply';
const SIDES = [
  { role: 'worker', side: '申请人' },
  { role: 'employer', side: '被申请人' },
] as const;
const ROUNDS = [
  { round: 'statement', what: '陈述意见和证据' },
  { round: 'reply', what: '质证意见' },
] as const;
const CLOCK_STATUS: Record<string, string> = {
  running: '计时中',
  suspended: '中止',
  met: '已完成',
  stopped: '已停止',
  overdue: '已超期',
};

/** The written hearing of a case, or null when none was ordered (404). */
function useWrittenHearing(caseId: string) {
  return useQuery({
    queryKey: ['arbitration', 'written-hearing', caseId],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<WrittenHearing>(
          `/api/arbitration/cases/${caseId}/written-hearing`,
          undefined,
          signal,
        );
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    // The parties submit from their phones: their papers appear here as they arrive.
    refetchInterval: 10_000,
  });
}

/**
 * 书面审理 (issue #20) on the staff case page: the tribunal orders it for a simplified case with both
 * parties' agreement (the step is offered only when the procedure allows it; otherwise disabled with
 * the reason), then follows both sides' statements, evidence and comments within the periods the
 * clock engine set, and decides on the papers through the award form once the server says it may.
 */
export function WrittenHearingCard({ c }: { c: ArbitrationCase }) {
  const q = useWrittenHearing(c.caseId);
  if (q.isPending) return null;
  if (q.data) return <WrittenHearingProgress c={c} w={q.data} />;
  const step = c.availableEvents.find((e) => e.event === 'order_written_hearing');
  if (!step || c.closed) return null;
  return <OrderWrittenHearing c={c} step={step} />;
}

function OrderWrittenHearing({
  c,
  step,
}: {
  c: ArbitrationCase;
  step: ArbitrationCase['availableEvents'][number];
}) {
  const act = useArbitrationAction(c.caseId);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ bothPartiesAgreed: boolean; note?: string }>();
  const refused = !c.simplified
    ? `只有简易处理的案件可以书面审理（${BASIS}），请先决定简易处理`
    : step.allowed === false
      ? reasonText(step)
      : null;
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await act.mutateAsync({
        path: '/written-hearing',
        body: {
          bothPartiesAgreed: v.bothPartiesAgreed,
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          version: c.version,
        },
      });
      setOpen(false);
      form.resetFields();
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败');
    }
  };
  return (
    <Card size="small" title="书面审理（不开庭）" data-testid="written-hearing-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          简易处理的案件，经双方当事人同意，仲裁庭可以不开庭，由双方在规定期限内在线提交陈述意见、证据和质证意见后书面审理（
          {BASIS}）。
        </Typography.Text>
        <Tooltip title={refused ?? ''}>
          <Button
            type="primary"
            disabled={refused !== null}
            onClick={() => setOpen(true)}
            data-testid="written-hearing-order"
          >
            决定书面审理
          </Button>
        </Tooltip>
        {refused ? (
          <Typography.Text type="secondary" data-testid="written-hearing-refused">
            {refused}
          </Typography.Text>
        ) : null}
      </Space>
      <Modal
        title="决定书面审理"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText="决定书面审理"
        okButtonProps={{ loading: act.isPending, ...{ 'data-testid': 'written-hearing-submit' } }}
        destroyOnHidden
      >
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message="决定后案件进入审理，双方在门户（手机）上提交材料"
          description={`陈述意见和证据的期限、质证意见的期限由期限规则按工作日自动计算（${BASIS}）。`}
        />
        <Form form={form} layout="vertical">
          <Form.Item
            name="bothPartiesAgreed"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v ? Promise.resolve() : Promise.reject(new Error('书面审理须经双方当事人同意')),
              },
            ]}
          >
            <Checkbox data-testid="written-hearing-agreed">双方当事人均已同意不开庭、书面审理</Checkbox>
          </Form.Item>
          <Form.Item name="note" label="同意的方式和说明（如：双方书面同意书已附卷）">
            <Input.TextArea rows={2} maxLength={500} data-testid="written-hearing-note" />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" message={error} data-testid="written-hearing-error" /> : null}
      </Modal>
    </Card>
  );
}

function WrittenHearingProgress({ c, w }: { c: ArbitrationCase; w: WrittenHearing }) {
  const clock = (rule: string) => c.clocks.find((k) => k.ruleId === rule);
  const period = (rule: string, due: string, open: boolean, notYet: boolean) => {
    const k = clock(rule);
    return (
      <Space wrap size={4}>
        <span>{chineseDate(due)}前（含当日）</span>
        {open ? <Tag color="blue">进行中</Tag> : <Tag>{notYet ? '尚未开始' : '已截止'}</Tag>}
        {k ? <Tag>{`期限规则：${CLOCK_STATUS[k.status] ?? k.status}`}</Tag> : null}
      </Space>
    );
  };
  return (
    <Card size="small" title="书面审理（不开庭）" data-testid="written-hearing-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { label: '决定', children: `${w.orderedBy}决定书面审理` },
            { label: '依据', children: w.basis },
            {
              label: '陈述意见和证据',
              children: period(STATEMENT_RULE, w.statementDue, w.statementOpen, false),
            },
            {
              label: '质证意见',
              children: period(REPLY_RULE, w.replyDue, w.replyOpen, w.statementOpen && !w.replyOpen),
            },
          ]}
        />
        <List
          size="small"
          bordered
          data-testid="written-submissions"
          dataSource={SIDES.flatMap((s) => ROUNDS.map((r) => ({ ...s, ...r })))}
          renderItem={(slot) => {
            const sub = w.submissions.find((x) => x.role === slot.role && x.round === slot.round);
            return (
              <List.Item
                style={{ display: 'block' }}
                data-testid={`written-${slot.role}-${slot.round}`}
                data-submitted={String(Boolean(sub))}
              >
                <Space wrap>
                  <Typography.Text strong>{`${slot.side}·${slot.what}`}</Typography.Text>
                  {sub ? (
                    <Tag color="green">{`${chineseClockOfInstant(sub.submittedAt)} 已提交`}</Tag>
                  ) : (
                    <Tag>尚未提交</Tag>
                  )}
                </Space>
                {sub ? (
                  <div style={{ marginTop: 4 }}>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                      {sub.text}
                    </Typography.Paragraph>
                    {sub.evidence.length ? (
                      <Typography.Text type="secondary">{`所附证据：${sub.evidence.join('、')}`}</Typography.Text>
                    ) : null}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {`提交人：${sub.submittedBy}`}
                      </Typography.Text>
                    </div>
                  </div>
                ) : null}
              </List.Item>
            );
          }}
        />
        {w.decidable ? (
          <Alert
            type="success"
            showIcon
            data-testid="written-hearing-next"
            message="可以书面审理后作出裁决"
            description={
              c.state === 'hearing'
                ? '双方材料已齐或期限已届满。请在下方“裁决”中起草裁决书，裁决书将写明本案经书面审理。'
                : '双方材料已齐或期限已届满。'
            }
          />
        ) : (
          <Alert
            type="info"
            showIcon
            data-testid="written-hearing-next"
            message="下一步：等待双方提交"
            description={w.blocking}
          />
        )}
      </Space>
    </Card>
  );
}
