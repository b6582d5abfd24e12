// The response bodies the PORTOS developer documentation shows, and nothing else: the documented server
// (documented-server.ts) answers only with these, and test/contracts/documented-server.test.ts checks each against the
// spec's documented view. Each entry names the page it comes from and the response it is (method, a path, status,
// content type), so its schema is looked up exactly as the contract kit looks up a response's.

/** A body as a PORTOS page shows it, and the response it documents. */
export interface DocumentedBody {
  /** The PORTOS page that shows the body (or, for a body the docs give only as a model, its members). */
  page: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A request path of that response (below the base URL). */
  path: string;
  status: number;
  contentType: string;
  body: unknown;
}

const CUSTOMERS_PAGE = 'https://developers.portos.sk/api-reference/customers';
const ERROR_MODELS_PAGE = 'https://developers.portos.sk/error-models';
const JWT_PAGE = 'https://developers.portos.sk/authentication/authentication-schemes/jwt-bearer-authentication';
const HEALTH_PAGE = 'https://developers.portos.sk/api-reference/api-health-check';

const JSON_TYPE = 'application/json; charset=utf-8';
// ProblemDetails is "RFC 7807 based" (https://developers.portos.sk/error-models); RFC 7807 names this media type.
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/**
 * The example customer of https://developers.portos.sk/api-reference/customers ("Get customer by ID"; the same
 * body is shown for create, create-or-update and delete), verbatim.
 */
export const EXAMPLE_CUSTOMER = {
  id: 'customer-id',
  externalId: null,
  isActive: true,
  status: 'Valid',
  activationTime: null,
  expirationTime: null,
  firstName: 'John',
  lastName: 'Doe',
  fullName: 'John Doe',
  gender: null,
  birthDate: null,
  email: 'john.doe@portos.sk',
  phone: null,
  isCompany: false,
  company: null,
  address: null,
  deliveryAddress: null,
  credit: { amount: 0.0, currencyLabel: null },
  creditTransactions: [],
  cards: [
    {
      externalId: 'external-card-id',
      isActive: true,
      isVirtual: true,
      serialNumber: 'card-serial-number',
      processor: 'P',
      status: 'Valid',
      statusTime: null,
      statusReason: null,
      activationTime: '2022-11-01T00:00:00.00Z',
      expirationTime: null,
      note: null,
      meta: null,
    },
  ],
  creditRate: 0.0,
  discountRate: 0.0,
  note: null,
  meta: {},
  _v: 1,
} as const;

/** The example list of https://developers.portos.sk/api-reference/customers ("Get customers", QueryResult<Customer>). */
export const EXAMPLE_LIST = { items: [EXAMPLE_CUSTOMER], count: 1, totalCount: 1 } as const;

/** The 404 example of https://developers.portos.sk/api-reference/customers ("Get customer by ID", "Delete"), verbatim. */
export const NOT_FOUND = { title: 'Zdroj nebol nájdený', status: 404 } as const;

/**
 * The login answer (AuthResult) of
 * https://developers.portos.sk/authentication/authentication-schemes/jwt-bearer-authentication, verbatim (the page
 * shortens the two tokens with "...."; they are used as they are written).
 */
export const LOGIN_ANSWER = {
  tokenId: 'eyJhbG....GLvNNavSk0A',
  refreshToken: 'pC73A....63GkAAEpwtWA=',
  user: {
    id: '635f7ae3072edfeae7c26a1e',
    isVirtual: false,
    name: 'Majiteľ',
    userName: '999',
    featureName: null,
    rights: ['admin'],
    device: {
      name: 'P01',
      envName: 'CashRegister',
      description: 'P01',
      preferences: {},
      settings: {
        MaxQuantity: '200',
        OpenedPrices: 'false',
        NoticeOnNegativeSale: 'false',
        VisibleQuantities: 'false',
        DefaultFiscalName: 'eKasa',
        DefaultOrderEndpointName: '',
      },
    },
  },
} as const;

/**
 * The 400 of https://developers.portos.sk/error-models: PortosValidationProblemDetails, for a login without its
 * required `UserName` (https://developers.portos.sk/authentication/authentication-schemes/jwt-bearer-authentication
 * marks UserName and DeviceName required). The pages show the model, not an example: nullable members are null or
 * absent, `errorCode` 3 is ValidationFailed (https://developers.portos.sk/error-codes), `code` "1" and its name
 * `Required` (the `message`, a non-nullable string) are the constraint of
 * https://developers.portos.sk/validation-constraints.
 */
export const VALIDATION_FAILED = {
  type: null,
  title: null,
  status: 400,
  errorCode: 3,
  errors: [{ memberName: 'UserName', message: 'Required', code: '1' }],
} as const;

/**
 * The 401 of https://developers.portos.sk/error-models: ProblemDetails with errorCode 1 Unautenthicated
 * (https://developers.portos.sk/error-codes); every nullable member null.
 */
export const UNAUTHENTICATED = {
  type: null,
  title: null,
  status: 401,
  detail: null,
  instance: null,
  traceId: null,
  errorCode: 1,
  resource: null,
} as const;

/**
 * The 403 of https://developers.portos.sk/error-models: ProblemDetails with errorCode 2 Unauthorized
 * (https://developers.portos.sk/error-codes); every nullable member absent. No route of the documented server
 * answers it: the only documented user holds `admin`.
 */
export const FORBIDDEN = { status: 403, errorCode: 2 } as const;

/**
 * The health report of https://developers.portos.sk/api-reference/api-health-check: status Unhealthy, the core
 * entries diskstorage, license (data remaningDays [sic] and expirationDate, the Slovak description),
 * fiscalPrinters and orderEndpoints (data.entries of {key, result}), and a feature check (portos.Features.Qerko).
 * The members and those values are the page's; durations, the other entries' data and which entry is unhealthy
 * are not kept in our notes of the page and are filled in with values of the documented types.
 */
export const HEALTH_REPORT = {
  status: 'Unhealthy',
  totalDuration: '00:00:00.7933458',
  entries: {
    diskstorage: { data: {}, duration: '00:00:00.0012345', status: 'Healthy' },
    license: {
      data: { remaningDays: 196, expirationDate: '2021-05-13T00:00:00' },
      description: 'Licencia exspiruje za 196 dní.',
      duration: '00:00:00.0004321',
      status: 'Healthy',
    },
    fiscalPrinters: { data: {}, duration: '00:00:00.0006789', status: 'Healthy' },
    orderEndpoints: {
      data: { entries: [{ key: 'Qerko', result: 'Unhealthy' }] },
      duration: '00:00:00.7654321',
      status: 'Unhealthy',
    },
    'portos.Features.Qerko': { data: {}, duration: '00:00:00.0001234', status: 'Healthy' },
  },
} as const;

/** Every documented body, by name, with the response it is; the documented server serves each of them but FORBIDDEN. */
export const DOCUMENTED_BODIES = {
  customer: {
    page: CUSTOMERS_PAGE,
    method: 'GET',
    path: `/customers/${EXAMPLE_CUSTOMER.id}`,
    status: 200,
    contentType: JSON_TYPE,
    body: EXAMPLE_CUSTOMER,
  },
  list: {
    page: CUSTOMERS_PAGE,
    method: 'GET',
    path: '/customers',
    status: 200,
    contentType: JSON_TYPE,
    body: EXAMPLE_LIST,
  },
  notFound: {
    page: CUSTOMERS_PAGE,
    method: 'GET',
    path: '/customers/no-such-customer',
    status: 404,
    contentType: PROBLEM_TYPE,
    body: NOT_FOUND,
  },
  validationFailed: {
    page: ERROR_MODELS_PAGE,
    method: 'POST',
    path: '/api/auth',
    status: 400,
    contentType: PROBLEM_TYPE,
    body: VALIDATION_FAILED,
  },
  unauthenticated: {
    page: ERROR_MODELS_PAGE,
    method: 'GET',
    path: '/customers',
    status: 401,
    contentType: PROBLEM_TYPE,
    body: UNAUTHENTICATED,
  },
  forbidden: {
    page: ERROR_MODELS_PAGE,
    method: 'DELETE',
    path: `/customers/${EXAMPLE_CUSTOMER.id}`,
    status: 403,
    contentType: PROBLEM_TYPE,
    body: FORBIDDEN,
  },
  login: { page: JWT_PAGE, method: 'POST', path: '/api/auth', status: 200, contentType: JSON_TYPE, body: LOGIN_ANSWER },
  // GET /api/auth answers the caller's profile (UserProfileContext); the JWT page shows no example of it, so the
  // documented server answers the one documented user body, `user` of the login answer.
  profile: {
    page: JWT_PAGE,
    method: 'GET',
    path: '/api/auth',
    status: 200,
    contentType: JSON_TYPE,
    body: LOGIN_ANSWER.user,
  },
  health: {
    page: HEALTH_PAGE,
    method: 'GET',
    path: '/api/v2/health',
    status: 200,
    contentType: JSON_TYPE,
    body: HEALTH_REPORT,
  },
} as const satisfies Record<string, DocumentedBody>;

export type DocumentedBodyName = keyof typeof DOCUMENTED_BODIES;
