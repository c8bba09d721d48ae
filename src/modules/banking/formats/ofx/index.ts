export { looksOfx } from './looks-ofx.ts';
export { parseOfx } from './parse-ofx.ts';
