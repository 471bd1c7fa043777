import { Alert, App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { mattersApi } from '../api/matters.api';
import { useMatterMutation } from '../hooks/use-matters';
import type { MatterDetail, MatterRef } from '../types';

/** Possible duplicates (same worker and employer, open) with a merge into this matter. */
export function DuplicatesCard({ matter }: { matter: MatterDetail }) {
  const { modal } = App.useApp();
  const [reason, setReason] = useState('同一劳动者就同一用人单位重复登记');
  const merge = useMatterMutation(matter.id, async (other: MatterRef) => {
    const fresh = await mattersApi.get(other.id);
    return mattersApi.merge(matter.id, {
      version: matter.version,
      otherId: other.id,
      otherVersion: fresh.version,
      reason,
    });
  });
  if (matter.mergedInto) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="duplicate-flag"
        title={
          <span>
            本事项已合并至 <Link to={`/matters/${matter.mergedInto.id}`}>{matter.mergedInto.number}</Link>
          </span>
        }
      />
    );
  }
  if (matter.duplicates.length === 0) return null;
  const canMerge = matter.allowedActions.includes('merge');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-flag"
      title="疑似重复：同一劳动者与用人单位的其他未结事项"
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {matter.duplicates.map((d) => (
            <Space key={d.id} wrap>
              <Link to={`/matters/${d.id}`}>{d.number}</Link>
              {canMerge ? (
                <Button
                  size="small"
                  loading={merge.isPending}
                  onClick={() =>
                    modal.confirm({
                      title: `将 ${d.number} 合并到本事项？`,
                      content: (
                        <Input.TextArea
                          defaultValue={reason}
                          onChange={(e) => setReason(e.target.value)}
                          aria-label="合并理由"
                        />
                      ),
                      okText: '合并',
                      onOk: () => merge.mutateAsync(d),
                    })
                  }
                >
                  合并到本事项
                </Button>
              ) : null}
            </Space>
          ))}
        </Space>
      }
    />
  );
}
