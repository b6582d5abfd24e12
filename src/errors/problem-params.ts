import type { Issue } from './issue.js';
import type { AuthFailure } from './auth-failures.js';

/** What a resource-version conflict names (PORTOS `ResourceInfo`). */
export interface ResourceInfo {
  name: string;
  id: string;
  version: number | null;
}

/** The parameters each problem carries to its localized detail. */
export interface ProblemParams {
  validation_failed: { issues: readonly Issue[] };
  version_mismatch: { resource: ResourceInfo; sent: number };
  /** The request's HTTP framing (chunks, lengths, head) could not be read; the connection closes. */
  malformed_request: Record<string, never>;
  unauthenticated: { reason: AuthFailure };
  /** `any`: one of the rights would do; `all`: every one is needed. */
  forbidden: { missingRights: readonly string[]; need: 'any' | 'all' };
  /** The licence's `expirationTime` (ISO UTC with ms) is at or before the mock clock (docs/decisions.md#licence). */
  license_expired: { expirationTime: string };
  not_found: { resource: string; id: string };
  route_not_found: { path: string };
  method_not_allowed: { method: string; allowed: readonly string[] };
  /** A SignalR upgrade's `id` names no negotiated connection (docs/decisions.md#real-time-notifications). */
  hub_connection_unknown: Record<string, never>;
  /** A second WebSocket for a SignalR connection that has one. */
  hub_connection_in_use: Record<string, never>;
  payload_too_large: { limitBytes: number };
  unsupported_media_type: { contentType: string | null };
  /** The `Content-Encoding` sent: only `identity` is read. */
  unsupported_encoding: { encoding: string };
  /** The `charset` of the `Content-Type` sent: only utf-8 is read. */
  unsupported_charset: { charset: string };
  headers_too_large: { limitBytes: number };
  locked: { resource: string; id: string };
  /** No `mode` lease of the mock control API was free within `waitMs`; what is held meanwhile. */
  lease_busy: { mode: string; waitMs: number; shared: number; exclusive: number };
  internal: Record<string, never>;
  /** The write was made in memory but the `--state` file could not be written. */
  state_not_saved: { file: string; reason: string };
}
