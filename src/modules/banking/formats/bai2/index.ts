export { looksBai2 } from './looks-bai2.ts';
export { type Bai2Options, parseBai2 } from './parse-bai2.ts';
