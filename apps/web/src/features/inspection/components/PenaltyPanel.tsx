// Over 400 lines: the penalty panel and the four forms of its hearing and legal review (行政处罚法第五十八条、第六十四条) read together; split the forms out when another is added.
import { Button, Descriptions, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { FormError } from '../../../components/FormError';
import { ApiError, isApiError } from '../../../lib/api';
import { feedback } from '../../../lib/feedback';
import { chineseDate, chineseDateOrDash } from '../../../lib/time';
import { useIsMobile } from '../../../lib/use-is-mobile';
import type { InspectionStepBody } from '../api/inspection.api';
import { useInspectionAction } from '../hooks/use-inspection';
import {
  type InspectionCase,
  LEGAL_REVIEW_CONCLUSIONS,
  type LegalReviewConclusion,
  type PenaltyView,
} from '../types';
import { PrintButtons } from './PrintButtons';
import { money } from '../../../lib/money';

const yuan = money;

type StepKey = keyof PenaltyView['actions'];

interface Field {
  name: string;
  label: string;
  kind?: 'date' | 'textarea' | 'select';
  required?: boolean;
  extra?: ReactNode;
  min?: string;
  options?: { value: string; label: string }[];
}

interface FormSpec {
  title: string;
  path: string;
  ok: string;
  fields: Field[];
  initial: Record<string, unknown>;
  body: (v: Record<string, string | undefined>) => InspectionStepBody;
}

const trim = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
/** A required field (the form's rule ensures it; empty → the server's 400 names it). */
const need = (v: string | undefined) => v?.trim() ?? '';

/** The four forms of the hearing and the legal review (行政处罚法第五十八条、第六十四条). */
function formSpec(key: StepKey, p: PenaltyView): FormSpec {
  switch (key) {
    case 'requestHearing':
      return {
        title: '登记当事人的听证申请',
        path: '/penalty/hearing-request',
        ok: '登记',
        fields: [
          {
            name: 'requestedOn',
            label: '当事人提出申请的日期',
            kind: 'date',
            required: true,
            extra: `应在收到行政处罚告知书后五个工作日内提出，即 ${chineseDateOrDash(p.hearingDeadline)} 前（行政处罚法第六十四条）`,
          },
        ],
        initial: { requestedOn: p.today },
        body: (v) => ({ requestedOn: v.requestedOn }),
      };
    case 'scheduleHearing':
      return {
        title: '安排听证并签发听证通知书',
        path: '/penalty/hearing',
        ok: '签发听证通知书',
        fields: [
          {
            name: 'hearingDate',
            label: '听证日期',
            kind: 'date',
            required: true,
            min: p.earliestHearingDate,
            extra: (
              <span data-testid="hearing-earliest">
                最早可定于 {chineseDate(p.earliestHearingDate)}（应在举行听证的七个工作日前通知当事人）
              </span>
            ),
          },
          { name: 'hearingTime', label: '听证时间', required: true, extra: '如：上午9时30分' },
          { name: 'place', label: '听证地点', required: true },
          { name: 'hearingOfficer', label: '听证主持人', required: true, extra: '由非本案调查人员担任' },
        ],
        initial: {
          hearingDate: p.earliestHearingDate,
          hearingTime: '上午9时30分',
          ...(p.hearing?.scheduled ?? {}),
        },
        body: (v) => ({
          hearingDate: need(v.hearingDate),
          hearingTime: need(v.hearingTime),
          place: need(v.place),
          hearingOfficer: need(v.hearingOfficer),
        }),
      };
    case 'recordHearing':
      return {
        title: '登记听证笔录',
        path: '/penalty/hearing/record',
        ok: '登记',
        fields: [
          { name: 'heldOn', label: '举行日期', kind: 'date', required: true },
          { name: 'hearingOfficer', label: '听证主持人', required: true },
          { name: 'transcript', label: '听证笔录', kind: 'textarea', required: true },
          {
            name: 'opinion',
            label: '听证结果（主持人意见）',
            kind: 'textarea',
            extra: '如：维持拟处罚意见 / 建议减轻处罚',
          },
        ],
        initial: {
          heldOn: p.today,
          hearingOfficer: p.hearing?.scheduled?.hearingOfficer,
        },
        body: (v) => ({
          heldOn: need(v.heldOn),
          hearingOfficer: need(v.hearingOfficer),
          transcript: need(v.transcript),
          opinion: trim(v.opinion),
        }),
      };
    case 'legalReview':
      return {
        title: '法制审核',
        path: '/penalty/legal-review',
        ok: '登记审核意见',
        fields: [
          { name: 'reviewer', label: '法制审核人员', required: true },
          { name: 'reviewedOn', label: '审核日期', kind: 'date', required: true },
          {
            name: 'conclusion',
            label: '审核结论',
            kind: 'select',
            required: true,
            options: Object.entries(LEGAL_REVIEW_CONCLUSIONS).map(([value, label]) => ({ value, label })),
          },
          {
            name: 'opinion',
            label: '审核意见',
            kind: 'textarea',
            required: true,
            extra: '事实是否清楚、证据是否确凿、适用依据是否正确、程序是否合法、处罚是否适当',
          },
        ],
        initial: { reviewedOn: p.today, conclusion: 'approved', ...(p.legalReview ?? {}) },
        body: (v) => ({
          reviewer: need(v.reviewer),
          reviewedOn: need(v.reviewedOn),
          conclusion: v.conclusion as LegalReviewConclusion | undefined,
          opinion: need(v.opinion),
        }),
      };
  }
}

/** The server's message without field internals ({ field, earliest }) that FormError would list. */
function messageOnly(error: Error | null): Error | null {
  if (!error || !isApiError(error) || Array.isArray(error.details)) return error;
  return new ApiError(error.status, error.code, error.message);
}

function StepForm({ c, spec, onClose }: { c: InspectionCase; spec: FormSpec; onClose: () => void }) {
  const [form] = Form.useForm();
  const action = useInspectionAction(c.id, { inlineErrors: true });
  const submit = (values: Record<string, string | undefined>) =>
    action.mutate(
      { path: spec.path, body: spec.body(values) },
      {
        onSuccess: () => {
          feedback.success(`${spec.title}：已保存`);
          onClose();
        },
        onError: (e) => {
          const d = isApiError(e) ? (e.details as { field?: unknown } | undefined) : undefined;
          if (d && typeof d.field === 'string' && spec.fields.some((f) => f.name === d.field)) {
            form.setFields([{ name: d.field, errors: [e.message] }]);
          }
        },
      },
    );
  return (
    <Modal
      title={spec.title}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={action.isPending}
      okText={spec.ok}
      cancelText="取消"
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'penalty-form-ok' } as never}
    >
      <div data-testid="penalty-form">
        <FormError error={messageOnly(action.error)} />
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={spec.initial}
          onFinish={submit}
          style={{ marginTop: action.error ? 12 : 0 }}
        >
          {spec.fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              extra={f.extra}
              rules={f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : []}
            >
              {f.kind === 'textarea' ? (
                <Input.TextArea rows={3} data-testid={`penalty-${f.name}`} />
              ) : f.kind === 'select' ? (
                <Select options={f.options} data-testid={`penalty-${f.name}`} />
              ) : (
                <Input
                  type={f.kind === 'date' ? 'date' : 'text'}
                  min={f.min}
                  data-testid={`penalty-${f.name}`}
                  style={f.kind === 'date' ? { maxWidth: 200 } : undefined}
                />
              )}
            </Form.Item>
          ))}
        </Form>
      </div>
    </Modal>
  );
}

const LABELS: Record<StepKey, string> = {
  requestHearing: '登记听证申请',
  scheduleHearing: '安排听证',
  recordHearing: '登记听证笔录',
  legalReview: '法制审核',
};

function Status({ color, children, id }: { color: string; children: ReactNode; id: string }) {
  return (
    <Tag
      color={color}
      data-testid={`penalty-status-${id}`}
      style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
    >
      {children}
    </Tag>
  );
}

/**
 * 行政处罚的听证与法制审核 on the case page: each step's status with its deadline, the documents issued
 * (print buttons) and, for the handling inspector or a leader, the form of the next step. The server
 * checks the deadlines again; its 4xx message is shown in the form.
 */
export function PenaltyPanel({ c, p }: { c: InspectionCase; p: PenaltyView }) {
  const [open, setOpen] = useState<StepKey | null>(null);
  const mobile = useIsMobile();
  const h = p.hearing;
  const docsOf = (ids: (string | null | undefined)[]) => c.documents.filter((d) => ids.includes(d.id));
  const hearingNotice = h?.scheduled ? docsOf([h.scheduled.noticeDocumentId]) : [];
  const decided = p.decided;

  const request = h ? (
    <Status id="request" color="green">
      当事人于 {chineseDate(h.requestedOn)} 要求听证
    </Status>
  ) : decided || !p.hearingWindowOpen ? (
    <Status id="request" color="default">
      未在期限（{chineseDateOrDash(p.hearingDeadline)}）内要求听证，视为放弃
    </Status>
  ) : (
    <Status id="request" color="orange">
      申请期限至 {chineseDateOrDash(p.hearingDeadline)}（五个工作日）
    </Status>
  );
  const schedule = h?.scheduled ? (
    <Status id="schedule" color="green">
      {chineseDate(h.scheduled.hearingDate)} {h.scheduled.hearingTime}，{h.scheduled.place}，主持人
      {h.scheduled.hearingOfficer}
    </Status>
  ) : h ? (
    <Status id="schedule" color="orange">
      待安排：听证日期不得早于 {chineseDate(p.earliestHearingDate)}
    </Status>
  ) : (
    <Status id="schedule" color="default">
      无需安排
    </Status>
  );
  const held = h?.held ? (
    <Space orientation="vertical" size={2}>
      <Status id="record" color="green">
        {chineseDate(h.held.heldOn)} 举行，主持人{h.held.hearingOfficer}
      </Status>
      {h.held.opinion ? <Typography.Text>听证结果：{h.held.opinion}</Typography.Text> : null}
      <Typography.Text
        type="secondary"
        ellipsis={{ tooltip: h.held.transcript }}
        style={{ maxWidth: mobile ? 260 : 520 }}
      >
        笔录：{h.held.transcript}
      </Typography.Text>
    </Space>
  ) : h?.scheduled ? (
    <Status id="record" color="orange">
      {p.today < h.scheduled.hearingDate
        ? `待 ${chineseDate(h.scheduled.hearingDate)} 举行后登记`
        : '待登记听证笔录'}
    </Status>
  ) : (
    <Status id="record" color="default">
      —
    </Status>
  );
  const lr = p.legalReview;
  const review = lr ? (
    <Space orientation="vertical" size={2}>
      <Status
        id="review"
        color={lr.conclusion === 'rejected' ? 'red' : lr.conclusion === 'revise' ? 'gold' : 'green'}
      >
        {lr.conclusionLabel}（{lr.reviewer}，{chineseDate(lr.reviewedOn)}）
      </Status>
      <Typography.Text type="secondary">{lr.opinion}</Typography.Text>
    </Space>
  ) : p.legalReviewRequired ? (
    <Status id="review" color="orange">
      罚款达到 {yuan(p.legalReviewMinFen)}，作出决定前须经法制审核
    </Status>
  ) : (
    <Status id="review" color="default">
      未达到法制审核标准（{yuan(p.legalReviewMinFen)}）
    </Status>
  );
  const decision = decided ? (
    <Status id="decision" color="green">
      已作出行政处罚决定
    </Status>
  ) : c.state === 'pre_decision' ? (
    <Status id="decision" color="blue">
      待负责人决定
    </Status>
  ) : (
    <Status id="decision" color="default">
      未作出处罚决定（本案{c.stateLabel}）
    </Status>
  );
  const steps = (Object.keys(LABELS) as StepKey[]).filter((k) => p.actions[k]);

  return (
    <div data-testid="penalty-panel" style={{ marginTop: 12 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        行政处罚：听证与法制审核
      </Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={1}
        layout={mobile ? 'vertical' : 'horizontal'}
        styles={{ label: mobile ? {} : { width: 120 } }}
        items={[
          {
            label: '拟作出的处罚',
            children: `罚款 ${yuan(p.fineFen)}${p.label ? `（${p.label}）` : ''}`,
          },
          { label: '听证申请', children: request },
          { label: '听证通知', children: schedule },
          { label: '听证笔录', children: held },
          { label: '法制审核', children: review },
          { label: '处罚决定', children: decision },
        ]}
      />
      <div style={{ marginTop: 8 }}>
        <PrintButtons
          testId="penalty-documents"
          docs={[
            ...docsOf([p.noticeDocumentId]),
            ...hearingNotice,
            ...(decided ? c.documents.filter((d) => d.type === 'penalty_decision') : []),
          ]}
        />
      </div>
      {steps.length ? (
        <Space wrap style={{ marginTop: 8 }} data-testid="penalty-actions">
          {steps.map((k) => (
            <Button key={k} data-testid={`penalty-${k}`} onClick={() => setOpen(k)}>
              {k === 'legalReview' && lr
                ? '重新法制审核'
                : k === 'scheduleHearing' && h?.scheduled
                  ? '改期听证'
                  : LABELS[k]}
            </Button>
          ))}
        </Space>
      ) : null}
      {open ? <StepForm c={c} spec={formSpec(open, p)} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
