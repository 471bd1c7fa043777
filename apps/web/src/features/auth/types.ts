import type { Schema } from '../../lib/api-types';
import type { RoleCode } from '@onestop/domain';

export interface NamedRef {
  id: string;
  name: string;
}

export interface SessionRole {
  role: RoleCode;
  label: string;
  /** false when the certificate that licenses the role has expired or been revoked. */
  active: boolean;
  jurisdictions: NamedRef[];
}

/** Generated from the server's OpenAPI (lib/api-types.ts). */
export type SessionUser = Schema<'SessionUser'>;

export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
}

export interface LoginInput {
  username: string;
  password: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}
