import path from 'node:path';

export type EvidenceType = 'application/pdf' | 'image/jpeg' | 'image/png';

export const EVIDENCE_EXTENSIONS: Record<EvidenceType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** The file type from its magic bytes; the client's Content-Type and file name are never trusted. */
export function sniffEvidenceType(data: Buffer): EvidenceType | null {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length >= 8 && png.every((b, i) => data[i] === b)) return 'image/png';
  return null;
}

/** Keeps the client's base name but makes the extension match the sniffed type. */
export function evidenceFileName(original: string, type: EvidenceType): string {
  const printable = Array.from(original.replace(/\\/g, '/'))
    .filter((ch) => ch.charCodeAt(0) >= 0x20)
    .join('');
  const base = path.basename(printable).slice(0, 150) || '证据';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  return `${stem || '证据'}.${EVIDENCE_EXTENSIONS[type]}`;
}

/** The columns every table of uploaded files has (name matching the sniffed type, type, size, hash). */
export function storedFileColumns(f: { name: string; type: EvidenceType; size: number; sha256: string }) {
  return {
    file_name: evidenceFileName(f.name, f.type),
    content_type: f.type,
    size_bytes: f.size,
    sha256: f.sha256,
  };
}
