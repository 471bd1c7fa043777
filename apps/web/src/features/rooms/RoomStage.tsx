// Over 400 lines: the room screen (video grid, waiting room, chat, record) shares the live state; to split panels into components.
import { type CSSProperties, type FormEvent, useEffect, useRef, useState } from 'react';
import { RoomRecorder } from './recorder';
import {
  type Caucus,
  type ChatLine,
  type IceServer,
  openMedia,
  RoomConnection,
  type RosterPeer,
} from './room-client';

/**
 * The room itself, shared by the staff app and the portal (plain elements, no UI library): the
 * pictures, the people (the host admits from the waiting room, mutes, removes), microphone and
 * audio-only controls, and the chat. Everything said in the chat is kept on the case timeline.
 */
export interface RoomStageProps {
  roomId: string;
  iceServers: IceServer[];
  stream: MediaStream;
  audioOnly: boolean;
  host: boolean;
  /** The record or the signatures changed: the page reloads the room. */
  onRoomChanged: (what: { record?: string; version?: number; reload?: boolean }) => void;
  /** Where an exhibit shown in the room is opened (staff and portal have their own routes). */
  exhibitUrl: (exhibitId: string) => string;
  /** How to join by phone when the network fails (shown in the room). */
  dialInText: string;
  /** Host: the case's evidence that may be shown, and how to show it. */
  evidence?: { id: string; name: string }[];
  onShowExhibit?: (evidenceId: string, note: string) => Promise<void>;
  /** Host: the room is recorded by opt-in (the parties acknowledged the notice before entering). */
  recordingOptIn?: boolean;
  onRecordingStored?: () => void;
}

declare global {
  interface Window {
    /** Read by the browser test: bytes of video received from each other participant. */
    onestopRoom?: { videoBytes(): Promise<Record<string, number>> };
  }
}

const STATE_TEXT = {
  connecting: '正在连接…',
  waiting: '请稍候，主持人允许后即可进入',
  admitted: '已进入调解室',
  reconnecting: '网络中断，正在重新连接（不会丢失您在调解室中的位置）…',
  ended: '已离开调解室',
} as const;

const box: CSSProperties = { border: '1px solid #d9d9d9', borderRadius: 8, padding: 8, marginTop: 8 };

function Video({
  stream,
  muted,
  label,
  testId,
}: {
  stream: MediaStream;
  muted: boolean;
  label: string;
  testId: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <figure style={{ margin: 0, position: 'relative' }} data-testid={testId}>
      <video
        ref={ref}
        autoPlay
        playsInline
        muted={muted}
        style={{
          width: '100%',
          aspectRatio: '16 / 9',
          background: '#1f1f1f',
          borderRadius: 6,
          objectFit: 'cover',
        }}
      />
      <figcaption
        style={{
          position: 'absolute',
          left: 6,
          bottom: 6,
          color: '#fff',
          background: 'rgba(0,0,0,.55)',
          padding: '0 6px',
          borderRadius: 4,
          fontSize: 13,
        }}
      >
        {label}
      </figcaption>
    </figure>
  );
}

export function RoomStage({
  roomId,
  iceServers,
  stream,
  audioOnly: startAudioOnly,
  host,
  onRoomChanged,
  exhibitUrl,
  dialInText,
  evidence = [],
  onShowExhibit,
  recordingOptIn = false,
  onRecordingStored,
}: RoomStageProps) {
  const [state, setState] = useState<{ me: string | null; state: keyof typeof STATE_TEXT; message?: string }>(
    {
      me: null,
      state: 'connecting',
    },
  );
  const [roster, setRoster] = useState<RosterPeer[]>([]);
  const [streams, setStreams] = useState<Map<string, MediaStream>>(new Map());
  const [chat, setChat] = useState<ChatLine[]>([]);
  const [muted, setMuted] = useState(false);
  const [audioOnly, setAudioOnly] = useState(startAudioOnly);
  const [notice, setNotice] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [caucus, setCaucus] = useState<Caucus | null>(null);
  const [recordingOn, setRecordingOn] = useState(false);
  const [recorder, setRecorder] = useState<RoomRecorder | null>(null);
  const [busy, setBusy] = useState(false);
  const [exhibitId, setExhibitId] = useState('');
  const [exhibitNote, setExhibitNote] = useState('');
  const conn = useRef<RoomConnection | null>(null);
  const changed = useRef(onRoomChanged);
  changed.current = onRoomChanged;

  // A reload of the room gives a new array with the same servers: that must not reconnect.
  const iceKey = JSON.stringify(iceServers);
  useEffect(() => {
    const c = new RoomConnection(
      roomId,
      stream,
      JSON.parse(iceKey) as IceServer[],
      {
        onState: setState,
        onRoster: (peers, c) => {
          setRoster(peers);
          setCaucus(c);
        },
        onRecording: setRecordingOn,
        onWeakNetwork: () => {
          // Automatic fallback: too little bandwidth for video, keep the voice.
          c.setAudioOnly(true);
          setAudioOnly(true);
          setNotice('网络较慢，已自动改为仅语音；网络好转后可点“恢复视频”');
        },
        onStreams: setStreams,
        onChat: (l) => setChat((x) => [...x, l]),
        onRoomChanged: (w) => changed.current(w),
        onMuted: (by) => {
          setMuted(true);
          setNotice(`${by}已将您静音，需要发言时请点“打开麦克风”`);
        },
      },
      startAudioOnly,
    );
    conn.current = c;
    window.onestopRoom = { videoBytes: () => c.videoBytesReceived() };
    c.connect();
    const unwatch = c.watchBandwidth();
    return () => {
      unwatch();
      c.close();
      conn.current = null;
      delete window.onestopRoom;
    };
  }, [roomId, stream, iceKey, startAudioOnly]);

  const others = roster.filter((p) => p.id !== state.me);
  const waiting = others.filter((p) => p.state === 'waiting');
  const inRoom = others.filter((p) => p.state === 'admitted');
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    conn.current?.chat(text.trim());
    setText('');
  };

  return (
    <section aria-label="调解室" data-testid="room-stage" data-state={state.state}>
      <p role="status" data-testid="room-state" style={{ fontWeight: 600 }}>
        {state.message ?? STATE_TEXT[state.state]}
      </p>
      {notice ? <p className="alert">{notice}</p> : null}
      {recordingOn ? (
        <p data-testid="recording-on" style={{ color: '#a8071a', fontWeight: 600 }}>
          ● 正在录音录像（开始前已告知各方）
        </p>
      ) : null}
      {caucus && state.state === 'admitted' ? (
        <p className="alert" data-testid={caucus.inside ? 'caucus-inside' : 'caucus-waiting'}>
          {caucus.inside
            ? host
              ? `正在与${caucus.sideLabel}单独沟通（背对背调解），另一方听不到也看不到`
              : '您正在与调解员单独沟通，对方当事人听不到也看不到'
            : `调解员正在与${caucus.sideLabel}单独沟通（背对背调解），您暂时听不到也看不到，请稍候`}
        </p>
      ) : null}
      {state.state === 'admitted' || state.state === 'waiting' ? (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))',
            gap: 8,
          }}
        >
          <Video stream={stream} muted label={`我${audioOnly ? '（仅语音）' : ''}`} testId="video-self" />
          {inRoom.map((p) => {
            const s = streams.get(p.id);
            return s ? (
              <Video
                key={p.id}
                stream={s}
                muted={false}
                label={`${p.roleLabel} ${p.name}${p.muted ? '（已静音）' : ''}${p.audioOnly ? '（仅语音）' : ''}`}
                testId={`video-${p.name}`}
              />
            ) : (
              <p key={p.id} style={box}>
                正在接通 {p.name}…
              </p>
            );
          })}
        </div>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
        <button
          type="button"
          className="secondary"
          data-testid="room-mute"
          onClick={() => {
            conn.current?.setMuted(!muted);
            setMuted(!muted);
            setNotice(null);
          }}
        >
          {muted ? '打开麦克风' : '关闭麦克风'}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="room-audio-only"
          onClick={async () => {
            if (audioOnly) {
              const fresh = await openMedia(false).catch(() => null);
              if (!fresh) return setNotice('无法打开摄像头，请继续用语音参加');
              conn.current?.setAudioOnly(false, fresh);
            } else conn.current?.setAudioOnly(true);
            setAudioOnly(!audioOnly);
          }}
        >
          {audioOnly ? '恢复视频' : '网络不好，仅语音'}
        </button>
      </div>
      {host && state.state === 'admitted' ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
          {caucus ? (
            <button
              type="button"
              className="secondary"
              data-testid="caucus-end"
              onClick={() => conn.current?.caucus(null)}
            >
              结束单独沟通，回到共同调解
            </button>
          ) : (
            (['worker', 'employer'] as const).map((side) => (
              <button
                key={side}
                type="button"
                className="secondary"
                data-testid={`caucus-${side}`}
                disabled={!inRoom.some((p) => p.role === side)}
                onClick={() => conn.current?.caucus(side)}
              >
                与{side === 'worker' ? '劳动者' : '用人单位'}单独沟通
              </button>
            ))
          )}
          {recordingOptIn && RoomRecorder.supported() ? (
            <button
              type="button"
              className="secondary"
              data-testid={recorder ? 'recording-stop' : 'recording-start'}
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  if (recorder) {
                    await recorder.stop();
                    setRecorder(null);
                    setNotice('录音录像已保存，摘要值见案件记录');
                    onRecordingStored?.();
                  } else {
                    const r = new RoomRecorder(roomId, stream, () => conn.current?.remoteStreams() ?? []);
                    await r.start();
                    setRecorder(r);
                  }
                } catch (e) {
                  setNotice(e instanceof Error ? e.message : '录音录像没有成功');
                } finally {
                  setBusy(false);
                }
              }}
            >
              {recorder ? '停止并保存录音录像' : '开始录音录像'}
            </button>
          ) : null}
        </div>
      ) : null}
      {host && onShowExhibit && evidence.length && state.state === 'admitted' ? (
        <form
          style={{ ...box, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
          onSubmit={async (e) => {
            e.preventDefault();
            if (!exhibitId) return;
            setBusy(true);
            try {
              await onShowExhibit(exhibitId, exhibitNote.trim());
              setExhibitNote('');
            } catch (err) {
              setNotice(err instanceof Error ? err.message : '出示证据没有成功');
            } finally {
              setBusy(false);
            }
          }}
        >
          <label htmlFor="exhibit-pick">出示证据</label>
          <select
            id="exhibit-pick"
            data-testid="exhibit-pick"
            value={exhibitId}
            onChange={(e) => setExhibitId(e.target.value)}
            style={{ minWidth: 0, maxWidth: '100%' }}
          >
            <option value="">请选择本案证据</option>
            {evidence.map((ev) => (
              <option key={ev.id} value={ev.id}>
                {ev.name}
              </option>
            ))}
          </select>
          <label htmlFor="exhibit-note" style={{ position: 'absolute', left: -9999 }}>
            出示说明
          </label>
          <input
            id="exhibit-note"
            value={exhibitNote}
            maxLength={200}
            placeholder="说明（可不填）"
            onChange={(e) => setExhibitNote(e.target.value)}
            style={{ flex: 1, minWidth: 0 }}
          />
          <button type="submit" data-testid="exhibit-show" disabled={busy || !exhibitId}>
            向各方出示
          </button>
        </form>
      ) : null}
      {host && waiting.length ? (
        <div style={box} data-testid="waiting-list">
          <strong>等候室</strong>
          {waiting.map((p) => (
            <div key={p.id} style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4 }}>
              <span>
                {p.roleLabel} {p.name}
                {p.audioOnly ? '（仅语音）' : ''}
              </span>
              <button type="button" data-testid={`admit-${p.name}`} onClick={() => conn.current?.admit(p.id)}>
                允许进入
              </button>
            </div>
          ))}
        </div>
      ) : null}
      {host && inRoom.length ? (
        <div style={box}>
          <strong>调解室内</strong>
          {inRoom.map((p) => (
            <div
              key={p.id}
              style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4, flexWrap: 'wrap' }}
            >
              <span data-testid={`in-room-${p.name}`}>
                {p.roleLabel} {p.name}
                {p.muted ? '（已静音）' : ''}
              </span>
              {!p.host ? (
                <>
                  <button type="button" className="secondary" onClick={() => conn.current?.mute(p.id)}>
                    静音
                  </button>
                  <button type="button" className="secondary" onClick={() => conn.current?.remove(p.id)}>
                    请离开
                  </button>
                </>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      {state.state === 'admitted' ? (
        <div style={box}>
          <strong>文字交流（记入案件记录）</strong>
          <ol
            style={{ listStyle: 'none', padding: 0, margin: '4px 0', maxHeight: 220, overflowY: 'auto' }}
            data-testid="chat-lines"
          >
            {chat.map((l) => (
              <li key={`${l.at}-${l.from}-${l.text}`}>
                <small>
                  {l.role} {l.name}：
                </small>
                {l.exhibit ? (
                  <span data-testid="exhibit-line">
                    【出示证据】
                    <a href={exhibitUrl(l.exhibit.id)} target="_blank" rel="noreferrer">
                      {l.exhibit.name}
                    </a>{' '}
                    {l.exhibit.contentType.startsWith('image/') ? (
                      <img
                        src={exhibitUrl(l.exhibit.id)}
                        alt={l.exhibit.name}
                        style={{ display: 'block', maxWidth: '100%', maxHeight: 240, marginTop: 4 }}
                      />
                    ) : null}
                  </span>
                ) : null}
                {l.text}
              </li>
            ))}
          </ol>
          <form onSubmit={send} style={{ display: 'flex', gap: 8 }}>
            <label htmlFor="room-chat" style={{ position: 'absolute', left: -9999 }}>
              输入消息
            </label>
            <input
              id="room-chat"
              data-testid="chat-input"
              value={text}
              maxLength={1000}
              placeholder="输入消息"
              onChange={(e) => setText(e.target.value)}
              style={{ flex: 1, minWidth: 0 }}
            />
            <button type="submit" data-testid="chat-send">
              发送
            </button>
          </form>
        </div>
      ) : null}
      <p className="hint" data-testid="dial-in">
        {dialInText}
      </p>
    </section>
  );
}
