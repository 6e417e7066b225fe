import type { FileReport } from './file-report';
import { notCheckedReason } from './kinds';

/**
 * The JSON report: per file its kind, target and findings (with their document path where
 * they have one; without editor-only data: offsets, fixes), `notChecked` with the reason where the file's kind is not validated, or `error` where
 * the file could not be read.
 */
export function formatJson(files: readonly FileReport[]): string {
  return (
    JSON.stringify({
      files: files.map(({ file, report, error }) => {
        if (!report) return { file, error: error ?? 'unknown error' };
        const reason = notCheckedReason(report.kind);
        return {
          file,
          kind: report.kind,
          target: report.target,
          ...(reason ? { notChecked: reason } : {}),
          entries: report.entries.map(({ line, column, endLine, endColumn, kind, message, rule, path, related }) => ({
            line,
            column,
            endLine,
            endColumn,
            kind,
            message,
            rule,
            ...(path === undefined ? {} : { path }),
            ...(related === undefined ? {} : { related: { line: related.line, column: related.column, endLine: related.endLine, endColumn: related.endColumn, message: related.message } }),
          })),
        };
      }),
    }) + '\n'
  );
}
