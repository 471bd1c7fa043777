import { ALL_PERMISSIONS, ROLE_CODES } from '@onestop/domain';
import { z } from 'zod';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, '请输入登录名').max(64, '登录名过长'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const sessionUserSchema = z
  .object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    organization: z.object({ id: z.string().uuid(), name: z.string() }),
    roles: z.array(
      z.object({
        role: z.enum(ROLE_CODES),
        label: z.string(),
        active: z.boolean().describe('证件过期时为 false，岗位权限暂停'),
        jurisdictions: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
      }),
    ),
    permissions: z.array(z.enum(ALL_PERMISSIONS as [string, ...string[]])),
    mustChangePassword: z.boolean(),
    demoMode: z.boolean(),
  })
  .meta({ id: 'SessionUser' });

export const sessionResponse = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type SessionUser = z.infer<typeof sessionUserSchema>;
