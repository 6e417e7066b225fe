import type { RuleDoc } from '../rule-docs';
import { DEFAULT_TARGET, type Finding, type Report, type Severity } from '../types';

/** SARIF 2.1.0 output (the format code-scanning tools read), built from the same reports. */

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function region(f: Finding) {
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
    locations: [{ physicalLocation: { artifactLocation: { uri }, ...(r ? { region: r } : {}) } }],
  };
}

function descriptor(id: string, doc: RuleDoc | undefined) {
  const text = doc?.help ?? id;
  return {
    id,
    shortDescription: { text: doc?.title ?? id },
    fullDescription: { text },
    help: { text },
    properties: { reference: doc?.reference ?? false },
  };
}

/** One SARIF log for a set of validated files: every documented rule, then any other rule id that occurs. */
export function toSarif(files: { file: string; report: Report }[], ruleDocs: Record<string, RuleDoc>) {
  const indices = new Map(Object.keys(ruleDocs).map((id, i) => [id, i]));
  const index = (id: string) => {
    if (!indices.has(id)) indices.set(id, indices.size);
    return indices.get(id)!;
  };
  const results = files.flatMap(({ file, report }) => report.entries.map((f) => result(f, artifactUri(file), index(f.rule))));
  const target = files[0]?.report.target ?? DEFAULT_TARGET;
  return {
    $schema: SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: { driver: { name: 'cloud-config-validate', rules: [...indices.keys()].map((id) => descriptor(id, ruleDocs[id])) } },
        // Columns count UTF-16 code units, as the validator's do.
        columnKind: 'utf16CodeUnits' as const,
        // The OS whose coreos-cloudinit the files were judged for (one per invocation).
        automationDetails: { id: `cloud-config-validate/${target}/` },
        properties: { target },
        results,
      },
    ],
  };
}
