import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useLocalName, useT } from '../../i18n/use-t';
import { categoryOptions, categoryPath } from './category-options';
import type { EventCategory } from './report-api';

export interface CategoryCascaderProps {
  categories: readonly EventCategory[];
  /** The chosen leaf's code. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  loading?: boolean;
}

// On a phone both columns must fit the screen: long (English) names wrap instead of running off it.
const POPUP_CSS = `
.zz-category-popup.zz-category-popup .ant-cascader-menu { flex-shrink: 1; min-width: 0; max-width: calc(50vw - 16px); }
.zz-category-popup.zz-category-popup .ant-cascader-menu-item-content { white-space: normal; overflow: visible; }
`;

/** Group → category, leaves only, with search; the form sees just the leaf code. */
export function CategoryCascader({ categories, value, onChange, id, loading }: CategoryCascaderProps) {
  const t = useT();
  const localName = useLocalName();
  const options = useMemo(
    () => categoryOptions(categories, (c) => localName(c.nameZh, c.nameEn)),
    [categories, localName],
  );
  return (
    <>
      <style href="zz-category-popup" precedence="default">
        {POPUP_CSS}
      </style>
      <Cascader
        id={id}
        data-testid="category-cascader"
        options={options}
        value={categoryPath(options, value)}
        onChange={(path) => onChange?.(path?.length ? String(path[path.length - 1]) : undefined)}
        placeholder={t('public.form.categoryPlaceholder')}
        showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
        loading={loading}
        classNames={{ popup: { root: 'zz-category-popup' } }}
        style={{ width: '100%' }}
      />
    </>
  );
}
