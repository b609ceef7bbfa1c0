import { type ApiResponse, unwrap } from '@zhizhi/api-client';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/api';

export type Notification = ApiResponse<'/api/notifications', 'get'>['items'][number];

export const POLL_MS = 30_000;
const PAGE = 20;

export interface Inbox {
  items: Notification[];
  unread: number;
  /** Re-reads the newest messages and the unread count. */
  refresh: () => Promise<void>;
  /** Marks one message read (at once on screen, then on the server). */
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<void>;
}

/**
 * The signed-in user's newest messages and unread count, polled every 30 s while the tab is
 * visible (and at once when it becomes visible again). Failed polls stay quiet: the next one retries.
 */
export function useNotifications(enabled: boolean): Inbox {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);

  const refresh = useCallback(async () => {
    const inbox = await unwrap(api.GET('/api/notifications', { params: { query: { limit: PAGE } } }));
    setItems(inbox.items);
    setUnread(inbox.unread);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const poll = () => {
      if (!document.hidden) refresh().catch(() => undefined);
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [enabled, refresh]);

  const markRead = useCallback(
    async (id: string) => {
      const now = new Date().toISOString();
      setItems((current) =>
        current.map((item) => (item.id === id && !item.readAt ? { ...item, readAt: now } : item)),
      );
      setUnread((count) => Math.max(0, count - 1));
      await unwrap(api.POST('/api/notifications/read', { body: { ids: [id] } }));
      await refresh();
    },
    [refresh],
  );

  const markAllRead = useCallback(async () => {
    await unwrap(api.POST('/api/notifications/read', { body: { all: true } }));
    await refresh();
  }, [refresh]);

  return { items, unread, refresh, markRead, markAllRead };
}
