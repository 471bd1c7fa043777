import '../clocks.css';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useMarkRead, useMyNotifications } from '../hooks/use-calendar';
import type { AppNotification } from '../types';
import { monthDayClockOfInstant } from '../../../lib/time';

/** In-app reminders (deadline reminders, overdue escalations), unread first; clicking one marks it read. */
export function NotificationBell() {
  const mine = useMyNotifications();
  const read = useMarkRead();
  const items = mine.data?.items ?? [];
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }}>
      {items.length === 0 ? (
        <Empty description="暂无消息" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List<AppNotification>
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? undefined : 'notification-item-unread'}
              onClick={() => {
                if (!n.readAt) read.mutate(n.id);
              }}
              style={{ cursor: n.readAt ? 'default' : 'pointer' }}
              data-testid="notification-item"
            >
              <List.Item.Meta
                title={
                  <span>
                    {n.readAt ? null : <Badge status="processing" />} {n.templateLabel}
                    <Typography.Text type="secondary" style={{ float: 'right', fontWeight: 400 }}>
                      {monthDayClockOfInstant(n.createdAt)}
                    </Typography.Text>
                  </span>
                }
                description={n.body}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover content={content} title="消息提醒" trigger="click" placement="bottomRight">
      <Badge count={mine.data?.unread ?? 0} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label="消息提醒" data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
