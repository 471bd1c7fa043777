import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { useJurisdictions } from '../../features/admin/hooks/use-org-structure';
import { CalendarLegend, CalendarYearGrid } from '../../features/clocks/components/CalendarYearGrid';
import { NoticeFormModal } from '../../features/clocks/components/NoticeFormModal';
import { OverridesCard } from '../../features/clocks/components/OverridesCard';
import { useCalendarYear, useCalendarYears } from '../../features/clocks/hooks/use-calendar';
import type { CalendarYear } from '../../features/clocks/types';
import { chineseDatesIn } from '../../lib/time';

export default function CalendarPage() {
  const years = useCalendarYears();
  const jurisdictions = useJurisdictions();
  const [selected, setSelected] = useState<number | null>(null);
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [modal, setModal] = useState<'new' | 'replace' | null>(null);
  const year = selected ?? years.data?.at(-1)?.year ?? null;
  const detail = useCalendarYear(year, region);

  return (
    <>
      <PageHeader
        title="工作日历"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal('new')}
            data-testid="calendar-new-year"
          >
            录入新年度
          </Button>
        }
      >
        法定期限按工作日历计算：每年按国务院办公厅放假通知录入；未录入的年度无法计算期限（不会按“仅周末休息”估算）。
      </PageHeader>
      <Space direction="vertical" size="middle" className="full-width">
        <Card size="small" title="已录入年度">
          <Table<CalendarYear>
            size="small"
            rowKey="year"
            loading={years.isPending}
            dataSource={years.data ?? []}
            pagination={false}
            rowClassName={(r) => (r.year === year ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ onClick: () => setSelected(r.year) })}
            columns={[
              { title: '年度', dataIndex: 'year', key: 'year', width: 80 },
              {
                title: '通知来源',
                dataIndex: 'source',
                key: 'source',
                render: (t: string) => chineseDatesIn(t),
              },
              { title: '放假日', dataIndex: 'holidays', key: 'h', width: 80 },
              { title: '调休上班', dataIndex: 'makeupWorkdays', key: 'm', width: 90 },
              { title: '地方调整', dataIndex: 'overrides', key: 'o', width: 90 },
              { title: '录入人', dataIndex: 'enteredBy', key: 'by', width: 140 },
              { title: '版本', dataIndex: 'version', key: 'v', width: 70 },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={year ? `${year}年日历` : '日历'}
          extra={
            <Space wrap>
              <Select
                allowClear
                aria-label="地区"
                placeholder="全国（不含地方调整）"
                style={{ width: 220, maxWidth: '100%' }}
                value={region}
                onChange={setRegion}
                options={(jurisdictions.data ?? []).map((j) => ({
                  value: j.code,
                  label: `${j.name}（含地方调整）`,
                }))}
              />
              <Button onClick={() => setModal('replace')} disabled={!detail.data}>
                替换本年度安排
              </Button>
            </Space>
          }
        >
          {detail.error ? <Alert type="error" showIcon title={detail.error.message} /> : null}
          {detail.data ? (
            <>
              <Typography.Paragraph type="secondary">
                来源：{chineseDatesIn(detail.data.notice.source)}
              </Typography.Paragraph>
              <CalendarLegend />
              <CalendarYearGrid days={detail.data.days} />
            </>
          ) : null}
        </Card>
        <OverridesCard />
      </Space>
      <NoticeFormModal
        open={modal !== null}
        existing={modal === 'replace' ? (detail.data?.notice ?? null) : null}
        onClose={() => setModal(null)}
      />
    </>
  );
}
