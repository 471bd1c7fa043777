import { App } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { NotificationInstance } from 'antd/es/notification/interface';
import { useEffect } from 'react';

/**
 * antd's message/notification through App.useApp() (so they follow the zh-CN locale and theme), made
 * reachable from non-React code such as the query client's global error handlers.
 */
let instances: { message: MessageInstance; notification: NotificationInstance } | null = null;

export function FeedbackBridge(): null {
  const { message, notification } = App.useApp();
  useEffect(() => {
    instances = { message, notification };
    return () => {
      instances = null;
    };
  }, [message, notification]);
  return null;
}

export const feedback = {
  success(text: string): void {
    instances?.message.success(text);
  },
  warning(text: string, key?: string): void {
    instances?.message.warning({ content: text, key, duration: 4 });
  },
  error(text: string, key?: string): void {
    instances?.message.error({ content: text, key, duration: 5 });
  },
  notifyError(title: string, description: string): void {
    instances?.notification.error({ title, description, placement: 'topRight' });
  },
};
