// The yardstick: a bare Express 5 route answering one constant customer (read from the file given as the
// first argument: the very customer the mock serves in the benchmark), no other middleware.
import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const customer: unknown = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'));
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get('/customer', (_req, res) => {
  res.json(customer);
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
