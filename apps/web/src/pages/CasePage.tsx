import { Result, Space, Spin, Tag } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { CaseView } from '../features/cases/components/CaseView';
import { useCase } from '../features/cases/hooks/use-cases';
import { isApiError } from '../lib/api';

/** /cases/:id — a track case: state, timeline and only the actions this user may take. */
export default function CasePage() {
  const { id = '' } = useParams();
  const q = useCase(id);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) {
    return (
      <Result
        status={isApiError(q.error) && q.error.status === 404 ? '404' : 'error'}
        title={isApiError(q.error) ? q.error.message : '无法加载案件'}
      />
    );
  }
  const c = q.data;
  return (
    <>
      <PageHeader title={`${c.trackLabel}案件 ${c.number}`}>
        <Space wrap>
          <Tag color={c.closed ? 'default' : 'processing'}>{c.stateLabel}</Tag>
          {c.priorityFlags.map((f) => (
            <Tag color="red" key={f.code}>
              {f.label}
            </Tag>
          ))}
        </Space>
      </PageHeader>
      <CaseView c={c} />
    </>
  );
}
