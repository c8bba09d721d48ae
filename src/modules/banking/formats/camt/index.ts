export { looksCamt } from './looks-camt.ts';
export { parseCamt } from './parse-camt.ts';
