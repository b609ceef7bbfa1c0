/** A frame could not be decoded or encoded; `code` is stable (`hj212.crc_mismatch`, `sl651.malformed`). */
export class ProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}
