import { type Department, type Division, unwrap } from '@zhizhi/api-client';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/api';
import { loadDivisions } from '../../api/divisions';
import { useLocalName } from '../../i18n/use-t';
import type { MapBoundary } from '../map';
import { type CaseType, EVENT_TYPE, type EventCategory } from './types';

// One request per page load for each list; editors call clearGovernanceLookups() after a save.
const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

export function clearGovernanceLookups(): void {
  cache.clear();
}

export const loadCategories = () =>
  cached('categories', async () => (await unwrap(api.GET('/api/governance/categories'))).items);
export const loadDepartments = () =>
  cached('departments', async () => (await unwrap(api.GET('/api/org/departments'))).items);
/** The district's townships (街道/镇), for filters and the per-township table. */
export const loadTowns = () =>
  cached('towns', async () => {
    const [district] = await loadDivisions();
    return district ? loadDivisions(district.code) : [];
  });

/** The district boundary for maps (GeoJSON Feature), public and cacheable. */
export const loadRegion = () =>
  cached(
    'region',
    async () => (await unwrap(api.GET('/api/public/region'))).boundary as MapBoundary | undefined,
  );

/**
 * A case type's states, steps, fields and clocks. There is no endpoint for a type alone, so it is
 * read from the detail of any case of the type (once per page load); null while there is none.
 */
export const loadCaseType = (typeCode: string) =>
  cached(`type:${typeCode}`, async (): Promise<CaseType | null> => {
    const page = await unwrap(api.GET('/api/cases', { params: { query: { typeCode, limit: 1 } } }));
    const first = page.items[0];
    if (!first) {
      cache.delete(`type:${typeCode}`); // ask again once there is a case
      return null;
    }
    const detail = await unwrap(api.GET('/api/cases/{id}', { params: { path: { id: first.id } } }));
    return detail.type;
  });

/** Remembers a type seen in a detail, so lists opened later need no extra requests. */
export function rememberCaseType(type: CaseType): void {
  cache.set(`type:${type.code}`, Promise.resolve(type));
}

function useAsync<T>(load: () => Promise<T>, fallback: T): T {
  const [value, setValue] = useState<T>(fallback);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaders are stable module functions
  useEffect(() => {
    let current = true;
    load()
      .then((next) => current && setValue(next))
      .catch(() => undefined); // names fall back to codes
    return () => {
      current = false;
    };
  }, []);
  return value;
}

export interface GovernanceLookups {
  categories: EventCategory[];
  departments: Department[];
  towns: Division[];
  categoryName: (code: unknown) => string;
  departmentName: (id: string | null | undefined) => string;
  departmentByCode: (code: string) => Department | undefined;
  townName: (divisionCode: string) => string;
}

/** Names for the codes and ids cases carry: categories, departments, townships. */
export function useGovernanceLookups(): GovernanceLookups {
  const localName = useLocalName();
  const categories = useAsync(loadCategories, [] as EventCategory[]);
  const departments = useAsync(loadDepartments, [] as Department[]);
  const towns = useAsync(loadTowns, [] as Division[]);
  return useMemo(() => {
    const categoryBy = new Map(categories.map((c) => [c.code, c]));
    const departmentBy = new Map(departments.map((d) => [d.id, d]));
    const departmentCodes = new Map(departments.map((d) => [d.code, d]));
    const townBy = new Map(towns.map((d) => [d.code, d]));
    return {
      categories,
      departments,
      towns,
      categoryName: (code) => {
        if (typeof code !== 'string') return '—';
        const category = categoryBy.get(code);
        return category ? localName(category.nameZh, category.nameEn) : code;
      },
      departmentName: (id) => {
        if (!id) return '—';
        const department = departmentBy.get(id);
        return department ? localName(department.name, department.nameEn) : id;
      },
      departmentByCode: (code) => departmentCodes.get(code),
      townName: (divisionCode) => {
        const town = townBy.get(`${divisionCode.slice(0, 9)}000`);
        return town?.name ?? divisionCode;
      },
    };
  }, [categories, departments, towns, localName]);
}

/** The district boundary, once loaded. */
export function useRegionBoundary(): MapBoundary | undefined {
  return useAsync(loadRegion, undefined);
}

/** The case type of governance events (or another), once known. */
export function useCaseType(typeCode: string = EVENT_TYPE): CaseType | null {
  const [type, setType] = useState<CaseType | null>(null);
  useEffect(() => {
    let current = true;
    loadCaseType(typeCode)
      .then((next) => current && setType(next))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [typeCode]);
  return type;
}
