import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, errorText, type PortalResponse } from '../api';
import { Link } from '../router';
import { useSession } from '../session';

/** 匿名举报: no account, nothing about the reporter is kept, no reply. */
export function ReportPage() {
  const [f, setF] = useState({ employerName: '', employerAddress: '', body: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('/reports', {
        body: {
          employerName: f.employerName,
          ...(f.employerAddress && { employerAddress: f.employerAddress }),
          body: f.body,
        },
        retries: 2,
      });
      setDone(true);
    } catch (err) {
      setError(errorText(err));
    }
  };
  if (done) {
    return (
      <>
        <h1>匿名举报</h1>
        <p className="alert ok" role="status">
          已收到，谢谢您。劳动保障监察部门会依法核查。匿名举报不会答复。
        </p>
      </>
    );
  }
  return (
    <form onSubmit={submit}>
      <h1>匿名举报</h1>
      <p className="alert">
        匿名举报不需要登录，不记录您的身份，也不会收到答复。如果是您自己的工资、合同等问题，希望得到处理结果，请用“投诉”。
      </p>
      <label htmlFor="r-employer">被举报单位名称 *</label>
      <input
        id="r-employer"
        value={f.employerName}
        onChange={(e) => setF({ ...f, employerName: e.target.value })}
      />
      <label htmlFor="r-address">单位地址</label>
      <input
        id="r-address"
        value={f.employerAddress}
        onChange={(e) => setF({ ...f, employerAddress: e.target.value })}
      />
      <label htmlFor="r-body">违法情况 *</label>
      <textarea id="r-body" rows={6} value={f.body} onChange={(e) => setF({ ...f, body: e.target.value })} />
      <p className="hint">写清楚时间、地点、涉及多少人。请不要写自己的姓名和电话。</p>
      {error ? (
        <p className="alert error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="wide">
        提交举报
      </button>
    </form>
  );
}

type Question = PortalResponse<'/questions'>['items'][number];

export function QuestionPage() {
  const { session, loading } = useSession();
  const [items, setItems] = useState<Question[]>([]);
  const [f, setF] = useState({ subject: '', body: '' });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(() => api<{ items: Question[] }>('/questions').then((r) => setItems(r.items)), []);
  useEffect(() => {
    if (session?.kind === 'account') void load();
  }, [session, load]);
  if (loading) return <p role="status">正在加载…</p>;
  if (session?.kind !== 'account') {
    return (
      <>
        <h1>咨询留言</h1>
        <p>留言需要先用手机号登录，工作人员回复后可以在这里看到。</p>
        <Link className="button wide" to="/login?next=/question">
          手机号登录
        </Link>
      </>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('/questions', { body: f });
      setF({ subject: '', body: '' });
      setMsg({ ok: true, text: '留言已提交，工作人员会尽快回复。' });
      await load();
    } catch (err) {
      setMsg({ ok: false, text: errorText(err) });
    }
  };
  return (
    <>
      <h1>咨询留言</h1>
      <form onSubmit={submit}>
        <label htmlFor="q-subject">标题</label>
        <input id="q-subject" value={f.subject} onChange={(e) => setF({ ...f, subject: e.target.value })} />
        <label htmlFor="q-body">您的问题</label>
        <textarea
          id="q-body"
          rows={5}
          value={f.body}
          onChange={(e) => setF({ ...f, body: e.target.value })}
        />
        {msg ? (
          <p className={`alert ${msg.ok ? 'ok' : 'error'}`} role="status">
            {msg.text}
          </p>
        ) : null}
        <button type="submit" className="wide">
          提交留言
        </button>
      </form>
      <h2>我的留言</h2>
      {items.length === 0 ? <p className="hint">还没有留言。</p> : null}
      {items.map((q) => (
        <div className="card" key={q.id}>
          <strong>{q.subject}</strong>
          <p>{q.body}</p>
          {q.replies.length ? (
            q.replies.map((r) => (
              <p key={r.at} className="alert ok">
                工作人员回复：{r.body}
              </p>
            ))
          ) : (
            <p className="hint">等待回复</p>
          )}
        </div>
      ))}
    </>
  );
}
