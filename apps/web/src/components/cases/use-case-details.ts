import { unwrap } from '@zhizhi/api-client';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import type { CaseDetail, CaseItem } from './types';

/**
 * The details (timeline, available steps, names) of a queue's rows, for what a list row lacks:
 * the handler's reason for a return, who asked for an extension, the steps open to the user.
 * Reloaded when a row's version changes; a row that fails to load is just left without.
 */
export function useCaseDetails(items: CaseItem[]): Map<string, CaseDetail> {
  const [details, setDetails] = useState(new Map<string, CaseDetail>());
  const key = items
    .map((item) => `${item.id}@${item.version}:${item.meta.pendingExtension?.at ?? ''}`)
    .join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by ids and versions
  useEffect(() => {
    let current = true;
    Promise.all(
      items.map((item) =>
        unwrap(api.GET('/api/governance/events/{id}', { params: { path: { id: item.id } } })).catch(
          () => null,
        ),
      ),
    ).then((loaded) => {
      if (!current) return;
      setDetails(new Map(loaded.filter((d): d is CaseDetail => d !== null).map((d) => [d.id, d])));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return details;
}
