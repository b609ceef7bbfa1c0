/**
 * A small dependency-free PDF 1.4 writer for reports.
 *
 * Chinese text works without embedding a font file: every string is set in the standard Adobe CJK
 * font STSong-Light (a Type0 font with the UniGB-UCS2-H CMap over a CIDFontType0 of the Adobe-GB1
 * collection), the approach of ReportLab's UnicodeCIDFont. Viewers use their own Song/Ming font
 * (poppler substitutes Noto CJK, Acrobat its Asian font pack). Strings are written as hex UCS-2
 * big-endian; characters outside the BMP become '?'.
 *
 * Widths: the ASCII range (CIDs 1..95 under UniGB-UCS2-H) is declared half-width (500) through the
 * W array, everything else full-width (DW 1000), so `measure` matches what a viewer lays out.
 *
 * Coordinates are in points with the origin at the top-left corner of the page; y grows downwards.
 */

export type PdfColor = string; // '#rrggbb'

export type TextOptions = {
  size?: number;
  color?: PdfColor;
  /** Simulated bold (fill and stroke the glyph outlines). */
  bold?: boolean;
  /** Horizontal anchor of x. */
  align?: 'left' | 'center' | 'right';
  /** Only one font is available: the CJK font STSong-Light, which also carries ASCII. */
  font?: 'song';
};

export type StrokeOptions = { color?: PdfColor; width?: number; dash?: number[] };

export type RectOptions = { fill?: PdfColor; stroke?: PdfColor; lineWidth?: number };

export type PdfDocument = {
  readonly width: number;
  readonly height: number;
  /** Starts a new page and makes it current. */
  page(): void;
  /** Number of pages so far. */
  pageCount(): number;
  /** Makes an earlier page current again (0-based), e.g. to add "page n of m" footers at the end. */
  usePage(index: number): void;
  /** Draws one line of text; `y` is the top of the line box, the baseline sits at y + 0.88·size. */
  text(x: number, y: number, str: string, options?: TextOptions): void;
  line(x1: number, y1: number, x2: number, y2: number, options?: StrokeOptions): void;
  rect(x: number, y: number, w: number, h: number, options?: RectOptions): void;
  polyline(points: readonly (readonly [number, number])[], options?: StrokeOptions): void;
  circle(cx: number, cy: number, r: number, options?: RectOptions): void;
  /** Width in points of `str` set at `size`. */
  measure(str: string, size: number): number;
  /** `str` cut with '…' so that it fits in `maxWidth` points at `size`. */
  fit(str: string, size: number, maxWidth: number): string;
  finish(): Buffer;
};

export type CreatePdfOptions = {
  width: number;
  height: number;
  title?: string;
  /** Written to /Info as /CreationDate; omitted when not given so output can be reproducible. */
  creationDate?: Date;
};

export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;

const ASCENT = 0.88;
const FONT_NAME = 'F1';

/** Replaces characters outside the BMP (surrogate pairs) and lone surrogates with '?'. */
export function toBmp(str: string): string {
  let out = '';
  for (const ch of str) {
    const code = ch.codePointAt(0)!;
    out += code > 0xffff || (code >= 0xd800 && code <= 0xdfff) ? '?' : ch;
  }
  return out;
}

/** Hex of the UCS-2 big-endian encoding of `str` (BMP only), without the angle brackets. */
export function ucs2Hex(str: string): string {
  let hex = '';
  for (const ch of toBmp(str)) hex += ch.charCodeAt(0).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

function charWidth(code: number): number {
  return code < 0x80 ? 0.5 : 1;
}

export function measureText(str: string, size: number): number {
  let em = 0;
  for (const ch of toBmp(str)) em += charWidth(ch.charCodeAt(0));
  return em * size;
}

export function fitText(str: string, size: number, maxWidth: number): string {
  if (measureText(str, size) <= maxWidth) return str;
  const chars = [...toBmp(str)];
  const ellipsis = measureText('…', size);
  let width = 0;
  let out = '';
  for (const ch of chars) {
    const w = measureText(ch, size);
    if (width + w + ellipsis > maxWidth) break;
    width += w;
    out += ch;
  }
  return `${out}…`;
}

/** A number as PDF writes it: at most 3 decimals, no exponent, no trailing zeros. */
function num(v: number): string {
  if (!Number.isFinite(v)) return '0';
  const s = (Math.round(v * 1000) / 1000).toFixed(3);
  return s.replace(/\.?0+$/, '') || '0';
}

function rgb(color: PdfColor): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(color);
  if (!m) throw new Error(`pdf: colour must be #rrggbb, got ${color}`);
  const n = Number.parseInt(m[1], 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

function fillOp(color: PdfColor): string {
  return `${rgb(color).map(num).join(' ')} rg`;
}

function strokeOp(color: PdfColor): string {
  return `${rgb(color).map(num).join(' ')} RG`;
}

function strokeState(o: StrokeOptions): string {
  const dash = o.dash && o.dash.length > 0 ? `[${o.dash.map(num).join(' ')}] 0 d` : '[] 0 d';
  return `${strokeOp(o.color ?? '#000000')} ${num(o.width ?? 1)} w ${dash}`;
}

/** A PDF text string for /Info: UTF-16BE hex with a byte order mark. */
function infoString(str: string): string {
  return `<FEFF${ucs2Hex(str)}>`;
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(
    d.getUTCMinutes(),
  )}${p(d.getUTCSeconds())}Z)`;
}

export function createPdf(options: CreatePdfOptions): PdfDocument {
  const { width, height } = options;
  const pages: string[][] = [];
  let current = -1;

  const ops = (): string[] => {
    if (current < 0) throw new Error('pdf: call page() before drawing');
    return pages[current];
  };
  const py = (y: number) => height - y;

  const doc: PdfDocument = {
    width,
    height,
    page() {
      pages.push([]);
      current = pages.length - 1;
    },
    pageCount: () => pages.length,
    usePage(index) {
      if (index < 0 || index >= pages.length) throw new Error(`pdf: no page ${index}`);
      current = index;
    },
    text(x, y, str, o = {}) {
      const size = o.size ?? 10;
      const color = o.color ?? '#000000';
      const w = measureText(str, size);
      const left = o.align === 'right' ? x - w : o.align === 'center' ? x - w / 2 : x;
      const bold = o.bold ? ` ${strokeOp(color)} ${num(size * 0.035)} w 2 Tr` : ' 0 Tr';
      ops().push(
        `q BT /${FONT_NAME} ${num(size)} Tf ${fillOp(color)}${bold} 1 0 0 1 ${num(left)} ${num(
          py(y + size * ASCENT),
        )} Tm <${ucs2Hex(str)}> Tj ET Q`,
      );
    },
    line(x1, y1, x2, y2, o = {}) {
      ops().push(`q ${strokeState(o)} ${num(x1)} ${num(py(y1))} m ${num(x2)} ${num(py(y2))} l S Q`);
    },
    rect(x, y, w, h, o = {}) {
      const fill = o.fill;
      const stroke = o.stroke ?? (fill ? undefined : '#000000');
      const state = [fill ? fillOp(fill) : '', stroke ? `${strokeOp(stroke)} ${num(o.lineWidth ?? 1)} w` : '']
        .filter(Boolean)
        .join(' ');
      const paint = fill && stroke ? 'B' : fill ? 'f' : 'S';
      ops().push(`q ${state} ${num(x)} ${num(py(y + h))} ${num(w)} ${num(h)} re ${paint} Q`);
    },
    polyline(points, o = {}) {
      if (points.length < 2) return;
      const path = points.map(([x, y], i) => `${num(x)} ${num(py(y))} ${i === 0 ? 'm' : 'l'}`).join(' ');
      ops().push(`q ${strokeState(o)} 1 j 1 J ${path} S Q`);
    },
    circle(cx, cy, r, o = {}) {
      const k = 0.5523 * r;
      const x = cx;
      const y = py(cy);
      const path = [
        `${num(x + r)} ${num(y)} m`,
        `${num(x + r)} ${num(y + k)} ${num(x + k)} ${num(y + r)} ${num(x)} ${num(y + r)} c`,
        `${num(x - k)} ${num(y + r)} ${num(x - r)} ${num(y + k)} ${num(x - r)} ${num(y)} c`,
        `${num(x - r)} ${num(y - k)} ${num(x - k)} ${num(y - r)} ${num(x)} ${num(y - r)} c`,
        `${num(x + k)} ${num(y - r)} ${num(x + r)} ${num(y - k)} ${num(x + r)} ${num(y)} c`,
      ].join(' ');
      const fill = o.fill;
      const stroke = o.stroke ?? (fill ? undefined : '#000000');
      const state = [fill ? fillOp(fill) : '', stroke ? `${strokeOp(stroke)} ${num(o.lineWidth ?? 1)} w` : '']
        .filter(Boolean)
        .join(' ');
      const paint = fill && stroke ? 'b' : fill ? 'f' : 's';
      ops().push(`q ${state} ${path} ${paint} Q`);
    },
    measure: measureText,
    fit: fitText,
    finish() {
      if (pages.length === 0) doc.page();
      return serialize(pages, options);
    },
  };
  return doc;
}

function serialize(pages: string[][], options: CreatePdfOptions): Buffer {
  const { width, height } = options;
  // Fixed objects: 1 catalog, 2 page tree, 3 info, 4 Type0 font, 5 CID font, 6 font descriptor;
  // then per page i a page object (7 + 2i) and its content stream (8 + 2i).
  const pageId = (i: number) => 7 + 2 * i;
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageId(i)} 0 R`).join(' ')}] /Count ${
    pages.length
  } >>`;
  const info = [`/Producer ${infoString('Zhizhi')}`];
  if (options.title) info.unshift(`/Title ${infoString(options.title)}`);
  if (options.creationDate) info.push(`/CreationDate ${pdfDate(options.creationDate)}`);
  objects[3] = `<< ${info.join(' ')} >>`;
  objects[4] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>';
  const asciiWidths = Array.from({ length: 95 }, () => '500').join(' ');
  objects[5] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light' +
    ' /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>' +
    ` /FontDescriptor 6 0 R /DW 1000 /W [1 [${asciiWidths}]] >>`;
  objects[6] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]' +
    ' /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 /MissingWidth 1000 >>';
  pages.forEach((content, i) => {
    objects[pageId(i)] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(width)} ${num(height)}]` +
      ` /Resources << /Font << /${FONT_NAME} 4 0 R >> /ProcSet [/PDF /Text] >> /Contents ${pageId(i) + 1} 0 R >>`;
    const stream = content.join('\n');
    objects[pageId(i) + 1] =
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });

  const chunks: Buffer[] = [];
  let length = 0;
  const write = (s: string | Buffer) => {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
    chunks.push(b);
    length += b.length;
  };
  // A comment with high bytes after the header marks the file as binary for transfer tools.
  write('%PDF-1.4\n');
  write(Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = length;
    write(`${id} 0 obj\n${objects[id]}\nendobj\n`);
  }
  const xrefAt = length;
  const size = objects.length;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let id = 1; id < size; id++) xref += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  write(xref);
  write(`trailer\n<< /Size ${size} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(chunks);
}
