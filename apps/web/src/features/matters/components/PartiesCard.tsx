import { Button, Card, Descriptions, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { RepresentativeCodeButton } from '../../portal-staff/components/RepresentativeCodeButton';
import { mattersApi } from '../api/matters.api';
import { chineseDateOrDash } from '../../../lib/time';
import type { Party, PartyPii } from '../types';

function flags(p: Party) {
  return [
    p.migrantWorker && '农民工',
    p.disabled && '残疾人',
    p.pregnantOrNursing && '“三期”女职工',
    p.minor && '未成年人',
  ].filter((x): x is string => !!x);
}

/** Parties, masked; users with pii.view may open the full values (each view is audited by the server). */
export function PartiesCard({
  workers,
  employers,
  canViewPii,
  matterId,
}: {
  /** When given, employers get the 出具单位代表码 action (posts that may issue it). */
  matterId?: string;
  workers: (Party & { representative: boolean })[];
  employers: Party[];
  canViewPii: boolean;
}) {
  const [pii, setPii] = useState<PartyPii | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const open = async (id: string) => {
    setLoading(id);
    try {
      setPii(await mattersApi.pii(id));
    } finally {
      setLoading(null);
    }
  };
  const piiButton = (id: string) =>
    canViewPii ? (
      <Button size="small" onClick={() => void open(id)} loading={loading === id} data-testid="view-pii">
        查看完整信息
      </Button>
    ) : null;
  return (
    <Card size="small" title={`当事人（劳动者${workers.length}人）`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {workers.slice(0, 20).map((w) => (
          <Descriptions
            key={w.id}
            size="small"
            bordered
            column={{ xs: 1, md: 3 }}
            title={
              <Space wrap>
                {w.name}
                <Tag>劳动者</Tag>
                {w.representative ? <Tag color="gold">代表人</Tag> : null}
                {flags(w).map((f) => (
                  <Tag color="red" key={f}>
                    {f}
                  </Tag>
                ))}
              </Space>
            }
            extra={piiButton(w.id)}
            items={[
              { label: w.idTypeLabel ?? '证件', children: w.idNumberMasked ?? '—' },
              { label: '性别', children: w.sex === 'male' ? '男' : w.sex === 'female' ? '女' : '—' },
              { label: '出生日期', children: chineseDateOrDash(w.birthDate) },
              { label: '电话', children: w.phoneMasked ?? '—' },
              { label: '住址', children: w.addressMasked ?? '—', span: 2 },
            ]}
          />
        ))}
        {workers.length > 20 ? <span className="muted">另有{workers.length - 20}名劳动者</span> : null}
        {employers.map((e) => (
          <Descriptions
            key={e.id}
            size="small"
            bordered
            column={{ xs: 1, md: 3 }}
            title={
              <Space wrap>
                {e.name}
                <Tag>用人单位</Tag>
                {e.status !== 'normal' ? <Tag color="red">{e.statusLabel}</Tag> : null}
              </Space>
            }
            extra={
              <Space>
                {matterId ? <RepresentativeCodeButton matterId={matterId} partyId={e.id} /> : null}
                {piiButton(e.id)}
              </Space>
            }
            items={[
              { label: '统一社会信用代码', children: e.creditCode ?? '—' },
              { label: '法定代表人', children: e.legalRepresentative ?? '—' },
              { label: '电话', children: e.phoneMasked ?? '—' },
              { label: '住所地', children: e.addressMasked ?? '—' },
              { label: '行业', children: e.industry ?? '—' },
            ]}
          />
        ))}
      </Space>
      <Modal
        open={!!pii}
        title={`完整个人信息：${pii?.name ?? ''}`}
        onCancel={() => setPii(null)}
        footer={null}
      >
        <Descriptions
          column={1}
          size="small"
          items={[
            { label: '证件号码', children: pii?.idNumber ?? '—' },
            { label: '电话', children: pii?.phone ?? '—' },
            { label: '地址', children: pii?.address ?? '—' },
          ]}
        />
        <p className="muted">本次查看已记入审计日志（《个人信息保护法》第五十一条）。</p>
      </Modal>
    </Card>
  );
}
