import { countFindings, type FileReport } from './file-report';
import { KIND_LABEL, notCheckedReason } from './kinds';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Per file `FILE: FORMAT` (and why it was not checked, for formats that are not), then
 * `FILE:LINE:COL: KIND: MESSAGE [rule]` per finding (line 0 is the reference's "somewhere in
 * the file"); `FILE: error: cannot read: WHY` for a file that could not be read; then one
 * summary line.
 */
export function formatText(files: readonly FileReport[]): string {
  const lines: string[] = [];
  let unreadable = 0;
  for (const { file, report, error } of files) {
    if (!report) {
      unreadable++;
      lines.push(`${file}: error: cannot read: ${error ?? 'unknown error'}`);
      continue;
    }
    const reason = notCheckedReason(report.kind);
    lines.push(`${file}: ${KIND_LABEL[report.kind]}${reason ? `, not checked (${reason})` : ''}`);
    for (const e of report.entries) lines.push(`${file}:${e.line}:${e.column}: ${e.kind}: ${e.message} [${e.rule}]`);
  }
  const count = countFindings(files);
  const checked = files.length - unreadable;
  lines.push(
    `${plural(checked, 'file')} checked${unreadable ? `, ${unreadable} unreadable` : ''}: ` +
      `${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ${plural(count.info, 'info')}`,
  );
  return lines.join('\n') + '\n';
}
