import { FILTER_MEMBER_NAMES, type FilterMember } from './members.js';

/** The non-NData parameters of GET /customers and how each is read. */
const SINGLE_PARAMETERS = ['Search', 'IsExpired', '$skip', '$take', '$sort', '$count'] as const;

export type SingleParameter = (typeof SINGLE_PARAMETERS)[number];

/** Every documented query parameter of GET /customers, by its documented spelling. */
export type Parameter = FilterMember | SingleParameter;

const BY_LOWER_NAME = new Map<string, Parameter>(
  [...FILTER_MEMBER_NAMES, ...SINGLE_PARAMETERS].map((name) => [name.toLowerCase(), name]),
);

/** The documented parameter a client's name means (names are case-insensitive), or undefined. */
export function parameterNamed(name: string): Parameter | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}

export function isFilterMember(parameter: Parameter): parameter is FilterMember {
  return !(SINGLE_PARAMETERS as readonly string[]).includes(parameter);
}
