import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { type Actor, appendAudit } from './audit';
import { AppError, errors } from './errors';
import {
  SETTING_FAMILIES,
  SETTING_GROUP_LABELS,
  SETTINGS,
  type SettingDef,
  type SettingGroup,
  type SettingInput,
} from './settings.registry';

export * from './settings.registry';

/**
 * The one settings registry: every key of the `setting` table is declared here once, with its type
 * (zod), default, Chinese label, help text and legal basis. Modules read settings through
 * `readSetting` (typed, the default when the row is absent or unusable) and write them through
 * `writeSetting` (typed, version-checked, audited); the admin page (/admin/settings) is generated
 * from `settingsCatalogue`. A family (`cases.number_pattern.<track>`) declares keys that share one
 * type and differ by a suffix.
 */

type Exec = Kysely<DB> | Transaction<DB>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingFamily = keyof typeof SETTING_FAMILIES;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;
type AnyDef = SettingDef<z.ZodType>;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The declaration of a stored key (a plain key or a family member), or null when undeclared. */
export function settingDefinition(key: string): { def: AnyDef; family: SettingFamily | null } | null {
  if (Object.hasOwn(SETTINGS, key)) return { def: SETTINGS[key as SettingKey] as AnyDef, family: null };
  for (const family of Object.keys(SETTING_FAMILIES) as SettingFamily[]) {
    if (key.startsWith(`${family}.`) && /^[a-z0-9_]+$/.test(key.slice(family.length + 1))) {
      return { def: SETTING_FAMILIES[family] as AnyDef, family };
    }
  }
  return null;
}

/** The stored value when it has the declared type, else the default (a broken row never breaks a step). */
export async function readSetting<K extends SettingKey>(exec: Exec, key: K): Promise<SettingValue<K>> {
  const row = await exec.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

/** Several settings in one query, typed. */
export async function readSettings<K extends SettingKey>(
  exec: Exec,
  keys: readonly K[],
): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await exec
    .selectFrom('setting')
    .select(['key', 'value'])
    .where('key', 'in', [...keys])
    .execute();
  const out = {} as { [P in K]: SettingValue<P> };
  for (const key of keys) {
    const parsed = SETTINGS[key].schema.safeParse(rows.find((r) => r.key === key)?.value);
    out[key] = (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<typeof key>;
  }
  return out;
}

/** A family member's stored value when valid, else null (the caller knows its own fallback). */
export async function readFamilySetting<F extends SettingFamily>(
  exec: Exec,
  family: F,
  suffix: string,
): Promise<z.infer<(typeof SETTING_FAMILIES)[F]['schema']> | null> {
  const row = await exec
    .selectFrom('setting')
    .select('value')
    .where('key', '=', `${family}.${suffix}`)
    .executeTakeFirst();
  if (!row) return null;
  const parsed = SETTING_FAMILIES[family].schema.safeParse(row.value);
  return parsed.success ? (parsed.data as z.infer<(typeof SETTING_FAMILIES)[F]['schema']>) : null;
}

/** The stored value and basis of a setting (the basis shown beside a figure that was used). */
export async function readSettingWithBasis<K extends SettingKey>(
  exec: Exec,
  key: K,
): Promise<{ value: SettingValue<K>; basis: string }> {
  const row = await exec
    .selectFrom('setting')
    .select(['value', 'basis'])
    .where('key', '=', key)
    .executeTakeFirst();
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return {
    value: (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>,
    basis: row?.basis ?? SETTINGS[key].basis,
  };
}

/** The stored value (the default when absent or unusable) and the row's version (0 = no row yet). */
export async function readSettingVersioned<K extends SettingKey>(
  exec: Exec,
  key: K,
): Promise<{ value: SettingValue<K>; version: number }> {
  const row = await exec
    .selectFrom('setting')
    .select(['value', 'version'])
    .where('key', '=', key)
    .executeTakeFirst();
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return {
    value: (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>,
    version: row?.version ?? 0,
  };
}

/** The admin views of some declared keys (stored row or the default), in the order given. */
export async function readSettingViews(exec: Exec, keys: readonly SettingKey[]): Promise<SettingView[]> {
  const rows = await exec
    .selectFrom('setting')
    .select(['key', 'label', 'value', 'basis', 'version'])
    .where('key', 'in', [...keys])
    .execute();
  return keys.map((k) =>
    viewOf(
      k,
      SETTINGS[k] as AnyDef,
      null,
      rows.find((r) => r.key === k),
    ),
  );
}

/** A stored setting with its declaration, as the admin page shows it. */
export interface SettingView {
  key: string;
  family: string | null;
  group: SettingGroup;
  groupLabel: string;
  label: string;
  help: string;
  /** The declared legal basis (the statute and article, or the center's rule). */
  declaredBasis: string;
  /** The basis recorded with the current value (administrators may cite the current document). */
  basis: string | null;
  input: SettingInput;
  choices: { value: string; label: string }[];
  value: unknown;
  defaultValue: unknown;
  /** 0 when the row does not exist yet (the default applies). */
  version: number;
}

function viewOf(key: string, def: AnyDef, family: string | null, row?: SettingRowLike): SettingView {
  return {
    key,
    family,
    group: def.group,
    groupLabel: SETTING_GROUP_LABELS[def.group],
    label: family && row ? row.label : def.label,
    help: def.help,
    declaredBasis: def.basis,
    basis: row?.basis ?? null,
    input: def.input,
    choices: [...(def.choices ?? [])],
    value: row ? row.value : def.default,
    defaultValue: def.default,
    version: row?.version ?? 0,
  };
}

interface SettingRowLike {
  key: string;
  label: string;
  value: unknown;
  basis: string | null;
  version: number;
}

/** Every declared setting (plain keys always; family members as stored), in registry order. */
export async function settingsCatalogue(exec: Exec): Promise<SettingView[]> {
  const rows = await exec
    .selectFrom('setting')
    .select(['key', 'label', 'value', 'basis', 'version'])
    .orderBy('key')
    .execute();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: SettingView[] = SETTING_KEYS.map((k) => viewOf(k, SETTINGS[k] as AnyDef, null, byKey.get(k)));
  for (const family of Object.keys(SETTING_FAMILIES) as SettingFamily[]) {
    for (const r of rows) {
      if (settingDefinition(r.key)?.family === family) {
        out.push(viewOf(r.key, SETTING_FAMILIES[family] as AnyDef, family, r));
      }
    }
  }
  return out;
}

/** 400 SETTING_UNKNOWN for an undeclared key, 400 SETTING_INVALID with the reason for a wrong value. */
export function parseSettingValue(key: string, value: unknown): unknown {
  const found = settingDefinition(key);
  if (!found) throw new AppError(400, 'SETTING_UNKNOWN', `没有名为“${key}”的设置项`, { key });
  const parsed = found.def.schema.safeParse(value);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? '取值不符合要求';
    throw new AppError(400, 'SETTING_INVALID', `“${found.def.label}”${reason}`, { key, field: 'value' });
  }
  return parsed.data;
}

/**
 * Writes one setting: typed by the registry, optimistic lock on `version` (0 = the row does not
 * exist yet and is created), the before and after values in the audit log.
 */
export async function writeSetting(
  trx: Transaction<DB>,
  actor: Actor,
  input: { key: string; value: unknown; version: number; basis?: string | undefined },
  /** The module's own audit action and summary (default: setting.update, 修改“label”). */
  audit?: { action: string; summary: string },
): Promise<SettingView> {
  const value = parseSettingValue(input.key, input.value);
  const found = settingDefinition(input.key) as { def: AnyDef; family: SettingFamily | null };
  const before = await trx
    .selectFrom('setting')
    .select(['key', 'label', 'value', 'basis', 'version'])
    .where('key', '=', input.key)
    .forUpdate()
    .executeTakeFirst();
  if ((before?.version ?? 0) !== input.version) {
    throw errors.conflict({ key: input.key, version: before?.version ?? 0, value: before?.value ?? null });
  }
  const basis = input.basis?.trim() || before?.basis || found.def.basis;
  const row = before
    ? await trx
        .updateTable('setting')
        .set({ value: JSON.stringify(value), basis, version: before.version + 1, updated_at: new Date() })
        .where('key', '=', input.key)
        .where('version', '=', before.version)
        .returning(['key', 'label', 'value', 'basis', 'version'])
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('setting')
        .values({ key: input.key, label: found.def.label, value: JSON.stringify(value), basis })
        .returning(['key', 'label', 'value', 'basis', 'version'])
        .executeTakeFirstOrThrow();
  await appendAudit(trx, actor, {
    action: audit?.action ?? 'setting.update',
    entityType: 'setting',
    entityId: null,
    summary: audit?.summary ?? `修改“${row.label}”`,
    before: before ? { key: input.key, value: before.value, basis: before.basis } : null,
    after: { key: input.key, value, basis },
  });
  return viewOf(row.key, found.def, found.family, row);
}

const INTEGER_SHAPE = z.number().int();
const STRING_SHAPE = z.string();
const SHAPE_OF_INPUT: Record<Exclude<SettingInput, 'json'>, z.ZodType> = {
  integer: INTEGER_SHAPE,
  fen: INTEGER_SHAPE,
  decimal: z.number(),
  boolean: z.boolean(),
  text: STRING_SHAPE,
  choice: STRING_SHAPE,
};

/**
 * The JSON shape a setting's value can take, derived from the registry: a number for integer, fen and
 * decimal inputs, a boolean, a string for text and choice inputs, and for a json input the entry's
 * own schema (e.g. the minimum wage by area). What one key accepts is that key's schema
 * (`writeSetting`: 400 SETTING_INVALID with its reason); this is the union the API documents.
 */
export function settingValueShape(
  defs: readonly SettingDef<z.ZodType>[] = [...Object.values(SETTINGS), ...Object.values(SETTING_FAMILIES)],
): z.ZodType {
  const shapes: z.ZodType[] = [];
  for (const d of defs) {
    const shape = d.input === 'json' ? d.schema : SHAPE_OF_INPUT[d.input];
    if (!shapes.includes(shape)) shapes.push(shape);
  }
  const [first, ...rest] = shapes;
  if (!first) throw new Error('the settings registry is empty');
  return rest.length ? z.union([first, ...rest]) : first;
}
