import type { Finding, Severity } from '../../core';
import { SEVERITY_LABEL } from '../editor/diagnostics';
import { summaryText } from '../summary';
import type { Validation } from '../use-editor-session';

interface ProblemsPanelProps {
  validation: Validation;
  busy: boolean;
  onReveal(finding: Finding): void;
  onHelp(rule: string): void;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function summaryOf(validation: Validation): { text: string; tone: 'ok' | 'error' | 'warning' | 'neutral' } {
  switch (validation.state) {
    case 'pending':
      return { text: 'Checking…', tone: 'neutral' };
    case 'stuck':
      return { text: `Not checked: validation took longer than ${validation.budgetMs / 1000} s`, tone: 'warning' };
    case 'failed':
      return { text: 'Not checked: the validator could not run', tone: 'error' };
    case 'done': {
      const { kind, counts } = validation.response;
      const tone = counts.error ? 'error' : kind === 'cloud-config' ? 'ok' : 'neutral';
      return { text: summaryText(kind, counts), tone };
    }
  }
}

export function ProblemsPanel({ validation, busy, onReveal, onHelp }: ProblemsPanelProps) {
  const summary = summaryOf(validation);
  const response = validation.state === 'done' ? validation.response : undefined;
  return (
    <aside className="problems-pane" aria-labelledby="problems-heading">
      <p className={`summary summary-${summary.tone}`} data-testid="summary" role="status" aria-busy={busy}>
        <span className="summary-icon" aria-hidden="true" />
        {summary.text}
        {busy && <span className="checking"> · checking…</span>}
      </p>
      <h2 id="problems-heading">
        Problems
        {response && (
          <span className="counts">
            {SEVERITIES.map((s) => (
              <span key={s} className={`count severity-${s}`} title={`${SEVERITY_LABEL[s]}s`}>
                <span className="severity-icon" aria-hidden="true" />
                {response.counts[s]}
                <span className="visually-hidden"> {SEVERITY_LABEL[s].toLowerCase()}</span>
              </span>
            ))}
          </span>
        )}
      </h2>
      {response && response.total > response.entries.length && (
        <p className="truncated">
          Showing the first {response.entries.length} of {response.total} findings.
        </p>
      )}
      <ol className="problems" data-testid="problems">
        {response?.entries.map((f, i) => (
          <li key={i} className={`problem severity-${f.kind}`} data-line={f.line} data-kind={f.kind}>
            {f.line > 0 ? (
              <button type="button" className="problem-main" onClick={() => onReveal(f)}>
                <ProblemText finding={f} />
              </button>
            ) : (
              <div className="problem-main">
                <ProblemText finding={f} />
              </div>
            )}
            <button type="button" className="rule-link" onClick={() => onHelp(f.rule)} aria-label={`Help for rule ${f.rule}`}>
              {f.rule}
            </button>
          </li>
        ))}
      </ol>
      {response && response.entries.length === 0 && <p className="no-problems">No problems found.</p>}
      <p className="hint">
        F8 / Shift+F8 step through problems in the editor. Ctrl+Space completes keys; hover a key, or press Ctrl+K Ctrl+I on it, for its docs. Esc then Tab
        leaves the editor.
      </p>
    </aside>
  );
}

function ProblemText({ finding: f }: { finding: Finding }) {
  return (
    <>
      <span className="severity-icon" aria-hidden="true" />
      <span className="problem-line">{f.line > 0 ? `Line ${f.line}` : 'Whole file'}</span>
      <span className="problem-severity">{SEVERITY_LABEL[f.kind]}</span>
      <span className="problem-message">{f.message}</span>
    </>
  );
}
