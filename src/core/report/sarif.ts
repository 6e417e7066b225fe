import { RULE_IDS, RULES, type RuleId } from '../rule-table';
import type { Finding, Position, Severity, Target } from '../types';
import type { FileReport } from './file-report';

/** SARIF 2.1.0 output (the format code-scanning tools read), built from the same reports. */

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function region(f: Position) {
  if (f.line === 0) return undefined;
  return { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
}

/** A file name as a SARIF artifact URI: relative paths stay relative, absolute ones become file: URIs. */
export function artifactUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  const encoded = encodeURI(path).replace(/[?#]/g, encodeURIComponent);
  if (/^[A-Za-z]:\//.test(path)) return `file:///${encoded}`;
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

function result(f: Finding, uri: string, ruleIndex: number) {
  const r = region(f);
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.kind],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri }, ...(r ? { region: r } : {}) },
        // The value in the document the finding is about, as a path from its root.
        ...(f.path === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }] }),
      },
    ],
    // The place the message cites by its line (the first of two entries).
    ...(f.related
      ? { relatedLocations: [{ id: 0, physicalLocation: { artifactLocation: { uri }, region: region(f.related) }, message: { text: f.related.message } }] }
      : {}),
  };
}

function descriptor(id: RuleId) {
  const { kind, title, help, reference } = RULES[id];
  return {
    id,
    shortDescription: { text: title },
    fullDescription: { text: help },
    help: { text: help },
    defaultConfiguration: { level: LEVEL[kind] },
    properties: { reference },
  };
}

/** The tool as SARIF names it. */
export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
}

/**
 * One SARIF log for a set of validated files, describing every rule of the rule table. Files that could not be read become tool execution notifications, so a CI run
 * shows them too.
 */
export function toSarif(files: readonly FileReport[], tool: SarifTool, target: Target) {
  const index = new Map(RULE_IDS.map((id, i) => [id, i]));
  const results = files.flatMap(({ file, report }) => (report?.entries ?? []).map((f) => result(f, artifactUri(file), index.get(f.rule)!)));
  const unreadable = files.filter((f) => !f.report);
  return {
    $schema: SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: RULE_IDS.map(descriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map(({ file, error }) => ({
              level: 'error' as const,
              message: { text: `cannot read ${file}: ${error ?? 'unknown error'}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file) } } }],
            })),
          },
        ],
        // Findings of one target form one analysis: code scanning keeps the two apart.
        automationDetails: { id: `cloud-config-validate/${target}/` },
        properties: { target },
        // Columns count UTF-16 code units, as the validator's do.
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}
