/**
 * The validation core's public API (also the package's entry point): validate text or bytes,
 * and turn reports into text, JSON, SARIF or the old online validator's response body.
 */
export { validate, MAX_INPUT_CHARS } from './validate';
export { validateBytes } from './validate-bytes';
export { inputKind } from './input-kind';
export { DEFAULT_TARGET } from './types';
export type { DeclaredFormat, Finding, Fix, InputKind, Position, Report, RuleSetName, Severity, Target, ValidateOptions } from './types';
export { documentOrder } from './report/order';
export { byFileName, countFindings, type FileReport, type SeverityCounts } from './report/file-report';
export { KIND_LABEL, notCheckedReason } from './report/kinds';
export { formatText } from './report/text';
export { formatJson } from './report/json';
export { formatCoreosJson } from './report/coreos-json';
export { toSarif, type SarifTool } from './report/sarif';
export { RULES, RULE_IDS, isRuleId, ruleSpec, type RuleId, type RuleSpec } from './rule-table';
export { butaneToIgnition, type ButaneTranslateOptions, type Gzip, type LocalFiles, type TreeEntry } from './formats/butane';
export { convertCloudConfig, type Conversion } from './convert';
