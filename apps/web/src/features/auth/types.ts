import type { Schema } from '../../lib/api-types';
import type { BodyOf, ResponseOf } from '../../lib/api-types-helpers';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
export type SessionUser = Schema<'SessionUser'>;
export type SessionRole = SessionUser['roles'][number];
export type NamedRef = SessionRole['jurisdictions'][number];
export type SessionResponse = ResponseOf<'/api/auth/me'>;
export type LoginInput = BodyOf<'/api/auth/login', 'post'>;
export type ChangePasswordInput = BodyOf<'/api/auth/password', 'post'>;
