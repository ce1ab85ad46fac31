/**
 * Plugin entry. Hexo reads this file as a script with a `hexo` variable in
 * scope (it ignores what the module exports), so registration happens here
 * when that variable exists; tests import `register` instead.
 */
import type Hexo from 'hexo';
import { register } from './hexo/register.js';

export { register };

declare const hexo: Hexo | undefined;
if (typeof hexo !== 'undefined') register(hexo);
