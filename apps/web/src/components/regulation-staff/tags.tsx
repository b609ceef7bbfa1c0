import { Tag, Tooltip } from 'antd';
import { useT } from '../../i18n/use-t';
import { CLASS_COLOR, type CreditClass, type Inspection } from './types';

/** A credit risk class as a coloured tag: A green, B blue, C orange, D red; unrated: grey. */
export function CreditClassTag({ value, short }: { value: CreditClass | null | undefined; short?: boolean }) {
  const t = useT();
  if (!value) return <Tag data-testid="reg-class-tag">{t('regStaff.class.none')}</Tag>;
  const name = t(`regStaff.class.${value}`);
  const tag = (
    <Tag color={CLASS_COLOR[value]} data-testid="reg-class-tag" data-class={value}>
      {short ? value : `${value} · ${name}`}
    </Tag>
  );
  return short ? <Tooltip title={name}>{tag}</Tooltip> : tag;
}

const INSPECTION_COLOR: Record<Inspection['status'], string> = {
  assigned: 'processing',
  rectifying: 'gold',
  reinspecting: 'purple',
  to_publish: 'cyan',
  published: 'green',
};

/** An inspection's status, and its result once recorded. */
export function InspectionStatusTag({
  inspection,
}: {
  inspection: Pick<Inspection, 'status' | 'result' | 'referred'>;
}) {
  const t = useT();
  return (
    <>
      <Tag color={INSPECTION_COLOR[inspection.status]}>
        {t(`regStaff.inspection.status.${inspection.status}`)}
      </Tag>
      {inspection.result && (
        <Tag color={inspection.result === 'pass' ? 'green' : 'red'}>
          {t(`regStaff.inspection.result.${inspection.result}`)}
        </Tag>
      )}
      {inspection.referred && <Tag color="red">{t('regStaff.inspection.referred')}</Tag>}
    </>
  );
}

const PLAN_COLOR: Record<string, string> = {
  draft: 'default',
  committed: 'gold',
  drawn: 'green',
  published: 'green',
};

/** A sampling plan's status: 草稿, 已公示, 已抽取. */
export function PlanStatusTag({ status }: { status: string }) {
  const t = useT();
  const known = status === 'draft' || status === 'committed' || status === 'drawn';
  return (
    <Tag color={PLAN_COLOR[status] ?? 'default'} data-testid="reg-plan-status" data-status={status}>
      {known ? t(`regStaff.plan.status.${status}`) : status}
    </Tag>
  );
}
