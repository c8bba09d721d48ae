export { looksMt940 } from './looks-mt940.ts';
export { parseMt940 } from './parse-mt940.ts';
