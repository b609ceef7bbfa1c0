import { Tag } from 'antd';
import { useT } from '../../../i18n/use-t';

/** 无条件开放 (green) or 受限开放 (gold). */
export function OpenOpeningTag({ value }: { value: 'open' | 'restricted' }) {
  const t = useT();
  return (
    <Tag color={value === 'open' ? 'green' : 'gold'} data-testid="open-opening" data-value={value}>
      {t(`open.opening.${value}`)}
    </Tag>
  );
}
