// A small virtualiser for the matrix grid: which rows and columns of a fixed-size grid are in
// view (plus a few beyond, so fast scrolling does not show blanks). Both axes use fixed sizes,
// so the range is arithmetic, never a measurement of 100,000 cells.

export const ROW_H = 30;
export const COL_W = 124;
export const FIRST_W = 200;
export const HEAD_H = 56;
const OVERSCAN = 3;

export type Range = { start: number; end: number };

/** Items [start, end) of `count` items of `size` px visible in `viewport` px scrolled by `offset`. */
export function visibleRange(offset: number, viewport: number, size: number, count: number, overscan = OVERSCAN): Range {
  if (count <= 0 || size <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, offset) / size);
  const last = Math.ceil((Math.max(0, offset) + Math.max(0, viewport)) / size);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** The scroll offset that brings item `index` fully into a viewport (unchanged when it is). */
export function scrollToShow(offset: number, viewport: number, size: number, index: number): number {
  const top = index * size;
  if (top < offset) return top;
  if (top + size > offset + viewport) return Math.max(0, top + size - viewport);
  return offset;
}
