/** A tiny OpenAPI 3.1 document with the shapes the real spec uses ($ref'd responses, 4XX, no-body 204). */
export const MINI_SPEC = {
  openapi: '3.1.0',
  paths: {
    '/customers': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } } },
          '4XX': { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/customers/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { type: 'object', required: ['id'] } } } },
          '404': { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/customers/special': { get: { responses: { '204': { description: 'nothing' } } } },
  },
  components: {
    schemas: {
      Page: {
        type: 'object',
        required: ['count', 'totalCount'],
        properties: { count: { type: 'integer' }, totalCount: { type: 'integer' }, items: { type: 'array' } },
      },
      ProblemDetails: {
        type: 'object',
        required: ['title', 'status'],
        properties: { title: { type: 'string' }, status: { type: 'integer' } },
      },
    },
    responses: {
      Problem: {
        description: 'problem',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      },
    },
  },
};
