/**
 * Personal data that must never appear in a published typical case (《民法典》第一千零三十四条；《居民身份证法》第十三条第二款, P-11): resident ID numbers
 * (18 or 15 digits), mobile phones and landlines, also when written with spaces or dashes.
 */
const PATTERNS: { label: string; re: RegExp }[] = [
  {
    label: '身份证号码',
    re: /(?<![\dA-Za-z])\d{6}[\s-]?(?:18|19|20)\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{3}[\dXx](?![\dA-Za-z])/,
  },
  { label: '身份证号码', re: /(?<!\d)\d{15}(?!\d)/ },
  { label: '手机号码', re: /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/ },
  { label: '固定电话号码', re: /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/ },
];

/** The kinds of personal data found in the text ([] when clean). */
export function findPersonalData(text: string): string[] {
  return [...new Set(PATTERNS.filter((p) => p.re.test(text)).map((p) => p.label))];
}
