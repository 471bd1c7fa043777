import type { Permission, RoleCode } from '@onestop/domain';

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

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  organization: NamedRef;
  roles: SessionRole[];
  permissions: Permission[];
  mustChangePassword: boolean;
  demoMode: boolean;
}

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
