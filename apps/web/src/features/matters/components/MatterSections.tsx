import { Alert, Card, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import { claimPeriodText } from '@onestop/domain/claims/label';
import { type MatterDetail, PRIORITY_LABELS, TRACK_LABELS } from '../types';
import { chineseClockOfInstant } from '../../../lib/time';

export function ClaimsCard({ matter }: { matter: MatterDetail }) {
  return (
    <Card size="small" title="诉求">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 860 }}
        dataSource={matter.claims}
        columns={[
          {
            title: '诉求',
            dataIndex: 'label',
            width: 220,
            render: (label: string, _c, i) => `第${i + 1}项 ${label}`,
          },
          { title: '金额', dataIndex: 'amountText', width: 120, render: (v: string | null) => v ?? '—' },
          {
            title: '期间',
            width: 190,
            render: (_, c) => claimPeriodText(c.periodFrom, c.periodTo) ?? '—',
          },
          {
            title: '程序',
            width: 110,
            render: (_, c) => (c.trackLabel ? <Tag color="blue">{c.trackLabel}</Tag> : <Tag>待分流</Tag>),
          },
          { title: '事实与理由', dataIndex: 'facts', width: 260 },
        ]}
      />
    </Card>
  );
}

export function TriageCard({ matter }: { matter: MatterDetail }) {
  const t = matter.triage;
  const consent = t.mediationConsent;
  return (
    <Card size="small" title="分流">
      <Space wrap style={{ marginBottom: 8 }}>
        {matter.priorityFlags.map((f) => (
          <Tag color="red" key={f}>
            {PRIORITY_LABELS[f] ?? f}
          </Tag>
        ))}
        {t.result?.sameDayAcceptance ? <Tag color="green">当日受理</Tag> : null}
      </Space>
      {t.decision ? (
        <Typography.Paragraph>
          {t.decision.mode === 'accept' ? '采纳分流建议' : '不采纳建议，改判'}
          {t.decidedBy ? `（${t.decidedBy}，${chineseClockOfInstant(t.decidedAt ?? '')}）` : ''}
          {t.decision.overrideReason ? `；理由：${t.decision.overrideReason}` : ''}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">尚未作出分流决定</Typography.Paragraph>
      )}
      {consent ? (
        <Typography.Paragraph>
          调解意愿：{consent.workerName}
          {consent.given ? '同意' : '不同意'}调解（{consent.methodLabel}，{consent.recordedByName}记录于
          {chineseClockOfInstant(consent.at)}）
        </Typography.Paragraph>
      ) : null}
      {/* The warnings of the matter, each once (three monthly wage items give one limitation warning). */}
      {(t.result?.warnings ?? [])
        .filter((w) => w.code !== 'SAME_CLAIM_IN_OTHER_PROCEEDING')
        .map((w) => (
          <Alert
            key={w.code + w.message}
            type="warning"
            showIcon
            data-testid="triage-warning"
            style={{ marginBottom: 8 }}
            title={w.message}
            description={`依据：${w.basis}`}
          />
        ))}
      <List
        size="small"
        dataSource={t.result?.recommendations ?? []}
        renderItem={(r) => (
          <List.Item>
            <div>
              <Tag color="blue">{TRACK_LABELS[r.track] ?? r.track}</Tag>
              {r.reason}
              <div className="muted">依据：{r.basis}</div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function TimelineCard({ matter }: { matter: MatterDetail }) {
  return (
    <Card size="small" title="时间线（一管到底）">
      <Timeline
        items={matter.timeline.map((e) => ({
          key: e.id,
          content: (
            <div>
              <div>{e.summary}</div>
              <div className="muted">
                {chineseClockOfInstant(e.at)} · {e.actorName}
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
