import { and, desc, eq } from 'drizzle-orm';
import { canonicalJson } from '../audit/canonical-json';
import { sha256 } from '../audit/hash';
import type { Clock } from '../clock';
import type { Executor } from '../db/types';
import { NotFoundError } from '../errors';
import { type CaseTypeDefinition, parseCaseTypeDefinition } from './definition';
import { casesType } from './schema';

/** Versioned case type definitions, cached by code@version (a version never changes once written). */
export function createCaseTypeStore(db: Executor, clock: Clock) {
  const cache = new Map<string, CaseTypeDefinition>();

  /** Stores a definition; an unchanged one keeps its version, a changed one gets the next. */
  async function define(executor: Executor, input: unknown) {
    const definition = parseCaseTypeDefinition(input);
    const hash = sha256(canonicalJson(definition));
    const [latest] = await executor
      .select({ version: casesType.version, hash: casesType.hash })
      .from(casesType)
      .where(eq(casesType.code, definition.code))
      .orderBy(desc(casesType.version))
      .limit(1);
    if (latest?.hash === hash) return { code: definition.code, version: latest.version, created: false };
    const version = (latest?.version ?? 0) + 1;
    await executor
      .insert(casesType)
      .values({ code: definition.code, version, definition, hash, createdAt: clock.now() });
    cache.set(`${definition.code}@${version}`, definition);
    return { code: definition.code, version, created: true };
  }

  /** One version, or the latest when `version` is omitted. */
  async function get(
    code: string,
    version?: number,
    executor: Executor = db,
  ): Promise<{ version: number; definition: CaseTypeDefinition }> {
    if (version !== undefined) {
      const cached = cache.get(`${code}@${version}`);
      if (cached) return { version, definition: cached };
    }
    const [row] = await executor
      .select()
      .from(casesType)
      .where(
        version === undefined
          ? eq(casesType.code, code)
          : and(eq(casesType.code, code), eq(casesType.version, version)),
      )
      .orderBy(desc(casesType.version))
      .limit(1);
    if (!row)
      throw new NotFoundError(
        'cases.type.not_found',
        `No case type ${code}${version ? ` version ${version}` : ''}.`,
      );
    cache.set(`${code}@${row.version}`, row.definition);
    return { version: row.version, definition: row.definition };
  }

  return { define, get };
}
