/**
 * Display masking for personal data (《民法典》第一千零三十四条；《居民身份证法》第十三条第二款): the full value is shown only to roles with
 * `pii.view`. Code points, not UTF-16 units, so rare characters (𠮷) count as one.
 */
function mask(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(-keepEnd).join('')
  );
}

/** '420106199001011234' → '420***********1234' (first 3 and last 4 kept). */
export function maskIdNumber(value: string): string {
  const id = value.trim();
  return Array.from(id).length > 7 ? mask(id, 3, 4) : mask(id, 1, 1);
}

/** '13812345678' → '138****5678'; landline '010-12345678' → '010-****5678'. */
export function maskPhone(value: string): string {
  const phone = value.trim();
  const landline = /^(0\d{2,3})-(\d+)(-\d+)?$/.exec(phone);
  if (landline) {
    const [, area, number = '', extension = ''] = landline;
    return `${area}-${mask(number, 0, 4)}${extension}`;
  }
  return Array.from(phone).length > 7 ? mask(phone, 3, 4) : mask(phone, 0, 2);
}

/** '张三' → '张*', '王小明' → '王*明', '欧阳娜娜' → '欧**娜'. */
export function maskName(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return mask(chars.join(''), 1, 1);
}
