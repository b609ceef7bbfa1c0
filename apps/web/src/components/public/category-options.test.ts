import { describe, expect, it } from 'vitest';
import { categoryOptions, categoryPath } from './category-options';

const row = (code: string, leaf: boolean, sort: number, parentCode: string | null = null) => ({
  code,
  parentCode,
  leaf,
  sort,
  nameZh: `中${code}`,
  nameEn: `en ${code}`,
});

const CATEGORIES = [
  row('road', false, 1),
  row('road.pothole', true, 2, 'road'),
  row('road.manhole', true, 1, 'road'),
  row('empty', false, 2), // a group whose leaves are all private
  row('safety.fire', true, 3, 'safety'), // its group is not public
];

describe('categoryOptions', () => {
  const options = categoryOptions(CATEGORIES, (c) => c.nameZh);

  it('nests leaves under their group in sort order and drops groups without leaves', () => {
    expect(options).toEqual([
      {
        value: 'road',
        label: '中road',
        children: [
          { value: 'road.manhole', label: '中road.manhole' },
          { value: 'road.pothole', label: '中road.pothole' },
        ],
      },
      { value: 'safety.fire', label: '中safety.fire' },
    ]);
  });

  it('finds the path to a leaf, and none to a group or an unknown code', () => {
    expect(categoryPath(options, 'road.pothole')).toEqual(['road', 'road.pothole']);
    expect(categoryPath(options, 'safety.fire')).toEqual(['safety.fire']);
    expect(categoryPath(options, 'road')).toEqual([]);
    expect(categoryPath(options, 'nope')).toEqual([]);
    expect(categoryPath(options, undefined)).toEqual([]);
  });
});
