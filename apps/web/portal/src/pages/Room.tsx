import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type SignaturePad from 'signature_pad';
import { DeviceCheck } from '../../../src/features/rooms/DeviceCheck';
import { RoomStage } from '../../../src/features/rooms/RoomStage';
import { SignatureBox } from '../../../src/features/rooms/SignatureBox';
import { api, errorText, newKey, type PortalResponse } from '../api';
import { Link } from '../router';
import { useSession } from '../session';

type Room = PortalResponse<'/rooms/{id}'>;

/** The party's room on the phone: room code, device check, waiting room, the live record, signing. */
export function RoomPage({ id }: { id: string }) {
  const { session, loading } = useSession();
  const [room, setRoom] = useState<Room | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [media, setMedia] = useState<{ stream: MediaStream; audioOnly: boolean } | null>(null);
  const load = useCallback(() => {
    api<Room>(`/rooms/${id}`)
      .then((r) => {
        setRoom(r);
        setError(null);
      })
      .catch((e) => setError(errorText(e)));
  }, [id]);
  useEffect(() => {
    if (session) load();
  }, [session, load]);

  if (loading) return <p role="status">正在加载…</p>;
  if (!session) {
    return (
      <>
        <h1>在线调解室</h1>
        <p>请先用接收邀请短信的手机号登录。</p>
        <Link className="button wide" to={`/login?next=/rooms/${id}`}>
          手机号登录
        </Link>
      </>
    );
  }
  if (!room) return error ? <p className="alert error">{error}</p> : <p role="status">正在加载…</p>;
  const mine = room.invitations.find((i) => i.name === room.me.name);
  return (
    <>
      <h1>在线{room.kindLabel}室</h1>
      <p className="hint">
        案件{room.caseNumber}，{room.startsAtText}，{room.formatLabel}
        {room.kindLabel}（{room.stateLabel}）
      </p>
      {error ? <p className="alert error">{error}</p> : null}
      {!room.me.entered ? (
        <EnterCode id={id} onEntered={setRoom} />
      ) : !room.me.recordingAcknowledged ? (
        <RecordingNotice id={id} onDone={setRoom} />
      ) : room.record.state === 'drafting' && !media ? (
        <DeviceCheck onReady={(stream, audioOnly) => setMedia({ stream, audioOnly })} />
      ) : null}
      {room.me.entered && room.me.recordingAcknowledged && media && room.record.state === 'drafting' ? (
        <RoomStage
          roomId={id}
          iceServers={room.iceServers}
          stream={media.stream}
          audioOnly={media.audioOnly}
          host={false}
          onRoomChanged={(w) => {
            if (w.record !== undefined)
              setRoom((r) => (r ? { ...r, record: { ...r.record, text: w.record! } } : r));
            if (w.reload) load();
          }}
          exhibitUrl={(x) => `/api/portal/rooms/${id}/exhibits/${x}/file`}
          dialInText={room.dialIn.text}
        />
      ) : null}
      {room.me.entered && !media ? (
        <p className="hint" data-testid="dial-in">
          {room.dialIn.text}
        </p>
      ) : null}
      {room.me.entered ? (
        <section className="card" aria-label="笔录">
          <h2>
            {room.record.documentTitle}（{room.record.stateLabel}）
          </h2>
          <pre data-testid="record-text" style={{ whiteSpace: 'pre-wrap', font: 'inherit', margin: 0 }}>
            {room.record.text || '记录人员正在记录…'}
          </pre>
          {room.record.sha256 ? (
            <p className="hint" style={{ overflowWrap: 'anywhere' }}>
              笔录摘要值：{room.record.sha256}
            </p>
          ) : null}
        </section>
      ) : null}
      {room.record.state === 'signing' && mine && !mine.signature ? (
        <SignRecord id={id} onDone={setRoom} />
      ) : null}
      {mine?.signature ? (
        <p className="alert ok" data-testid="my-signature">
          {mine.signature.outcome === 'signed'
            ? '您已签名确认笔录'
            : `您已拒绝签名：${mine.signature.reason}`}
        </p>
      ) : null}
      {room.record.state === 'issued' ? (
        <p className="alert ok" data-testid="record-issued">
          已出具{room.record.documentTitle}，文号{room.record.documentNumber}。
        </p>
      ) : null}
    </>
  );
}

/** The room is recorded (chosen when it was scheduled): the party reads the notice and acknowledges it first. */
function RecordingNotice({ id, onDone }: { id: string; onDone: (r: Room) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="card" aria-label="录音录像告知" data-testid="recording-notice">
      <h2>录音录像告知</h2>
      <p>
        本次在线调解（开庭）将全程录音录像，录制内容与笔录一并存入案卷，仅供办理本案使用，不会对外公开。录制开始时页面会显示“正在录音录像”。
      </p>
      <p className="hint">如不同意录制，请先不要进入，联系工作人员改为其他方式。</p>
      {error ? <p className="alert error">{error}</p> : null}
      <button
        type="button"
        className="wide"
        data-testid="recording-ack"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            onDone(await api<Room>(`/rooms/${id}/recording-notice`, { body: {} }));
          } catch (e) {
            setError(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        我已知悉，同意录音录像并继续
      </button>
    </section>
  );
}

function EnterCode({ id, onEntered }: { id: string; onEntered: (r: Room) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onEntered(await api<Room>(`/rooms/${id}/enter`, { body: { code } }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="card">
      <label htmlFor="room-code">调解室码（邀请短信中的6位数字）</label>
      <input
        id="room-code"
        data-testid="room-code"
        inputMode="numeric"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
      />
      {error ? <p className="alert error">{error}</p> : null}
      <button
        type="submit"
        className="wide"
        data-testid="room-code-submit"
        disabled={busy || code.length !== 6}
      >
        验证并进入
      </button>
    </form>
  );
}

function SignRecord({ id, onDone }: { id: string; onDone: (r: Room) => void }) {
  const pad = useRef<SignaturePad | null>(null);
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [reason, setReason] = useState('');
  const [refusing, setRefusing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newKey);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-label="签名确认">
      <h2>阅读后签名确认</h2>
      <p className="hint">
        请核对上面的笔录。确认无误请在下框内手写签名，并输入短信验证码；有异议可以拒绝签名并写明理由，将记入笔录。
      </p>
      <SignatureBox padRef={pad} />
      <div className="row" style={{ gap: 8, marginTop: 8 }}>
        <button
          type="button"
          className="secondary"
          data-testid="sign-code-send"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await api(`/rooms/${id}/record/code`, { body: {} });
              setSent(true);
            })
          }
        >
          {sent ? '重新获取验证码' : '获取短信验证码'}
        </button>
      </div>
      {sent ? <p className="hint">验证码已发送到您登录的手机号</p> : null}
      <label htmlFor="sign-code">短信验证码</label>
      <input
        id="sign-code"
        data-testid="sign-code"
        inputMode="numeric"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
      />
      {error ? <p className="alert error">{error}</p> : null}
      <button
        type="button"
        className="wide"
        data-testid="sign-submit"
        disabled={busy || code.length !== 6}
        onClick={() =>
          run(async () => {
            if (!pad.current || pad.current.isEmpty())
              throw { status: 400, code: 'SIGNATURE_EMPTY', message: '请在签名框内手写签名' };
            onDone(
              await api<Room>(`/rooms/${id}/record/sign`, {
                body: { code, signature: pad.current.toDataURL('image/png') },
                idempotencyKey: key,
                retries: 2,
              }),
            );
          })
        }
      >
        确认签名
      </button>
      {refusing ? (
        <>
          <label htmlFor="refuse-reason">拒绝签名的理由</label>
          <textarea
            id="refuse-reason"
            data-testid="refuse-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            className="secondary wide"
            data-testid="refuse-submit"
            disabled={busy || reason.trim().length < 2}
            onClick={() =>
              run(async () => onDone(await api<Room>(`/rooms/${id}/record/refuse`, { body: { reason } })))
            }
          >
            确认拒绝签名
          </button>
        </>
      ) : (
        <button type="button" className="secondary wide" onClick={() => setRefusing(true)}>
          对笔录有异议，拒绝签名
        </button>
      )}
    </section>
  );
}
