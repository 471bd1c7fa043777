import { chineseDate, chineseDateOrDash } from '../../../lib/time';
import { Alert, Button, Card, Descriptions, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { reasonText, UnmetReasons } from '../../arbitration/components/StepGuards';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { feedback } from '../../../lib/feedback';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useAssignees, useInspectionAction } from '../hooks/use-inspection';
import { type InspectionCase, RECORD_KIND_LABELS } from '../types';
import { ActionModal, optionsLoading } from './ActionModal';
import { ApprovalsPanel } from './ApprovalsPanel';
import { PartyNotices } from './PartyNotices';
import { PenaltyPanel } from './PenaltyPanel';
import { DocumentServiceCard } from '../../documents/components/DocumentServiceCard';
import { PrintButtons } from './PrintButtons';
import { type StepSpec, stepSpecs } from './actions';
import { ReferralModal, type ReferralValues, referralBody } from './ReferralModal';
import { money } from '../../../lib/money';

type Outcome = InspectionCase['outcomes'][number];

/** Reporter block: identity for the case's handling inspectors only (《劳动保障监察条例》第九条第三款). */
function Reporter({ c }: { c: InspectionCase }) {
  if (c.source === 'complaint') return <>{c.complainant ?? '—'}（投诉人）</>;
  if (!c.reporter) return <>—</>;
  if (c.reporter.withheld) {
    return (
      <span data-testid="reporter-withheld">
        <Tag color="gold">保密</Tag>
        {c.reporter.note}
      </span>
    );
  }
  if (c.reporter.anonymous) return <span data-testid="reporter-visible">匿名举报</span>;
  return (
    <span data-testid="reporter-visible">
      {c.reporter.name} {c.reporter.phone ?? ''}
      <Tag color="gold" style={{ marginLeft: 8 }}>
        仅承办监察员可见
      </Tag>
    </span>
  );
}

/** Steps whose machine event carries procedure guards (shown disabled with why before anyone tries). */
const GUARDED_STEPS: Record<string, string> = { decidePenalty: 'decide_penalty', accept: 'accept' };

/** One inspection case: facts, the reporter (confidential), investigation, outcomes and ONLY the allowed steps. */
export function InspectionCaseView({ c, compact = false }: { c: InspectionCase; compact?: boolean }) {
  const action = useInspectionAction(c.id);
  const assignees = useAssignees(c.id, c.actions.assignInspectors);
  const [open, setOpen] = useState<StepSpec | null>(null);
  const [referring, setReferring] = useState(false);
  const [referred, setReferred] = useState<string | null>(null);
  const inspectors = useMemo(
    () =>
      [
        ...(assignees.data ?? [])
          .filter((a) => !a.barred)
          .map((a) => ({ value: a.id, label: `${a.name}（${a.roles}）` })),
        ...c.inspectors.map((i) => ({ value: i.userId, label: i.name })),
      ].filter((x, i, all) => all.findIndex((y) => y.value === x.value) === i),
    [assignees.data, c.inspectors],
  );
  const steps = stepSpecs(inspectors, assignees.isLoading).filter((st) => c.actions[st.key]);
  /** The step's machine event verdict when its legal preconditions are unmet, else null. */
  const guarded = (key: string) => {
    const ev = c.events?.find((e) => e.event === GUARDED_STEPS[key]);
    return ev && ev.allowed === false ? ev : null;
  };
  const closing = c.documents.filter((d) => d.type === 'inspection_closing_approval');
  const mobile = useIsMobile();
  const check = (o: Outcome) =>
    o.kind === 'order' && c.actions.check && o.complied === null ? (
      <Button
        size="small"
        onClick={() => action.mutate({ path: `/orders/${o.id}/check`, body: { complied: true } })}
      >
        已按期改正
      </Button>
    ) : o.complied === null ? null : o.complied ? (
      '已改正'
    ) : (
      '逾期未改正'
    );
  const run = (st: StepSpec, values: Record<string, unknown>) =>
    action.mutate(
      { path: st.path, body: st.body(values, c) },
      {
        onSuccess: (r) => {
          const pending = r.result?.pendingApproval;
          feedback.success(pending ? `${st.label}：已报请负责人审批` : `${st.label}：${r.case.stateLabel}`);
          setOpen(null);
        },
      },
    );

  const refer = (v: ReferralValues) =>
    action.mutate(
      { path: '/referrals', body: referralBody(v, c) },
      {
        onSuccess: (r) => {
          const res = r.result ?? {};
          const to =
            v.target === 'police' ? '公安机关' : v.target === 'mediation' ? '调解组织' : '劳动人事争议仲裁';
          // The step answers the issued documents by number (移送函, 移送决定书).
          const docs = (res.documents ?? []).map((d) => d.number).filter(Boolean);
          const text = `已移送${to}${res.transferId ? '，已生成转办单' : ''}${docs.length ? `，文书：${docs.join('、')}` : ''}`;
          setReferred(text);
          feedback.success(text);
          setReferring(false);
        },
      },
    );

  return (
    <Card
      size="small"
      data-testid="inspection-case"
      title={
        <Space wrap>
          <Link to={`/inspection/cases/${c.id}`}>{c.number}</Link>
          <Tag color={c.closed ? 'default' : 'blue'} data-testid="inspection-state">
            {c.stateLabel}
          </Tag>
          <Tag>{c.sourceLabel}</Tag>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            label: '被投诉（举报）单位',
            children: c.employer
              ? `${c.employer.name}${c.employer.creditCode ? `（${c.employer.creditCode}）` : ''}`
              : '—',
          },
          { label: '投诉人/举报人', children: <Reporter c={c} /> },
          { label: '收到日期', children: c.receivedOn ? chineseDate(c.receivedOn) : '—' },
          { label: '立案日期', children: c.filedOn ? chineseDate(c.filedOn) : '—' },
          {
            label: '违法事项',
            children:
              c.violations
                .map((v) => `${v.label}${v.amountFen ? ` ${money(v.amountFen)}` : ''}`)
                .join('；') || '依职权检查',
          },
          {
            label: '受理决定',
            children: c.decisionLabel
              ? `${c.decisionLabel}${c.referralTo ? `，告知前往：${c.referralTo}` : ''}`
              : '待决定',
          },
          {
            label: '期限',
            children: c.clocks.map((k) => (
              <Tag
                key={k.id}
                color={k.status === 'met' ? 'green' : 'orange'}
                style={{ whiteSpace: 'normal', marginBottom: 4 }}
              >
                {k.name} {k.dueDate ? chineseDate(k.dueDate) : ''}{' '}
                {k.status === 'met' ? '已办结' : k.status === 'extended' ? '已延长' : ''}
              </Tag>
            )),
          },
          {
            label: '承办监察员',
            children: c.inspectors.map((i) => `${i.name}${i.lead ? '（主办）' : ''}`).join('、') || '未指派',
          },
        ]}
      />
      {steps.length || c.actions.refer ? (
        <Space wrap style={{ margin: '12px 0' }} data-testid="inspection-actions">
          {steps.map((st) => {
            const blocked = guarded(st.key);
            // A step whose form offers fetched options declares whether they have loaded (the dialog
            // itself shows the loading select and keeps 确定 disabled until then).
            const waiting = optionsLoading(st.fields);
            return (
              <Tooltip key={st.key} title={blocked ? reasonText(blocked) : ''}>
                <Button
                  danger={st.danger}
                  type={st.key === 'accept' ? 'primary' : 'default'}
                  loading={action.isPending && open?.key === st.key}
                  disabled={blocked !== null}
                  data-allowed={String(blocked === null)}
                  data-ready={String(!waiting)}
                  data-testid={`step-${st.key}`}
                  onClick={() => (st.fields.length ? setOpen(st) : run(st, {}))}
                >
                  {st.label}
                </Button>
              </Tooltip>
            );
          })}
          {c.actions.refer ? (
            <Button data-testid="step-refer" onClick={() => setReferring(true)}>
              移送/引导
            </Button>
          ) : null}
        </Space>
      ) : null}
      {steps.map((st) => {
        const blocked = guarded(st.key);
        return blocked ? (
          <div key={st.key} data-testid={`blocked-${st.key}`} style={{ marginBottom: 8 }}>
            <Typography.Text strong style={{ fontSize: 12 }}>{`${st.label}：`}</Typography.Text>
            <UnmetReasons unmet={blocked.unmet} />
          </div>
        ) : null;
      })}
      {referred ? (
        <Alert
          type="success"
          showIcon
          closable
          title={referred}
          onClose={() => setReferred(null)}
          style={{ marginBottom: 12 }}
          data-testid="referral-result"
        />
      ) : null}
      {compact ? null : (
        <>
          {c.records.length ? (
            <List
              size="small"
              header="调查记录"
              dataSource={c.records}
              renderItem={(r) => (
                <List.Item>
                  <Tag>{RECORD_KIND_LABELS[r.kind]}</Tag>
                  {r.title} {r.place ? `（${r.place}）` : ''}{' '}
                  {r.dueDate ? `期限 ${chineseDate(r.dueDate)}` : ''} {r.content}
                </List.Item>
              )}
            />
          ) : null}
          {c.requests.length ? (
            <List
              size="small"
              header="要求用人单位提供的材料"
              dataSource={c.requests}
              renderItem={(r) => (
                <List.Item>
                  {r.materials.join('、')}，期限 {chineseDateOrDash(r.deadline)}{' '}
                  {r.receivedOn ? <Tag color="green">已提供</Tag> : <Tag>待提供</Tag>}
                </List.Item>
              )}
            />
          ) : null}
          {c.outcomes.length && mobile ? (
            <List
              size="small"
              header="处理情况"
              data-testid="inspection-outcomes"
              dataSource={c.outcomes}
              renderItem={(o) => (
                <List.Item>
                  <div>
                    {o.summary}
                    {o.deadline ? (
                      <Tag style={{ marginLeft: 6 }}>期限 {chineseDateOrDash(o.deadline)}</Tag>
                    ) : null}
                    {check(o)}
                  </div>
                </List.Item>
              )}
            />
          ) : c.outcomes.length ? (
            <Table
              data-testid="inspection-outcomes"
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.outcomes}
              columns={[
                { title: '处理', dataIndex: 'summary' },
                {
                  title: '期限',
                  dataIndex: 'deadline',
                  width: 130,
                  render: (d: string | null) => chineseDateOrDash(d),
                },
                {
                  title: '复查',
                  width: 160,
                  render: (_: unknown, o: Outcome) => check(o),
                },
              ]}
            />
          ) : null}
          {c.penalty ? <PenaltyPanel c={c} p={c.penalty} /> : null}
          <ApprovalsPanel c={c} />
          {c.documents.length ? (
            <div style={{ marginTop: 12 }}>
              <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                文书
              </Typography.Text>
              <DocumentServiceCard
                bare
                subjects={[{ type: 'case', id: c.id }]}
                testId="inspection-documents"
              />
            </div>
          ) : null}
          <PartyNotices caseId={c.id} />
          {c.closed ? (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="inspection-closed"
              title={`本案已${c.stateLabel}`}
              description={
                closing.length ? (
                  <Space orientation="vertical" size={4}>
                    <span>结案审批表（内部审批文书，归入副卷）：</span>
                    <PrintButtons docs={closing} testId="closing-approval" />
                  </Space>
                ) : undefined
              }
            />
          ) : null}
        </>
      )}
      {open ? (
        <ActionModal
          title={open.label}
          open
          fields={open.fields}
          loading={action.isPending}
          onCancel={() => setOpen(null)}
          onSubmit={(v) => run(open, v)}
          initialValues={
            open.key === 'record' ? { inspectorIds: c.inspectors.map((i) => i.userId) } : undefined
          }
        />
      ) : null}
      {referring ? (
        <ReferralModal
          c={c}
          loading={action.isPending}
          onCancel={() => setReferring(false)}
          onSubmit={refer}
        />
      ) : null}
    </Card>
  );
}
