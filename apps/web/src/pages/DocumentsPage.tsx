import { Navigate, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { DocumentsPanel } from '../features/documents/components/DocumentsPanel';
import type { SubjectType } from '../features/documents/types';

const SUBJECTS: Record<string, string> = { matter: '维权事项', case: '案件', other: '其他' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The documents of one subject on their own page (/documents/:subjectType/:subjectId). */
export default function DocumentsPage() {
  const { subjectType = '', subjectId = '' } = useParams();
  if (!(subjectType in SUBJECTS) || !UUID.test(subjectId)) return <Navigate to="/" replace />;
  return (
    <>
      <PageHeader title="文书">本{SUBJECTS[subjectType]}的文书：起草、签发、送达与更正。</PageHeader>
      <DocumentsPanel subjectType={subjectType as SubjectType} subjectId={subjectId} />
    </>
  );
}
