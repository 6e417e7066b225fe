export { validate, MAX_INPUT_CHARS } from './validate';
export { validateBytes } from './validate-bytes';
export type { Finding, Fix, InputKind, Position, Report, RuleSetName, Severity, ValidateOptions } from './types';
