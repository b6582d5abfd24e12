import { LOCALE_NAMES } from '../i18n/locales.js';

const positiveInt = { type: 'integer', minimum: 0 } as const;

/** JSON Schema of a config file (every key optional; unknown keys are errors, so typos surface). */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    host: { type: 'string', minLength: 1 },
    seed: { type: 'integer' },
    count: { ...positiveInt, maximum: 2_000_000 },
    defaultLocale: { enum: LOCALE_NAMES },
    strict: { type: 'boolean' },
    basePath: { type: 'string', pattern: '^(/[A-Za-z0-9._~-]+)*$' },
    bodyLimitBytes: { type: 'integer', minimum: 1 },
    putCreatedStatus: { enum: [200, 201] },
    versionMismatchStatus: { enum: [400, 409] },
    locationHeader: { type: 'boolean' },
    customerResourceName: { type: 'string', minLength: 1 },
    cors: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        origins: { anyOf: [{ const: '*' }, { type: 'array', items: { type: 'string' } }] },
      },
    },
    ndata: {
      type: 'object',
      additionalProperties: false,
      properties: {
        stringOrder: { enum: ['ordinal', 'locale'] },
        repeatedSingleParameter: { enum: ['first', 'error'] },
        answerCache: { type: 'boolean' },
      },
    },
    logRequests: { type: 'boolean' },
    docs: { type: 'object', additionalProperties: false, properties: { enabled: { type: 'boolean' } } },
    control: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        prefix: { type: 'string', pattern: '^(/[A-Za-z0-9._~-]+)+$' },
        faultHeader: { type: 'string', pattern: '^[A-Za-z0-9-]+$' },
        requestLogSize: { type: 'integer', minimum: 0, maximum: 1_000_000 },
        changeLogSize: { type: 'integer', minimum: 0, maximum: 1_000_000 },
        webhooks: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['url'],
            properties: {
              url: { type: 'string', pattern: '^https?://' },
              secret: { type: 'string' },
              resources: { type: 'array', items: { type: 'string', minLength: 1 } },
            },
          },
        },
        webhookRetries: { type: 'integer', minimum: 0, maximum: 20 },
        webhookBackoffMs: { type: 'integer', minimum: 0, maximum: 600_000 },
        webhookTimeoutMs: { type: 'integer', minimum: 1, maximum: 600_000 },
        stateFile: { type: 'string' },
        token: { type: 'string' },
      },
    },
    signalr: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        path: { type: 'string', pattern: '^(/[A-Za-z0-9._~-]+)+$' },
        keepAliveIntervalMs: { type: 'integer', minimum: 1, maximum: 3_600_000 },
        clientTimeoutMs: { type: 'integer', minimum: 1, maximum: 3_600_000 },
        handshakeTimeoutMs: { type: 'integer', minimum: 1, maximum: 3_600_000 },
        maxMessageBytes: { type: 'integer', minimum: 64, maximum: 16_777_216 },
        maxBufferedBytes: { type: 'integer', minimum: 1024, maximum: 1_073_741_824 },
      },
    },
    auth: {
      type: 'object',
      additionalProperties: false,
      properties: {
        required: { type: 'boolean' },
        jwtSecret: { type: 'string', minLength: 8 },
        tokenLifetimeSeconds: { type: 'integer', minimum: 1 },
        refreshLifetimeSeconds: { type: 'integer', minimum: 1 },
        nws4WindowSeconds: { type: 'integer', minimum: 0 },
        identitiesFile: { type: 'string' },
        singleSessionPerSaleDevice: { type: 'boolean' },
      },
    },
    license: {
      type: 'object',
      additionalProperties: false,
      properties: {
        expirationTime: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?$',
        },
      },
    },
  },
} as const;
