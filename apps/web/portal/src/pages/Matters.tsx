import { type FormEvent, useEffect, useState } from 'react';
import { api, errorText, type PortalResponse } from '../api';
import { Link } from '../router';
import { useSession } from '../session';
import { chineseDateClockOf, chineseDateOf, DEFAULT_TZ_OFFSET_MINUTES } from '@onestop/domain/time';
import { MyWrittenHearings } from './Written';

type Item = PortalResponse<'/matters'>['items'][number];

/** Dates and times in the business time zone (the one time module). */
export const day = (iso: string) => chineseDateOf(iso, DEFAULT_TZ_OFFSET_MINUTES);
export const time = (iso: string) => chineseDateClockOf(iso, DEFAULT_TZ_OFFSET_MINUTES);

export function MattersPage() {
  const { session, loading } = useSession();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    if (!session || reload < 0) return;
    api<{ items: Item[] }>('/matters')
      .then((r) => setItems(r.items))
      .catch((e) => setError(errorText(e)));
  }, [session, reload]);
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
        <p className="hint">
          暂时没有事项。窗口登记时留的手机号与登录手机号相同，事项就会显示在这里；用人单位请输入应诉材料上的单位代表码。
        </p>
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
      <MyRooms reload={reload} />
      <MyWrittenHearings reload={reload} />
      <RepresentationForm onAdded={() => setReload((n) => n + 1)} />
    </>
  );
}

type RoomItem = PortalResponse<'/rooms'>['items'][number];

/** Mediation sessions and hearings the user is invited to (the link of the invitation SMS). */
function MyRooms({ reload }: { reload: number }) {
  const [rooms, setRooms] = useState<RoomItem[]>([]);
  useEffect(() => {
    if (reload < 0) return;
    api<{ items: RoomItem[] }>('/rooms')
      .then((r) => setRooms(r.items))
      .catch(() => setRooms([]));
  }, [reload]);
  if (!rooms.length) return null;
  return (
    <section aria-label="调解与开庭安排">
      <h2>调解与开庭安排</h2>
      {rooms.map((r) =>
        r.online ? (
          <Link
            key={r.id}
            to={`/rooms/${r.id}`}
            className="card"
            style={{ display: 'block', color: 'inherit' }}
            data-testid="room-item"
          >
            <strong>
              {r.formatLabel}
              {r.kindLabel}
            </strong>{' '}
            <span className="tag">{r.stateLabel}</span>
            <br />
            {r.startsAtText}（案件{r.caseNumber}）
            <br />
            <span className="hint">点此进入在线{r.kindLabel}室</span>
          </Link>
        ) : (
          <p key={r.id} className="card">
            {r.formatLabel}
            {r.kindLabel}：{r.startsAtText}（案件{r.caseNumber}）
          </p>
        ),
      )}
    </section>
  );
}

/** 单位代表码: an employer's representative opens the matter named on the papers served on the employer. */
function RepresentationForm({ onAdded }: { onAdded: () => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api<{ matterId: string }>('/representation', { body: { code } });
      setCode('');
      onAdded();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="representation-form">
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
        用人单位代表：输入办案机构在应诉材料上提供的代表码，即可在网上查看该事项并应诉。代表码只能使用一次。
      </p>
      {error ? (
        <p className="alert error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        className="wide"
        disabled={busy || code.trim().length < 4}
        data-testid="representation-submit"
      >
        添加事项
      </button>
    </form>
  );
}
