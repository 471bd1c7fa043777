import { useEffect, useState } from 'react';
import { api, errorText } from '../api';
import { Link } from '../router';
import { useSession } from '../session';

interface Item {
  id: string;
  number: string;
  roleLabel: string;
  statusLabel: string;
  receivedAt: string;
}

export const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
export const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

export function MattersPage() {
  const { session, loading } = useSession();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    if (!session) return;
    void loaded;
    api<{ items: Item[] }>('/matters')
      .then((r) => setItems(r.items))
      .catch((e) => setError(errorText(e)));
  }, [session, loaded]);
  if (loading) return <p role="status">正在加载…</p>;
  if (!session) {
    return (
      <>
        <h1>我的事项</h1>
        <p>登录后可以看到您（或您单位）的所有事项。</p>
        <Link className="button wide" to="/login?next=/matters">
          手机号登录
        </Link>
        <Link className="button secondary wide" to="/query">
          用查询码查询
        </Link>
      </>
    );
  }
  return (
    <>
      <h1>我的事项</h1>
      {error ? <p className="alert error">{error}</p> : null}
      {items?.length === 0 ? (
        <p className="hint">暂时没有事项。窗口登记时留的手机号与登录手机号相同，事项就会显示在这里。</p>
      ) : null}
      {items?.map((m) => (
        <Link
          key={m.id}
          to={`/matters/${m.id}`}
          className="card"
          style={{ display: 'block', color: 'inherit', textDecoration: 'none' }}
          data-testid="matter-item"
        >
          <strong>{m.number}</strong> <span className="tag">{m.roleLabel}</span>
          <br />
          {m.statusLabel}
          <br />
          <span className="hint">提交于 {day(m.receivedAt)}</span>
        </Link>
      ))}
      <RepresentationForm onDone={() => setLoaded((n) => n + 1)} />
    </>
  );
}

/**
 * An employer's representative reaches a matter only with the one-time 单位代表码 printed on the
 * 应诉通知书 (or sent to the employer's verified contact): a phone number typed by the other party
 * never opens an employer's matter.
 */
function RepresentationForm({ onDone }: { onDone: () => void }) {
  const [code, setCode] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMsg(null);
    try {
      await api<{ matterId: string }>('/representation', { body: { code: code.trim() } });
      setCode('');
      setMsg({ ok: true, text: '已开通，该事项已列在上方。' });
      onDone();
    } catch (err) {
      setMsg({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="representation-title">
      <h2 id="representation-title">用人单位网上应诉</h2>
      <label htmlFor="representation-code">单位代表码</label>
      <input
        id="representation-code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="off"
        aria-describedby="representation-hint"
        data-testid="representation-code"
      />
      <p className="hint" id="representation-hint">
        单位代表码印在应诉通知书上，一次有效，30日内使用。
      </p>
      {msg ? (
        <p className={`alert ${msg.ok ? 'ok' : 'error'}`} role="status">
          {msg.text}
        </p>
      ) : null}
      <button
        type="submit"
        className="button wide"
        disabled={busy || code.trim().length < 4}
        data-testid="representation-submit"
      >
        开通网上应诉
      </button>
    </form>
  );
}
