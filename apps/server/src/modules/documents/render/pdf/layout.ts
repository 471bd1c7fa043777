/**
 * CJK line breaking (pure): every ideograph is a break opportunity except where Chinese
 * typesetting rules (禁则) forbid it — closing punctuation never starts a line, opening punctuation
 * never ends one, and runs of Latin letters/digits stay together. Lines are then justified by
 * spreading the remaining space evenly between characters.
 */

/** Characters that must not start a line (they stick to the previous character). */
const NO_START = new Set(Array.from('，。、；：！？）〕》」』”’】〗…—·％%,.;:!?)]}'));
/** Characters that must not end a line (they stick to the next character). */
const NO_END = new Set(Array.from('（〔《「『“‘【〖([{'));
// A comma stays inside a grouped amount (15,600.00) so it never breaks across lines.
const ALNUM = /^[A-Za-z0-9@#&_+\-./:,]$/;

export interface LaidLine {
  chars: string[];
  /** Tc for this line: the base spacing, widened on justified lines */
  spacing: number;
  /** natural width of the line with the base spacing (visual, without the trailing spacing) */
  width: number;
}

export type Measure = (char: string) => number;

/** Splits text into unbreakable units following the rules above. */
export function toUnits(text: string): string[][] {
  const units: string[][] = [];
  let prev = '';
  for (const ch of Array.from(text)) {
    const current = units[units.length - 1];
    const glue =
      current !== undefined &&
      (NO_START.has(ch) || NO_END.has(prev) || (ALNUM.test(ch) && ALNUM.test(prev)) || ch === '\u200d');
    if (glue) current.push(ch);
    else units.push([ch]);
    prev = ch;
  }
  return units;
}

/**
 * Breaks `text` into lines: the first line is `firstWidth` wide (indent), the others `width`.
 * `spacing` is the base character spacing; all but the last line are justified.
 */
export function breakLines(
  text: string,
  measure: Measure,
  spacing: number,
  width: number,
  firstWidth = width,
  justify = true,
): LaidLine[] {
  const lines: string[][] = [];
  let line: string[] = [];
  let used = 0;
  let avail = firstWidth;
  const advance = (chars: string[]) => chars.reduce((sum, c) => sum + measure(c) + spacing, 0);
  const flush = () => {
    while (line.length > 0 && line[line.length - 1] === ' ') line.pop();
    lines.push(line);
    line = [];
    used = 0;
    avail = width;
  };
  for (const unit of toUnits(text)) {
    if (unit.length === 1 && unit[0] === '\n') {
      flush();
      continue;
    }
    const w = advance(unit);
    if (used + w - spacing <= avail + 0.01) {
      line.push(...unit);
      used += w;
      continue;
    }
    if (line.length > 0) flush();
    if (unit[0] === ' ') continue;
    if (w - spacing <= avail + 0.01) {
      line.push(...unit);
      used = w;
      continue;
    }
    // A unit longer than a line (a long URL or number): break it character by character.
    for (const ch of unit) {
      const cw = measure(ch) + spacing;
      if (used + cw - spacing > avail + 0.01 && line.length > 0) flush();
      line.push(ch);
      used += cw;
    }
  }
  if (line.length > 0 || lines.length === 0) flush();

  return lines.map((chars, i) => {
    const natural = chars.reduce((sum, c) => sum + measure(c), 0) + spacing * Math.max(chars.length - 1, 0);
    const lineAvail = i === 0 ? firstWidth : width;
    const isLast = i === lines.length - 1;
    let lineSpacing = spacing;
    if (justify && !isLast && chars.length > 1) {
      const extra = (lineAvail - natural) / (chars.length - 1);
      // Justify only when the gap is small (a line broken early by 禁则 or a Latin word).
      if (extra > 0 && extra < measure('中') * 0.5) lineSpacing = spacing + extra;
    }
    return { chars, spacing: lineSpacing, width: natural };
  });
}
