import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { hasPermission, useCurrentUser } from '../../auth/hooks/use-session';
import { useMatter } from '../../matters/hooks/use-matters';
import {
  type ArbitrationCase,
  MATERIAL_KINDS,
  type MaterialKind,
  type StepResult,
  arbitrationApi,
} from '../api/arbitration.api';
import { feedback } from '../../../lib/feedback';
import { useArbitrationRefresh } from '../hooks/use-arbitration';
import { money } from '../../../lib/money';

const KINDS: MaterialKind[] = ['application', 'applicant_id', 'respondent_info', 'evidence', 'authorization'];
const KIND_LABELS: Partial<Record<MaterialKind, string>> = {
  application: '仲裁申请书（据登记信息生成，申请人签名确认）',
  applicant_id: '申请人身份证明（窗口已核验证件）',
  respondent_info: '被申请人主体资格材料（营业执照或登记信息）',
};

/**
 * 初审 of an application, inline on the matter page. The claims, facts, parties and evidence list are
 * already on it (from the window intake, or what mediation left: 调解仲裁法第十四条第三款); the materials
 * the system already holds start ticked — the application generated from the registration, the identity
 * document checked at the window, the employer's registration when it has a credit code, the evidence
 * uploaded — and the clerk unticks what was not handed in. The server decides 收件回执 or a 补正通知书
 * listing every missing item. A wage / work-injury / major collective case can be received and accepted
 * in the same step by staff who hold the power to accept (受理通知书 the same day).
 */
export function ReviewForm({
  c,
  onDone,
  correcting = false,
}: {
  c: ArbitrationCase;
  onDone?: (r: StepResult) => void;
  /** 补正完成: the applicant brought what the 补正通知书 listed; the same review runs again. */
  correcting?: boolean;
}) {
  const refresh = useArbitrationRefresh();
  const [busy, setBusy] = useState(false);
  const matter = useMatter(c.matterId);
  const user = useCurrentUser();
  // 受理 is offered only to a user whose posts in this case's jurisdiction may take it (the machine's
  // roles for 'accept', e.g. a certified arbitrator): a clerk is never offered a step that is refused.
  const canAccept =
    c.availableEvents.some((e) => e.event === 'accept') &&
    (hasPermission(user, 'arbitration.work') || hasPermission(user, 'leader.dashboard'));
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[] | null>(null);
  // Evidence the worker brings later (uploaded to the matter while this form is open) is counted: the
  // box is ticked as soon as the record holds it, without losing what the clerk has typed.
  const evidenceHeld = c.evidence.length > 0 || (matter.data?.evidence.length ?? 0) > 0;
  // Only once the form is on screen (it starts from its initial values, which count what is held then).
  const loading = matter.isPending;
  useEffect(() => {
    if (!evidenceHeld || loading) return;
    const kinds = (form.getFieldValue('kinds') as MaterialKind[] | undefined) ?? [];
    if (!kinds.includes('evidence')) form.setFieldValue('kinds', [...kinds, 'evidence']);
  }, [evidenceHeld, loading, form]);
  if (matter.isPending) return null;
  const m = matter.data;
  const respondents = c.parties.filter((p) => p.role === 'employer').length || 1;
  const held: MaterialKind[] = ['application'];
  if (m?.workers.length && m.workers.every((w) => w.idNumberMasked)) held.push('applicant_id');
  if (m?.employers.length && m.employers.every((e) => e.creditCode)) held.push('respondent_info');
  if (evidenceHeld) held.push('evidence');

  const submit = async (accept: boolean) => {
    setError(null);
    const v = await form.validateFields();
    const evidence = String(v.evidence ?? '')
      .split('\n')
      .map((x: string) => x.trim())
      .filter(Boolean)
      .map((title: string) => ({ title, source: '申请人提供' }));
    setBusy(true);
    try {
      // 收件 and, when asked, 受理 in one server transaction.
      const r = await arbitrationApi.action(c.caseId, '/review', {
        facts: v.facts,
        evidence,
        materials: (v.kinds as MaterialKind[]).map((kind) => ({
          kind,
          title: MATERIAL_KINDS[kind],
          form: kind === 'application' ? '原件' : '复印件',
          pages: 1,
        })),
        copiesSubmitted: v.copiesSubmitted,
        applicantSigned: true,
        ...(accept && { acceptIfComplete: true }),
      });
      if (!r.complete) {
        setMissing(r.missingItems ?? []);
        onDone?.(r);
        return;
      }
      if (accept) feedback.success('已收件并受理，受理通知书已出具');
      onDone?.(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : '提交失败，请重试');
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Card
      size="small"
      title={correcting ? '补正完成：核对申请人补交的材料后重新初审' : '收取仲裁申请材料（初审）'}
      data-testid={correcting ? 'correction-form' : 'review-form'}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          facts: c.facts,
          kinds: held,
          evidence: c.evidence.map((e) => e.title).join('\n'),
          copiesSubmitted: respondents,
        }}
      >
        <Form.Item label="仲裁请求">
          {c.claims.map((x) => `${x.label}${x.amountFen ? ` ${money(x.amountFen)}` : ''}`).join('；')}
        </Form.Item>
        <Form.Item name="facts" label="事实和理由">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="review-facts" />
        </Form.Item>
        <Form.Item name="kinds" label="已收到的材料（未勾选的将列入补正通知书）">
          <Checkbox.Group
            options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] ?? MATERIAL_KINDS[k] }))}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="evidence" label="证据目录（每行一项）" style={{ minWidth: 'min(360px, 80vw)' }}>
            <Input.TextArea
              autoSize={{ minRows: 1 }}
              data-testid="review-evidence"
              placeholder="如：考勤记录"
            />
          </Form.Item>
          <Form.Item name="copiesSubmitted" label="申请书副本份数（按被申请人人数）">
            <InputNumber min={0} max={20} />
          </Form.Item>
        </Space>
      </Form>
      {missing?.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="review-missing"
          title="材料不全，已出具补正通知书，一次性告知以下全部事项："
          description={
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {missing.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ol>
          }
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        申请人须在仲裁申请书上签名（盖章或按指印）后再提交（《劳动争议调解仲裁法》第二十八条）。
      </Typography.Paragraph>
      <Space wrap>
        {canAccept && c.sameDayCategory ? (
          <Button type="primary" loading={busy} onClick={() => void submit(true)} data-testid="review-accept">
            申请人已签名：收件并当场受理
          </Button>
        ) : null}
        <Button
          type={canAccept && c.sameDayCategory ? 'default' : 'primary'}
          loading={busy}
          onClick={() => void submit(false)}
          data-testid={correcting ? 'review-correct' : 'review-submit'}
        >
          {correcting ? '补正完成：重新初审' : '申请人已签名：初审并出具文书'}
        </Button>
      </Space>
    </Card>
  );
}
