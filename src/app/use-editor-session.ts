import { isolateHistory } from '@codemirror/commands';
import { forEachDiagnostic, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, type Text } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Finding, InputKind } from '../core';
import type { ValidateResponse } from '../worker/protocol';
import { DEFAULT_OPTIONS, RULE_SET_LABEL, TARGET_LABEL, type CheckOptions } from './check-options';
import { DraftAutosave } from './draft-autosave';
import { configKindField, languageForKind, setConfigKind } from './editor/config-kind';
import { DocText } from './editor/doc-text';
import { createEditor, editorLanguage, LARGE_DOC_CHARS, setEditorLanguage, setLineWrapping } from './editor/create-editor';
import { reuseUnchanged, toDiagnostics } from './editor/diagnostics';
import { selectRange } from './editor/select-range';
import { exampleConfig } from './example-config';
import { formatSize, pickFile } from './file-io';
import { isLocalFileFinding, LOCAL_FILE_NOTE } from './local-files';
import { loadCheckOptions, loadDraft, saveCheckOptions } from './local-store';
import { decodeShareFragment, looksLikeShareLink } from './share-link';
import type { useNotices } from './use-notices';
import { ValidationClient } from './validation-client';

type Notices = ReturnType<typeof useNotices>;

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

/** Marks text put in the editor wholesale, and from where; a shared config is not a draft yet. */
const loadedFrom = Annotation.define<'file' | 'share'>();

/** "Checking…" shows only for runs longer than this, so fast ones do not flicker. */
const BUSY_DELAY_MS = 300;
/** Runs of the validator on the page's thread, when idle after it loads (see the idle loader below). */
const WARM_RUNS = 40;

function clearShareLink() {
  if (looksLikeShareLink(location.hash)) history.replaceState(null, '', location.pathname + location.search);
}

/** Tells the editor what the text is: its syntax (JSON or YAML) and the schema for hover and completion. */
function followKind(view: EditorView, kind: InputKind): void {
  if (kind !== 'unknown' && kind !== 'empty' && view.state.field(configKindField) !== kind) view.dispatch({ effects: setConfigKind.of(kind) });
  const language = languageForKind(kind, view.state.doc.sliceString(0, 256), editorLanguage(view));
  if (language !== editorLanguage(view)) void setEditorLanguage(view, language);
}

/** A local file's finding also says why, and offers to inline the file (a file picker, then an edit). */
function offerInlining(diagnostic: Diagnostic, inline: () => void): Diagnostic {
  const render = diagnostic.renderMessage;
  return {
    ...diagnostic,
    actions: [...(diagnostic.actions ?? []), { name: 'Inline a file…', apply: inline }],
    renderMessage(view) {
      const box = document.createElement('span');
      const note = document.createElement('span');
      note.className = 'diagnostic-note';
      note.textContent = LOCAL_FILE_NOTE;
      box.append(render ? render(view) : diagnostic.message, document.createElement('br'), note);
      return box;
    },
  };
}

/** Where a finding is now: its diagnostic's position, which the editor maps through edits. */
function currentRange(view: EditorView, diagnostic: Diagnostic | undefined): { from: number; to: number } | undefined {
  let range: { from: number; to: number } | undefined;
  if (diagnostic) forEachDiagnostic(view.state, (d, from, to) => void (d === diagnostic && (range = { from, to })));
  return range;
}

/**
 * The editing session: the editor, its validation worker, the draft autosave and share links.
 * The editor text lives in CodeMirror alone; React holds only what the page shows about it.
 */
export function useEditorSession({ notify, dismiss }: Pick<Notices, 'notify' | 'dismiss'>, openHelp: (rule: string) => void, wrap: boolean) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const clientRef = useRef<ValidationClient | null>(null);
  const diagnosticsRef = useRef(new Map<Finding, Diagnostic>());
  const [options, setOptionsState] = useState<CheckOptions>(loadCheckOptions);
  const optionsRef = useRef(options);
  const [validation, setValidation] = useState<Validation>({ state: 'pending' });
  const [busy, setBusy] = useState(false);
  /** The finding under the editor's cursor, for the list to highlight. */
  const [cursorFinding, setCursorFinding] = useState<Finding | undefined>();
  const inlineRef = useRef<(finding: Finding) => Promise<void>>(async () => {});
  const helpRef = useRef(openHelp);
  helpRef.current = openHelp;
  const wrapRef = useRef(wrap);

  const applyOptions = useCallback((next: CheckOptions) => {
    optionsRef.current = next;
    setOptionsState(next);
    saveCheckOptions(next);
    clientRef.current?.invalidate();
  }, []);

  /** The person picked a rule set or target: a share link in the address bar no longer matches. */
  const changeOptions = useCallback(
    (change: Partial<CheckOptions>) => {
      applyOptions({ ...optionsRef.current, ...change });
      clearShareLink();
    },
    [applyOptions],
  );

  const replaceText = useCallback((text: string, source: 'file' | 'share') => {
    const view = viewRef.current;
    if (!view) return;
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      selection: { anchor: 0 },
      scrollIntoView: true,
      // Its own undo step, never joined with typing just before it: Ctrl+Z brings that text back.
      annotations: [loadedFrom.of(source), isolateHistory.of('full')],
    });
  }, []);

  const openShareLink = useCallback(
    async (hash: string) => {
      try {
        const shared = await decodeShareFragment(hash);
        const ownDraft = viewRef.current?.state.doc.toString();
        applyOptions({ rules: shared.rules, target: shared.target });
        replaceText(shared.text, 'share');
        const undoHint = ownDraft && ownDraft !== shared.text ? ' Undo (Ctrl+Z) brings back your own draft.' : '';
        notify(
          'link',
          'info',
          `Opened a shared config (target: ${TARGET_LABEL[shared.target]}, rule set: ${RULE_SET_LABEL[shared.rules]}).${undoHint}`,
        );
      } catch (e) {
        notify('link', 'error', `${(e as Error).message} Your own draft is still in the editor.`);
      }
    },
    [applyOptions, notify, replaceText],
  );

  useEffect(() => {
    const host = hostRef.current!;
    let autosave: DraftAutosave | undefined;
    let busyTimer: ReturnType<typeof setTimeout> | undefined;
    let latestDoc: Text | undefined;
    const docText = new DocText();
    let shownEntries: Finding[] = [];

    const noteLargeText = (chars: number) => {
      if (chars > LARGE_DOC_CHARS) {
        notify('size', 'info', `This text is over ${formatSize(LARGE_DOC_CHARS)}, so it is shown without syntax colours to keep typing fast.`);
      } else dismiss('size');
    };
    const findingAtCursor = (view: EditorView) => {
      const head = view.state.selection.main.head;
      let found: Diagnostic | undefined;
      forEachDiagnostic(view.state, (d, from, to) => {
        if (!found && from <= head && head <= to) found = d;
      });
      if (!found) return undefined;
      for (const [finding, d] of diagnosticsRef.current) if (d === found) return finding;
      return undefined;
    };
    const onUpdate = (update: ViewUpdate) => {
      if (update.selectionSet || update.docChanged) {
        const found = findingAtCursor(update.view);
        startTransition(() => setCursorFinding(found));
      }
      if (!update.docChanged) return;
      if (update.startState.doc.length > LARGE_DOC_CHARS !== update.state.doc.length > LARGE_DOC_CHARS) {
        noteLargeText(update.state.doc.length);
      }
      if (update.transactions.some((tr) => tr.annotation(loadedFrom) === 'share')) return;
      autosave?.schedule(update.state.doc.length);
      clearShareLink();
    };
    const view = createEditor(
      host,
      loadDraft() ?? exampleConfig,
      {
        // A small text is validated on the spot and its markers drawn with the edit; a big one
        // gets markers from a recheck of the blocks the edit touched (with the edit, or in the
        // next task; see checkNow), and goes to the worker, whose answer replaces them.
        beforeDocChange(doc, trs) {
          latestDoc = doc;
          docText.of(doc, trs);
          const response = clientRef.current?.checkNow(doc.length);
          if (!response) return undefined;
          const shown = takeReport(response, doc);
          // What else the report changes reads the editor's new state, so it waits for the update.
          queueMicrotask(() => showReport(response, shown));
          return shown.changed ? shown.diagnostics : undefined;
        },
        update: onUpdate,
      },
      wrapRef.current,
    );
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

    /**
     * Takes a report for `doc` as the one shown: its findings, with those unchanged since the last
     * report kept as they were (so the editor and the list can tell what changed by identity), and
     * the editor's diagnostics for them.
     */
    const takeReport = (response: ValidateResponse, doc: Text) => {
      const { entries, same } = reuseUnchanged(shownEntries, response.entries);
      shownEntries = entries;
      if (same) return { entries, changed: false, diagnostics: [] };
      const previous = diagnosticsRef.current;
      const fresh = toDiagnostics(
        entries.filter((f) => !previous.has(f)),
        doc,
        (rule) => helpRef.current(rule),
      );
      for (const [f, d] of fresh) if (isLocalFileFinding(f)) fresh.set(f, offerInlining(d, () => void inlineRef.current(f)));
      const diagnostics = new Map<Finding, Diagnostic>();
      for (const f of entries) {
        const d = previous.get(f) ?? fresh.get(f);
        if (d) diagnostics.set(f, d);
      }
      diagnosticsRef.current = diagnostics;
      return { entries, changed: true, diagnostics: [...diagnostics.values()] };
    };
    /** What a report changes besides the markers: the finding under the cursor, the editor's language, the page. */
    const showReport = (response: ValidateResponse, { entries, changed }: ReturnType<typeof takeReport>) => {
      if (viewRef.current !== view) return; // closed meanwhile
      followKind(view, response.kind);
      const found = changed ? findingAtCursor(view) : undefined;
      // The page's list and summary render in a task of their own, after the edit's markers are
      // drawn: a keystroke's event would otherwise render them before the browser paints the edit.
      startTransition(() => {
        if (changed) setCursorFinding(found);
        setValidation((shown) =>
          !changed && shown.state === 'done' && shown.response.kind === response.kind && shown.response.ignition === response.ignition
            ? shown
            : { state: 'done', response: { ...response, entries } },
        );
        dismiss('validation');
      });
    };

    const client = new ValidationClient(
      () => ({ text: docText.of(latestDoc ?? view.state.doc), version: docText.version, history: docText, ...optionsRef.current }),
      {
        result(response) {
          const shown = takeReport(response, view.state.doc);
          if (shown.changed) view.dispatch(setDiagnostics(view.state, shown.diagnostics));
          showReport(response, shown);
        },
        timeout(budgetMs) {
          shownEntries = [];
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
    // The validator on this thread too, for small texts (see INLINE_MAX_CHARS); not needed for
    // the first result, so it loads when the page is idle.
    const inlineLoad = requestIdleCallback(
      () =>
        void import('../worker/respond').then(async ({ respond, respondLoaded, respondToEdit }) => {
          // A first run loads and compiles the validator's code: let that happen now, not on a
          // keystroke. A few more, one per idle moment, get it optimised, and time it warm: the
          // first keystrokes are then checked here rather than on the trip to the worker.
          const request = { id: 0, text: exampleConfig, ...DEFAULT_OPTIONS };
          await respond(request);
          let ms: number | undefined;
          for (let i = 0; i < WARM_RUNS; i++) {
            await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
            if (viewRef.current !== view) return;
            ms = respondLoaded(request)?.ms;
          }
          client.enableInline(respondLoaded, respondToEdit, ms);
        }),
      { timeout: 10_000 },
    );

    const onHashChange = () => {
      if (looksLikeShareLink(location.hash)) void openShareLink(location.hash);
    };
    onHashChange();
    addEventListener('hashchange', onHashChange);

    return () => {
      removeEventListener('hashchange', onHashChange);
      cancelIdleCallback(inlineLoad);
      clearTimeout(busyTimer);
      autosave?.dispose();
      client.dispose();
      view.destroy();
      viewRef.current = null;
      clientRef.current = null;
      if (window.__editorView === view) delete window.__editorView;
    };
  }, [notify, dismiss, openShareLink]);

  useEffect(() => {
    wrapRef.current = wrap;
    if (viewRef.current) setLineWrapping(viewRef.current, wrap);
  }, [wrap]);

  /** Where a finding is in the text now (the editor has moved it with the edits since the report). */
  const positionOf = useCallback((finding: Finding): number | undefined => {
    const view = viewRef.current;
    if (!view || finding.line === 0) return undefined;
    const pos = currentRange(view, diagnosticsRef.current.get(finding))?.from ?? finding.from ?? 0;
    return Math.min(pos, view.state.doc.length);
  }, []);

  /** Puts the cursor on a finding and the focus in the editor. */
  const reveal = useCallback(
    (finding: Finding) => {
      const view = viewRef.current;
      const pos = positionOf(finding);
      if (!view || pos === undefined) return;
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'nearest', yMargin: 60 }) });
      view.focus();
    },
    [positionOf],
  );

  /** Scrolls the editor to a finding, leaving the cursor and the focus where they are. */
  const showInEditor = useCallback(
    (finding: Finding) => {
      const view = viewRef.current;
      const pos = positionOf(finding);
      if (view && pos !== undefined) view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'nearest', yMargin: 60 }) });
    },
    [positionOf],
  );

  /** Applies a finding's quick fix where the finding is now. */
  const applyFix = useCallback((finding: Finding, index: number) => {
    const view = viewRef.current;
    const diagnostic = diagnosticsRef.current.get(finding);
    const range = view && currentRange(view, diagnostic);
    const action = diagnostic?.actions?.[index];
    if (!view || !range || !action) return;
    action.apply(view, range.from, range.to);
    view.focus();
  }, []);

  /** Selects a range of the text (clamped to it), scrolls it into view and focuses the editor. */
  const select = useCallback((from: number, to: number) => {
    if (viewRef.current) selectRange(viewRef.current, from, to);
  }, []);

  /** Puts a chosen file's contents in place of the `local:` a finding is about. */
  const inlineLocalFile = useCallback(
    async (finding: Finding) => {
      const [file, { inlineEdit, localReferenceAt }] = await Promise.all([pickFile(), import('./local-file-inline')]);
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Where the finding is now: the text may have changed while the picker was open.
      const view = viewRef.current;
      const at = view ? (currentRange(view, diagnosticsRef.current.get(finding))?.from ?? finding.from) : undefined;
      const ref = view && at !== undefined ? localReferenceAt(view.state.doc.toString(), at) : undefined;
      if (!view || !ref) {
        notify('file', 'warning', 'Only a file named by local: or contents_local: can be inlined; a tree is a directory: add its files one by one.');
        return;
      }
      const edit = inlineEdit(ref, bytes);
      if ('refused' in edit) {
        notify('file', 'warning', `${file.name} was not inlined: ${edit.refused}.`);
        return;
      }
      view.dispatch({ changes: edit, selection: { anchor: edit.from }, userEvent: 'input.fix', scrollIntoView: true });
      view.focus();
      notify('file', 'info', `Inlined ${file.name} (${formatSize(bytes.length)}).`);
    },
    [notify],
  );
  inlineRef.current = inlineLocalFile;

  const getText = useCallback(() => viewRef.current?.state.doc.toString() ?? '', []);

  return { hostRef, options, changeOptions, validation, busy, cursorFinding, replaceText, reveal, showInEditor, applyFix, inlineLocalFile, select, getText };
}
