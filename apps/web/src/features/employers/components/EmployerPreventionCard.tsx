import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { EmployerPrevention } from '../api/employers.api';

const STANDARD_COLORS = { never: 'default', passed: 'green', failed: 'red' } as const;

/** 调解组织与走访: the employer's mediation committee (六有五统一 state) and the outreach visits to it. */
export function EmployerPreventionCard({ p }: { p: EmployerPrevention }) {
  const c = p.committee;
  return (
    <Card size="small" title="劳动争议调解委员会与走访" data-testid="employer-prevention">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={
          c
            ? [
                {
                  label: '企业调解委员会',
                  children: (
                    <Link to={`/prevention/organizations/${c.id}`}>
                      {c.name}（{c.statusLabel}）
                    </Link>
                  ),
                },
                {
                  label: '六有五统一',
                  children: (
                    <Tag color={STANDARD_COLORS[c.standard.state]}>
                      {c.standard.label}
                      {c.standard.lastAssessedOnText ? `（${c.standard.lastAssessedOnText}评估）` : ''}
                    </Tag>
                  ),
                },
                { label: '复评到期日', children: c.standard.reassessDueText ?? '—' },
              ]
            : [{ label: '企业调解委员会', children: '未在调解组织名录中登记' }]
        }
      />
      <List
        size="small"
        header="走访与普法"
        dataSource={p.visits}
        locale={{ emptyText: '尚无走访记录' }}
        renderItem={(v) => (
          <List.Item>
            <Typography.Text>
              {v.dateText} {v.kindLabel}（{v.statusLabel}）{v.topics.length ? `：${v.topics.join('、')}` : ''}
              {v.status === 'done' ? `，发现问题${v.issueCount}项` : ''}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
