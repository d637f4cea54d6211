/** Reads a source map's VLQ mappings, to move a position in the compiled cell back to the TypeScript the reader wrote. */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapped position: generated column → original line and column (all 0-based). */
interface Segment {
  readonly genCol: number;
  readonly line: number;
  readonly col: number;
}

/** Decodes one segment's base64 VLQ numbers (https://sourcemaps.info/spec.html). */
function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`bad source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Decodes `mappings` into segments per generated line. */
export function decodeMappings(mappings: string): Segment[][] {
  let line = 0;
  let col = 0;
  return mappings.split(';').map((group) => {
    let genCol = 0;
    const segments: Segment[] = [];
    for (const part of group.split(',')) {
      if (part === '') continue;
      const [dGen = 0, , dLine, dCol] = decodeVlq(part);
      genCol += dGen;
      if (dLine === undefined || dCol === undefined) continue;
      line += dLine;
      col += dCol;
      segments.push({ genCol, line, col });
    }
    return segments;
  });
}

/** The original 1-based line and column of a 1-based generated position; the line alone when nothing maps it. */
export function originalPosition(
  lines: readonly Segment[][],
  line: number,
  col: number,
): { line: number; col: number } {
  const segments = lines[line - 1] ?? [];
  let best: Segment | undefined;
  for (const s of segments) if (s.genCol <= col - 1) best = s;
  if (!best) return { line, col };
  return { line: best.line + 1, col: best.col + (col - 1 - best.genCol) + 1 };
}

/** One number as base64 VLQ. */
function encodeVlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    text += BASE64[digit];
  } while (rest > 0);
  return text;
}

/** Encodes segments per generated line (one source) as `mappings`: the inverse of `decodeMappings`. */
export function encodeMappings(lines: readonly (readonly Segment[])[]): string {
  let line = 0;
  let col = 0;
  return lines
    .map((segments) => {
      let genCol = 0;
      return segments
        .map((s) => {
          const text = encodeVlq(s.genCol - genCol) + encodeVlq(0) + encodeVlq(s.line - line) + encodeVlq(s.col - col);
          genCol = s.genCol;
          line = s.line;
          col = s.col;
          return text;
        })
        .join(',');
    })
    .join(';');
}
