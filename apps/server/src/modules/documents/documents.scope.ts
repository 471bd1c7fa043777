import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { assertCaseVisible, assertMatterInScope } from '../../platform/scope';
import type { SubjectType } from './documents.tables';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * Documents are seen through their subject: a matter's documents by staff who may read the matter
 * in its jurisdiction (or above), a case's documents by staff who may see the case (its
 * jurisdiction, or the organisation handling it). Outside that, 404 — existence is not disclosed.
 *
 * Subject type 'other' (a document not tied to a matter or a case, e.g. an organisation-level
 * notice) has no jurisdiction of its own and keeps the route-level rule: matter.read, and a
 * document work permission for changes.
 */
export async function assertSubjectVisible(
  exec: Exec,
  auth: AuthContext,
  subjectType: SubjectType,
  subjectId: string,
): Promise<void> {
  if (subjectType === 'matter') await assertMatterInScope(exec, auth, subjectId);
  else if (subjectType === 'case') await assertCaseVisible(exec, auth, subjectId);
}

/** The document's subject, when the actor may see it; otherwise (or when missing) 404 文书. */
export async function assertDocumentVisible(
  exec: Exec,
  auth: AuthContext | null | undefined,
  documentId: string,
): Promise<{ subject_type: SubjectType; subject_id: string }> {
  const doc = await exec
    .selectFrom('document')
    .select(['subject_type', 'subject_id'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!doc || !auth) throw errors.notFound('文书');
  try {
    await assertSubjectVisible(exec, auth, doc.subject_type, doc.subject_id);
  } catch (err) {
    // The subject's own 404 would name it (维权事项 / 案件); answer as for a missing document.
    if (err instanceof AppError && err.status === 404) throw errors.notFound('文书');
    throw err;
  }
  return doc;
}
