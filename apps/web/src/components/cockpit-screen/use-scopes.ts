import { unwrap } from '@zhizhi/api-client';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { useSession } from '../../session/session';
import type { Overview, TownFeature } from './types';

export interface ScopeOption {
  value: string;
  label: string;
}

export interface ScopeOptionGroup {
  label: string;
  options: ScopeOption[];
}

type Department = { code: string; name: string; nameEn: string; kind: string; active: boolean };

/**
 * What the scope switcher offers: a leader of the whole district gets the district, every town and
 * the bureaus; one limited to a town or a department gets that one (the server checks either way).
 */
export function useScopeOptions(
  overview: Overview | undefined,
  towns: readonly TownFeature[],
  districtName: string,
): ScopeOptionGroup[] {
  const t = useT();
  const localName = useLocalName();
  const { can } = useSession();
  const wholeDistrict = overview?.defaultScope === 'district';
  const mayListDepartments = wholeDistrict && can('org.read');
  const [departments, setDepartments] = useState<Department[]>([]);

  useEffect(() => {
    if (!mayListDepartments) return;
    let current = true;
    unwrap(api.GET('/api/org/departments'))
      .then((body) => current && setDepartments(body.items))
      .catch(() => undefined); // the switcher then offers places only
    return () => {
      current = false;
    };
  }, [mayListDepartments]);

  return useMemo(() => {
    const groups: ScopeOptionGroup[] = [];
    if (!overview) return groups;
    if (wholeDistrict) {
      groups.push({
        label: t('cockpitScreen.scope.district'),
        options: [{ value: 'district', label: districtName }],
      });
      if (towns.length > 0)
        groups.push({
          label: t('cockpitScreen.scope.towns'),
          options: towns.map((f) => ({ value: `town:${f.properties.code}`, label: f.properties.name })),
        });
      const bureaus = departments.filter((d) => d.active && (d.kind === 'bureau' || d.kind === 'centre'));
      if (bureaus.length > 0)
        groups.push({
          label: t('cockpitScreen.scope.departments'),
          options: bureaus.map((d) => ({
            value: `department:${d.code}`,
            label: localName(d.name, d.nameEn),
          })),
        });
    }
    const known = groups.some((g) => g.options.some((o) => o.value === overview.scope.key));
    if (!known)
      groups.push({
        label: t(`cockpitScreen.scope.${overview.scope.type}`),
        options: [{ value: overview.scope.key, label: overview.scope.name }],
      });
    return groups;
  }, [overview, wholeDistrict, towns, departments, districtName, t, localName]);
}
