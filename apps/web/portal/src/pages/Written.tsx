import { chineseDate, chineseDateClockOf, DEFAULT_TZ_OFFSET_MINUTES } from '@onestop/domain/time';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText, type PortalResponse } from '../api';
import { EvidencePicker, type Uploaded } from '../Evidence';
import { Link } from '../router';
import { useSession } from '../session';

// The API's shapes, generated from the server's OpenAPI (src/lib/api-types.ts).
type Written = PortalResponse<'/written-hearings/{caseId}'>;
type WrittenItem = PortalResponse<'/written-hearings'>['items'][number];
type Round = Written['submissions'][number]['round'];

/** A business date (YYYY-MM-DD) and an instant, as the rest of the portal prints them. */
const day = chineseDate;
const when = (iso: string) => chineseDateClockOf(iso, DEFAULT_TZ_OFFSET_MINUTES);

/** On 我的事项: the written hearings the user is a party to, each with what is due next. */
export function MyWrittenHearings({ reload }: { reload: number }) {
  const [items, setItems] = useState<WrittenItem[]>([]);
  useEffect(() => {
    if (reload < 0) return;
    api<{ items: WrittenItem[] }>('/written-hearings')
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [reload]);
  if (!items.length) return null;
  return (
    <section aria-label="书面审理">
      <h2>书面审理（不开庭）</h2>
      {items.map((w) => {
        const due =
          !w.submitted.includes('statement') && w.statementOpen
            ? `请在${day(w.statementDue)}前提交陈述意见和证据`
            : !w.submitted.includes('reply') && w.replyOpen
              ? `请在${day(w.replyDue)}前对对方材料发表质证意见`
              : '材料已提交，等待仲裁庭审理';
        return (
          <Link
            key={w.caseId}
            to={`/written/${w.caseId}`}
            className="card"
            style={{ display: 'block', color: 'inherit' }}
            data-testid="written-item"
          >
            <strong>案件{w.caseNumber}</strong> <span className="tag">{w.roleLabel}</span>
            <br />
            {due}
            <br />
            <span className="hint">点此查看和提交</span>
          </Link>
        );
      })}
    </section>
  );
}

/**
 * The party's written hearing on the phone (issue #20): the tribunal's order, the two periods, the
 * statement with evidence (files from the camera or the album), then comments on the other side's
 * papers, which become visible once the statements are closed (both in, or the period ended).
 */
export function WrittenPage({ caseId }: { caseId: string }) {
  const { session, loading } = useSession();
  const [w, setW] = useState<Written | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<Written>(`/written-hearings/${caseId}`)
      .then((r) => {
        setW(r);
        setError(null);
      })
      .catch((e) => setError(errorText(e)));
  }, [caseId]);
  useEffect(() => {
    if (session) load();
  }, [session, load]);

  if (loading) return <p role="status">正在加载…</p>;
  if (!session) {
    return (
      <>
        <h1>书面审理</h1>
        <p>请先用登记的手机号登录。</p>
        <Link className="button wide" to={`/login?next=/written/${caseId}`}>
          手机号登录
        </Link>
      </>
    );
  }
  if (!w) return error ? <p className="alert error">{error}</p> : <p role="status">正在加载…</p>;
  // The viewer's own submissions are those of its side; the server shows the other side's only when allowed.
  const mine = (round: Round) => w.submissions.find((s) => s.round === round && s.role === w.viewer);
  const theirs = w.submissions.filter((s) => s.role !== w.viewer);
  const next: Round | null =
    !mine('statement') && w.statementOpen ? 'statement' : !mine('reply') && w.replyOpen ? 'reply' : null;
  return (
    <>
      <h1>书面审理</h1>
      <section className="card" aria-labelledby="order" data-testid="written-order">
        <h2 id="order">仲裁庭决定</h2>
        <p>
          本案适用简易处理，经双方同意，仲裁庭<strong>不开庭</strong>，根据双方在网上提交的材料审理。
        </p>
        <p className="hint">依据：{w.basis}</p>
        <p data-testid="written-statement-due">
          <strong>陈述意见和证据：</strong>
          {day(w.statementDue)}前（含当日）{w.statementOpen ? '' : '，已截止'}
        </p>
        <p data-testid="written-reply-due">
          <strong>对对方材料的质证意见：</strong>
          {day(w.replyDue)}前（含当日）{w.replyOpen ? '，现在可以提交' : ''}
        </p>
        <p className="hint">逾期未提交的，仲裁庭根据已有材料作出裁决。</p>
      </section>
      {next ? (
        <SubmitForm caseId={caseId} round={next} canUpload={session.kind === 'account'} onDone={setW} />
      ) : null}
      {(['statement', 'reply'] as const).map((round) => {
        const s = mine(round);
        return s ? (
          <section key={round} className="card" data-testid={`written-mine-${round}`}>
            <h2>我方的{s.roundLabel}</h2>
            <p className="alert ok">已于{when(s.submittedAt)}提交</p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{s.text}</p>
            {s.evidence.length ? <p className="hint">所附证据：{s.evidence.join('、')}</p> : null}
          </section>
        ) : null;
      })}
      <section className="card" aria-labelledby="theirs" data-testid="written-theirs">
        <h2 id="theirs">对方提交的材料</h2>
        {theirs.length === 0 ? (
          <p className="hint">
            双方都提交陈述意见后（或{day(w.statementDue)}
            期限届满后），这里会显示对方的陈述意见和证据，您可以发表质证意见。
          </p>
        ) : (
          theirs.map((s) => (
            <div key={s.round}>
              <p>
                <strong>
                  {s.roleLabel}的{s.roundLabel}
                </strong>
                （{when(s.submittedAt)}）
              </p>
              <p style={{ whiteSpace: 'pre-wrap' }}>{s.text}</p>
              {s.evidence.length ? <p className="hint">所附证据：{s.evidence.join('、')}</p> : null}
            </div>
          ))
        )}
      </section>
      {w.decidable ? (
        <p className="alert ok">材料已齐或期限已届满，请等待仲裁庭作出裁决，裁决书将送达给您。</p>
      ) : null}
      <Link to="/matters">返回我的事项</Link>
    </>
  );
}

function SubmitForm({
  caseId,
  round,
  canUpload,
  onDone,
}: {
  caseId: string;
  round: Round;
  canUpload: boolean;
  onDone: (w: Written) => void;
}) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = round === 'statement' ? '陈述意见和证据' : '质证意见';
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<Written>(`/written-hearings/${caseId}/submissions`, {
        body: { round, text: text.trim(), uploadIds: files.map((f) => f.id) },
      });
      setText('');
      setFiles([]);
      onDone(r);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="submit" data-testid="written-form">
      <h2 id="submit">提交{label}</h2>
      <label htmlFor="written-text">
        {round === 'statement'
          ? '您的陈述意见（事实、请求和理由）'
          : '对对方陈述和证据的意见（是否认可，理由）'}
      </label>
      <textarea
        id="written-text"
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="written-text"
      />
      <p className="hint">至少10个字。每一轮只能提交一次，提交后不能修改。</p>
      {canUpload ? (
        <EvidencePicker files={files} onChange={setFiles} idPrefix="written" />
      ) : (
        <p className="hint">用查询码登录时不能上传文件；如需附证据，请用手机号登录。</p>
      )}
      {error ? (
        <p className="alert error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="wide"
        disabled={busy || text.trim().length < 10}
        onClick={() => void submit()}
        data-testid="written-submit"
      >
        提交{label}
      </button>
    </section>
  );
}
