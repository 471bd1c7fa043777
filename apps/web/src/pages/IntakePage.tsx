import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../features/auth/hooks/use-session';
import { intakeApi } from '../features/intake/api/intake.api';
import {
  ClaimsStep,
  type ClaimsValues,
  toClaimDrafts,
  toFacts,
} from '../features/intake/components/ClaimsStep';
import { PartiesStep, type PartiesValues } from '../features/intake/components/PartiesStep';
import { type DecisionValues, TriageStep, toDecision } from '../features/intake/components/TriageStep';
import type { IntakeDraft, TriagePreview } from '../features/intake/types';
import { mattersApi } from '../features/matters/api/matters.api';
import { isApiError } from '../lib/api';
import { feedback } from '../lib/feedback';

function newKey() {
  return `intake-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** What the matter page shows right after a window intake (number, duplicate, upload problems). */
export interface IntakeCreatedState {
  intakeCreated: { number: string; uploadFailed: boolean };
}

const draftOf = (p: PartiesValues, c: ClaimsValues): IntakeDraft => ({
  channel: p.channel,
  requestKind: p.requestKind,
  jurisdictionId: p.jurisdictionId,
  workers: [p.worker, ...(p.others ?? [])].map((w) => ({ ...w, name: w.name?.trim() })),
  employers: [p.employer],
  claims: toClaimDrafts(c.claims ?? []),
  narrative: c.narrative ?? '',
  facts: toFacts(c),
});

/**
 * Window-mode intake (一窗受理) on ONE page: parties, claims and evidence, and the triage recommendation
 * that refreshes as they are typed; the worker's consent; one submit. After the submit the clerk lands on
 * the new matter, where mediation (or whatever was decided) goes on without another search.
 */
export default function IntakePage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const jurisdictions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user.roles)
      if (r.role === 'intake_clerk') for (const j of r.jurisdictions) seen.set(j.id, j.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);
  const [partiesForm] = Form.useForm<PartiesValues>();
  const [claimsForm] = Form.useForm<ClaimsValues>();
  const [decisionForm] = Form.useForm<DecisionValues>();
  const [files, setFiles] = useState<File[]>([]);
  const [preview, setPreview] = useState<{ key: string; value: TriagePreview } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [claimDrafts, setClaimDrafts] = useState<IntakeDraft['claims']>([]);
  const key = useRef(newKey());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef('');

  /** The draft when both sections are complete enough for a recommendation, else null. */
  const currentDraft = useCallback(async (): Promise<IntakeDraft | null> => {
    try {
      await partiesForm.validateFields({ validateOnly: true });
      await claimsForm.validateFields({ validateOnly: true });
    } catch {
      return null;
    }
    return draftOf(partiesForm.getFieldsValue(true), claimsForm.getFieldsValue(true));
  }, [partiesForm, claimsForm]);

  const refreshPreview = useCallback(async () => {
    setClaimDrafts(toClaimDrafts(claimsForm.getFieldValue('claims') ?? []));
    const draft = await currentDraft();
    if (!draft) return;
    const k = JSON.stringify(draft);
    if (k === latest.current) return;
    latest.current = k;
    setPreviewing(true);
    try {
      const value = await intakeApi.preview(draft);
      if (latest.current === k) setPreview({ key: k, value });
    } catch (e) {
      if (latest.current === k) setError(isApiError(e) ? e.message : '分流建议获取失败');
    } finally {
      setPreviewing(false);
    }
  }, [claimsForm, currentDraft]);

  const changed = useCallback(() => {
    setError(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void refreshPreview(), 500);
  }, [refreshPreview]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const submit = async () => {
    setError(null);
    let parties: PartiesValues;
    let claims: ClaimsValues;
    let decision: DecisionValues;
    try {
      await partiesForm.validateFields();
      await claimsForm.validateFields();
      decision = await decisionForm.validateFields();
      parties = partiesForm.getFieldsValue(true);
      claims = claimsForm.getFieldsValue(true);
    } catch {
      setError('请按红色提示补全或改正后再提交');
      return;
    }
    setBusy(true);
    try {
      const draft = draftOf(parties, claims);
      // An override is decided against the recommendation the clerk saw; it must match what is sent.
      if (decision.mode === 'override' && preview?.key !== JSON.stringify(draft)) {
        await refreshPreview();
        setError('诉求已修改，分流建议已更新，请重新确认分流决定');
        return;
      }
      const { triage, consent } = toDecision(decision);
      const matter = await intakeApi.create({ ...draft, triage, ...(consent && { consent }) }, key.current);
      let uploadFailed = false;
      if (files.length) {
        try {
          await mattersApi.uploadEvidence(matter.id, files);
        } catch (e) {
          uploadFailed = true;
          feedback.error(isApiError(e) ? e.message : '证据上传失败，请在事项页面重新上传');
        }
      }
      const state: IntakeCreatedState = { intakeCreated: { number: matter.number, uploadFailed } };
      navigate(`/matters/${matter.id}`, { state });
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const channel = Form.useWatch('channel', partiesForm) ?? 'window';
  return (
    <>
      <PageHeader title="窗口受理">
        一窗受理：来访、电话、网上申请与转办事项在此登记；填写当事人和诉求后自动给出分流建议，一次提交。
      </PageHeader>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title="一、当事人">
          <PartiesStep
            form={partiesForm}
            initial={jurisdictions[0] ? { jurisdictionId: jurisdictions.at(-1)!.value } : {}}
            jurisdictions={jurisdictions}
            onChange={changed}
          />
        </Card>
        <Card size="small" title="二、诉求与证据">
          <ClaimsStep form={claimsForm} initial={null} files={files} onFiles={setFiles} onChange={changed} />
        </Card>
        <Card size="small" title="三、分流与调解意愿" data-testid="intake-triage">
          <TriageStep
            form={decisionForm}
            preview={preview?.value ?? null}
            claims={claimDrafts}
            channel={channel}
            loading={previewing}
          />
        </Card>
        {error ? <Alert type="error" showIcon title={error} data-testid="intake-error" /> : null}
        <Space wrap>
          <Button
            type="primary"
            size="large"
            loading={busy}
            onClick={() => void submit()}
            data-testid="intake-submit"
          >
            提交受理登记
          </Button>
          <Typography.Text type="secondary">提交后进入该事项页面，可当场调解、出具文书。</Typography.Text>
        </Space>
      </Space>
    </>
  );
}
