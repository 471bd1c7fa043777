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
  useEffect(() => {
    if (!session) return;
    api<{ items: Item[] }>('/matters')
      .then((r) => setItems(r.items))
      .catch((e) => setError(errorText(e)));
  }, [session]);
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
    </>
  );
}
