export type DocumentState = 'draft' | 'pending' | 'rendering' | 'ready' | 'failed' | 'issued' | 'superseded';
export type ServiceMethod = 'in_person' | 'electronic' | 'post' | 'public_notice';
export type ServiceState = 'pending' | 'served' | 'refused' | 'returned';
export type ServiceSummary = 'none' | 'pending' | 'partial' | 'served' | 'returned';
export type SubjectType = 'matter' | 'case' | 'other';

export interface FieldSpec {
  key: string;
  label: string;
  kind: 'text' | 'date' | 'datetime' | 'amount' | 'days' | 'choice' | 'texts' | 'items';
  choices?: { value: string; label: string }[];
  item?: FieldSpec[];
}

export interface DocumentTypeInfo {
  type: string;
  title: string;
  required: FieldSpec[];
  /** May be drafted on its own; other types are issued only by their flows */
  freeStanding: boolean;
  issuers: { id: string; name: string; pattern: string }[];
}

export interface DocumentService {
  id: string;
  recipient: string;
  recipientRole: string | null;
  method: ServiceMethod;
  methodLabel: string;
  place: string | null;
  consentRef: string | null;
  trackingNo: string | null;
  noticeDate: string | null;
  servedAt: string | null;
  firstOpenedAt: string | null;
  signer: string | null;
  refusalReason: string | null;
  witnesses: string | null;
  state: ServiceState;
  stateLabel: string;
  rowVersion: number;
}

export interface OfficialDocument {
  id: string;
  /** Present in the matter's combined list: the matter itself or the case the document belongs to. */
  source?: { type: 'matter' | 'case'; id: string; label: string };
  subjectType: SubjectType;
  subjectId: string;
  type: string;
  title: string;
  version: number;
  supersedesId: string | null;
  supersededById: string | null;
  correctionReason: string | null;
  state: DocumentState;
  stateLabel: string;
  issuer: { id: string; name: string };
  number: string | null;
  issuedDate: string | null;
  sha256: string | null;
  shortCode: string | null;
  hasPdf: boolean;
  hasDocx: boolean;
  renderError: string | null;
  createdBy: string | null;
  createdAt: string | null;
  rowVersion: number;
  serviceSummary: ServiceSummary;
  services: DocumentService[];
  fields?: Record<string, unknown>;
}

export interface ServiceRecipient {
  partyId: string;
  name: string;
  role: 'worker' | 'employer';
  roleLabel: string;
  /** The ref of the party's consent to electronic service on record; null when none. */
  electronicConsentRef: string | null;
}

export interface ServiceInput {
  recipient: string;
  recipientRole?: string;
  method: ServiceMethod;
  place?: string;
  /** The recipient as a party of the matter: electronic service uses that party's consent on record. */
  partyId?: string;
  trackingNo?: string;
  noticeDate?: string;
  note?: string;
}

export interface Verification {
  found: boolean;
  issued: boolean;
  shortCode?: string;
  title?: string;
  issuerName?: string;
  issuedDate?: string | null;
  number?: string | null;
  sha256?: string | null;
  version?: number;
  superseded?: boolean;
  supersededBy?: { number: string | null; issuedDate: string | null } | null;
  /** 案号 of the case the document belongs to */
  caseNumber?: string | null;
  /** Amounts the document states, as printed */
  amounts?: { label: string; amount: string }[];
  /** Set on a correction: the document it corrects */
  corrects?: { number: string | null; issuedDate: string | null } | null;
  message: string;
  fileSha256?: string;
}
