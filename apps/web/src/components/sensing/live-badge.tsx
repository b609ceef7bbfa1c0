import { Badge } from 'antd';
import { useT } from '../../i18n/use-t';

/** Whether the live stream is connected, said in words as well as colour. */
export function LiveBadge({ open }: { open: boolean }) {
  const t = useT();
  return (
    <Badge
      data-testid="sensing-live"
      data-value={open ? 'open' : 'closed'}
      status={open ? 'processing' : 'warning'}
      text={t(open ? 'sensing.live.connected' : 'sensing.live.offline')}
    />
  );
}
