import type { Action, Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { Finding, Fix, Severity } from '../../core';
import { selectRange } from './select-range';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/**
 * The message as the tooltip shows it: severity in words (not colour alone), a link to the place
 * it cites by its line where it cites one, and a help link.
 */
function renderMessage(view: EditorView, f: Finding, openHelp: (rule: string) => void): Node {
  const box = document.createElement('span');
  box.className = 'diagnostic';
  const severity = document.createElement('strong');
  severity.className = `diagnostic-severity severity-${f.kind}`;
  severity.textContent = `${SEVERITY_LABEL[f.kind]}: `;
  box.append(severity, f.message, ' ');
  const related = f.related;
  if (related) {
    const go = document.createElement('button');
    go.type = 'button';
    go.className = 'related-link';
    go.textContent = `Go to line ${related.line}`;
    go.title = `${related.message}, line ${related.line}`;
    go.addEventListener('click', () => selectRange(view, related.from, related.to));
    box.append(go, ' ');
  }
  const help = document.createElement('button');
  help.type = 'button';
  help.className = 'rule-link';
  help.textContent = f.rule;
  help.title = `What "${f.rule}" means`;
  help.addEventListener('click', () => openHelp(f.rule));
  box.append(help);
  return box;
}

/**
 * A quick fix, applied where its finding is now: the fix keeps its distance from the
 * diagnostic, which the editor maps through edits made since the report.
 */
function fixAction(fix: Fix, reportedFrom: number): Action {
  return {
    name: fix.title,
    apply(view: EditorView, from: number) {
      const shift = from - reportedFrom;
      const length = view.state.doc.length;
      const at = (n: number) => Math.min(Math.max(n + shift, 0), length);
      view.dispatch({ changes: { from: at(fix.from), to: at(fix.to), insert: fix.insert }, userEvent: 'input.fix' });
    },
  };
}

/** Everything a finding says, so that a finding reported again is recognised as the same one. */
export const findingKey = (f: Finding): string =>
  `${f.line}:${f.column}-${f.endLine}:${f.endColumn}|${f.from}-${f.to}|${f.kind}|${f.rule}|${f.message}|${f.fixes?.map((x) => `${x.from}-${x.to}:${x.title}:${x.insert}`).join(',') ?? ''}|${f.related ? `${f.related.from}-${f.related.to}` : ''}`;

/**
 * The new report's findings, with each one that the previous report already had replaced by the
 * previous object, so that the editor and the list can tell what changed by identity alone.
 * `same` says whether nothing changed at all.
 */
export function reuseUnchanged(previous: readonly Finding[], next: readonly Finding[]): { entries: Finding[]; same: boolean } {
  const known = new Map<string, Finding>();
  for (const f of previous) known.set(findingKey(f), f);
  let reused = 0;
  const entries = next.map((f) => {
    const old = known.get(findingKey(f));
    if (!old) return f;
    known.delete(findingKey(f));
    reused++;
    return old;
  });
  return { entries, same: reused === next.length && next.length === previous.length };
}

/** Editor diagnostics for the findings that have a place (line 0 findings only go in the list). */
export function toDiagnostics(findings: readonly Finding[], doc: Text, openHelp: (rule: string) => void): Map<Finding, Diagnostic> {
  const out = new Map<Finding, Diagnostic>();
  for (const f of findings) {
    if (f.line === 0) continue;
    const from = Math.min(f.from ?? doc.line(Math.min(f.line, doc.lines)).from, doc.length);
    const to = Math.min(Math.max(f.to ?? from, from), doc.length);
    out.set(f, {
      from,
      to,
      severity: f.kind,
      message: `${SEVERITY_LABEL[f.kind]}: ${f.message} (${f.rule})`,
      renderMessage: (view) => renderMessage(view, f, openHelp),
      actions: f.fixes?.map((fix) => fixAction(fix, from)),
    });
  }
  return out;
}
