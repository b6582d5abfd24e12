import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import express, { type Router } from 'express';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { DOCS_SCRIPT, DOCS_STYLE } from './docs-assets.js';
import { renderDocsPage } from './docs-page.js';

/** swagger-ui-dist's folder in node_modules: its files are served as they are, from the mock itself. */
const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Only the files the page loads (not swagger-ui-dist's sample `index.html` and initializer). */
const SWAGGER_UI_FILES = /^\/(swagger-ui-bundle\.js(\.map)?|swagger-ui\.css(\.map)?|favicon-(16x16|32x32)\.png)$/;

/**
 * `/docs`: interactive API docs (swagger-ui) over `{basePath}/openapi.json`, whose "Try it out" calls go to the
 * mock; `/docs/assets/*` swagger-ui's files, `/docs/docs.js` and `/docs/docs.css` the page's own. Mount at `/docs`.
 */
export function docsRoutes(basePath: string): Router {
  const router = express.Router({ strict: true });
  const page = (mount: string) =>
    renderDocsPage({
      specUrl: `${basePath}/openapi.json`,
      loginUrl: `${basePath}/api/auth`,
      assetsUrl: `${mount}/assets`,
      pageUrl: mount,
      deviceName: 'P01',
    });

  router
    .route('/')
    .get((req, res) => {
      res.type('html').set('Cache-Control', 'no-cache').send(page(req.baseUrl).text);
    })
    .all(methodNotAllowed(['GET']));
  router.get('/docs.js', (_req, res) => res.type('text/javascript').send(DOCS_SCRIPT));
  router.get('/docs.css', (_req, res) => res.type('text/css').send(DOCS_STYLE));
  router.use('/assets', (req, _res, next) => (SWAGGER_UI_FILES.test(req.path) ? next() : next('router')));
  router.use('/assets', express.static(SWAGGER_UI_DIR, { index: false, fallthrough: true, maxAge: '1h' }));
  return router;
}
