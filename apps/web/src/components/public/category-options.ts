import type { EventCategory } from './report-api';

export interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

type Named = Pick<EventCategory, 'code' | 'parentCode' | 'leaf' | 'sort' | 'nameZh' | 'nameEn'>;

/**
 * The category tree as cascader options: groups hold their leaves, groups without a leaf left are
 * dropped (only leaves can be reported), and a leaf whose group is not listed stands at the top.
 */
export function categoryOptions(categories: readonly Named[], name: (c: Named) => string): CategoryOption[] {
  const codes = new Set(categories.map((c) => c.code));
  const sorted = [...categories].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  const build = (node: Named): CategoryOption | null => {
    if (node.leaf) return { value: node.code, label: name(node) };
    const children = sorted
      .filter((child) => child.parentCode === node.code)
      .map(build)
      .filter((option) => option !== null);
    return children.length > 0 ? { value: node.code, label: name(node), children } : null;
  };
  return sorted
    .filter((c) => c.parentCode === null || !codes.has(c.parentCode))
    .map(build)
    .filter((option) => option !== null);
}

/** The cascader path (group codes, then the leaf) to a leaf code; empty when it is not offered. */
export function categoryPath(options: readonly CategoryOption[], code: string | undefined): string[] {
  if (!code) return [];
  for (const option of options) {
    if (option.value === code && !option.children) return [code];
    const below = option.children ? categoryPath(option.children, code) : [];
    if (below.length > 0) return [option.value, ...below];
  }
  return [];
}
