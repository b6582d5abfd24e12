import { textKey } from '../engine/keys.js';
import { filterOn, list, nullableText } from '../engine/members.js';
import type { ResourceRow } from '../engine/resource-row.js';
import { ROLE_SEED } from './role-seed.js';

/**
 * `/roles`: key `name`; `label` required, `description` null, `rights` and `envNames` [] when omitted; the write
 * schema keeps `envNames` to the four environments (docs/decisions.md#catalogue-models). Roles are stored and
 * served but change nobody's rights, and nothing keeps one from being deleted.
 */
export const ROLE_ROW: ResourceRow = {
  segment: 'roles',
  name: 'role',
  key: textKey('name'),
  schemas: { model: 'Role', write: 'RoleWrite' },
  members: { name: filterOn.text('name'), label: filterOn.text('label', true) },
  sortable: ['name', 'label', 'description', '_v'],
  build: ({ body, key, version }) => ({
    name: key,
    label: nullableText(body['label']),
    description: nullableText(body['description']),
    rights: [...list<string>(body['rights'])],
    envNames: [...list<string>(body['envNames'])],
    _v: version,
  }),
  seed: () => ROLE_SEED,
};
