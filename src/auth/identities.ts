import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCustomerId } from '../domain/customer-id.js';

/** A user who can log in (fixture data: the password is kept in clear). */
export interface UserIdentity {
  /** 24 hex digits, like a PORTOS (MongoDB) id. */
  id: string;
  userName: string;
  /** Absent: the user logs in without a password (the docs mark `Password` optional). */
  password?: string;
  /** Display name, e.g. "Správca". */
  name: string;
  rights: string[];
  /** The role names `/users` shows for the user on every device (absent: none). */
  roles?: string[];
}

/** A device users log in to (PORTOS `Device`, as the devices page shows it, without `_v`). */
export interface DeviceIdentity {
  name: string;
  /** `BackOffice`, `CashRegister`, `PDA` or `Tool`. */
  envName: string;
  description: string;
  /** An inactive device refuses logins (default true). */
  isActive: boolean;
  /** Role names (default none). */
  roles: string[];
  /** Free-form (default `{}`). */
  preferences: Record<string, unknown>;
  /** Setting name → text value, e.g. `MaxQuantity: "50"` (default `{}`). */
  settings: Record<string, string>;
}

/**
 * An HMAC (NWS4) API key acting as a user on a device (PORTOS `ApiKey`): the seed of `/apikeys`, which is the
 * key store at run time (docs/decisions.md#identity-resources).
 */
export interface ApiKeyIdentity {
  /** The key's id in `/apikeys` (absent: one derived from its position, see `src/resources/apikeys`). */
  id?: string;
  /** Its name in `/apikeys` (absent: the clientId). */
  name?: string;
  description?: string;
  /** When it was created, ISO 8601 (absent: 2024-01-01T00:00:00.000Z). */
  createdAt?: string;
  clientId: string;
  clientSecret: string;
  userName: string;
  deviceName: string;
  /** The rights of a request signed with this key. */
  permissions: string[];
  /** An inactive key is treated as unknown. */
  isActive: boolean;
}

/** Everyone the mock knows: users, the devices they log in to, and API keys. */
export interface Identities {
  users: UserIdentity[];
  devices: DeviceIdentity[];
  apiKeys: ApiKeyIdentity[];
}

/** One thing wrong in an identities file: where (a JSON path) and what was expected there. */
export interface IdentitiesProblem {
  path: string;
  expected: string;
}

/** An identities file that cannot be used; `problems` lists everything wrong with it. */
export class IdentitiesError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly IdentitiesProblem[],
    options?: { cause?: unknown },
  ) {
    const lines = problems.map((p) => `  ${p.path}: expected ${p.expected}`);
    super(`Invalid identities file ${file}:\n${lines.join('\n')}`, options);
    this.name = 'IdentitiesError';
  }
}

type FieldKind = 'text' | 'id' | 'keyId' | 'date' | 'strings' | 'boolean' | 'object' | 'textMap';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const EXPECTED: Record<FieldKind, string> = {
  text: 'a non-empty string',
  id: 'a string of 24 hex digits',
  keyId: 'an id of 1 to 64 characters A-Z a-z 0-9 - _',
  date: 'an ISO 8601 date-time text',
  strings: 'an array of non-empty strings',
  boolean: 'true or false',
  object: 'an object',
  textMap: 'an object of string values',
};

const CHECKS: Record<FieldKind, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v !== '',
  id: (v) => typeof v === 'string' && /^[0-9a-f]{24}$/i.test(v),
  keyId: (v) => typeof v === 'string' && isCustomerId(v),
  date: (v) => typeof v === 'string' && Number.isFinite(Date.parse(v)),
  strings: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== ''),
  boolean: (v) => typeof v === 'boolean',
  object: isRecord,
  textMap: (v) => isRecord(v) && Object.values(v).every((s) => typeof s === 'string'),
};

/**
 * A member of a section: its kind, and for an optional member what an absent one means (`undefined`: stays
 * absent). An optional member may be left out or null; when given, it is checked like a required one.
 */
interface Field {
  kind: FieldKind;
  optional?: { absent: unknown };
}

const required = (kind: FieldKind): Field => ({ kind });
const optional = (kind: FieldKind, absent: unknown): Field => ({ kind, optional: { absent } });

const SECTIONS = {
  users: {
    id: required('id'),
    userName: required('text'),
    password: optional('text', undefined),
    name: required('text'),
    rights: required('strings'),
    roles: optional('strings', undefined),
  },
  devices: {
    name: required('text'),
    envName: required('text'),
    description: required('text'),
    isActive: optional('boolean', true),
    roles: optional('strings', []),
    preferences: optional('object', {}),
    settings: optional('textMap', {}),
  },
  apiKeys: {
    id: optional('keyId', undefined),
    name: optional('text', undefined),
    description: optional('text', undefined),
    createdAt: optional('date', undefined),
    clientId: required('text'),
    clientSecret: required('text'),
    userName: required('text'),
    deviceName: required('text'),
    permissions: required('strings'),
    isActive: required('boolean'),
  },
} as const satisfies { [S in keyof Identities]: Record<keyof Identities[S][number], Field> };

/** Checks one section; answers its items with exactly the known members (absent optional ones defaulted). */
function checkSection(
  root: Record<string, unknown>,
  section: keyof Identities,
  problems: IdentitiesProblem[],
): Record<string, unknown>[] {
  const items = root[section];
  if (!Array.isArray(items)) {
    problems.push({ path: section, expected: 'an array' });
    return [];
  }
  return items.map((item: unknown, index) => {
    const at = `${section}[${index}]`;
    const kept: Record<string, unknown> = {};
    if (!isRecord(item)) {
      problems.push({ path: at, expected: 'an object' });
      return kept;
    }
    for (const [member, field] of Object.entries(SECTIONS[section]) as [string, Field][]) {
      const value = item[member];
      if (field.optional !== undefined && (value === undefined || value === null)) {
        if (field.optional.absent !== undefined) kept[member] = structuredClone(field.optional.absent);
      } else if (CHECKS[field.kind](value)) {
        kept[member] = structuredClone(value);
      } else {
        const orAbsent = field.optional === undefined ? '' : ', or no member';
        problems.push({ path: `${at}.${member}`, expected: `${EXPECTED[field.kind]}${orAbsent}` });
      }
    }
    return kept;
  });
}

function checkUnique(
  values: readonly string[],
  path: (i: number) => string,
  what: string,
  problems: IdentitiesProblem[],
): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) problems.push({ path: path(i), expected: `a ${what} not used before` });
    seen.add(value);
  });
}

/** Checks parsed JSON against the identities format; every problem is listed, not just the first. */
export function parseIdentities(
  value: unknown,
): { ok: true; identities: Identities } | { ok: false; problems: IdentitiesProblem[] } {
  if (!isRecord(value))
    return { ok: false, problems: [{ path: '$', expected: 'an object with users, devices, apiKeys' }] };
  const problems: IdentitiesProblem[] = [];
  // Each section's items, checked member by member: the casts below hold once no problem was found.
  const users = checkSection(value, 'users', problems) as unknown as UserIdentity[];
  const devices = checkSection(value, 'devices', problems) as unknown as DeviceIdentity[];
  const apiKeys = checkSection(value, 'apiKeys', problems) as unknown as ApiKeyIdentity[];
  if (problems.length > 0) return { ok: false, problems };

  checkUnique(
    users.map((u) => u.id.toLowerCase()),
    (i) => `users[${i}].id`,
    'id',
    problems,
  );
  checkUnique(
    users.map((u) => u.userName),
    (i) => `users[${i}].userName`,
    'userName',
    problems,
  );
  checkUnique(
    devices.map((d) => d.name),
    (i) => `devices[${i}].name`,
    'name',
    problems,
  );
  checkUnique(
    // A key without an id gets one at seeding: a placeholder that collides with nothing.
    apiKeys.map((k, i) => k.id ?? `\u0000${i}`),
    (i) => `apiKeys[${i}].id`,
    'id',
    problems,
  );
  checkUnique(
    apiKeys.map((k) => k.clientId),
    (i) => `apiKeys[${i}].clientId`,
    'clientId',
    problems,
  );
  apiKeys.forEach((key, i) => {
    if (!users.some((u) => u.userName === key.userName)) {
      problems.push({ path: `apiKeys[${i}].userName`, expected: 'the userName of a user' });
    }
    if (!devices.some((d) => d.name === key.deviceName)) {
      problems.push({ path: `apiKeys[${i}].deviceName`, expected: 'the name of a device' });
    }
  });
  if (devices.length === 0) problems.push({ path: 'devices', expected: 'at least one device' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, identities: { users, devices, apiKeys } };
}

/** The built-in fixtures (`fixtures/identities.json` of the package), found from source or from `dist/`. */
export function builtInIdentitiesFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'fixtures', 'identities.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new IdentitiesError('fixtures/identities.json', [{ path: '$', expected: 'the file in the package' }]);
    }
    dir = parent;
  }
}

/** Users, devices and API keys from `file` ('' or absent: the built-in fixtures); throws `IdentitiesError`. */
export function loadIdentities(file?: string): Identities {
  const path = file === undefined || file === '' ? builtInIdentitiesFile() : file;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? ` (${error.message})` : '';
    throw new IdentitiesError(path, [{ path: '$', expected: `a readable JSON file${reason}` }], { cause: error });
  }
  const parsed = parseIdentities(value);
  if (!parsed.ok) throw new IdentitiesError(path, parsed.problems);
  return parsed.identities;
}
