import { Tag } from 'antd';
import { useT } from '../../i18n/use-t';
import type { Grade, OpeningType, ResourceStatus, SharingType } from './types';

const SHARING_COLOR: Record<SharingType, string> = {
  unconditional: 'green',
  conditional: 'gold',
  none: 'red',
};
const OPENING_COLOR: Record<OpeningType, string> = { open: 'green', restricted: 'gold', closed: 'red' };
// Sensitivity: L1 low … L4 high (DB33/T 2350).
const GRADE_COLOR: Record<Grade, string> = { L1: 'green', L2: 'blue', L3: 'orange', L4: 'red' };

export function SharingTag({ value }: { value: SharingType }) {
  const t = useT();
  return (
    <Tag color={SHARING_COLOR[value]} data-testid="data-sharing" data-value={value}>
      {t(`data.sharing.${value}`)}
    </Tag>
  );
}

export function OpeningTag({ value }: { value: OpeningType }) {
  const t = useT();
  return (
    <Tag color={OPENING_COLOR[value]} data-testid="data-opening" data-value={value}>
      {t(`data.opening.${value}`)}
    </Tag>
  );
}

export function GradeTag({ value }: { value: Grade }) {
  return (
    <Tag color={GRADE_COLOR[value]} data-testid="data-grade" data-value={value}>
      {value}
    </Tag>
  );
}

export function StatusTag({ value }: { value: ResourceStatus }) {
  const t = useT();
  return (
    <Tag color={value === 'active' ? 'blue' : 'default'} data-testid="data-status" data-value={value}>
      {t(`data.status.${value}`)}
    </Tag>
  );
}
