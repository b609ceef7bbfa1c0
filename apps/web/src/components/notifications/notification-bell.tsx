import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Space, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useSession } from '../../session/session';
import { formatDateTime } from '../format';
import { useProblemNotifier } from '../use-action';
import { type Notification, useNotifications } from './use-notifications';

/** Only paths inside this app are followed; anything else stays unclicked rather than leaving. */
function internalLink(link: string | null): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null;
}

function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const t = useT();
  const localName = useLocalName();
  const { locale } = usePreferences();
  const { token } = theme.useToken();
  const body = localName(item.bodyZh ?? '', item.bodyEn);
  const unread = item.readAt === null;
  return (
    <li style={{ listStyle: 'none' }}>
      <button
        type="button"
        onClick={() => onOpen(item)}
        data-testid="notification-item"
        data-urgent={item.urgent}
        data-unread={unread}
        style={{
          display: 'block',
          width: '100%',
          textAlign: 'start',
          cursor: 'pointer',
          font: 'inherit',
          color: 'inherit',
          padding: '8px 12px',
          border: 0,
          borderInlineStart: `4px solid ${item.urgent ? token.colorError : unread ? token.colorPrimary : 'transparent'}`,
          borderBottom: `${token.lineWidth}px solid ${token.colorBorderSecondary}`,
          background: unread ? token.colorPrimaryBg : 'transparent',
        }}
      >
        <Space size={4} wrap>
          {item.urgent && (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('notifications.urgent')}
            </Tag>
          )}
          <Typography.Text strong={unread} type={item.urgent ? 'danger' : undefined}>
            {localName(item.titleZh, item.titleEn)}
          </Typography.Text>
        </Space>
        {body && <Typography.Paragraph style={{ margin: '2px 0 0' }}>{body}</Typography.Paragraph>}
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          {formatDateTime(item.createdAt, locale)}
          {unread && ` · ${t('notifications.unread')}`}
        </Typography.Text>
      </button>
    </li>
  );
}

/** The header bell: unread count; a drawer of the newest messages, where a click marks one read and opens its page. */
export function NotificationBell() {
  const { me } = useSession();
  const t = useT();
  const navigate = useNavigate();
  const notify = useProblemNotifier();
  const { elderMode } = usePreferences();
  const [open, setOpen] = useState(false);
  const inbox = useNotifications(me !== null);

  const show = () => {
    setOpen(true);
    inbox.refresh().catch(notify);
  };
  const openItem = (item: Notification) => {
    setOpen(false);
    if (item.readAt === null) inbox.markRead(item.id).catch(notify);
    const link = internalLink(item.link);
    if (link) navigate(link);
  };

  return (
    <>
      <Badge count={inbox.unread} overflowCount={99} data-testid="notifications-badge">
        <Button
          shape="circle"
          icon={<BellOutlined />}
          aria-label={t('notifications.open', { count: inbox.unread })}
          aria-haspopup="dialog"
          onClick={show}
          data-testid="notifications-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notifications.title')}
        size={elderMode ? 'min(520px, 100vw)' : 'min(420px, 100vw)'}
        extra={
          <Button
            type="link"
            disabled={inbox.unread === 0}
            onClick={() => inbox.markAllRead().catch(notify)}
            data-testid="notifications-read-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        }
        styles={{ body: { padding: 0 } }}
      >
        <div data-testid="notifications-panel">
          {inbox.items.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('notifications.empty')}
              style={{ margin: 24 }}
            />
          ) : (
            <ul style={{ margin: 0, padding: 0 }}>
              {inbox.items.map((item) => (
                <NotificationItem key={item.id} item={item} onOpen={openItem} />
              ))}
            </ul>
          )}
        </div>
      </Drawer>
    </>
  );
}
