import { type Division, unwrap } from '@zhizhi/api-client';
import { api } from './api';

const cache = new Map<string, Promise<Division[]>>();

/** Current divisions under `parentCode` (the top level when omitted); cached until a rename. */
export function loadDivisions(parentCode?: string): Promise<Division[]> {
  const key = parentCode ?? '';
  let pending = cache.get(key);
  if (!pending) {
    const query = parentCode ? { parentCode } : {};
    pending = unwrap(api.GET('/api/org/divisions', { params: { query } })).then((body) => body.items);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** Lists divisions bypassing the cache, optionally with historic (superseded) rows. */
export async function fetchDivisions(
  parentCode: string | undefined,
  includeHistoric: boolean,
): Promise<Division[]> {
  const query = {
    ...(parentCode ? { parentCode } : {}),
    includeHistoric: includeHistoric ? 'true' : 'false',
  } as const;
  const body = await unwrap(api.GET('/api/org/divisions', { params: { query } }));
  return body.items;
}

export function clearDivisionCache(): void {
  cache.clear();
}

/**
 * Ancestors of a 12-digit division code, top first, from the code's own structure
 * (6 county digits + 3 township + 3 village): 330213001201 → [330213000000, 330213001000, 330213001201].
 */
export function divisionPath(code: string): string[] {
  if (!/^\d{12}$/.test(code)) return [code];
  const district = `${code.slice(0, 6)}000000`;
  const town = `${code.slice(0, 9)}000`;
  if (code === district) return [code];
  if (code === town) return [district, code];
  return [district, town, code];
}

/** The district, its towns and (optionally) the villages of the given towns, as a code → name map. */
export async function loadDivisionNames(townCodes: readonly string[] = []): Promise<Map<string, Division>> {
  const names = new Map<string, Division>();
  const roots = await loadDivisions();
  const lists = [roots, ...(await Promise.all(roots.map((root) => loadDivisions(root.code))))];
  lists.push(...(await Promise.all(townCodes.map((town) => loadDivisions(town)))));
  for (const division of lists.flat()) names.set(division.code, division);
  return names;
}
