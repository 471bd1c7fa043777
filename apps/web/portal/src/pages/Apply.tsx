// Over 400 lines: the online application form with its draft, consent and 补正-field checks in one screen; to split the steps into components.
import { missingForArbitrationApplication } from '@onestop/domain/claims/application';
import { CLAIM_CATALOGUE, CLAIM_TYPES, type ClaimType } from '@onestop/domain/claims/catalogue';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, errorCode, errorText, newKey, type PortalResponse } from '../api';
import { clearDraft, loadDraft, saveDraft } from '../draft';
import { Field } from '../Field';
import { EvidencePicker, type Uploaded } from '../Evidence';
import { Link, navigate } from '../router';
import { useSession } from '../session';

type Kind = 'arbitration' | 'mediation' | 'complaint';
const TITLES: Record<Kind, string> = {
  arbitration: '申请劳动仲裁',
  mediation: '申请调解',
  complaint: '劳动保障监察投诉',
};

interface Claim {
  key: number;
  type: ClaimType;
  amount: string;
  periodFrom: string;
  periodTo: string;
  facts: string;
}

let claimKey = 0;
const emptyClaim = (): Claim => ({
  key: ++claimKey,
  type: 'unpaid_wages',
  amount: '',
  periodFrom: '',
  periodTo: '',
  facts: '',
});

interface Draft {
  f: Record<string, string | boolean>;
  claims: Omit<Claim, 'key'>[];
}

type Result = PortalResponse<'/applications', 'post'>;

export function ApplyPage({ kind }: { kind: Kind }) {
  const { session, loading } = useSession();
  const [places, setPlaces] = useState<{ id: string; name: string }[]>([]);
  const saved = useRef(loadDraft<Draft>(kind)).current;
  const [f, setF] = useState({
    jurisdictionId: '',
    name: '',
    idNumber: '',
    address: '',
    migrant: false,
    employer: '',
    creditCode: '',
    employerAddress: '',
    legalRepresentative: '',
    contactName: '',
    contactPhone: '',
    narrative: '',
    employmentStart: '',
    employmentEnd: '',
    ...saved?.f,
  });
  const [claims, setClaims] = useState<Claim[]>(
    saved?.claims?.length ? saved.claims.map((c) => ({ ...c, key: ++claimKey })) : [emptyClaim()],
  );
  const [files, setFiles] = useState<Uploaded[]>([]);
  // Consents are the worker's own express acts: never ticked in advance (a mediation request asks for
  // the tick before it is sent; 《劳动争议调解仲裁法》第三条: mediation is voluntary).
  const [mediation, setMediation] = useState(false);
  // Electronic service needs the worker's own express consent: never ticked in advance.
  const [eService, setEService] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Result | null>(null);
  const [draftSaved, setDraftSaved] = useState<string | null>(null);
  const key = useRef(newKey());
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });

  useEffect(() => {
    api<{ items: { id: string; name: string; level: string }[] }>('/public/jurisdictions').then((r) =>
      setPlaces(
        r.items.filter((j) => j.level === 'county').concat(r.items.filter((j) => j.level !== 'county')),
      ),
    );
  }, []);
  useEffect(() => {
    if (done) return;
    const { idNumber: _never, ...kept } = f;
    saveDraft(kind, { f: kept, claims: claims.map(({ key: _k, ...c }) => c) } satisfies Draft);
  }, [f, claims, kind, done]);
  if (loading) return <p role="status">正在加载…</p>;
  if (session?.kind !== 'account') {
    return (
      <>
        <h1>{TITLES[kind]}</h1>
        <p>网上申请需要先用手机号登录，以便通知您办理进度。</p>
        <Link className="button wide" to={`/login?next=/apply/${kind}`}>
          手机号登录
        </Link>
      </>
    );
  }
  if (done) {
    return (
      <section className="card" data-testid="apply-done">
        <h1>已提交</h1>
        <p className="alert ok">您的{TITLES[kind].replace('申请', '')}已收到，工作人员会尽快审核。</p>
        <p>
          事项编号：<strong>{done.number}</strong>
        </p>
        <p>
          查询码：<span className="big">{done.queryCode}</span>
        </p>
        <p className="hint">
          请记下查询码。不登录时，用查询码和证件号码后六位也能查看进度。已提交证据 {done.evidenceCount} 件。
        </p>
        <button
          type="button"
          className="wide"
          onClick={() => navigate(`/matters/${done.matterId}`)}
          data-testid="apply-view"
        >
          查看进度
        </button>
      </section>
    );
  }

  const submit = async (e: FormEvent, acknowledgeDuplicate = false) => {
    e.preventDefault();
    setError(null);
    if (kind === 'arbitration') {
      const missing = missingForArbitrationApplication({
        workerAddress: f.address,
        employerAddress: f.employerAddress,
        employerPrincipal: f.legalRepresentative,
        employmentStart: f.employmentStart,
        narrative: f.narrative,
        claims,
      });
      if (missing.length) {
        setError(
          `仲裁申请还需要填写：${missing.map((m) => m.label).join('、')}（否则仲裁委初审时会要求补正）`,
        );
        return;
      }
    }
    if (kind === 'mediation' && !mediation) {
      setError('申请调解须勾选“我愿意先调解”（调解以自愿为前提）');
      return;
    }
    setBusy(true);
    const body = {
      kind,
      jurisdictionId: f.jurisdictionId,
      worker: {
        name: f.name.trim(),
        idType: 'resident_id',
        idNumber: f.idNumber.trim(),
        ...(f.address.trim() && { address: f.address.trim() }),
        migrantWorker: f.migrant,
      },
      employer: {
        name: f.employer.trim(),
        ...(f.creditCode.trim() && { creditCode: f.creditCode.trim() }),
        ...(f.employerAddress.trim() && { address: f.employerAddress.trim() }),
        ...(f.legalRepresentative.trim() && { legalRepresentative: f.legalRepresentative.trim() }),
        ...(f.contactName.trim() && { contactName: f.contactName.trim() }),
        ...(f.contactPhone.trim() && { contactPhone: f.contactPhone.trim() }),
      },
      claims: claims.map((c) => ({
        type: c.type,
        ...(c.amount.trim() && { amountFen: Math.round(Number(c.amount) * 100) }),
        ...(c.periodFrom && { periodFrom: c.periodFrom }),
        ...(c.periodTo && { periodTo: c.periodTo }),
        facts: c.facts.trim(),
      })),
      narrative: f.narrative.trim(),
      facts: {
        ...(f.employmentStart && { employmentStart: f.employmentStart }),
        ...(f.employmentEnd && { employmentEnd: f.employmentEnd }),
      },
      uploadIds: files.map((x) => x.id),
      mediationConsent: mediation,
      electronicServiceConsent: eService,
      ...(acknowledgeDuplicate && { acknowledgeDuplicate: true }),
    };
    if (acknowledgeDuplicate) key.current = newKey();
    try {
      setDone(await api<Result>('/applications', { body, idempotencyKey: key.current, retries: 4 }));
      clearDraft(kind);
    } catch (err) {
      if (errorCode(err) === 'DUPLICATE_OPEN_MATTER') setDuplicate(true);
      // A refused body may be corrected and sent again: that is a new request.
      key.current = newKey();
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const setClaim = (i: number, patch: Partial<Claim>) =>
    setClaims(claims.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h1>{TITLES[kind]}</h1>
      <p className="hint">
        带 *
        的必须填写。填写的内容与窗口登记相同，工作人员审核后会通知您。已填的内容保存在本手机上，离开后回来可以接着填（身份证号码须重新输入）。
      </p>
      <label htmlFor="place">办理地点 *</label>
      <select
        id="place"
        value={f.jurisdictionId}
        onChange={(e) => set('jurisdictionId')(e.target.value)}
        data-testid="apply-place"
      >
        <option value="">请选择单位所在地或工作地</option>
        {places.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <h2>您的信息</h2>
      <Field id="name" label="姓名 *" value={f.name} onChange={set('name')} />
      <Field
        id="idNumber"
        label="居民身份证号码 *"
        value={f.idNumber}
        onChange={set('idNumber')}
        hint="18位，最后一位可能是X"
      />
      <Field
        id="address"
        label={kind === 'arbitration' ? '住址 *' : '住址'}
        value={f.address}
        onChange={set('address')}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={f.migrant}
          onChange={(e) => setF({ ...f, migrant: e.target.checked })}
        />
        我是进城务工人员（农民工）
      </label>
      <h2>单位信息</h2>
      <Field
        id="employer"
        label="单位名称 *"
        value={f.employer}
        onChange={set('employer')}
        hint="写全称，例如营业执照上的名称"
      />
      <Field
        id="creditCode"
        label="统一社会信用代码"
        value={f.creditCode}
        onChange={set('creditCode')}
        hint="不知道可以不填"
      />
      <Field
        id="employerAddress"
        label={kind === 'arbitration' ? '单位地址 *' : '单位地址'}
        value={f.employerAddress}
        onChange={set('employerAddress')}
      />
      <Field
        id="legalRepresentative"
        label={kind === 'arbitration' ? '单位法定代表人或负责人姓名 *' : '单位法定代表人或负责人姓名'}
        value={f.legalRepresentative}
        onChange={set('legalRepresentative')}
        hint="不知道法定代表人的，填老板或经理的姓名"
      />
      <Field id="contactName" label="单位联系人" value={f.contactName} onChange={set('contactName')} />
      <Field
        id="contactPhone"
        label="单位联系电话"
        value={f.contactPhone}
        onChange={set('contactPhone')}
        inputMode="numeric"
      />
      <h2>您的请求</h2>
      {claims.map((c, i) => (
        <fieldset className="card" key={c.key}>
          <legend>第{i + 1}项</legend>
          <label htmlFor={`claim-${i}-type`}>请求类型</label>
          <select
            id={`claim-${i}-type`}
            value={c.type}
            onChange={(e) => setClaim(i, { type: e.target.value as ClaimType })}
          >
            {CLAIM_TYPES.map((t) => (
              <option key={t} value={t}>
                {CLAIM_CATALOGUE[t].label}
              </option>
            ))}
          </select>
          {CLAIM_CATALOGUE[c.type].monetary ? (
            <Field
              id={`claim-${i}-amount`}
              label="金额（元）*"
              value={c.amount}
              onChange={(v) => setClaim(i, { amount: v })}
              inputMode="decimal"
            />
          ) : null}
          <Field
            id={`claim-${i}-from`}
            label={kind === 'arbitration' && CLAIM_CATALOGUE[c.type].monetary ? '从哪天起 *' : '从哪天起'}
            type="date"
            value={c.periodFrom}
            onChange={(v) => setClaim(i, { periodFrom: v })}
          />
          <Field
            id={`claim-${i}-to`}
            label={kind === 'arbitration' && CLAIM_CATALOGUE[c.type].monetary ? '到哪天止 *' : '到哪天止'}
            type="date"
            value={c.periodTo}
            onChange={(v) => setClaim(i, { periodTo: v })}
          />
          <label htmlFor={`claim-${i}-facts`}>事实和理由 *</label>
          <textarea
            id={`claim-${i}-facts`}
            rows={3}
            value={c.facts}
            onChange={(e) => setClaim(i, { facts: e.target.value })}
            data-testid={`apply-claim-${i}-facts`}
          />
          {claims.length > 1 ? (
            <button
              type="button"
              className="secondary"
              onClick={() => setClaims(claims.filter((_, j) => j !== i))}
            >
              删除这一项
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => setClaims([...claims, emptyClaim()])}>
        再加一项请求
      </button>
      <label htmlFor="narrative">简要经过</label>
      <textarea
        id="narrative"
        rows={4}
        value={f.narrative}
        onChange={(e) => set('narrative')(e.target.value)}
      />
      <Field
        id="employmentStart"
        label={kind === 'arbitration' ? '入职日期 *' : '入职日期'}
        type="date"
        value={f.employmentStart}
        onChange={set('employmentStart')}
      />
      <Field
        id="employmentEnd"
        label="离职日期"
        type="date"
        value={f.employmentEnd}
        onChange={set('employmentEnd')}
      />
      <h2>证据</h2>
      <EvidencePicker files={files} onChange={setFiles} idPrefix="evidence" />
      <h2>您的意见</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={mediation}
          onChange={(e) => setMediation(e.target.checked)}
          data-testid="apply-mediation"
        />
        我愿意先调解（免费、自愿；调不成还可以仲裁或投诉）
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={eService}
          onChange={(e) => setEService(e.target.checked)}
          data-testid="apply-eservice"
        />
        我同意中心把文书发到本网页（电子送达），第一次打开的时间就是送达时间；我仍可要纸质文书
      </label>
      <p className="hint">您的个人信息仅用于办理本事项，依法加密保存。</p>
      <button
        type="button"
        className="secondary wide"
        onClick={() => {
          const { idNumber: _never, ...kept } = f;
          saveDraft(kind, { f: kept, claims: claims.map(({ key: _k, ...c }) => c) } satisfies Draft);
          setDraftSaved('草稿已保存在本手机，下次打开本页可以接着填（身份证号码须重新输入）');
        }}
        data-testid="apply-save-draft"
      >
        保存草稿，稍后再填
      </button>
      {draftSaved ? (
        <p className="alert ok" role="status" data-testid="apply-draft-saved">
          {draftSaved}
        </p>
      ) : null}
      {error ? (
        <div className="alert error" role="alert">
          {error}
          {duplicate ? (
            <button
              type="button"
              className="secondary wide"
              onClick={(e) => void submit(e as unknown as FormEvent, true)}
              data-testid="apply-duplicate-confirm"
            >
              这是另一件事，仍然提交
            </button>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className="wide" disabled={busy} data-testid="apply-submit">
        {busy ? '正在提交…' : '提交'}
      </button>
    </form>
  );
}
