import type { Transaction } from 'kysely';
import type { AppContext } from '../../app';
import type { DB } from '../../db/schema';
import { type AuthContext, todayIso } from '../../platform/auth';
import { AppError } from '../../platform/errors';

export type Trx = Transaction<DB>;

let registered: AppContext | null = null;

/** Set when the arbitration plugin registers, so that other modules may call the service with (trx, …, actor). */
export function setArbitrationContext(ctx: AppContext) {
  registered = ctx;
}

export function arbitrationContext(ctx?: AppContext): AppContext {
  const c = ctx ?? registered;
  if (!c) throw new AppError(500, 'ARBITRATION_NOT_READY', '仲裁模块尚未初始化');
  return c;
}

export async function settingNumber(trx: Trx, key: string, fallback: number): Promise<number> {
  const row = await trx.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  const v = row?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** 'YYYY-MM-DDTHH:mm' in the configured local time (documents print local time). */
export function localDateTime(ctx: AppContext, at: Date): string {
  const d = new Date(at.getTime() + ctx.config.tzOffsetMinutes * 60_000).toISOString();
  return `${d.slice(0, 10)}T${d.slice(11, 16)}`;
}

export function localDate(ctx: AppContext, at: Date): string {
  return todayIso(ctx.config, at);
}

export function addCalendarDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An AuthContext for opening a case on behalf of another module's actor (no opener check). */
export function openerAuth(organizationId: string): AuthContext {
  return {
    sessionId: '',
    csrfToken: '',
    userId: '',
    username: '',
    displayName: '',
    organizationId,
    organizationName: '',
    mustChangePassword: false,
    permissions: new Set(),
    grants: [],
  };
}
