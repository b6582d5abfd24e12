/** The settings of the fixture device P01 as fixtures/identities.json holds them (docs/decisions.md#fixture-identities). */
export const P01_SETTINGS = {
  MaxQuantity: '50',
  OpenedPrices: 'false',
  NoticeOnNegativeSale: 'false',
  VisibleQuantities: 'false',
  DefaultFiscalName: 'eKasa',
  DefaultOrderEndpointName: 'USB',
  DefaultStockName: 'S01',
} as const;

/** P01 as a login answer's `user.device` shows it. */
export const P01_DEVICE = {
  name: 'P01',
  envName: 'CashRegister',
  description: 'Pokladnica 1',
  preferences: {},
  settings: P01_SETTINGS,
};
