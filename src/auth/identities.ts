import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Device } from './principal.js';

/** A user who can log in (fixture data: the password is kept in clear). */
export interface UserIdentity {
  /** 24 hex digits, like a PORTOS (MongoDB) id. */
  id: string;
  userName: string;
  password: string;
  /** Display name, e.g. "Správca". */
  name: string;
  rights: string[];
}

/** An HMAC (NWS4) API key acting as a user on a device (PORTOS `ApiKey`, the members the mock uses). */
export interface ApiKeyIdentity {
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
  devices: Device[];
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

type FieldKind = 'text' | 'id' | 'strings' | 'boolean';

const EXPECTED: Record<FieldKind, string> = {
  text: 'a non-empty string',
  id: 'a string of 24 hex digits',
  strings: 'an array of non-empty strings',
  boolean: 'true or false',
};

const CHECKS: Record<FieldKind, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v !== '',
  id: (v) => typeof v === 'string' && /^[0-9a-f]{24}$/i.test(v),
  strings: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== ''),
  boolean: (v) => typeof v === 'boolean',
};

const SECTIONS = {
  users: { id: 'id', userName: 'text', password: 'text', name: 'text', rights: 'strings' },
  devices: { name: 'text', envName: 'text', description: 'text' },
  apiKeys: {
    clientId: 'text',
    clientSecret: 'text',
    userName: 'text',
    deviceName: 'text',
    permissions: 'strings',
    isActive: 'boolean',
  },
} as const satisfies Record<keyof Identities, Record<string, FieldKind>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkSection(root: Record<string, unknown>, section: keyof Identities, problems: IdentitiesProblem[]): void {
  const items = root[section];
  if (!Array.isArray(items)) {
    problems.push({ path: section, expected: 'an array' });
    return;
  }
  items.forEach((item: unknown, index) => {
    const at = `${section}[${index}]`;
    if (!isRecord(item)) {
      problems.push({ path: at, expected: 'an object' });
      return;
    }
    for (const [field, kind] of Object.entries(SECTIONS[section]) as [string, FieldKind][]) {
      if (!CHECKS[kind](item[field])) problems.push({ path: `${at}.${field}`, expected: EXPECTED[kind] });
    }
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
  for (const section of Object.keys(SECTIONS) as (keyof Identities)[]) checkSection(value, section, problems);
  if (problems.length > 0) return { ok: false, problems };

  const identities = value as unknown as Identities;
  const users = identities.users.map(({ id, userName, password, name, rights }) => ({
    id,
    userName,
    password,
    name,
    rights,
  }));
  const devices = identities.devices.map(({ name, envName, description }) => ({ name, envName, description }));
  const apiKeys = identities.apiKeys.map(({ clientId, clientSecret, userName, deviceName, permissions, isActive }) => ({
    clientId,
    clientSecret,
    userName,
    deviceName,
    permissions,
    isActive,
  }));
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
