import express, { type Router } from 'express';
import type { OpenApiDocument } from '../../spec/load-spec.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';

/** `GET /openapi.json`: the spec the mock is built from, with the mock's own URL base as server. */
export function openapiRoutes(spec: OpenApiDocument, basePath: string): Router {
  const router = express.Router();
  router
    .route('/openapi.json')
    .get((req, res) => {
      res.json({ ...spec, servers: [{ url: `${req.protocol}://${req.get('host') ?? 'localhost'}${basePath}` }] });
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
