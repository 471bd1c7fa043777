import { useState } from 'react';
import { api, errorText, newKey, type PortalResponse } from './api';
import { FilePicker } from './FilePicker';
import { compressImage } from './image';

export type Uploaded = PortalResponse<'/uploads', 'post'>;

/**
 * Evidence from the phone: the camera or the album (photos are made smaller first), each file
 * uploaded with its own Idempotency-Key and retried with back-off on a weak network.
 */
export function EvidencePicker({
  files,
  onChange,
  idPrefix,
}: {
  files: Uploaded[];
  onChange: (f: Uploaded[]) => void;
  idPrefix: string;
}) {
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const add = async (list: File[]) => {
    setError(null);
    let current = files;
    for (const file of list) {
      if (current.length >= 10) {
        setError('最多上传10个文件');
        break;
      }
      setBusy((b) => b + 1);
      try {
        const blob = await compressImage(file);
        const name = blob === file ? file.name : file.name.replace(/\.\w+$/, '') + '.jpg';
        const key = newKey();
        const form = () => {
          const f = new FormData();
          f.append('file', blob, name || '照片.jpg');
          return f;
        };
        // A fresh body per try (a FormData stream is consumed), the same key every time.
        let attempt = 0;
        let up: Uploaded | null = null;
        while (!up) {
          try {
            up = await api<Uploaded>('/uploads', { body: form(), idempotencyKey: key });
          } catch (err) {
            const status = (err as { status?: number }).status;
            if ((status !== undefined && ![502, 503, 504].includes(status)) || attempt >= 4) throw err;
            await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt++));
          }
        }
        current = [...current, up];
        onChange(current);
      } catch (err) {
        setError(`${file.name}：${errorText(err)}`);
      } finally {
        setBusy((b) => b - 1);
      }
    }
  };
  return (
    <div>
      <FilePicker
        label="拍照上传证据"
        buttonText="拍照"
        accept="image/*,application/pdf"
        capture="environment"
        onFiles={(f) => void add(f)}
        testId={`${idPrefix}-camera`}
      />
      <FilePicker
        label="从相册或文件中选择"
        accept="image/*,application/pdf"
        multiple
        onFiles={(f) => void add(f)}
        testId={`${idPrefix}-album`}
      />
      <p className="hint">照片或 PDF，每个不超过10 MB。照片会自动压缩。</p>
      {busy > 0 ? <p role="status">正在上传…</p> : null}
      {error ? (
        <p className="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {files.length ? (
        <div className="thumbs" data-testid={`${idPrefix}-files`}>
          {files.map((f) => (
            <span key={f.id}>
              {f.fileName}（{Math.ceil(f.sizeBytes / 1024)} KB）
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
