import { unwrap } from '@zhizhi/api-client';
import { useCallback, useMemo } from 'react';
import { api } from '../../../api/api';
import { useLocalName } from '../../../i18n/use-t';
import { useSession } from '../../../session/session';
import { useLoad } from '../../use-load';

/** Department names by id (for staff who may read the org), the id otherwise. */
export function useDepartmentNames() {
  const { can } = useSession();
  const localName = useLocalName();
  const canOrg = can('org.read');
  const departments = useLoad(
    async () => (canOrg ? (await unwrap(api.GET('/api/org/departments'))).items : []),
    [canOrg],
  );
  const names = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, localName(d.name, d.nameEn)])),
    [departments.data, localName],
  );
  return useCallback((id: string) => names.get(id) ?? id, [names]);
}
