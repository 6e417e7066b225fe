import type { Finding, InputKind, Report } from '../core';

export interface FileReport {
  file: string;
  report: Report;
}

const position = (e: Finding) => `${e.line}:${e.column}`;

/** How the text output names each file's format. */
const FORMAT_NAMES: Record<InputKind, string> = {
  'cloud-config': 'cloud-config',
  ignition: 'Ignition config',
  butane: 'Butane config',
  script: 'shell script',
  multipart: 'multipart MIME',
  empty: 'empty file',
  unknown: 'unknown format',
};

/** Per file `FILE: FORMAT`, then `FILE:LINE:COL: KIND: MESSAGE [rule]` per finding; one summary line. */
export function formatText(files: FileReport[]): string {
  const lines: string[] = [];
  const count = { error: 0, warning: 0, info: 0 };
  for (const { file, report } of files) {
    lines.push(`${file}: ${FORMAT_NAMES[report.kind]}`);
    for (const e of report.entries) {
      count[e.kind]++;
      lines.push(`${file}:${position(e)}: ${e.kind}: ${e.message} [${e.rule}]`);
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(files.length, 'file')} checked: ${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ${plural(count.info, 'info')}`,
  );
  return lines.join('\n') + '\n';
}

/** The JSON report: findings without editor-only data (offsets, fixes). */
export function formatJson(files: FileReport[]): string {
  return (
    JSON.stringify({
      files: files.map(({ file, report }) => ({
        file,
        kind: report.kind,
        entries: report.entries.map(({ line, column, endLine, endColumn, kind, message, rule }) => ({
          line,
          column,
          endLine,
          endColumn,
          kind,
          message,
          rule,
        })),
      })),
    }) + '\n'
  );
}
