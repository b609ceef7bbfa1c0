import { useCallback, useMemo } from 'react';
import { useLocalName } from '../../i18n/use-t';
import { useSession } from '../../session/session';
import { loadDepartments, loadTowns } from '../cases/lookups';
import { useLoad } from '../use-load';

/** Department names by org code (matters name their handling department by code). */
export function useDepartmentsByCode() {
  const { can } = useSession();
  const localName = useLocalName();
  const canOrg = can('org.read');
  const departments = useLoad(() => (canOrg ? loadDepartments() : Promise.resolve([])), [canOrg]);
  const names = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.code, localName(d.name, d.nameEn)])),
    [departments.data, localName],
  );
  const name = useCallback((code: string) => names.get(code) ?? code, [names]);
  const options = useMemo(
    () => [...names.entries()].map(([value, label]) => ({ value, label: `${label}（${value}）` })),
    [names],
  );
  return { name, options };
}

/** Township names by 12-digit division code. */
export function useTownNames() {
  const { can } = useSession();
  const canOrg = can('org.read');
  const towns = useLoad(() => (canOrg ? loadTowns() : Promise.resolve([])), [canOrg]);
  const names = useMemo(() => new Map((towns.data ?? []).map((d) => [d.code, d.name])), [towns.data]);
  return useCallback((code: string) => names.get(code) ?? code, [names]);
}
