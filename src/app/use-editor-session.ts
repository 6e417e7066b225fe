import { forEachDiagnostic, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding, RuleSetName } from '../core';
import type { ValidateResponse } from '../worker/protocol';
import { DraftAutosave } from './draft-autosave';
import { createEditor, LARGE_DOC_CHARS } from './editor/create-editor';
import { toDiagnostics } from './editor/diagnostics';
import { exampleConfig } from './example-config';
import { formatSize } from './file-io';
import { loadDraft, loadRuleSet, saveRuleSet } from './local-store';
import { decodeShareFragment, looksLikeShareLink } from './share-link';
import type { useNotices } from './use-notices';

type Notices = ReturnType<typeof useNotices>;
import { ValidationClient } from './validation-client';

declare global {
  interface Window {
    /** The editor, for end-to-end tests and the benchmark. */
    __editorView?: EditorView;
  }
}

export type Validation =
  | { state: 'pending' }
  | { state: 'done'; response: ValidateResponse }
  | { state: 'stuck'; budgetMs: number }
  | { state: 'failed'; message: string };

export const RULE_SET_LABEL: Record<RuleSetName, string> = { all: 'All checks', reference: 'Reference: coreos-cloudinit' };

/** Marks text put in the editor wholesale, and from where; a shared config is not a draft yet. */
const loadedFrom = Annotation.define<'file' | 'share'>();

/** "Checking…" shows only for runs longer than this, so fast ones do not flicker. */
const BUSY_DELAY_MS = 300;

function clearShareLink() {
  if (looksLikeShareLink(location.hash)) history.replaceState(null, '', location.pathname + location.search);
}

/**
 * The editing session: the editor, its validation worker, the draft autosave and share links.
 * The editor text lives in CodeMirror alone; React holds only what the page shows about it.
 */
export function useEditorSession({ notify, dismiss }: Pick<Notices, 'notify' | 'dismiss'>, openHelp: (rule: string) => void) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const clientRef = useRef<ValidationClient | null>(null);
  const diagnosticsRef = useRef(new Map<Finding, Diagnostic>());
  const [rules, setRulesState] = useState<RuleSetName>(loadRuleSet);
  const rulesRef = useRef(rules);
  const [validation, setValidation] = useState<Validation>({ state: 'pending' });
  const [busy, setBusy] = useState(false);
  const helpRef = useRef(openHelp);
  helpRef.current = openHelp;

  const applyRules = useCallback((next: RuleSetName) => {
    rulesRef.current = next;
    setRulesState(next);
    saveRuleSet(next);
    clientRef.current?.invalidate();
  }, []);

  /** The person picked a rule set: a share link in the address bar no longer matches. */
  const changeRules = useCallback(
    (next: RuleSetName) => {
      applyRules(next);
      clearShareLink();
    },
    [applyRules],
  );

  const replaceText = useCallback((text: string, source: 'file' | 'share') => {
    const view = viewRef.current;
    if (!view) return;
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      selection: { anchor: 0 },
      scrollIntoView: true,
      annotations: loadedFrom.of(source),
    });
  }, []);

  const openShareLink = useCallback(
    async (hash: string) => {
      try {
        const shared = await decodeShareFragment(hash);
        const ownDraft = viewRef.current?.state.doc.toString();
        if (shared.rules !== rulesRef.current) applyRules(shared.rules);
        replaceText(shared.text, 'share');
        const undoHint = ownDraft && ownDraft !== shared.text ? ' Undo (Ctrl+Z) brings back your own draft.' : '';
        notify('link', 'info', `Opened a shared config (rule set: ${RULE_SET_LABEL[shared.rules]}).${undoHint}`);
      } catch (e) {
        notify('link', 'error', `${(e as Error).message} Your own draft is still in the editor.`);
      }
    },
    [applyRules, notify, replaceText],
  );

  useEffect(() => {
    const host = hostRef.current!;
    let autosave: DraftAutosave | undefined;
    let busyTimer: ReturnType<typeof setTimeout> | undefined;

    const noteLargeText = (chars: number) => {
      if (chars > LARGE_DOC_CHARS) {
        notify('size', 'info', `This text is over ${formatSize(LARGE_DOC_CHARS)}, so it is shown without syntax colours to keep typing fast.`);
      } else dismiss('size');
    };
    const onUpdate = (update: ViewUpdate) => {
      if (!update.docChanged) return;
      clientRef.current?.invalidate();
      if (update.startState.doc.length > LARGE_DOC_CHARS !== update.state.doc.length > LARGE_DOC_CHARS) {
        noteLargeText(update.state.doc.length);
      }
      if (update.transactions.some((tr) => tr.annotation(loadedFrom) === 'share')) return;
      autosave?.schedule(update.state.doc.length);
      clearShareLink();
    };
    const view = createEditor(host, loadDraft() ?? exampleConfig, onUpdate);
    viewRef.current = view;
    window.__editorView = view;
    noteLargeText(view.state.doc.length);

    autosave = new DraftAutosave(
      () => view.state.doc.toString(),
      (outcome, chars) => {
        if (outcome === 'saved') dismiss('draft');
        else if (outcome === 'too-big') {
          notify('draft', 'warning', `This text (${formatSize(chars)}) is too big to keep as a draft in this browser; download it to keep a copy.`);
        } else notify('draft', 'warning', 'This browser does not let the page save drafts; download the text to keep it.');
      },
    );

    const client = new ValidationClient(
      () => ({ text: view.state.doc.toString(), rules: rulesRef.current }),
      {
        result(response) {
          const diagnostics = toDiagnostics(response.entries, view.state.doc, (rule) => helpRef.current(rule));
          diagnosticsRef.current = diagnostics;
          view.dispatch(setDiagnostics(view.state, [...diagnostics.values()]));
          setValidation({ state: 'done', response });
          dismiss('validation');
        },
        timeout(budgetMs) {
          diagnosticsRef.current = new Map();
          view.dispatch(setDiagnostics(view.state, []));
          setValidation({ state: 'stuck', budgetMs });
          notify(
            'validation',
            'warning',
            `Validation took longer than ${budgetMs / 1000} s and was stopped; your text is untouched. Edit it to check again.`,
          );
        },
        busy(on) {
          clearTimeout(busyTimer);
          if (on) busyTimer = setTimeout(() => setBusy(true), BUSY_DELAY_MS);
          else setBusy(false);
        },
        failure(message) {
          setValidation({ state: 'failed', message });
          notify('validation', 'error', `The validator could not run: ${message}. Reload the page to try again.`);
        },
      },
    );
    clientRef.current = client;
    client.invalidate();

    const onHashChange = () => {
      if (looksLikeShareLink(location.hash)) void openShareLink(location.hash);
    };
    onHashChange();
    addEventListener('hashchange', onHashChange);

    return () => {
      removeEventListener('hashchange', onHashChange);
      clearTimeout(busyTimer);
      autosave?.dispose();
      client.dispose();
      view.destroy();
      viewRef.current = null;
      clientRef.current = null;
      if (window.__editorView === view) delete window.__editorView;
    };
  }, [notify, dismiss, openShareLink]);

  /** Puts the cursor on a finding, where the editor has moved it since the report. */
  const reveal = useCallback((finding: Finding) => {
    const view = viewRef.current;
    if (!view || finding.line === 0) return;
    const diagnostic = diagnosticsRef.current.get(finding);
    let pos: number | undefined;
    if (diagnostic) forEachDiagnostic(view.state, (d, from) => void (d === diagnostic && (pos = from)));
    pos = Math.min(pos ?? finding.from ?? 0, view.state.doc.length);
    view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    view.focus();
  }, []);

  const getText = useCallback(() => viewRef.current?.state.doc.toString() ?? '', []);

  return { hostRef, rules, changeRules, validation, busy, replaceText, reveal, getText };
}
