import { Alert, Button, Card, Result, Space, Steps, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
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
import { TriageStep } from '../features/intake/components/TriageStep';
import type { IntakeDraft, TriagePreview } from '../features/intake/types';
import { mattersApi } from '../features/matters/api/matters.api';
import type { MatterDetail } from '../features/matters/types';
import { isApiError } from '../lib/api';
import { feedback } from '../lib/feedback';
import { useIsMobile } from '../lib/use-is-mobile';

function newKey() {
  return `intake-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Window-mode intake (一窗受理) in three steps: parties, claims and evidence, triage and submit. */
export default function IntakePage() {
  const user = useCurrentUser();
  const isMobile = useIsMobile();
  const jurisdictions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user.roles)
      if (r.role === 'intake_clerk') for (const j of r.jurisdictions) seen.set(j.id, j.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);
  const [step, setStep] = useState(0);
  const [parties, setParties] = useState<PartiesValues | null>(null);
  const [claims, setClaims] = useState<ClaimsValues | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [preview, setPreview] = useState<TriagePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ matter: MatterDetail; uploadFailed: boolean } | null>(null);
  const key = useRef(newKey());

  const draftOf = (p: PartiesValues, c: ClaimsValues): IntakeDraft => ({
    channel: p.channel,
    requestKind: p.requestKind,
    jurisdictionId: p.jurisdictionId,
    workers: [p.worker, ...(p.others ?? [])].map((w) => ({ ...w, name: w.name?.trim() })),
    employers: [p.employer],
    claims: toClaimDrafts(c.claims),
    narrative: c.narrative ?? '',
    facts: toFacts(c),
  });

  const toTriage = async (c: ClaimsValues) => {
    if (!parties) return;
    setClaims(c);
    setBusy(true);
    setError(null);
    try {
      setPreview(await intakeApi.preview(draftOf(parties, c)));
      setStep(2);
    } catch (e) {
      setError(isApiError(e) ? e.message : '分流建议获取失败');
    } finally {
      setBusy(false);
    }
  };

  const submit = async (triage: NonNullable<IntakeDraft['triage']>, consent: IntakeDraft['consent']) => {
    if (!parties || !claims) return;
    setBusy(true);
    setError(null);
    try {
      const matter = await intakeApi.create(
        { ...draftOf(parties, claims), triage, ...(consent && { consent }) },
        key.current,
      );
      let uploadFailed = false;
      if (files.length) {
        try {
          await mattersApi.uploadEvidence(matter.id, files);
        } catch (e) {
          uploadFailed = true;
          feedback.error(isApiError(e) ? e.message : '证据上传失败，请在事项页面重新上传');
        }
      }
      setCreated({ matter, uploadFailed });
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep(0);
    setParties(null);
    setClaims(null);
    setFiles([]);
    setPreview(null);
    setCreated(null);
    key.current = newKey();
  };

  if (created) {
    const m = created.matter;
    return (
      <>
        <PageHeader title="窗口受理" />
        <Card>
          <Result
            status="success"
            title={
              <span>
                受理登记完成：<span data-testid="matter-number">{m.number}</span>
              </span>
            }
            subTitle={`${m.statusLabel}；劳动者${m.workerCount}人，诉求${m.claims.length}项${
              created.uploadFailed ? '；证据未上传成功，请在事项页面补传' : ''
            }`}
            extra={
              <Space wrap>
                <Link to={`/matters/${m.id}`} data-testid="matter-link">
                  <Button type="primary" autoFocus>
                    查看事项
                  </Button>
                </Link>
                <Button onClick={restart}>继续受理下一位</Button>
              </Space>
            }
          />
          {m.duplicateOf ? (
            <Alert
              type="warning"
              showIcon
              data-testid="duplicate-flag"
              title={
                <span>
                  疑似重复：该劳动者与用人单位已有未结事项{' '}
                  <Link to={`/matters/${m.duplicateOf.id}`}>{m.duplicateOf.number}</Link>
                </span>
              }
            />
          ) : null}
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title="窗口受理">一窗受理：来访、电话、网上申请与转办事项在此登记，三步完成。</PageHeader>
      <Card>
        <Steps
          current={step}
          size="small"
          orientation={isMobile ? 'vertical' : 'horizontal'}
          style={{ marginBottom: 24 }}
          items={[{ title: '当事人' }, { title: '诉求与证据' }, { title: '分流与提交' }]}
        />
        {error ? (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="intake-error"
          />
        ) : null}
        {step === 0 ? (
          <PartiesStep
            initial={parties ?? (jurisdictions[0] ? { jurisdictionId: jurisdictions.at(-1)!.value } : {})}
            jurisdictions={jurisdictions}
            onNext={(v) => {
              setParties(v);
              setError(null);
              setStep(1);
            }}
          />
        ) : null}
        {step === 1 ? (
          <ClaimsStep
            initial={claims}
            files={files}
            onFiles={setFiles}
            busy={busy}
            onBack={() => setStep(0)}
            onNext={(v) => void toTriage(v)}
          />
        ) : null}
        {step === 2 && preview && claims && parties ? (
          <TriageStep
            preview={preview}
            claims={toClaimDrafts(claims.claims)}
            channel={parties.channel}
            busy={busy}
            onBack={() => setStep(1)}
            onSubmit={(t, c) => void submit(t, c)}
          />
        ) : null}
        {step === 2 && !preview ? <Typography.Text>正在获取分流建议…</Typography.Text> : null}
      </Card>
    </>
  );
}
