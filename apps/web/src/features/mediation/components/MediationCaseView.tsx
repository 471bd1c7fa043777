import { Alert, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { feedback } from '../../../lib/feedback';
import { DocumentsPanel } from '../../documents/components/DocumentsPanel';
import { useMediationAction } from '../hooks/use-mediation';
import type { MediationAction, MediationStep, StepBody } from '../api/mediation.api';
import type { MediationDetail, Reply } from '../types';
import { yuan } from '../types';
import { RoomsPanel } from '../../rooms/RoomsPanel';
import {
  type ActionBody,
  AgreementForm,
  CloseModal,
  RepliesForm,
  SessionModal,
  TextModal,
} from './MediationModals';
import { ProposalForm } from './ProposalForm';
import { chineseClockOfInstant } from '../../../lib/time';

const REPLY: Record<Reply, { color: string; text: string }> = {
  pending: { color: 'default', text: '待答复' },
  accepted: { color: 'green', text: '同意' },
  rejected: { color: 'red', text: '不同意' },
};

type Dialog =
  | 'session'
  | 'record'
  | 'close'
  | 'performed'
  | 'not_performed'
  | 'review'
  | 'confirmation'
  | null;

const CLOSE_ACTIONS = ['fail', 'respondent_refuses', 'no_show', 'period_expired', 'withdraw'];

/**
 * One mediation case: items with both sides' replies, sessions, agreement. The window's path — 调解建议书,
 * both sides' replies, the signed agreement — is inline, one form at a time as the machine allows it;
 * the rarer steps (sessions, records, closing, follow-ups) open dialogs.
 */
export function MediationCaseView({ detail }: { detail: MediationDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const action = useMediationAction(detail.matterId, detail.id);
  const can = (a: string) => detail.allowedActions.includes(a);
  const run = <S extends MediationStep>(
    step: S,
    body: StepBody<S>,
    done: string,
    ids?: Record<string, string>,
  ) =>
    action.mutate(
      // One step with its own body (the union of all steps cannot follow S's correlation on its own).
      { step, body, ...(ids ? { ids } : {}) } as MediationAction,
      {
        onSuccess: () => {
          setDialog(null);
          feedback.success(done);
        },
      },
    );
  const common = {
    detail,
    busy: action.isPending,
    error: action.error?.message ?? null,
    onCancel: () => {
      action.reset();
      setDialog(null);
    },
  };
  const inline = {
    detail,
    busy: action.isPending,
    error: dialog === null ? (action.error?.message ?? null) : null,
  };
  const saveReplies = async (bodies: ActionBody<'/replies'>[]) => {
    try {
      for (const body of bodies) await action.mutateAsync({ step: '/replies', body });
      feedback.success('答复已登记');
    } catch {
      /* the error is shown under the form */
    }
  };
  const scheduled = detail.sessions.find((s) => s.status === 'scheduled');
  const today = new Date().toISOString().slice(0, 10);

  return (
    <div data-testid={`mediation-case-${detail.number}`}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{detail.number}</Typography.Text>
        <Tag color={detail.closed ? 'default' : 'blue'} data-testid="mediation-state">
          {detail.stateLabel}
        </Tag>
        {detail.handledBy === 'organization' && detail.organization ? (
          <Tag color="purple">
            转交{detail.organization.name}
            {detail.referralState === 'pending'
              ? '（待接收）'
              : detail.referralState === 'returned'
                ? '（已退回）'
                : ''}
          </Tag>
        ) : (
          <Tag>中心调解</Tag>
        )}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            label: '同意调解',
            children: detail.consent
              ? `${detail.consent.workerName}，${detail.consent.methodLabel}，${chineseClockOfInstant(detail.consent.at)}（记录人：${detail.consent.recordedByName}）`
              : '未记录',
          },
          {
            label: '调解员',
            children: detail.mediator?.name
              ? `${detail.mediator.name} ${detail.mediator.contact ?? ''}`
              : '—',
          },
          { label: '答复期限', children: detail.replyDeadline ?? '—' },
          { label: '履行期限', children: detail.performanceDate ?? '—' },
        ]}
      />
      {detail.handlingReasons.length ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          由谁调解：{detail.handlingReasons.join('；')}
        </Typography.Paragraph>
      ) : null}
      {detail.items.length ? (
        <Table
          size="small"
          rowKey="claimId"
          pagination={false}
          dataSource={detail.items}
          data-testid="mediation-items"
          // At 360 px the table scrolls inside its card with readable columns, never one character a line.
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '请求事项', dataIndex: 'claimLabel', width: 200 },
            { title: '请求金额', render: (_, i) => yuan(i.claimedFen), width: 110 },
            { title: '建议金额', render: (_, i) => yuan(i.proposedFen), width: 110 },
            {
              title: '理由',
              width: 260,
              render: (_, i) => (
                <span>
                  {i.reason}
                  {i.formula ? <Typography.Text type="secondary">（{i.formula}）</Typography.Text> : null}
                </span>
              ),
            },
            {
              title: '劳动者',
              render: (_, i) => <Tag color={REPLY[i.workerReply].color}>{REPLY[i.workerReply].text}</Tag>,
            },
            {
              title: '用人单位',
              render: (_, i) => <Tag color={REPLY[i.employerReply].color}>{REPLY[i.employerReply].text}</Tag>,
            },
            {
              title: '结果',
              render: (_, i) =>
                i.outcome === 'agreed' ? (
                  <Tag color="green">达成</Tag>
                ) : i.outcome === 'refused' ? (
                  <Tag color="orange">转仲裁</Tag>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      ) : null}
      {detail.sessions.map((s) => (
        <Typography.Paragraph key={s.id} style={{ marginTop: 8 }}>
          {s.joint ? '联合调解' : '调解'}：{chineseClockOfInstant(s.startsAt)} {s.room}；调解员
          {s.mediators.map((m) => m.name).join('、')}
          {s.record ? `；笔录：${s.record}` : ''}
        </Typography.Paragraph>
      ))}
      <RoomsPanel caseId={detail.id} matterId={detail.matterId} kind="mediation" />
      {detail.arbitrationCase ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="mediation-arbitration"
          title={
            <span>
              未达成的请求已转入仲裁：
              <Link to={`/cases/${detail.arbitrationCase.id}`}>{detail.arbitrationCase.number}</Link>
            </span>
          }
        />
      ) : null}
      {detail.followups.map((f) => (
        <Typography.Paragraph key={f.id} type="secondary">
          {f.kind === 'arbitral_review'
            ? '仲裁审查'
            : f.kind === 'judicial_confirmation'
              ? '司法确认'
              : '支付令（诉调对接）'}
          ：{f.body}，{f.filedOn}，
          {f.result === 'pending' ? '待结果' : f.result === 'granted' ? '已确认' : '未确认'}
          {f.note ? `；${f.note}` : ''}
        </Typography.Paragraph>
      ))}
      {can('proposal') ? (
        <ProposalForm {...inline} onSubmit={(b) => run('/proposal', b, '调解建议书已签发')} />
      ) : null}
      {can('reply') && !can('proposal') ? (
        <RepliesForm {...inline} onSubmit={(b) => void saveReplies(b)} />
      ) : null}
      {can('agreement') ? (
        <AgreementForm {...inline} onSubmit={(b) => run('/agreement', b, '调解协议书已签订')} />
      ) : null}
      <Space wrap style={{ marginTop: 8 }}>
        {can('session') ? <Button onClick={() => setDialog('session')}>安排调解</Button> : null}
        {can('record') && scheduled ? <Button onClick={() => setDialog('record')}>记录笔录</Button> : null}
        {CLOSE_ACTIONS.some(can) ? (
          <Button danger onClick={() => setDialog('close')} data-testid="mediation-close">
            调解不成 / 撤回
          </Button>
        ) : null}
        {can('performance') ? <Button onClick={() => setDialog('performed')}>确认已履行</Button> : null}
        {can('performance') && detail.performanceDate && detail.performanceDate < today ? (
          <Button danger onClick={() => setDialog('not_performed')}>
            登记未履行
          </Button>
        ) : null}
        {can('followup') ? <Button onClick={() => setDialog('review')}>申请仲裁审查</Button> : null}
        {can('followup') ? <Button onClick={() => setDialog('confirmation')}>申请司法确认</Button> : null}
        {can('referral') ? (
          <>
            <Button
              onClick={() =>
                run('/referral', { version: detail.version, decision: 'accepted' }, '已登记接收')
              }
            >
              调解组织已接收
            </Button>
            <Button
              onClick={() =>
                run('/referral', { version: detail.version, decision: 'returned' }, '已退回，改由中心调解')
              }
            >
              退回中心
            </Button>
          </>
        ) : null}
      </Space>
      {detail.documents.length ? (
        <div style={{ marginTop: 12 }}>
          <DocumentsPanel subjectType="case" subjectId={detail.id} />
        </div>
      ) : null}
      {dialog === 'close' ? <CloseModal {...common} onSubmit={(b) => run('/close', b, '已登记')} /> : null}
      {dialog === 'session' ? (
        <SessionModal {...common} onSubmit={(b) => run('/sessions', b, '已安排调解')} />
      ) : null}
      {dialog === 'record' && scheduled ? (
        <TextModal
          {...common}
          title="调解笔录"
          label="笔录内容"
          onSubmit={(t) =>
            run('/sessions/{sessionId}/record', { version: detail.version, record: t }, '笔录已保存', {
              sessionId: scheduled.id,
            })
          }
        />
      ) : null}
      {dialog === 'performed' || dialog === 'not_performed' ? (
        <TextModal
          {...common}
          title={dialog === 'performed' ? '确认协议已履行' : '登记协议未履行'}
          label={
            dialog === 'performed' ? '履行情况' : '未履行情况（工资等事项将告知申请支付令，其他事项转仲裁）'
          }
          onSubmit={(t) =>
            run(
              '/performance',
              { version: detail.version, performed: dialog === 'performed', ...(t ? { note: t } : {}) },
              '已登记',
            )
          }
        />
      ) : null}
      {dialog === 'review' || dialog === 'confirmation' ? (
        <TextModal
          {...common}
          title={
            dialog === 'review'
              ? '申请仲裁审查（协议生效之日起十五日内）'
              : '申请司法确认（协议生效之日起三十日内）'
          }
          label={dialog === 'review' ? '受理的仲裁委员会' : '受理的人民法院'}
          onSubmit={(t) =>
            run(
              '/followups',
              {
                kind: dialog === 'review' ? 'arbitral_review' : 'judicial_confirmation',
                body: t,
                filedOn: today,
              },
              '已登记申请',
            )
          }
        />
      ) : null}
    </div>
  );
}
