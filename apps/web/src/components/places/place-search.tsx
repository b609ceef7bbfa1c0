import { unwrap } from '@zhizhi/api-client';
import { AutoComplete, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/api';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { useProblemNotifier } from '../use-action';
import { percent } from './places-model';
import type { SearchResult } from './types';

const DEBOUNCE_MS = 250;

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface PlaceSearchProps {
  /** The typed text (controlled), so the page can explain it. */
  value: string;
  onChange: (text: string) => void;
  onSelect: (place: SearchResult) => void;
  /** Only offer entries of these levels (e.g. roads and estates for a doorplate sheet). */
  levels?: readonly string[];
  /** The hint shown in the empty box. */
  hint?: string;
  testId?: string;
}

/** Standard addresses as the user types (debounced GET /api/places/search); late answers are dropped. */
export function PlaceSearch({ value, onChange, onSelect, levels, hint, testId }: PlaceSearchProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const notify = useProblemNotifier();
  const typed = useDebounced(value.trim());
  const [results, setResults] = useState<SearchResult[]>([]);
  const [searching, setSearching] = useState(false);
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    if (!typed) {
      setResults([]);
      return;
    }
    setSearching(true);
    unwrap(api.GET('/api/places/search', { params: { query: { q: typed, limit: 15 } } }))
      .then((body) => mine === generation.current && setResults(body.results))
      .catch((error: unknown) => mine === generation.current && notify(error))
      .finally(() => mine === generation.current && setSearching(false));
  }, [typed, notify]);

  const shown = levels ? results.filter((r) => levels.includes(r.level)) : results;
  const options = shown.map((result) => ({
    value: result.id,
    label: (
      <Space size={4} wrap data-testid="places-search-option" data-key={result.key}>
        <Tag>{enumLabel('places.level', result.level)}</Tag>
        <span>{result.key}</span>
        {result.confidence !== null && (
          <Typography.Text type="secondary">{percent(result.confidence)}</Typography.Text>
        )}
        {!result.current && <Tag color="default">{t('places.detail.retired')}</Tag>}
      </Space>
    ),
  }));

  return (
    <AutoComplete
      value={value}
      options={options}
      showSearch={{ filterOption: false }}
      onChange={(next) => {
        // Picking an option reports its id as the value: keep the typed text instead.
        if (!shown.some((r) => r.id === next)) onChange(next);
      }}
      onSelect={(id: string) => {
        const chosen = shown.find((r) => r.id === id);
        if (chosen) onSelect(chosen);
      }}
      style={{ width: '100%' }}
      popupMatchSelectWidth
      notFoundContent={typed && !searching ? t('common.noMatch') : null}
      data-testid={testId ?? 'places-search'}
    >
      <Input.Search
        size="large"
        allowClear
        loading={searching}
        aria-label={t('places.search.label')}
        placeholder={hint ?? t('places.search.hint')}
      />
    </AutoComplete>
  );
}
