import { textKey } from '../engine/keys.js';
import type { ResourceRow } from '../engine/resource-row.js';
import { filterOn, list, nullableNumber, nullableText } from '../engine/members.js';
import { ARTICLE_CATEGORY_SEED } from './article-category-seed.js';

/**
 * `/articlecategories`: key `label` of 1–3 characters; `description` required; `color` `#rgb` or `#rrggbb` (the
 * write schema's pattern); the rest null or [] when omitted (docs/decisions.md#catalogue-models).
 */
export const ARTICLE_CATEGORY_ROW: ResourceRow = {
  segment: 'articlecategories',
  name: 'articleCategory',
  key: textKey('label', 1, 3),
  schemas: { model: 'ArticleCategory', write: 'ArticleCategoryWrite' },
  members: {
    color: filterOn.text('color', true),
    courseNumber: filterOn.number('courseNumber', true),
    label: filterOn.text('label'),
    description: filterOn.text('description'),
    sortHint: filterOn.number('sortHint', true),
  },
  sortable: ['label', 'description', 'customerDescription', 'courseNumber', 'color', 'sortHint', '_v'],
  build: ({ body, key, version }) => ({
    label: key,
    description: nullableText(body['description']),
    customerDescription: nullableText(body['customerDescription']),
    courseNumber: nullableNumber(body['courseNumber']),
    color: nullableText(body['color']),
    sortHint: nullableNumber(body['sortHint']),
    tags: list(body['tags']),
    ordering: list(body['ordering']),
    _v: version,
  }),
  seed: () => ARTICLE_CATEGORY_SEED,
};
