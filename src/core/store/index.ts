/** The store port and its records; see `repositories.ts` for the behaviour contract. */
export * from './records.js';
export type * from './repositories.js';
