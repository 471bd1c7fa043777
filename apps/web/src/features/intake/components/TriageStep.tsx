import { CLAIM_CATALOGUE, type ClaimType } from '@onestop/domain/claims/catalogue';
import { CLAIM_TRACK_IDS, CLAIM_TRACK_LABELS } from '@onestop/domain/tracks/registry';
import {
  Alert,
  Card,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { PRIORITY_LABELS, TRACK_LABELS } from '../../matters/types';
import type { ClaimDraft, IntakeDraft, TriagePreview } from '../types';

type Track = NonNullable<TriagePreview['defaultRoutes'][number]['track']>;

/** The routes a claim can take (分流去向), from the track registry; the answer to a question (咨询答复) last. */
const ROUTE_OPTIONS = [...CLAIM_TRACK_IDS.filter((t) => t !== 'consultation'), 'consultation' as const].map(
  (t) => ({ value: t, label: CLAIM_TRACK_LABELS[t] }),
);
const label = (t: string) => CLAIM_CATALOGUE[t as ClaimType]?.label ?? t;

export interface DecisionValues {
  mode: 'accept' | 'override';
  routes?: (Track | undefined)[];
  overrideReason?: string;
  consentGiven?: boolean;
  consentMethod?: 'window_signature' | 'online_confirmation';
}

/** The window's decision as the intake API takes it: accept the recommendation or override it with a reason. */
export function toDecision(v: DecisionValues): {
  triage: NonNullable<IntakeDraft['triage']>;
  consent: IntakeDraft['consent'];
} {
  const consent = v.consentGiven
    ? { given: true, method: v.consentMethod ?? 'window_signature', workerIndex: 0 }
    : undefined;
  if ((v.mode ?? 'accept') === 'accept') return { triage: { mode: 'accept' }, consent };
  const routes = (v.routes ?? [])
    .map((track, claimIndex) => (track ? { claimIndex, track } : null))
    .filter((x): x is { claimIndex: number; track: Track } => x !== null);
  return { triage: { mode: 'override', routes, overrideReason: v.overrideReason ?? '' }, consent };
}

/**
 * The triage section: the recommendation with reasons and basis (refreshed as parties and claims are
 * typed); accept or override with a reason; the worker's consent to mediation.
 */
export function TriageStep({
  form,
  preview,
  claims,
  channel,
  loading,
}: {
  form: FormInstance<DecisionValues>;
  preview: TriagePreview | null;
  claims: ClaimDraft[];
  channel: string;
  loading: boolean;
}) {
  const mode = Form.useWatch('mode', form) ?? 'accept';
  const consentGiven = Form.useWatch('consentGiven', form) ?? false;
  const routesKey = JSON.stringify(preview?.defaultRoutes ?? []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the recommendation's content
  useEffect(() => {
    if (preview)
      form.setFieldValue(
        'routes',
        preview.defaultRoutes.map((d) => d.track ?? undefined),
      );
  }, [routesKey]);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        mode: 'accept',
        consentMethod: channel === 'online' ? 'online_confirmation' : 'window_signature',
      }}
    >
      {preview && loading ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          正在按最新填写内容更新分流建议…
        </Typography.Text>
      ) : null}
      {preview ? (
        <Recommendation preview={preview} claims={claims} mode={mode} />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="intake-triage-pending"
          title={
            loading
              ? '正在生成分流建议…'
              : '填写劳动者、用人单位和诉求后，这里自动给出分流建议（附理由与法律依据）'
          }
        />
      )}
      <ConsentCard consentGiven={consentGiven} />
    </Form>
  );
}

function Recommendation({
  preview,
  claims,
  mode,
}: {
  preview: TriagePreview;
  claims: ClaimDraft[];
  mode: 'accept' | 'override';
}) {
  const r = preview.result;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {r.priorityFlags.map((f) => (
          <Tag color="red" key={f}>
            优先：{PRIORITY_LABELS[f] ?? f}
          </Tag>
        ))}
        {r.collective ? <Tag color="volcano">集体争议</Tag> : null}
        {r.sameDayAcceptance ? <Tag color="green">符合条件的当日受理</Tag> : null}
      </Space>
      {preview.duplicates.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="duplicate-flag"
          title={`该劳动者与用人单位已有未结事项：${preview.duplicates.map((d) => d.number).join('、')}`}
          description="提交后将标记为疑似重复，可在事项页面合并。"
        />
      ) : null}
      {r.conflicts.map((c) => (
        <Alert
          key={c.claimType}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={c.message}
          description={c.basis}
        />
      ))}
      {r.warnings
        .filter((w) => w.code !== 'SAME_CLAIM_IN_OTHER_PROCEEDING')
        .map((w) => (
          <Alert
            key={w.code + w.message}
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            title={w.message}
            description={w.basis}
          />
        ))}
      <Card size="small" title="分流建议（供窗口人员决定，理由与法律依据如下）" style={{ marginBottom: 12 }}>
        <List
          dataSource={r.recommendations}
          renderItem={(rec) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color="blue">{TRACK_LABELS[rec.track] ?? rec.track}</Tag>
                    {rec.claimTypes.map((t) => (
                      <Tag key={t}>{label(t)}</Tag>
                    ))}
                    {rec.urgent ? <Tag color="red">紧急</Tag> : null}
                  </Space>
                }
                description={
                  <>
                    <div>{rec.reason}</div>
                    <Typography.Text type="secondary">依据：{rec.basis}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {r.choice ? (
        <Card size="small" title="劳动者可自主选择的救济途径" style={{ marginBottom: 12 }}>
          <Typography.Paragraph>{r.choice.message}</Typography.Paragraph>
          <ul>
            {r.choice.options.map((o) => (
              <li key={o.track}>{o.explanation}</li>
            ))}
          </ul>
          <Typography.Text type="secondary">依据：{r.choice.basis}</Typography.Text>
        </Card>
      ) : null}
      <Card size="small" title="分流决定" style={{ marginBottom: 12 }}>
        <Form.Item name="mode">
          <Radio.Group>
            <Radio value="accept" data-testid="intake-accept-recommendation">
              采纳建议
            </Radio>
            <Radio value="override" data-testid="intake-override">
              不采纳，改为指定程序
            </Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'accept' ? (
          <Typography.Paragraph type="secondary">
            采纳后：
            {preview.defaultRoutes
              .map(
                (d) =>
                  `${label(claims[d.claimIndex]?.type ?? '')}→${d.track ? TRACK_LABELS[d.track] : '暂不分流'}`,
              )
              .join('；')}
            （同意调解的，建议先行调解）
          </Typography.Paragraph>
        ) : (
          <>
            {claims.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the claim list is fixed while this step is shown
              <Form.Item key={`${c.type}-${i}`} name={['routes', i]} label={`${i + 1}. ${label(c.type)}`}>
                <Select allowClear options={ROUTE_OPTIONS} placeholder="暂不分流" />
              </Form.Item>
            ))}
            <Form.Item
              name="overrideReason"
              label="改判理由（必填）"
              rules={[{ required: true, min: 4, message: '不采纳分流建议时必须填写理由（至少4个字）' }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2 }}
                maxLength={1000}
                data-testid="intake-override-reason"
              />
            </Form.Item>
          </>
        )}
      </Card>
    </>
  );
}

function ConsentCard({ consentGiven }: { consentGiven: boolean }) {
  return (
    <Card
      size="small"
      title="调解意愿（调解自愿，《劳动争议调解仲裁法》第三条）"
      style={{ marginBottom: 12 }}
    >
      <Form.Item name="consentGiven" valuePropName="checked">
        <Checkbox data-testid="intake-consent">劳动者同意先行调解（已在调解申请书/同意书上签字）</Checkbox>
      </Form.Item>
      {consentGiven ? (
        <Form.Item name="consentMethod" label="同意方式">
          <Radio.Group>
            <Radio value="window_signature">窗口当面签字</Radio>
            <Radio value="online_confirmation">网上确认</Radio>
          </Radio.Group>
        </Form.Item>
      ) : null}
    </Card>
  );
}
