import type { Item } from '../engine/resource-row.js';

interface Category {
  label: string;
  description: string;
  customerDescription?: string;
  courseNumber?: number;
  color?: string;
  sortHint?: number;
  tags?: string[];
  ordering?: object[];
}

function category(c: Category): Item {
  return {
    label: c.label,
    description: c.description,
    customerDescription: c.customerDescription ?? null,
    courseNumber: c.courseNumber ?? null,
    color: c.color ?? null,
    sortHint: c.sortHint ?? null,
    tags: c.tags ?? [],
    ordering: c.ordering ?? [],
    _v: 1,
  };
}

/** The daily menu's ordering setting, as the article categories page shows it. */
const LUNCH_ONLINE = {
  orderOrigin: 'Online',
  enabled: true,
  weeklySchedule: [
    {
      days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      timeRange: { from: '11:00:00', to: '13:30:00' },
    },
  ],
};

/**
 * The documented MNU, BRS and SOF (docs/portos/resources.md#article-categories), then the categories the seeded
 * PLUs use: soups (course 1), mains and sides (course 2), desserts (course 3), hot drinks, wines and raw
 * materials (docs/decisions.md#catalogue-seed).
 */
export const ARTICLE_CATEGORY_SEED: readonly Item[] = [
  category({
    label: 'MNU',
    description: 'Daily menu',
    customerDescription: 'Meals according to the daily menu',
    color: '#AED581',
    sortHint: 1,
    tags: ['Kitchen'],
    ordering: [LUNCH_ONLINE],
  }),
  category({ label: 'BRS', description: 'Beers', color: '#FF8F00', sortHint: 1 }),
  category({ label: 'SOF', description: 'Soft Drinks' }),
  category({ label: 'SOU', description: 'Soups', courseNumber: 1, tags: ['Kitchen'] }),
  category({ label: 'MEA', description: 'Main courses', courseNumber: 2, tags: ['Kitchen'] }),
  category({ label: 'SID', description: 'Side dishes', courseNumber: 2, tags: ['Kitchen'] }),
  category({ label: 'DES', description: 'Desserts', courseNumber: 3, tags: ['Kitchen'] }),
  category({ label: 'HOT', description: 'Hot drinks', tags: ['Bar'] }),
  category({ label: 'WIN', description: 'Wines', tags: ['Bar'] }),
  category({ label: 'SUR', description: 'Raw materials' }),
];
