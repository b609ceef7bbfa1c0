import type { ApiResponse } from '@zhizhi/api-client';
import { unwrap } from '@zhizhi/api-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/api';
import { useProblemNotifier } from '../use-action';
import { type CaseItem, EVENT_TYPE } from './types';

type Page = ApiResponse<'/api/cases', 'get'>;

/** Filters of GET /api/cases (the case type is governance events unless given). */
export interface CaseQuery {
  typeCode?: string;
  states?: string[];
  departmentId?: string;
  divisionCode?: string;
  assignee?: string;
  unassigned?: boolean;
  open?: boolean;
  overdue?: boolean;
  pendingExtension?: boolean;
  q?: string;
  limit?: number;
}

const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

export function fetchCases(query: CaseQuery, before?: string): Promise<Page> {
  return unwrap(
    api.GET('/api/cases', {
      params: {
        query: {
          typeCode: query.typeCode ?? EVENT_TYPE,
          state: query.states?.length ? query.states.join(',') : undefined,
          departmentId: query.departmentId,
          divisionCode: query.divisionCode,
          assignee: query.assignee,
          unassigned: flag(query.unassigned),
          open: flag(query.open),
          overdue: flag(query.overdue),
          pendingExtension: flag(query.pendingExtension),
          q: query.q || undefined,
          limit: query.limit ?? 50,
          before,
        },
      },
    }),
  );
}

export interface CaseList {
  items: CaseItem[];
  /** More pages exist (keyset paging: the next page starts after the last id). */
  hasMore: boolean;
  loading: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** A list of cases, newest first, page by page; `null` query = nothing to load (yet). */
export function useCaseList(query: CaseQuery | null): CaseList {
  const notify = useProblemNotifier();
  const [items, setItems] = useState<CaseItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  // Answers for an older query or generation are dropped.
  const ticket = useRef(0);
  const key = JSON.stringify(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the query is compared by value (key)
  const load = useCallback(
    async (before: string | undefined) => {
      if (!query) return;
      const mine = ++ticket.current;
      setLoading(true);
      try {
        const page = await fetchCases(query, before);
        if (mine !== ticket.current) return;
        setItems((previous) => (before ? [...previous, ...page.items] : page.items));
        setNext(page.next);
      } catch (error) {
        if (mine === ticket.current) notify(error);
      } finally {
        if (mine === ticket.current) setLoading(false);
      }
    },
    [key, notify],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the query or generation changes
  useEffect(() => {
    void load(undefined);
  }, [load, generation]);

  return {
    items,
    hasMore: next !== null,
    loading,
    loadMore: () => next && void load(next),
    reload: () => setGeneration((value) => value + 1),
  };
}
