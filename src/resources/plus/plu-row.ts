import { issue, type Issue } from '../../errors/issue.js';
import { domesticCurrency } from '../currencies/domestic-currency.js';
import { idKey } from '../engine/keys.js';
import type { BuildInput, Catalogue, Item, Reference, ResourceRow, RuleInput } from '../engine/resource-row.js';
import { filterOn, flag, list, nullableText } from '../engine/members.js';
import { currencyReferences, pluIdOf, pluReference, priceOf, quantityOf, type PluId } from './plu-parts.js';
import { PLU_SEED } from './plu-seed.js';

/** Types that keep a stock quantity and value (a Recipe or Service has none). */
const STOCKED = new Set(['StockItem', 'Container']);

/** The unit of the PLU `pluId` names, the default unit of a receipt quantity. */
function unitOf(catalogue: Catalogue, pluId: PluId | null): string | null {
  if (pluId === null) return null;
  const found = catalogue
    .items('plus')
    .find((plu) => plu['stockName'] === pluId.stockName && plu['code'] === pluId.code);
  return nullableText(found?.['unit']);
}

function buildPlu({ body, key, version, catalogue }: BuildInput): Item {
  const type = nullableText(body['type']) ?? 'StockItem';
  const unit = nullableText(body['unit']) ?? 'ks';
  const domestic = domesticCurrency(catalogue);
  const stocked = STOCKED.has(type);
  return {
    id: key,
    code: body['code'],
    stockName: body['stockName'],
    name: body['name'],
    description: nullableText(body['description']),
    articleCategoryLabel: nullableText(body['articleCategoryLabel']),
    vatCategory: body['vatCategory'],
    type,
    unit,
    codes: list(body['codes']),
    receipt: list<Record<string, unknown>>(body['receipt']).map((part) => {
      const pluId = pluIdOf(part['pluId']);
      return { pluId, quantity: quantityOf(part['quantity'], unitOf(catalogue, pluId)) };
    }),
    retailPriceIncludingVat: priceOf(body['retailPriceIncludingVat'], domestic) ?? {
      amount: 0,
      currencyLabel: domestic,
    },
    isActive: flag(body['isActive'], true),
    isDiscountAllowed: flag(body['isDiscountAllowed'], true),
    isPriceFixed: flag(body['isPriceFixed'], false),
    stockQuantity: stocked ? (quantityOf(body['stockQuantity'], unit) ?? { amount: 0, unit }) : null,
    stockValue: stocked ? (priceOf(body['stockValue'], domestic) ?? { amount: 0, currencyLabel: domestic }) : null,
    _v: version,
  };
}

/**
 * (`stockName`, `code`) is unique; only a Recipe has a receipt; a Container needs a VAT whose rate is null
 * (docs/portos/resources.md#plus, docs/decisions.md#catalogue-models).
 */
function pluRules({ item, catalogue }: RuleInput): Issue[] {
  const issues: Issue[] = [];
  const clash = catalogue
    .items('plus')
    .some(
      (other) =>
        other['id'] !== item['id'] && other['stockName'] === item['stockName'] && other['code'] === item['code'],
    );
  if (clash) issues.push(issue('body.unique', 'code', { value: String(item['code']) }));
  if (item['type'] !== 'Recipe' && list(item['receipt']).length > 0)
    issues.push(issue('body.rule', 'receipt', { rule: 'receiptOnlyOnRecipe' }));
  if (item['type'] === 'Container') {
    const vat = catalogue.get('vats', String(item['vatCategory']));
    if (vat !== undefined && vat['rate'] !== null)
      issues.push(issue('body.rule', 'vatCategory', { rule: 'containerVat' }));
  }
  return issues;
}

/** What a PLU names: its stock, VAT, article category, the currencies of its prices and its receipt's PLUs. */
function pluReferences(item: Item): Reference[] {
  const refs: Reference[] = [
    { segment: 'stocks', member: 'stockName', where: { name: item['stockName'] } },
    { segment: 'vats', member: 'vatCategory', where: { category: item['vatCategory'] } },
  ];
  const label = item['articleCategoryLabel'];
  if (typeof label === 'string')
    refs.push({ segment: 'articlecategories', member: 'articleCategoryLabel', where: { label } });
  refs.push(...currencyReferences('retailPriceIncludingVat.currencyLabel', item['retailPriceIncludingVat']));
  refs.push(...currencyReferences('stockValue.currencyLabel', item['stockValue']));
  list<{ pluId: PluId | null }>(item['receipt']).forEach((part, i) => {
    if (part.pluId !== null) refs.push(pluReference(`receipt[${i}].pluId`, part.pluId));
  });
  return refs;
}

/**
 * `/plus`: key `id`; `code`, `stockName`, `name` and `vatCategory` required; the defaults, rules and references
 * of docs/decisions.md#catalogue-models. `retailPrice` (the v4.0 name) is not a member of the write schema, so it
 * is an unknown member.
 */
export const PLU_ROW: ResourceRow = {
  segment: 'plus',
  name: 'plu',
  key: idKey(),
  schemas: { model: 'Plu', write: 'PluWrite' },
  members: {
    id: filterOn.text('id'),
    articleCategoryLabel: filterOn.text('articleCategoryLabel', true),
    code: filterOn.number('code'),
    stockName: filterOn.text('stockName'),
    name: filterOn.text('name'),
    type: filterOn.text('type'),
    isActive: filterOn.bool('isActive'),
    vatCategory: filterOn.number('vatCategory'),
  },
  sortable: [
    'id',
    'code',
    'stockName',
    'name',
    'description',
    'articleCategoryLabel',
    'vatCategory',
    'type',
    'unit',
    'retailPriceIncludingVat.amount',
    'retailPriceIncludingVat.currencyLabel',
    'isActive',
    'isDiscountAllowed',
    'isPriceFixed',
    'stockQuantity.amount',
    'stockQuantity.unit',
    'stockValue.amount',
    'stockValue.currencyLabel',
    '_v',
  ],
  build: buildPlu,
  rules: pluRules,
  references: pluReferences,
  seed: () => PLU_SEED,
};
