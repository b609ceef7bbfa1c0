import { unwrap } from '@zhizhi/api-client';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';

interface StaffOption {
  value: string;
  label: string;
}

export interface StaffSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Label for the current value before any search has run. */
  initialLabel?: string | null;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** Searches staff by name or username (needs `staff.read`). */
export function StaffSelect({ value, onChange, initialLabel, ...rest }: StaffSelectProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<StaffOption[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    clearTimeout(timer.current);
    let current = true;
    // Wait for a pause in typing rather than querying on every keystroke.
    timer.current = setTimeout(() => {
      setLoading(true);
      unwrap(
        api.GET('/api/admin/staff', { params: { query: { q: query || undefined, page: 1, pageSize: 20 } } }),
      )
        .then((body) => {
          if (current)
            setOptions(
              body.items.map((staff) => ({
                value: staff.id,
                label: `${staff.displayName} (${staff.username})`,
              })),
            );
        })
        .catch(() => current && setOptions([]))
        .finally(() => current && setLoading(false));
    }, 250);
    return () => {
      current = false;
    };
  }, [query]);

  const merged =
    value && initialLabel && !options.some((option) => option.value === value)
      ? [{ value, label: initialLabel }, ...options]
      : options;

  return (
    <Select<string>
      {...rest}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={merged}
      loading={loading}
      allowClear
      placeholder={t('staff.searchPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      notFoundContent={loading ? t('common.loading') : t('common.noMatch')}
    />
  );
}
