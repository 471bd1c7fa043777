import { useCallback, useEffect, useState } from 'react';
import { api, errorText, newKey, type PortalResponse } from '../api';
import { EvidencePicker, type Uploaded } from '../Evidence';
import { ObligationsCard } from './Obligations';
import { ProposalCard } from './Proposal';
import { day, time } from './Matters';
import { chineseDate } from '@onestop/domain/time';
import { WageLine } from './WageLine';

// The API's shapes, generated from the server's OpenAPI (src/lib/api-types.ts).
type Detail = PortalResponse<'/matters/{id}'>;
type Message = PortalResponse<'/matters/{id}/messages'>['items'][number];

function Messages({ id }: { id: string }) {
  const [items, setItems] = useState<Message[]>([]);
  const [text, setText] = useState('');
  const load = useCallback(
    () => api<{ items: Message[] }>(`/matters/${id}/messages`).then((r) => setItems(r.items)),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const send = async () => {
    if (!text.trim()) return;
    await api(`/matters/${id}/messages`, { body: { body: text.trim() } });
    setText('');
    await load();
  };
  return (
    <section className="card" aria-labelledby="msgs">
      <h2 id="msgs">留言</h2>
      {items.length === 0 ? <p className="hint">还没有留言。</p> : null}
      {items.map((m) => (
        <p key={m.id} className={m.fromMe ? '' : 'alert ok'}>
          <strong>{m.author}</strong>（{time(m.at)}）：{m.body}
        </p>
      ))}
      <label htmlFor="msg">给工作人员留言</label>
      <textarea id="msg" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" className="secondary" onClick={() => void send()}>
        发送
      </button>
    </section>
  );
}

function Rating({
  id,
  track,
  label,
  onDone,
}: {
  id: string;
  track: string;
  label: string;
  onDone: () => void;
}) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await api(`/matters/${id}/ratings`, {
        body: { track, score, ...(comment.trim() && { comment: comment.trim() }) },
      });
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <fieldset className="card" data-testid={`rating-${track}`}>
      <legend>
        <strong>请为“{label}”的办理打分</strong>
      </legend>
      <div className="row" role="radiogroup" aria-label="满意程度">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="check">
            <input
              type="radio"
              name={`score-${track}`}
              checked={score === n}
              onChange={() => setScore(n)}
              data-testid={`rating-${track}-${n}`}
            />
            {n}分
          </label>
        ))}
      </div>
      <p className="hint">1分很不满意，5分很满意。</p>
      <label htmlFor={`comment-${track}`}>意见建议（可不填）</label>
      <input id={`comment-${track}`} value={comment} onChange={(e) => setComment(e.target.value)} />
      {error ? <p className="alert error">{error}</p> : null}
      <button
        type="button"
        disabled={score === 0}
        onClick={() => void submit()}
        data-testid={`rating-${track}-submit`}
      >
        提交评价
      </button>
    </fieldset>
  );
}

function MoreEvidence({ id, onDone, defence }: { id: string; onDone: () => void; defence: boolean }) {
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [text, setText] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const submit = async () => {
    try {
      if (defence) await api(`/matters/${id}/defence`, { body: { text, uploadIds: files.map((f) => f.id) } });
      else
        await api(`/matters/${id}/evidence`, {
          body: { uploadIds: files.map((f) => f.id) },
          idempotencyKey: newKey(),
          retries: 4,
        });
      setFiles([]);
      setText('');
      setMsg('已提交');
      onDone();
    } catch (e) {
      setMsg(errorText(e));
    }
  };
  return (
    <section className="card" aria-labelledby={defence ? 'defence' : 'more'}>
      <h2 id={defence ? 'defence' : 'more'}>{defence ? '提交答辩意见' : '补充证据'}</h2>
      {defence ? (
        <>
          <label htmlFor="defence-text">答辩意见</label>
          <textarea id="defence-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        </>
      ) : null}
      <EvidencePicker files={files} onChange={setFiles} idPrefix={defence ? 'defence' : 'more'} />
      {msg ? <p role="status">{msg}</p> : null}
      <button
        type="button"
        disabled={defence ? text.trim().length < 10 : files.length === 0}
        onClick={() => void submit()}
      >
        提交
      </button>
    </section>
  );
}

export function MatterPage({ id }: { id: string }) {
  const [d, setD] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api<Detail>(`/matters/${id}`)
        .then(setD)
        .catch((e) => setError(errorText(e))),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <p className="alert error">{error}</p>;
  if (!d) return <p role="status">正在加载…</p>;
  const open = async (serviceId: string) => {
    window.open(`/api/portal/matters/${id}/documents/${serviceId}/file`, '_blank', 'noopener');
    setTimeout(() => void load(), 1500);
  };
  const consentEService = async () => {
    await api(`/matters/${id}/consents`, { body: { kind: 'electronic_service', given: true } });
    await load();
  };
  return (
    <>
      <h1>{d.number}</h1>
      <p>
        <span className="tag">{d.roleLabel}</span>{' '}
        <strong data-testid="matter-status">{d.statusLabel}</strong>
      </p>
      <p className="hint">
        {d.role === 'worker' ? '被申请人' : '申请人'}：{d.otherSide.join('、')} · 提交于 {day(d.receivedAt)}
      </p>
      {d.queryCode ? (
        <p>
          查询码：<span className="big">{d.queryCode}</span>
        </p>
      ) : null}
      <section className="card" aria-labelledby="claims">
        <h2 id="claims">请求事项</h2>
        <ul className="plain">
          {d.claims.map((c) => (
            <li key={c.id}>
              {c.label}
              {c.amountText ? `：${c.amountText}` : ''}
            </li>
          ))}
        </ul>
        {d.cases.map((c) => (
          <div key={c.number} data-testid={`case-${c.track}`}>
            <p>
              {c.trackLabel}（{c.number}）：<strong>{c.stateLabel}</strong>
            </p>
            {c.next ? (
              <p className="hint" data-testid={`case-next-${c.track}`}>
                下一步：{c.next.steps.join('或')}
                {c.next.by ? `（由${c.next.by}办理）` : ''}
                {c.next.dueDate
                  ? `，期限：${chineseDate(c.next.dueDate)}${c.next.dueRule ? `（${c.next.dueRule}）` : ''}`
                  : ''}
              </p>
            ) : null}
          </div>
        ))}
      </section>
      {d.role === 'worker' ? <WageLine matterId={id} /> : null}
      {d.upcoming.length ? (
        <section className="card" aria-labelledby="upcoming">
          <h2 id="upcoming">近期安排</h2>
          {d.upcoming.map((u) => (
            <p key={u.at + u.label}>
              <strong>{u.label}</strong>：{time(u.at)}，{u.place}
            </p>
          ))}
        </section>
      ) : null}
      <section className="card" aria-labelledby="docs">
        <h2 id="docs">送达给我的文书</h2>
        {d.documents.length === 0 ? <p className="hint">暂时没有。</p> : null}
        {d.documents.map((doc) => (
          <p key={doc.serviceId}>
            {doc.title} {doc.number}
            <br />
            <button
              type="button"
              className="secondary"
              onClick={() => void open(doc.serviceId)}
              data-testid={`doc-${doc.type}`}
            >
              打开文书
            </button>{' '}
            <span className="hint">
              {doc.openedAt ? `已于 ${time(doc.openedAt)} 送达` : '打开即视为送达'}
            </span>
          </p>
        ))}
        {d.consents.electronicService?.given ? null : (
          <button type="button" className="secondary" onClick={() => void consentEService()}>
            同意电子送达
          </button>
        )}
      </section>
      <ObligationsCard matterId={id} worker={d.role === 'worker'} />
      {d.role === 'employer' && d.documents.some((x) => x.type === 'mediation_proposal') ? (
        <ProposalCard id={id} onDone={() => void load()} />
      ) : null}
      {d.ratings
        .filter((r) => r.score === null)
        .map((r) => (
          <Rating key={r.track} id={id} track={r.track} label={r.label} onDone={() => void load()} />
        ))}
      {d.ratings.some((r) => r.score !== null) ? <p className="alert ok">谢谢您的评价。</p> : null}
      <section className="card" aria-labelledby="tl">
        <h2 id="tl">办理进度</h2>
        <ol className="timeline" data-testid="timeline">
          {d.timeline.map((t) => (
            <li key={t.id}>
              <time dateTime={t.at}>{time(t.at)}</time>
              {t.text}
            </li>
          ))}
        </ol>
      </section>
      <Messages id={id} />
      {d.statusLabel !== '已办结' ? (
        <MoreEvidence id={id} onDone={() => void load()} defence={d.role === 'employer'} />
      ) : null}
    </>
  );
}
