export {
  createCodeService,
  MAX_BATCH,
  type CodeService,
  type CodeServiceDeps,
  type IssuedCode,
  type ResolvedCode,
  type RevokedCode,
  type VerifyFailure,
  type VerifyResult,
} from './code-service';
export { qrPngDataUrl, qrSvg, type QrOptions } from './qr';
export { kernelCode, kernelCodeKey } from './schema';
export { formatToken, normalizeToken, parseToken, type ParsedToken } from './token';
