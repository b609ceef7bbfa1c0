import { Tag } from 'antd';
import { useT } from '../../i18n/use-t';
import { hasMessage } from '../../i18n/translate';

const COLOR: Record<string, string> = {
  received: 'gold',
  reviewing: 'processing',
  supplement: 'purple',
  approved: 'green',
  refused: 'red',
  not_accepted: 'red',
  in_progress: 'processing',
  concluded: 'green',
  open: 'gold',
  called_back: 'processing',
  rectified: 'green',
};

/** A services case state (matter, overall application, rectification) as a coloured tag. */
export function ServiceStateTag({ state, testId }: { state: string; testId?: string }) {
  const t = useT();
  const key = `govStaff.state.${state}`;
  return (
    <Tag color={COLOR[state] ?? 'default'} data-testid={testId} data-state={state}>
      {hasMessage(key) ? t(key) : state}
    </Tag>
  );
}
