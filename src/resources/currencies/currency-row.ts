import { issue, type Issue } from '../../errors/issue.js';
import { textKey } from '../engine/keys.js';
import type { Item, ResourceRow, RuleInput } from '../engine/resource-row.js';
import { filterOn, flag, nullableNumber, nullableText } from '../engine/members.js';
import { domesticCurrency } from './domestic-currency.js';

/** The documented currencies, in camelCase (docs/portos/resources.md#currencies). */
const SEED: readonly Item[] = [
  { label: 'EUR', isDomestic: true, sign: '€', exchangeRate: 1, description: 'Euro', _v: 1 },
  { label: 'USD', isDomestic: false, sign: '$', exchangeRate: 1.1214, description: 'US Dollar', _v: 1 },
  { label: 'CZK', isDomestic: false, sign: null, exchangeRate: 23.7529, description: 'Czech Crown', _v: 1 },
];

/**
 * Exactly one domestic currency, which the API cannot change (docs/decisions.md#catalogue-seed): a second
 * `isDomestic: true` is a clash (code "2"), unsetting it a broken rule; its exchange rate is exactly 1.
 */
function currencyRules({ item, previous, catalogue }: RuleInput): Issue[] {
  const issues: Issue[] = [];
  const wasDomestic = previous?.['isDomestic'] === true;
  const isDomestic = item['isDomestic'] === true;
  if (isDomestic && !wasDomestic && domesticCurrency(catalogue) !== null)
    issues.push(issue('body.unique', 'isDomestic', { value: 'true' }));
  if (wasDomestic && !isDomestic) issues.push(issue('body.rule', 'isDomestic', { rule: 'oneDomestic' }));
  if (isDomestic && item['exchangeRate'] !== 1)
    issues.push(issue('body.rule', 'exchangeRate', { rule: 'domesticRateIsOne' }));
  return issues;
}

/**
 * `/currencies`: key `label` of exactly 3 characters; `isDomestic` false, `sign` null, `exchangeRate` 1 (above 0:
 * the schema), `description` null when omitted (docs/decisions.md#catalogue-models).
 */
export const CURRENCY_ROW: ResourceRow = {
  segment: 'currencies',
  name: 'currency',
  key: textKey('label', 3, 3),
  schemas: { model: 'Currency', write: 'CurrencyWrite' },
  members: { label: filterOn.text('label'), isDomestic: filterOn.bool('isDomestic') },
  sortable: ['label', 'isDomestic', 'sign', 'exchangeRate', 'description', '_v'],
  build: ({ body, key, version }) => ({
    label: key,
    isDomestic: flag(body['isDomestic'], false),
    sign: nullableText(body['sign']),
    exchangeRate: nullableNumber(body['exchangeRate']) ?? 1,
    description: nullableText(body['description']),
    _v: version,
  }),
  rules: currencyRules,
  deleteRules: (item) =>
    item['isDomestic'] === true ? [issue('body.rule', 'isDomestic', { rule: 'domesticStays' })] : [],
  seed: () => SEED,
};
