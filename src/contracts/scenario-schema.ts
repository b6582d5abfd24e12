import { CONTROL_ACTIONS } from './control-actions.js';
import { MATCHERS } from './matchers.js';
import { APIS, BASES, METHODS, TRANSPORT_FAILURES } from './scenario.js';

// The JSON Schema of scenario files. `spec/scenario.schema.json` is this constant, written by
// `portos-contracts schema` (a test keeps the two equal). Matcher members come from the MATCHERS table.

const str = { type: 'string' } as const;
const nonEmpty = { type: 'string', minLength: 1 } as const;
const oneOrMany = (item: Record<string, unknown>) => ({
  anyOf: [item, { type: 'array', items: item, minItems: 1, uniqueItems: true }],
});
const variableName = '^(?!(run|uid|unum|lang|as|now|profile)$)[A-Za-z_][A-Za-z0-9_]*$';

/**
 * `if` the object has member `key`, it must match `$defs/<ref>`, else `otherwise`: one kind of step per member, so
 * a broken step is explained by its own kind's schema only (JSON Schema's `then` keyword, built as data).
 */
function whenMember(key: string, ref: string, otherwise: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries([
    ['if', { properties: { [key]: {} }, required: [key] }],
    ['then', { $ref: `#/$defs/${ref}` }],
    ['else', otherwise],
  ]);
}

const matcherProperties = Object.fromEntries(
  Object.entries(MATCHERS).map(([name, def]) => [name, { description: def.description, ...def.arg }]),
);

const actionProperties = Object.fromEntries(
  Object.entries(CONTROL_ACTIONS).map(([name, row]) => [name, { description: row.description, ...row.arg }]),
);

export const SCENARIO_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:portos-mock:scenario.schema.json',
  title: 'portos-contracts scenario file',
  description: 'Contract scenarios for the PORTOS Customers API: see src/contracts/FORMAT.md.',
  type: 'object',
  required: ['scenarios'],
  additionalProperties: false,
  properties: {
    $schema: str,
    tags: { $ref: '#/$defs/tags' },
    scenarios: { type: 'array', minItems: 1, items: { $ref: '#/$defs/scenario' } },
  },
  $defs: {
    tags: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:/-]*$' }, uniqueItems: true },
    identity: {
      description:
        'Profile name(s) from the profiles file; "anonymous" sends no credentials. A list runs the step once per identity. May use ${column} of the example row.',
      ...oneOrMany({ type: 'string', pattern: '^(?:[A-Za-z0-9_.-]|\\$\\{[A-Za-z_][A-Za-z0-9_]*\\})+$' }),
    },
    lang: {
      description: 'Accept-Language value(s), e.g. sk-SK; a list runs the step once per language.',
      ...oneOrMany(nonEmpty),
    },
    scenario: {
      type: 'object',
      required: ['name', 'basis', 'steps'],
      additionalProperties: false,
      properties: {
        name: { ...nonEmpty, description: 'Unique in the file; may use ${variables} of the example row.' },
        basis: {
          enum: BASES,
          description:
            'doc: checks a documented PORTOS fact (docs/portos/); decision: checks one of our decisions (docs/decisions.md).',
        },
        description: str,
        source: {
          ...str,
          description:
            'Where the fact or decision is written: links into docs/ separated by ", ", each optionally followed by a ' +
            'note in parentheses, e.g. docs/portos/errors.md#error-codes (errorCode 6), docs/decisions.md#errors.',
        },
        tags: { $ref: '#/$defs/tags' },
        as: { $ref: '#/$defs/identity' },
        lang: { $ref: '#/$defs/lang' },
        examples: {
          description: 'A table: the scenario runs once per row; the members of a row are ${variables}.',
          type: 'array',
          minItems: 1,
          items: { type: 'object', propertyNames: { pattern: variableName } },
        },
        steps: { type: 'array', minItems: 1, items: { $ref: '#/$defs/step' } },
        finally: {
          description:
            'Control actions run after the steps, also when a step failed: undo locks, the clock, snapshots.',
          $ref: '#/$defs/actions',
        },
      },
    },
    actions: { type: 'array', minItems: 1, items: { $ref: '#/$defs/action' } },
    action: {
      description:
        'One control action of the mock (see FORMAT.md "Arranging the mock"), e.g. { lock: "${id}" }; capture reads its answer.',
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: { ...actionProperties, capture: { $ref: '#/$defs/captures' } },
    },
    captures: {
      description: 'Variables for later steps: body.path, headers.name or status; {from, regex} keeps the first group.',
      type: 'object',
      propertyNames: { pattern: variableName },
      additionalProperties: {
        anyOf: [
          { $ref: '#/$defs/captureSource' },
          {
            type: 'object',
            required: ['from', 'regex'],
            additionalProperties: false,
            properties: { from: { $ref: '#/$defs/captureSource' }, regex: { type: 'string', format: 'regex' } },
          },
        ],
      },
    },
    step: {
      description:
        'A request (request + expect), or a SignalR hub step: subscribe, unsubscribe or connect (see FORMAT.md "Notifications").',
      type: 'object',
      ...whenMember(
        'subscribe',
        'subscribeStep',
        whenMember(
          'unsubscribe',
          'unsubscribeStep',
          whenMember('connect', 'connectStep', { $ref: '#/$defs/requestStep' }),
        ),
      ),
    },
    hubIdentity: {
      description: "The identity whose SignalR connection this is (default: the scenario's as); a bearer profile.",
      type: 'string',
      pattern: '^(?:[A-Za-z0-9_.-]|\\$\\{[A-Za-z_][A-Za-z0-9_]*\\})+$',
    },
    hubEvent: { ...nonEmpty, description: 'The event name, e.g. portos.resources.changed.' },
    hubExpect: {
      description: 'Default: the hub method succeeds. error: it fails with an error text matching this expectation.',
      type: 'object',
      additionalProperties: false,
      properties: { error: { $ref: '#/$defs/expectation' } },
    },
    subscribeStep: {
      type: 'object',
      required: ['subscribe'],
      additionalProperties: false,
      properties: {
        name: str,
        subscribe: {
          description:
            "Opens the identity's SignalR connection (once per scenario) and calls Subscribe(event, {resources}); it stays subscribed to the end of the scenario.",
          type: 'object',
          required: ['event'],
          additionalProperties: false,
          properties: {
            event: { $ref: '#/$defs/hubEvent' },
            resources: {
              description: 'Only changes of these resources (and ids); absent: every resource.',
              type: 'array',
              items: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: { name: str, ids: { type: 'array', items: str } },
              },
            },
            as: { $ref: '#/$defs/hubIdentity' },
          },
        },
        expect: { $ref: '#/$defs/hubExpect' },
      },
    },
    unsubscribeStep: {
      type: 'object',
      required: ['unsubscribe'],
      additionalProperties: false,
      properties: {
        name: str,
        unsubscribe: {
          description: "Calls Unsubscribe(event) on the identity's connection; the connection stays open.",
          type: 'object',
          required: ['event'],
          additionalProperties: false,
          properties: { event: { $ref: '#/$defs/hubEvent' }, as: { $ref: '#/$defs/hubIdentity' } },
        },
        expect: { $ref: '#/$defs/hubExpect' },
      },
    },
    connectStep: {
      type: 'object',
      required: ['connect'],
      additionalProperties: false,
      properties: {
        name: str,
        connect: {
          description: "Opens the identity's SignalR connection without subscribing to anything.",
          type: 'object',
          additionalProperties: false,
          properties: { as: { $ref: '#/$defs/hubIdentity' } },
        },
      },
    },
    requestStep: {
      type: 'object',
      required: ['request', 'expect'],
      additionalProperties: false,
      properties: {
        name: str,
        as: { $ref: '#/$defs/identity' },
        lang: { $ref: '#/$defs/lang' },
        arrange: {
          description: 'Control actions run once before the request (the scenario needs the tag control).',
          $ref: '#/$defs/actions',
        },
        request: { $ref: '#/$defs/request' },
        expect: { $ref: '#/$defs/expect' },
        capture: { $ref: '#/$defs/captures' },
        nws4: {
          description:
            'Sign with key (e.g. one the scenario created: ${clientId}) instead of the identity, or, for an NWS4 identity, sign differently to provoke signature failures.',
          type: 'object',
          additionalProperties: false,
          properties: {
            key: {
              type: 'object',
              required: ['clientId', 'clientSecret'],
              additionalProperties: false,
              properties: { clientId: nonEmpty, clientSecret: nonEmpty },
            },
            clockSkewSeconds: { type: 'number' },
            signedHeaders: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9_-]+$' }, minItems: 1 },
            tamper: { enum: ['body', 'signature', 'date'] },
          },
        },
      },
    },
    captureSource: { type: 'string', pattern: '^(status|body|body(\\.|\\[).+|headers\\.[A-Za-z0-9-]+)$' },
    request: {
      type: 'object',
      required: ['method', 'path'],
      additionalProperties: false,
      properties: {
        api: {
          enum: APIS,
          description:
            'portos (default): below the base URL; control: below the mock control API, without credentials.',
        },
        method: { enum: METHODS },
        path: { type: 'string', pattern: '^/' },
        query: {
          description: 'Parameters by name (a list repeats the parameter) or a raw query string sent as written.',
          anyOf: [
            str,
            {
              type: 'object',
              additionalProperties: {
                anyOf: [
                  { type: ['string', 'number', 'boolean'] },
                  { type: 'array', items: { type: ['string', 'number', 'boolean'] } },
                ],
              },
            },
          ],
        },
        headers: { type: 'object', additionalProperties: { type: ['string', 'null'] } },
        body: { description: 'A JSON body; strings are interpolated.' },
        rawBody: { ...str, description: 'Sent as written (after interpolation), e.g. malformed JSON.' },
        contentType: { ...nonEmpty, description: 'Content type of body/rawBody; default application/json.' },
      },
    },
    expect: {
      type: 'object',
      description: 'status, or transport for a step that expects no (whole) response.',
      additionalProperties: false,
      properties: {
        transport: {
          enum: TRANSPORT_FAILURES,
          description: 'dropped: no response at all; truncated: the body ended early.',
        },
        elapsedMs: { description: "The step's elapsed time in ms, e.g. { $min: 300 }.", $ref: '#/$defs/expectation' },
        status: {
          description: 'The status, a list of allowed ones, or "${column}" of the example row.',
          anyOf: [
            ...oneOrMany({ type: 'integer', minimum: 100, maximum: 599 }).anyOf,
            { type: 'string', pattern: '^\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}$' },
          ],
        },
        headers: { type: 'object', additionalProperties: { $ref: '#/$defs/expectation' } },
        body: { $ref: '#/$defs/expectation' },
        title: {
          description:
            'The problem title: one text for every language, {lang: text}, or "localized" (non-empty and different in each language).',
          anyOf: [str, { type: 'object', additionalProperties: str, minProperties: 1 }],
        },
        schema: {
          description:
            '"spec" (default): the response schema of spec/openapi.yaml; false: none; or a schema ({$ref: "#/components/schemas/X"}).',
          anyOf: [{ const: 'spec' }, { const: false }, { type: 'object' }],
        },
        notifications: {
          description:
            "Partial Notifications the identity's SignalR connection must receive after the request, in this order (others may come between); []: none within `within`.",
          type: 'array',
          items: { $ref: '#/$defs/expectation' },
        },
        within: {
          description: 'How long to wait for notifications: 2s (default), 500ms, or a number of ms (at most 60 s).',
          anyOf: [
            { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(ms|s)$' },
            { type: 'integer', minimum: 0, maximum: 60000 },
          ],
        },
      },
    },
    expectation: {
      description: 'A literal (objects match as a subset, arrays element by element) or a matcher object.',
      anyOf: [
        { type: ['string', 'number', 'boolean', 'null'] },
        { type: 'array', items: { $ref: '#/$defs/expectation' } },
        { $ref: '#/$defs/expectationObject' },
      ],
    },
    expectationObject: {
      type: 'object',
      properties: matcherProperties,
      patternProperties: { '^(?!\\$)|^\\$\\$': { $ref: '#/$defs/expectation' } },
      additionalProperties: false,
    },
  },
} as const;
