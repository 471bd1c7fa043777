import { isDocumentType } from './documents.fields';
import { TEMPLATES } from './render/index';
import type { FieldSpec } from './render/templates/template';
import { formatYuan } from './render/model';

/**
 * Internal forms (审批表) record an approval inside the agency; they are never served on a party and
 * are not publicly verifiable: no QR code is printed on them and /verify answers "not found" for them.
 * New internal form types are added here.
 */
export const INTERNAL_FORM_TYPES: ReadonlySet<string> = new Set([
  'inspection_closing_approval',
  'inspection_filing_approval',
  'inspection_extension_approval',
  'inspection_revocation_approval',
  'arbitration_closing_approval',
  'arbitration_filing_approval',
  // issue #13: records of the inspection file (笔录), signed on paper and kept in the file, never served
  'inquiry_record',
  'onsite_record',
  'penalty_hearing_record',
]);

export const isPubliclyVerifiable = (type: string): boolean => !INTERNAL_FORM_TYPES.has(type);

export interface PublicAmount {
  label: string;
  amount: string;
}

/**
 * The amounts a document states (each amount field, items included, and their total where a list has
 * several), formatted as printed: enough to catch a paper copy with altered figures, without any
 * personal data (names, addresses and identity numbers are never included).
 */
export function publicAmounts(type: string, fields: unknown): PublicAmount[] {
  if (!isDocumentType(type)) return [];
  const out: PublicAmount[] = [];
  const isAmountKey = (key: string, spec: FieldSpec | undefined) =>
    spec?.kind === 'amount' || /amount$/i.test(key);
  const walk = (specs: readonly FieldSpec[], record: Record<string, unknown>, prefix: string) => {
    for (const [key, v] of Object.entries(record)) {
      const spec = specs.find((s) => s.key === key);
      if (typeof v === 'number' && Number.isFinite(v) && isAmountKey(key, spec)) {
        out.push({ label: `${prefix}${spec?.label ?? '金额'}`, amount: formatYuan(v) });
      }
      if (Array.isArray(v) && v.some((e) => e && typeof e === 'object')) {
        const label = spec?.label ?? '事项';
        const before = out.length;
        v.forEach((entry, i) => {
          if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
            walk(spec?.item ?? [], entry as Record<string, unknown>, `${label}第${i + 1}项·`);
          }
        });
        const added = out.length - before;
        if (added > 1 && added === v.length) {
          const total = v.reduce((s: number, e) => {
            const amount = Object.entries(e as Record<string, unknown>).find(
              ([k, x]) => typeof x === 'number' && /amount$/i.test(k),
            );
            return s + Number(amount?.[1] ?? 0);
          }, 0);
          out.push({ label: `${label}合计`, amount: formatYuan(total) });
        }
      }
    }
  };
  walk(TEMPLATES[type].required, (fields ?? {}) as Record<string, unknown>, '');
  return out;
}
