/** The sorts of the in-process probe and its HTTP twin (bench/scale-probe.ts, bench/scale-load.ts): one to two keys each. */
export const PROBE_SORTS = [
  '-creditRate,lastName',
  'lastName,-discountRate',
  'firstName',
  '-activationTime,id',
  'discountRate,email',
];
