import type { RuleId } from '../../rule-table';

/**
 * The rules under which a cloud-config whose document cannot be read is reported: the text is
 * too large or nested too deep, the YAML does not parse, or go-yaml's decoder stops on it. Such
 * a finding is the document's only one (besides the header's), since nothing else was read.
 * The validator's fatal paths take their rule from this list (the compiler holds them to it),
 * and the edit recheck tells a report of a document that did not parse by it.
 */
export const PARSE_FAILURE_RULES = ['input-too-large', 'too-deep', 'yaml-syntax', 'yaml-tab', 'alias-bomb', 'collection-key', 'yaml-alias'] as const satisfies readonly RuleId[];

export type ParseFailureRule = (typeof PARSE_FAILURE_RULES)[number];

const PARSE_FAILURES: ReadonlySet<RuleId> = new Set(PARSE_FAILURE_RULES);

/** Whether a finding under `rule` means its document was not read. */
export const isParseFailure = (rule: RuleId): boolean => PARSE_FAILURES.has(rule);
