import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import {
  formatDistance,
  labelKey,
  levelKey,
  outcomeKey,
  percent,
  shortAddress,
  svgDataUrl,
} from './places-model';

describe('places model', () => {
  it('names every CCKS label and outcome in Chinese', () => {
    expect(translate('zh-CN', labelKey('community'))).toBe('社区村');
    expect(translate('zh-CN', labelKey('poi'))).toBe('兴趣点');
    expect(translate('zh-CN', labelKey('houseno'))).toBe('楼栋');
    expect(translate('zh-CN', outcomeKey('similar'))).toBe('音近字近');
    expect(translate('en-US', outcomeKey('alias'))).toBe('Alias');
    expect(levelKey('estate')).toBe('places.level.estate');
    expect(levelKey('township')).toBeNull();
  });

  it('never rounds a confidence up past the acceptance line', () => {
    expect(percent(0.899)).toBe('89%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });

  it('formats distances and shortens addresses', () => {
    expect(formatDistance(342.4, 'zh-CN')).toBe('342 米');
    expect(formatDistance(1380, 'en-US')).toBe('1.4 km');
    expect(shortAddress('浙江省宁波市奉化区锦屏街道东门社区兰亭嘉园', '锦屏街道')).toBe(
      '锦屏街道东门社区兰亭嘉园',
    );
    expect(shortAddress('奉化区', null)).toBe('奉化区');
  });

  it('makes server SVG an image source, never markup', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
    expect(url).not.toContain('<');
  });
});
