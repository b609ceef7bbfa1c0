import QRCode from 'qrcode';

export interface QrOptions {
  /** Error correction: M (15 %) by default; Q or H for labels that get dirty or scratched. */
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  /** Quiet zone in modules (default 2). */
  margin?: number;
  /** PNG width in pixels (default 256). */
  width?: number;
}

/** The QR code of `data` as a standalone SVG document. */
export function qrSvg(data: string, options: QrOptions = {}): Promise<string> {
  return QRCode.toString(data, {
    type: 'svg',
    errorCorrectionLevel: options.errorCorrectionLevel ?? 'M',
    margin: options.margin ?? 2,
  });
}

/** The QR code of `data` as a `data:image/png;base64,…` URL. */
export function qrPngDataUrl(data: string, options: QrOptions = {}): Promise<string> {
  return QRCode.toDataURL(data, {
    type: 'image/png',
    errorCorrectionLevel: options.errorCorrectionLevel ?? 'M',
    margin: options.margin ?? 2,
    width: options.width ?? 256,
  });
}
