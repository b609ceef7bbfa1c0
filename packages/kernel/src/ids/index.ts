import { uuidv7 } from 'uuidv7';

/** A new UUIDv7: time-ordered, so primary keys index well. Generated in JS (PostgreSQL 15 has no uuidv7()). */
export function newId(): string {
  return uuidv7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** True when `value` is a UUID in canonical text form. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
