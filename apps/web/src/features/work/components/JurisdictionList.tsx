import { EnvironmentOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { NamedRef } from '../../auth/types';

export function JurisdictionList({ jurisdictions }: { jurisdictions: readonly NamedRef[] }) {
  const unique = [...new Map(jurisdictions.map((j) => [j.id, j])).values()];
  return (
    <div className="jurisdiction-list" data-testid="jurisdictions">
      <span className="jurisdiction-list-label">
        <EnvironmentOutlined aria-hidden /> 辖区：
      </span>
      {unique.length === 0 ? (
        <span className="muted">未分配辖区</span>
      ) : (
        unique.map((j) => <Tag key={j.id}>{j.name}</Tag>)
      )}
    </div>
  );
}
