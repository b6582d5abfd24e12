export {
  createApp,
  createMock,
  startMock,
  type Mock,
  type MockApp,
  type MockOptions,
  type RunningMock,
} from './mock.js';
export { DEFAULT_CONFIG, type Config, type ConfigInput } from './config/config.js';
export { signNws4, verifyNws4, type Nws4Credentials, type Nws4Request } from './auth/nws4.js';
export { fixedClock, systemClock, type Clock } from './domain/clock.js';
export { generateCustomers } from './store/seed.js';
export { CustomerStore } from './store/customer-store.js';
export type { Customer, StoredCustomer } from './domain/customer.js';
export { controlledClock, type ControlledClock } from './control/controlled-clock.js';
export {
  SIGNATURE_HEADER as WEBHOOK_SIGNATURE_HEADER,
  signWebhook,
  type WebhookPayload,
} from './control/webhook-payload.js';
export * as contracts from './contracts/index.js';
export type { Notification, NotificationSender, ResourceChangedPayload } from './signalr/notification.js';
export type { HubTimer, HubTimers } from './signalr/hub-timers.js';
