import { Tag, Typography } from 'antd';
import type { MessageKey } from '../../i18n/translate';
import { hasMessage } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';

const DRAW_COLORS: Record<string, string> = { committed: 'processing', drawn: 'gold', published: 'success' };

/** committed 已承诺 / drawn 已抽取 / published 种子已公开. */
export function DrawStatusTag({ status }: { status: string }) {
  const t = useT();
  const key = `regPublic.draws.status.${status}`;
  return (
    <Tag color={DRAW_COLORS[status] ?? 'default'} data-testid="reg-draw-status" data-status={status}>
      {hasMessage(key) ? t(key as MessageKey) : status}
    </Tag>
  );
}

/** A hash or seed: labelled, monospaced, wrapping anywhere on a phone, copyable. */
export function Digest({ label, value }: { label: string; value: string | null | undefined }) {
  const t = useT();
  return (
    <div style={{ marginTop: 4 }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {value ? (
        <Typography.Text className="zz-mono" copyable style={{ wordBreak: 'break-all' }}>
          {value}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('regPublic.draws.notYet')}</Typography.Text>
      )}
    </div>
  );
}
