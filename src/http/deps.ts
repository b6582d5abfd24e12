import type { AuthService } from '../auth/auth-service.js';
import type { Config } from '../config/config.js';
import type { ControlPlane } from '../control/control-plane.js';
import type { Clock } from '../domain/clock.js';
import type { SignalRHub } from '../signalr/signalr-hub.js';
import type { OpenApiDocument } from '../spec/load-spec.js';
import type { OpenApiIndex } from '../spec/openapi-index.js';
import type { CustomerStore } from '../store/customer-store.js';
import type { IdGenerator } from '../store/ids.js';
import type { ResourceStores } from '../resources/engine/resource-stores.js';
import type { ResourceRow } from '../resources/engine/resource-row.js';
import type { StoredCustomer } from '../domain/customer.js';

/** Everything the HTTP layer is built from; created once by `createApp`. */
export interface AppDeps {
  config: Config;
  store: CustomerStore;
  /** The customers' row of the engine (src/resources/customers/customer-row.ts), over `store`. */
  customers: ResourceRow<StoredCustomer>;
  /** The engine's rows besides customers (src/resources/resource-table.ts), seeded. */
  resources: ResourceStores;
  clock: Clock;
  ids: IdGenerator;
  spec: OpenApiDocument;
  /** The documented view's validators (request bodies are validated with them). */
  schemas: OpenApiIndex;
  auth: AuthService;
  /** Clock, faults, locks, snapshots, logs, webhooks, state file (`src/control/`). */
  control: ControlPlane;
  /** The SignalR hub (`signalr.enabled`), else null: docs/decisions.md#real-time-notifications. */
  hub: SignalRHub | null;
}
