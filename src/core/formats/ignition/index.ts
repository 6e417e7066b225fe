import type { Format } from '../format';
import { validateIgnition } from './validate';

export const ignitionFormat: Format = { validate: validateIgnition };
