import { Alert, Button, Card, Checkbox, Divider, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { feedback } from '../../../lib/feedback';
import { chineseClockOfInstant } from '../../../lib/time';
import type { MatterMediation } from '../types';
import { useMatterMediation, useMediationOrganizations, useStartMediation } from '../hooks/use-mediation';
import { MediationCaseView } from './MediationCaseView';

/**
 * Mediation first (坚持调解优先, 随人社函〔2023〕36号 五(一)3) on the matter page: the worker's consent
 * (window signature or online confirmation; a refusal goes straight to arbitration), then each
 * mediation case with its proposal, replies, sessions and outcome.
 */
export function MediationPanel({ matterId }: { matterId: string }) {
  const q = useMatterMediation(matterId);
  const orgs = useMediationOrganizations();
  const start = useStartMediation(matterId);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [disputed, setDisputed] = useState(false);
  if (q.isPending) return <Spin />;
  if (q.isError || !q.data)
    return <Alert type="error" showIcon title={q.error?.message ?? '无法加载调解信息'} />;
  const d = q.data;
  const needOrg = !d.whoMediates.center || disputed;

  const submit = (given: boolean, method: 'window_signature' | 'online_confirmation') =>
    start.mutate(
      {
        consent: { given, method },
        factsUndisputed: !disputed,
        ...(given && needOrg && orgId ? { organizationId: orgId } : {}),
      },
      {
        onSuccess: (r) =>
          feedback.success(
            r.outcome === 'mediation'
              ? `已开立调解案件 ${r.number}`
              : `劳动者不同意调解，已转入仲裁立案 ${r.number}`,
          ),
      },
    );

  return (
    <Card size="small" title="调解（调解优先）" data-testid="mediation-panel">
      {d.canStart ? (
        <div data-testid="mediation-consent">
          <Typography.Paragraph>
            待处理的请求：{d.freeClaims.map((c) => c.label).join('、')}
            。调解以劳动者自愿为前提（《劳动争议调解仲裁法》第三条），
            不同意调解的直接转入仲裁立案，仲裁受理期限照常计算。
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            由谁调解：{d.whoMediates.reasons.join('；')}
          </Typography.Paragraph>
          <Checkbox checked={disputed} onChange={(e) => setDisputed(e.target.checked)}>
            双方对事实有争议
          </Checkbox>
          {needOrg ? (
            <Select
              style={{ width: 360, marginLeft: 8 }}
              placeholder="转交的调解组织"
              value={orgId}
              onChange={setOrgId}
              options={(orgs.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.kindLabel}）` }))}
            />
          ) : null}
          <Space wrap style={{ marginTop: 12, display: 'flex' }}>
            <Button
              type="primary"
              loading={start.isPending}
              disabled={needOrg && !orgId}
              onClick={() => submit(true, 'window_signature')}
              data-testid="consent-window"
            >
              劳动者同意调解（窗口签字）
            </Button>
            <Button disabled={needOrg && !orgId} onClick={() => submit(true, 'online_confirmation')}>
              已网上确认同意
            </Button>
            <Button danger onClick={() => submit(false, 'window_signature')} data-testid="consent-refuse">
              不同意调解，直接申请仲裁
            </Button>
          </Space>
          {start.error ? (
            <Alert type="error" showIcon title={start.error.message} style={{ marginTop: 8 }} />
          ) : null}
        </div>
      ) : null}
      {d.cases.map((c, i) => (
        <div key={c.id}>
          {i > 0 || d.canStart ? <Divider /> : null}
          <MediationCaseView detail={c} />
        </div>
      ))}
      {d.refusal ? <RefusalNotice refusal={d.refusal} /> : null}
      {!d.canStart && !d.cases.length && !d.refusal ? (
        <Typography.Text type="secondary">暂无调解</Typography.Text>
      ) : null}
    </Card>
  );
}

type Refusal = NonNullable<MatterMediation['refusal']>;

/** The worker refused mediation: who, when, how, and where the claims went (the arbitration case). */
function RefusalNotice({ refusal }: { refusal: Refusal }) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="mediation-refusal"
      title={`劳动者${refusal.workerName}拒绝调解`}
      description={
        <div>
          <div>
            {chineseClockOfInstant(refusal.at)}，{refusal.methodLabel}，由{refusal.recordedByName}记录
            {refusal.note ? `（${refusal.note}）` : ''}。
          </div>
          <div>
            {refusal.arbitrationCase ? (
              <>
                请求事项已转入仲裁：
                <Link to={`/cases/${refusal.arbitrationCase.id}`}>{refusal.arbitrationCase.number}</Link>（
                {refusal.arbitrationCase.stateLabel}）
              </>
            ) : (
              refusal.next
            )}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            依据：{refusal.basis}
          </Typography.Text>
        </div>
      }
    />
  );
}
