export { looksBai2 } from './looks-bai2.ts';
export { parseBai2 } from './parse-bai2.ts';
