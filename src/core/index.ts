export { validate, MAX_INPUT_CHARS } from './validate';
export { validateBytes } from './validate-bytes';
export { DEFAULT_TARGET } from './types';
export type { DeclaredFormat, Finding, Fix, InputKind, Position, Report, RuleSetName, Severity, Target, ValidateOptions } from './types';
export { documentOrder } from './report/order';
export { butaneToIgnition } from './formats/butane';
