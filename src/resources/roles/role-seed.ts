import type { Item } from '../engine/resource-row.js';

const CUSTOMER_RIGHTS = [
  'customerCreate',
  'customerUpdate',
  'customerDelete',
  'customerSetCredit',
  'customerSetDiscount',
] as const;

const CATALOGUE = ['vat', 'articleCategory', 'currency', 'plu', 'stock', 'paymentType', 'zone', 'modifier'] as const;

/**
 * The seeded roles (docs/decisions.md#catalogue-seed): the documented `admin` and `articleCategories`
 * (docs/portos/resources.md#roles), and the roles `/users` shows for the fixture users, with the rights of
 * docs/decisions.md#fixture-rights.
 */
export const ROLE_SEED: readonly Item[] = [
  {
    name: 'admin',
    label: 'Administrátor',
    description: null,
    rights: ['admin'],
    envNames: ['BackOffice', 'CashRegister', 'PDA', 'Tool'],
    _v: 1,
  },
  {
    name: 'articleCategories',
    label: 'Správa tovarových skupín',
    description: 'Umožňuje používateľovi vytvárať, upravovať a mazať tovarové skupiny',
    rights: ['articleCategoryCreate', 'articleCategoryUpdate', 'articleCategoryDelete'],
    envNames: ['BackOffice'],
    _v: 1,
  },
  {
    name: 'customers',
    label: 'Správa zákazníkov',
    description: null,
    rights: [...CUSTOMER_RIGHTS],
    envNames: ['BackOffice', 'CashRegister', 'PDA', 'Tool'],
    _v: 1,
  },
  {
    name: 'catalogue',
    label: 'Správa katalógu',
    description: null,
    rights: CATALOGUE.flatMap((name) => [`${name}Create`, `${name}Update`, `${name}Delete`]),
    envNames: ['BackOffice'],
    _v: 1,
  },
  {
    name: 'customerClerk',
    label: 'Zákazníci pri pokladnici',
    description: null,
    rights: ['customerCreate', 'customerUpdate'],
    envNames: ['CashRegister', 'PDA'],
    _v: 1,
  },
];
