import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Finding, Severity } from '../../core';
import { SEVERITY_LABEL } from '../editor/diagnostics';
import { isLocalFileFinding, LOCAL_FILE_NOTE } from '../local-files';
import { summaryText } from '../summary';
import type { Validation } from '../use-editor-session';

interface ProblemsPanelProps {
  validation: Validation;
  busy: boolean;
  /** The finding under the editor's cursor. */
  current: Finding | undefined;
  /** Jump: cursor and focus to the finding. */
  onReveal(finding: Finding): void;
  /** Selected in the list: scroll the editor to it, focus stays in the list. */
  onShow(finding: Finding): void;
  onFix(finding: Finding, index: number): void;
  /** Inlines a file in place of the `local:` a finding is about. */
  onInline(finding: Finding): void;
  onHelp(rule: string): void;
  /** Jump to the place a finding cites by its line (the first of two entries). */
  onRelated(finding: Finding): void;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const PLURAL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

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

const matchesText = (f: Finding, needle: string) =>
  !needle || f.message.toLowerCase().includes(needle) || f.rule.toLowerCase().includes(needle);

/** React keys that survive line shifts: rule and message, numbered when they repeat. */
function stableKeys(entries: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((f) => {
    const base = `${f.rule}|${f.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}

export function ProblemsPanel({ validation, busy, current, onReveal, onShow, onFix, onInline, onHelp, onRelated }: ProblemsPanelProps) {
  const summary = summaryOf(validation);
  const response = validation.state === 'done' ? validation.response : undefined;
  const [hidden, setHidden] = useState<ReadonlySet<Severity>>(new Set());
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState<Finding | undefined>();
  const listRef = useRef<HTMLOListElement>(null);

  const entries = useMemo(() => response?.entries ?? [], [response]);
  const keys = useMemo(() => stableKeys(entries), [entries]);
  const needle = filter.trim().toLowerCase();
  const shown = useMemo(
    () => entries.flatMap((f, i) => (!hidden.has(f.kind) && matchesText(f, needle) ? [{ f, key: keys[i] }] : [])),
    [entries, keys, hidden, needle],
  );
  // The roving focus stays on the same finding when the list changes, or falls back to the first.
  const focusable = shown.find(({ f }) => f === active)?.f ?? shown.find(({ f }) => f === current)?.f ?? shown[0]?.f;

  // The editor's cursor moved onto a finding: bring its item into view.
  useEffect(() => {
    if (!current) return;
    const item = listRef.current?.querySelector<HTMLElement>('li.current');
    item?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const toggle = (s: Severity) =>
    setHidden((was) => {
      const next = new Set(was);
      if (!next.delete(s)) next.add(s);
      return next;
    });

  const onListKey = (e: KeyboardEvent<HTMLOListElement>) => {
    const at = shown.findIndex(({ f }) => f === focusable);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: shown.length - 1 }[e.key];
    if (to === undefined || !(e.target as HTMLElement).classList.contains('problem-main')) return;
    e.preventDefault();
    const next = shown[Math.max(0, Math.min(shown.length - 1, to))];
    if (!next) return;
    setActive(next.f);
    onShow(next.f);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('li.active .problem-main')?.focus());
  };

  return (
    <aside className="problems-pane" aria-labelledby="problems-heading">
      <p className={`summary summary-${summary.tone}`} data-testid="summary" role="status" aria-busy={busy}>
        <span className="summary-icon" aria-hidden="true" />
        {summary.text}
        {busy && <span className="checking"> · checking…</span>}
      </p>
      <h2 id="problems-heading" className="visually-hidden">
        Problems
      </h2>
      <div className="problems-filters" role="group" aria-label="Filter problems">
        {SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip severity-${s}`}
            aria-pressed={!hidden.has(s)}
            onClick={() => toggle(s)}
            title={`${hidden.has(s) ? 'Show' : 'Hide'} ${PLURAL[s].toLowerCase()}`}
          >
            <span className="severity-icon" aria-hidden="true" />
            {PLURAL[s]} <span className="chip-count">{response?.counts[s] ?? 0}</span>
          </button>
        ))}
        <input
          type="search"
          className="problems-search"
          placeholder="Filter by text or rule"
          aria-label="Filter problems by text or rule"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      {response && response.total > response.entries.length && (
        <p className="truncated">
          Showing the first {response.entries.length} of {response.total} findings.
        </p>
      )}
      <ol className="problems" data-testid="problems" ref={listRef} onKeyDown={onListKey} aria-label="Problems (arrow keys move, Enter jumps)">
        {shown.map(({ f, key }) => (
          <ProblemItem
            key={key}
            finding={f}
            tabbable={f === focusable}
            current={f === current}
            onFocus={setActive}
            onReveal={onReveal}
            onFix={onFix}
            onInline={onInline}
            onHelp={onHelp}
            onRelated={onRelated}
          />
        ))}
      </ol>
      {response && entries.length === 0 && <p className="no-problems">No problems found.</p>}
      {entries.length > 0 && shown.length === 0 && <p className="no-problems">No problems match the filter.</p>}
      <p className="hint">
        F8 / Shift+F8 step through problems in the editor; in this list, arrow keys move and Enter jumps. Ctrl+Space completes keys; hover a key, or
        press Ctrl+K Ctrl+I on it, for its docs. Esc then Tab leaves the editor.
      </p>
    </aside>
  );
}

interface ProblemItemProps {
  finding: Finding;
  /** The one item reached by Tab (roving focus); arrow keys reach the others. */
  tabbable: boolean;
  current: boolean;
  onFocus(finding: Finding): void;
  onReveal(finding: Finding): void;
  onFix(finding: Finding, index: number): void;
  onInline(finding: Finding): void;
  onHelp(rule: string): void;
  onRelated(finding: Finding): void;
}

/** One finding. Memoised: a new report re-renders only the items whose finding changed. */
const ProblemItem = memo(function ProblemItem({ finding: f, tabbable, current, onFocus, onReveal, onFix, onInline, onHelp, onRelated }: ProblemItemProps) {
  const tabIndex = tabbable ? 0 : -1;
  const where = f.line > 0 ? `${f.line}:${f.column}` : 'Whole file';
  const text = (
    <>
      <span className="severity-icon" aria-hidden="true" />
      <span className="problem-where">
        <span className="problem-line" title={f.line > 0 ? `Line ${f.line}, column ${f.column}` : undefined}>
          {where}
        </span>
        {f.path && f.path !== '$' && (
          <span className="problem-path" title={`Path in the document: ${f.path}`}>
            {f.path}
          </span>
        )}
      </span>
      <span className="problem-severity">{SEVERITY_LABEL[f.kind]}: </span>
      <span className="problem-message">{f.message}</span>
    </>
  );
  return (
    <li
      className={`problem severity-${f.kind}${tabbable ? ' active' : ''}${current ? ' current' : ''}`}
      data-line={f.line}
      data-column={f.column}
      data-kind={f.kind}
      aria-current={current || undefined}
      onFocus={() => onFocus(f)}
    >
      {f.line > 0 ? (
        <button type="button" className="problem-main" tabIndex={tabIndex} onClick={() => onReveal(f)}>
          {text}
        </button>
      ) : (
        <div className="problem-main" tabIndex={tabIndex}>
          {text}
        </div>
      )}
      {isLocalFileFinding(f) && <p className="problem-note">{LOCAL_FILE_NOTE}</p>}
      <div className="problem-actions">
        {f.related && (
          <button type="button" className="related-link" tabIndex={tabIndex} onClick={() => onRelated(f)} title={`${f.related.message}, line ${f.related.line}`}>
            Go to line {f.related.line}
          </button>
        )}
        {isLocalFileFinding(f) && (
          <button type="button" className="fix" tabIndex={tabIndex} onClick={() => onInline(f)} title="Choose the file to put its contents here">
            Inline a file…
          </button>
        )}
        {f.fixes?.map((fix, i) => (
          <button key={i} type="button" className="fix" tabIndex={tabIndex} onClick={() => onFix(f, i)} title="Apply this quick fix">
            {fix.title}
          </button>
        ))}
        <button type="button" className="rule-link" tabIndex={tabIndex} onClick={() => onHelp(f.rule)} aria-label={`Help for rule ${f.rule}`}>
          {f.rule}
        </button>
      </div>
    </li>
  );
});
