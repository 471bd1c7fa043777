/**
 * Page geometry of GB/T 9704-2012 (党政机关公文格式) §5: A4, top margin 37 mm, left margin 28 mm,
 * text block 156 mm × 225 mm, body 3号 (16 pt), 22 lines of 28 characters; title 2号 (22 pt);
 * page numbers 4号 (14 pt), with the dash line 7 mm below the text block.
 */
export const PT_PER_MM = 72 / 25.4;
export const mm = (value: number): number => value * PT_PER_MM;

export const PAGE = {
  width: mm(210),
  height: mm(297),
  left: mm(28),
  top: mm(37),
  blockWidth: mm(156),
  blockHeight: mm(225),
} as const;

export const BLOCK_RIGHT = PAGE.left + PAGE.blockWidth;
export const BLOCK_BOTTOM = PAGE.top + PAGE.blockHeight;

export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;

export const SIZE = { title: 22, body: 16, table: 14, pageNumber: 14, watermark: 120, note: 12 } as const;

/** Tc between 16 pt glyphs so that 28 of them span the 156 mm line exactly (≈ −0.215 pt). */
export const BODY_CHAR_SPACING = (PAGE.blockWidth - CHARS_PER_LINE * SIZE.body) / (CHARS_PER_LINE - 1);
/** One character cell, glyph plus spacing (≈ 15.79 pt). */
export const CHAR_PITCH = SIZE.body + BODY_CHAR_SPACING;
/** Baseline-to-baseline distance: 22 lines fill the 225 mm block (≈ 28.99 pt). */
export const LINE_PITCH = PAGE.blockHeight / LINES_PER_PAGE;
/** Two character cells: first-line indent of paragraphs. */
export const INDENT = 2 * CHAR_PITCH;

/** Round seal diameter (42 mm, the common size of an official round seal). */
export const SEAL_SIZE = mm(42);
export const QR_SIZE = mm(22);
