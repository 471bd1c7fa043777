// Over 400 lines on purpose: the statistics page (tables, analysis, publication tabs) shares one period selector and its queries.
import {
  Alert,
  Grid,
  Button,
  Card,
  Col,
  Drawer,
  Input,
  InputNumber,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { PublicationCard } from '../features/statistics/components/PublicationCard';
import { BarList, CloseTimeChart, TrendChart } from '../features/statistics/components/TrendChart';
import {
  csvUrl,
  excelUrl,
  pdfUrl,
  lastQuarter,
  type PeriodKind,
  type PeriodQuery,
  STAT_TABLE_TABS,
  type StatTable,
  useAnalysis,
  useDrillDown,
  useStatTable,
} from '../features/statistics/statistics.api';
import { isApiError } from '../lib/api';
import { money } from '../lib/money';
import { chineseDate, chineseDateOrDash } from '../lib/time';

const KIND_OPTIONS: { label: string; value: PeriodKind }[] = [
  { label: '月', value: 'month' },
  { label: '季', value: 'quarter' },
  { label: '年', value: 'year' },
  { label: '自定义', value: 'custom' },
];

function PeriodPicker({ value, onChange }: { value: PeriodQuery; onChange: (p: PeriodQuery) => void }) {
  const year = value.year ?? new Date().getFullYear();
  return (
    <Space wrap data-testid="stats-period">
      <Segmented
        aria-label="统计期类型"
        options={KIND_OPTIONS}
        value={value.kind}
        onChange={(k) => {
          const kind = k as PeriodKind;
          if (kind === 'custom') onChange({ kind, from: `${year}-01-01`, to: `${year}-12-31` });
          else if (kind === 'month') onChange({ kind, year, month: 1 });
          else if (kind === 'quarter') onChange({ kind, year, quarter: 1 });
          else onChange({ kind, year });
        }}
      />
      {value.kind !== 'custom' ? (
        <InputNumber
          aria-label="统计年份"
          min={2000}
          max={2199}
          value={year}
          suffix="年"
          onChange={(y) => y && onChange({ ...value, year: y })}
        />
      ) : null}
      {value.kind === 'quarter' ? (
        <Select
          aria-label="统计季度"
          style={{ width: 110 }}
          value={value.quarter}
          onChange={(quarter) => onChange({ ...value, quarter })}
          options={[1, 2, 3, 4].map((n) => ({ value: n, label: `第${'一二三四'[n - 1]}季度` }))}
        />
      ) : null}
      {value.kind === 'month' ? (
        <Select
          aria-label="统计月份"
          style={{ width: 90 }}
          value={value.month}
          onChange={(month) => onChange({ ...value, month })}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
        />
      ) : null}
      {value.kind === 'custom' ? (
        <>
          <Input
            type="date"
            aria-label="开始日期"
            value={value.from}
            onChange={(e) => onChange({ ...value, from: e.target.value })}
          />
          <span>至</span>
          <Input
            type="date"
            aria-label="结束日期"
            value={value.to}
            onChange={(e) => onChange({ ...value, to: e.target.value })}
          />
        </>
      ) : null}
    </Space>
  );
}

function StatisticalTable({
  table,
  onOpen,
}: {
  table: StatTable;
  onOpen: (row: string, column: string) => void;
}) {
  // On a phone the indicator column scrolls with the numbers instead of covering them.
  const wide = Grid.useBreakpoint().md === true;
  const columns = [
    {
      title: '指标名称',
      dataIndex: 'label',
      key: 'label',
      fixed: wide ? ('left' as const) : undefined,
      width: wide ? 240 : 160,
      render: (label: string, r: StatTable['rows'][number]) => (
        <span style={{ paddingLeft: r.indent * 16 }}>
          <Tooltip title={r.unavailable ? `无数据来源：${r.unavailable}` : r.rule}>{label}</Tooltip>
        </span>
      ),
    },
    { title: '代码', dataIndex: 'code', key: 'code', width: 56 },
    { title: '单位', dataIndex: 'unit', key: 'unit', width: 56 },
    ...table.columns.map((c, i) => ({
      title: c.label,
      key: c.key,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: StatTable['rows'][number]) => {
        const cell = r.cells[i];
        if (!cell) return null;
        if (r.unavailable)
          return (
            <Tooltip title={r.unavailable}>
              <Typography.Text type="secondary">{cell.text}</Typography.Text>
            </Tooltip>
          );
        if (!cell.drillable) return cell.text;
        return (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            data-testid={`stats-cell-${r.code}-${c.key === 'total' ? 'total' : i}`}
            aria-label={`${r.label} ${c.label} ${cell.text}，查看事项清单`}
            onClick={() => onOpen(r.code, c.key)}
          >
            {cell.text}
          </Button>
        );
      },
    })),
  ];
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      bordered
      scroll={{ x: 352 + 110 * table.columns.length }}
      columns={columns}
      dataSource={table.rows}
      data-testid="stats-table"
    />
  );
}

function Drill({
  code,
  cell,
  period,
  onClose,
}: {
  code: string;
  cell: { row: string; column: string } | null;
  period: PeriodQuery;
  onClose: () => void;
}) {
  const q = useDrillDown(code, cell?.row ?? null, cell?.column ?? null, period);
  const d = q.data;
  const isMoney = d?.row.unit === '元';
  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      size="large"
      title={d ? `${d.row.label}（${d.column}）：${d.items.length} 件` : '事项清单'}
      extra={
        cell ? (
          <Button href={csvUrl(code, cell.row, cell.column, period)} data-testid="stats-drill-csv">
            导出 CSV
          </Button>
        ) : null
      }
    >
      {q.isPending ? (
        <Spin />
      ) : q.isError ? (
        <Result status="error" title={isApiError(q.error) ? q.error.message : '无法加载清单'} />
      ) : (
        <Table
          size="small"
          rowKey="caseId"
          data-testid="stats-drill"
          data-ready="true"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
          dataSource={d?.items ?? []}
          columns={[
            {
              title: '事项编号',
              dataIndex: 'matterNumber',
              render: (n: string, r) => (r.isMatter ? <Link to={`/matters/${r.matterId}`}>{n}</Link> : n),
            },
            { title: '案件编号', dataIndex: 'caseNumber' },
            { title: '辖区', dataIndex: 'jurisdiction' },
            {
              title: '受理日期',
              dataIndex: 'acceptedOn',
              render: (v: string | null) => chineseDateOrDash(v),
            },
            { title: '结案日期', dataIndex: 'closedOn', render: (v: string | null) => chineseDateOrDash(v) },
            ...(d && d.row.unit !== '件'
              ? [
                  {
                    title: d.row.unit,
                    dataIndex: 'value',
                    align: 'right' as const,
                    render: (v: number) => (isMoney ? money(v) : v),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}

function AnalysisPanel({ period }: { period: PeriodQuery }) {
  const q = useAnalysis(period);
  if (q.isPending) return <Spin />;
  if (q.isError || !q.data)
    return <Alert type="error" title={isApiError(q.error) ? q.error.message : '无法加载分析'} />;
  const a = q.data;
  return (
    <Row gutter={[16, 16]} data-testid="stats-analysis">
      <Col xs={24} lg={14}>
        <Card size="small" title={`按月趋势（${a.periodLabel}）`}>
          <TrendChart trend={a.trend} />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title="调解优先">
          <Statistic
            title={`未经裁决即解决的事项 ${a.settlement.settled} / 本期处理完毕 ${a.settlement.disposed}`}
            value={a.settlement.share ?? '—'}
            suffix={a.settlement.share === null ? undefined : '%'}
          />
        </Card>
        <Card size="small" title="争议类型（本期受理的调解、仲裁）" style={{ marginTop: 16 }}>
          <BarList items={a.causes} testId="stats-causes" />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="受理渠道">
          <BarList items={a.channels} />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="各业务线办结用时（自然日，登记至结案）">
          <CloseTimeChart rows={a.timeToClose} />
          <Table
            size="small"
            rowKey="track"
            pagination={false}
            dataSource={a.timeToClose}
            columns={[
              { title: '业务线', dataIndex: 'label' },
              { title: '结案', dataIndex: 'closed', align: 'right' },
              {
                title: '中位数',
                dataIndex: 'medianDays',
                align: 'right',
                render: (v: number | null) => v ?? '—',
              },
              { title: '最长', dataIndex: 'maxDays', align: 'right', render: (v: number | null) => v ?? '—' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="满意度评价（本期）" data-testid="stats-satisfaction">
          <Space size={32} wrap>
            <Statistic title="评价数" value={a.satisfaction.ratings} />
            <Statistic title="平均分（满分5分）" value={a.satisfaction.average ?? '—'} />
            <Statistic
              title="满意率（4分、5分）"
              value={a.satisfaction.satisfiedShare ?? '—'}
              suffix={a.satisfaction.satisfiedShare === null ? undefined : '%'}
            />
          </Space>
          <BarList items={a.satisfaction.byScore.map((b) => ({ label: `${b.score}分`, count: b.count }))} />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="争议较多的用人单位（本期登记）" data-testid="stats-top-employers">
          <Table
            size="small"
            rowKey="employer"
            pagination={false}
            dataSource={a.topEmployers}
            locale={{ emptyText: '本期无数据' }}
            columns={[
              { title: '用人单位', dataIndex: 'employer' },
              { title: '事项', dataIndex: 'matters', align: 'right' },
              {
                title: '请求金额（元）',
                dataIndex: 'claimedFen',
                align: 'right',
                render: (v: number) => money(v),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title="办案人员工作量（在办与本期结案）" data-testid="stats-workload">
          <Table
            size="small"
            rowKey="name"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={a.workload}
            locale={{ emptyText: '本期无数据' }}
            scroll={{ x: true }}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '岗位', dataIndex: 'posts', render: (v: string[]) => v.join('、') },
              { title: '在办', dataIndex: 'open', align: 'right' },
              { title: '本期结案', dataIndex: 'closedInPeriod', align: 'right' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title="各单位逾期期限（当前）">
          <BarList items={a.overdueByUnit.map((o) => ({ label: o.unit, count: o.count }))} />
        </Card>
      </Col>
    </Row>
  );
}

/** 统计报表与分析: the statutory tables for any period and jurisdiction, drill-down, Excel, charts. */
export default function StatisticsPage() {
  const initial = useMemo(() => ({ kind: 'quarter' as const, ...lastQuarter() }), []);
  const [period, setPeriod] = useState<PeriodQuery>(initial);
  const [code, setCode] = useState<string>('arbitration');
  const [cell, setCell] = useState<{ row: string; column: string } | null>(null);
  const t = useStatTable(code, period);
  return (
    <>
      <PageHeader
        title="统计报表与分析"
        extra={
          <Space wrap>
            <Button
              href={pdfUrl(code, period)}
              target="_blank"
              rel="noopener"
              data-testid="stats-pdf"
              disabled={!t.data}
            >
              打印（PDF）
            </Button>
            <Button type="primary" href={excelUrl(code, period)} data-testid="stats-excel" disabled={!t.data}>
              导出 Excel
            </Button>
          </Space>
        }
      >
        按统计期与辖区从维权事项主记录统计法定报表；点击数字查看背后的事项，导出 Excel 报送。
      </PageHeader>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <PeriodPicker value={period} onChange={setPeriod} />
        <Tabs
          activeKey={code}
          onChange={(k) => setCode(k)}
          items={STAT_TABLE_TABS.map((x) => ({ key: x.code, label: x.label }))}
        />
        {t.isPending ? (
          <Spin />
        ) : t.isError || !t.data ? (
          <Result status="warning" title={isApiError(t.error) ? t.error.message : '无法加载报表'} />
        ) : (
          <div data-testid="stats-ready" data-ready="true">
            <Typography.Paragraph>
              <strong>{t.data.title}</strong>（{t.data.formNumber}）　统计期：{t.data.periodLabel}（
              {chineseDate(t.data.period.from)}至{chineseDate(t.data.period.to)}）　填报单位：
              {t.data.reportingUnit}
            </Typography.Paragraph>
            {t.data.warnings.length ? (
              <Alert
                type="warning"
                showIcon
                data-testid="stats-warnings"
                title="表内校核未通过，请核对后再报送"
                description={
                  <ul style={{ margin: 0 }}>
                    {t.data.warnings.map((w) => (
                      <li key={`${w.check}-${w.column}`}>{w.message}</li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert
                type="success"
                showIcon
                title="表内校核通过（结转、受理、结案、未结平衡；分类合计等于总数）"
              />
            )}
            <div style={{ marginTop: 12 }}>
              <StatisticalTable table={t.data} onOpen={(row, column) => setCell({ row, column })} />
            </div>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              依据：{t.data.basis}
              。“无数据来源”表示系统记录尚不能统计该指标（将鼠标移到指标上可看原因），不以0填报。
            </Typography.Paragraph>
          </div>
        )}
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          领导分析
        </Typography.Title>
        <AnalysisPanel period={period} />
        <PublicationCard />
      </Space>
      <Drill code={code} cell={cell} period={period} onClose={() => setCell(null)} />
    </>
  );
}
