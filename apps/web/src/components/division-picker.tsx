import type { Division } from '@zhizhi/api-client';
import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { divisionPath, loadDivisions } from '../api/divisions';
import { useProblemNotifier } from './use-action';

interface DivisionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: DivisionOption[];
}

export interface DivisionPickerProps {
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** Deepest level offered. */
  depth?: 'town' | 'village';
  /** 'village': only a village can be chosen (grids); 'any': any level (scopes, departments). */
  choose?: 'any' | 'village';
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

const LEVELS = ['district', 'town', 'village'] as const;

/** Picks a division (区 → 镇街 → 村社), loading each level on demand. Value is the 12-digit code. */
export function DivisionPicker({
  value,
  onChange,
  depth = 'village',
  choose = 'any',
  ...rest
}: DivisionPickerProps) {
  const notify = useProblemNotifier();
  const [options, setOptions] = useState<DivisionOption[]>([]);
  const toOption = (division: Division): DivisionOption => ({
    value: division.code,
    label: division.name,
    isLeaf: division.childCount === 0 || LEVELS.indexOf(division.level) >= LEVELS.indexOf(depth),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: roots load once
  useEffect(() => {
    loadDivisions()
      .then((roots) => setOptions(roots.map(toOption)))
      .catch(notify);
  }, []);

  // Make sure the options along the current value's path are loaded, so labels show instead of codes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: toOption only depends on depth
  useEffect(() => {
    if (!value || options.length === 0) return;
    let current = true;
    (async () => {
      let level = options;
      let changed = false;
      for (const code of divisionPath(value).slice(0, -1)) {
        const node = level.find((option) => option.value === code);
        if (!node || node.isLeaf) break;
        if (!node.children) {
          node.children = (await loadDivisions(code)).map(toOption);
          changed = true;
        }
        level = node.children;
      }
      if (changed && current) setOptions((previous) => [...previous]);
    })().catch(notify);
    return () => {
      current = false;
    };
  }, [value, options.length]);

  return (
    <Cascader<DivisionOption>
      {...rest}
      options={options}
      value={value ? divisionPath(value) : undefined}
      changeOnSelect={choose === 'any'}
      loadData={(selected) => {
        const target = selected[selected.length - 1];
        if (!target || target.children) return;
        loadDivisions(target.value)
          .then((children) => {
            target.children = children.map(toOption);
            setOptions((previous) => [...previous]);
          })
          .catch(notify);
      }}
      onChange={(path) => onChange?.(path?.length ? String(path[path.length - 1]) : undefined)}
    />
  );
}
