import { useEffect, useRef, useState } from 'react';
import { measureLatency, micLevel, openMedia, playTone } from './room-client';

/**
 * The device check before entry: camera picture, microphone level, a test tone for the speaker and
 * the network's round trip. The person then enters with video, or with the microphone only.
 */
export function DeviceCheck({ onReady }: { onReady: (stream: MediaStream, audioOnly: boolean) => void }) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [level, setLevel] = useState(0);
  const [latency, setLatency] = useState<number | null | undefined>(undefined);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    // The stream is handed to the room on entry, so it is not stopped here.
    let cancelled = false;
    openMedia(false)
      .catch(() => openMedia(true))
      .then((s) => {
        if (cancelled) {
          for (const t of s.getTracks()) t.stop();
          return;
        }
        setStream(s);
      })
      .catch(() => setError('无法使用摄像头和麦克风：请在浏览器设置中允许本网站使用，或改为电话参加'));
    void measureLatency().then(setLatency);
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!stream) return;
    if (video.current) video.current.srcObject = stream;
    if (!stream.getAudioTracks().length) return;
    const meter = micLevel(stream);
    const t = setInterval(() => setLevel(meter.read()), 200);
    return () => {
      clearInterval(t);
      meter.stop();
    };
  }, [stream]);

  const camera = Boolean(stream?.getVideoTracks().length);
  const microphone = Boolean(stream?.getAudioTracks().length);
  const slow = latency === null || (latency !== undefined && latency > 400);
  return (
    <section aria-label="设备检测" data-testid="device-check" data-ready={stream ? 'true' : 'false'}>
      <h2>进入前检测设备</h2>
      {error ? <p className="alert error">{error}</p> : null}
      <video
        ref={video}
        autoPlay
        playsInline
        muted
        style={{
          width: '100%',
          maxWidth: 360,
          aspectRatio: '16 / 9',
          background: '#1f1f1f',
          borderRadius: 6,
        }}
      />
      <ul style={{ paddingLeft: 18 }}>
        <li>摄像头：{stream ? (camera ? '正常' : '未检测到，可仅用语音参加') : '检测中…'}</li>
        <li>
          麦克风：{stream ? (microphone ? '正常' : '未检测到') : '检测中…'}
          {microphone ? (
            <meter
              min={0}
              max={100}
              value={level}
              aria-label="麦克风音量"
              style={{ marginLeft: 8, width: 120 }}
            />
          ) : null}
        </li>
        <li>
          扬声器：
          <button type="button" className="secondary" onClick={playTone} style={{ marginLeft: 4 }}>
            播放测试音
          </button>
          （能听到“嘟”声即正常）
        </li>
        <li data-testid="latency">
          网络：
          {latency === undefined
            ? '检测中…'
            : latency === null
              ? '连接不稳定'
              : `往返${latency}毫秒${latency > 400 ? '，较慢，建议仅用语音' : '，良好'}`}
        </li>
      </ul>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <button
          type="button"
          data-testid="enter-video"
          disabled={!stream || !camera}
          onClick={() => stream && onReady(stream, false)}
        >
          进入（视频）
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="enter-audio"
          disabled={!stream || !microphone}
          onClick={() => {
            if (!stream) return;
            for (const t of stream.getVideoTracks()) {
              t.stop();
              stream.removeTrack(t);
            }
            onReady(stream, true);
          }}
        >
          {slow ? '网络较慢，仅语音进入' : '仅语音进入'}
        </button>
      </div>
      <p className="hint">
        网络不好或没有智能手机的，可以告诉调解员改为电话参加，调解员会按约定时间拨打您登记的电话。
      </p>
    </section>
  );
}
