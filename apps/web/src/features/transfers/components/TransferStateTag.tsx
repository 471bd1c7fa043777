import { Tag } from 'antd';
import type { Transfer } from '../types';

export function TransferStateTag({ t }: { t: Transfer }) {
  if (t.state === 'pending') {
    return t.overdue ? <Tag color="red">待接收（超过一个工作日）</Tag> : <Tag color="orange">待接收</Tag>;
  }
  return <Tag color={t.state === 'accepted' ? 'green' : 'default'}>{t.stateLabel}</Tag>;
}
