import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, language as languageFacet } from '@codemirror/language';
import { lintGutter, lintKeymap, previousDiagnostic, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, StateEffect, StateField, Text, type Extension, type Transaction } from '@codemirror/state';
export type { EditorLanguage } from './config-kind';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  hoverTooltip,
  keymap,
  lineNumbers,
  rectangularSelection,
  showTooltip,
  type Tooltip,
  type ViewUpdate,
} from '@codemirror/view';
import { configKindField, languageMode, setLanguageMode, type EditorLanguage } from './config-kind';
import { theme } from './theme';
import { yamlSupport } from './yaml-language';

// Hover docs and completion need the schema and a YAML parser, which the first screen does not:
// they load once the page is idle (or on first use), keeping the initial download small and
// their setup out of the way of the first keystrokes.
const loadHover = () => import('./schema-hover');
const loadCompletion = () => import('./schema-completion');
const schemaHover = hoverTooltip(async (view, pos) => (await loadHover()).keyDocsTooltip(view, pos), { hoverTime: 350 });

// The same docs from the keyboard (Ctrl-K Ctrl-I, as in other editors), at the cursor; moving
// the cursor, editing or Escape closes them.
const setKeyDocs = StateEffect.define<Tooltip | null>();
const keyDocsAtCursor = StateField.define<Tooltip | null>({
  create: () => null,
  update(shown, tr) {
    for (const e of tr.effects) if (e.is(setKeyDocs)) return e.value;
    return tr.docChanged || tr.selection ? null : shown;
  },
  provide: (field) => showTooltip.from(field),
});
const keyDocsKeymap = [
  {
    key: 'Ctrl-k Ctrl-i',
    run(view: EditorView) {
      void loadHover().then(async ({ keyDocsTooltip }) => {
        const tooltip = await keyDocsTooltip(view, view.state.selection.main.head);
        if (view.dom.isConnected) view.dispatch({ effects: setKeyDocs.of(tooltip) });
      });
      return true;
    },
  },
  {
    key: 'Escape',
    run(view: EditorView) {
      if (!view.state.field(keyDocsAtCursor)) return false;
      view.dispatch({ effects: setKeyDocs.of(null) });
      return true;
    },
  },
];
/**
 * Above this size the text is edited without YAML highlighting: CodeMirror re-parses up to 100 KB
 * past each edit, in slices of up to 100 ms, which a huge paste would pay on every keystroke.
 * Validation, markers and the problems list are unaffected.
 */
export const LARGE_DOC_CHARS = 256 * 1024;

/**
 * Nor is flow nesting deeper than this highlighted: the highlighter walks the syntax tree
 * recursively, and a few thousand `[` overflow its stack (the validator reports them anyway).
 */
const MAX_FLOW_DEPTH = 256;

/** The deepest run of `[` / `{` not yet closed; brackets inside strings count too, erring on the safe side. */
function flowDepthOver(doc: Text, limit: number): boolean {
  let depth = 0;
  for (const it = doc.iter(); !it.next().done; ) {
    const chunk = it.value;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 91 || c === 123) {
        if (++depth > limit) return true;
      } else if ((c === 93 || c === 125) && depth > 0) depth--;
    }
  }
  return false;
}

const highlightable = (doc: Text) => doc.length <= LARGE_DOC_CHARS && !flowDepthOver(doc, MAX_FLOW_DEPTH);
const BRACKETS = /[[\]{}]/;

/** JSON support, which only Ignition configs need: loaded on first use. */
let jsonSupport: Extension | undefined;
const loadJson = async () => (jsonSupport ??= (await import('@codemirror/lang-json')).json());

const language = new Compartment();
const languageFor = (mode: EditorLanguage, on: boolean) => (!on ? [] : mode === 'json' ? (jsonSupport ?? []) : yamlSupport());
/** Re-decides on highlighting when an edit crosses the size limit or adds or removes brackets. */
const languageByShape = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged) return null;
  let brackets = false;
  tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    brackets ||= BRACKETS.test(inserted.toString()) || BRACKETS.test(tr.startState.doc.sliceString(fromA, toA));
  });
  const crossed = tr.startState.doc.length > LARGE_DOC_CHARS !== tr.newDoc.length > LARGE_DOC_CHARS;
  if (!brackets && !crossed) return null;
  const on = highlightable(tr.newDoc);
  const current = language.get(tr.startState);
  const was = !(Array.isArray(current) && current.length === 0);
  return on === was ? null : { effects: language.reconfigure(languageFor(tr.startState.field(languageMode), on)) };
});

/** The language the editor is in now. */
export const editorLanguage = (view: EditorView): EditorLanguage => view.state.field(languageMode);

/**
 * Switches the editor to another syntax. Only the language changes: the text, the selection,
 * the undo history and the diagnostics are the same state's and stay as they are.
 */
export async function setEditorLanguage(view: EditorView, mode: EditorLanguage): Promise<void> {
  if (mode === 'json') await loadJson();
  // The page may have moved on meanwhile: another switch, or the editor closed.
  if (view.state.field(languageMode) === mode || !view.dom.isConnected) return;
  view.dispatch({ effects: [setLanguageMode.of(mode), language.reconfigure(languageFor(mode, highlightable(view.state.doc)))] });
}

/** Which language is active, on the content element, for styles and tests (`data-language`). */
const languageAttribute = EditorView.contentAttributes.compute([languageFacet], (state) => ({
  'data-language': state.facet(languageFacet)?.name ?? 'plain',
}));

const schemaCompletion = async (context: CompletionContext) => (await loadCompletion()).schemaCompletion(context);

const wrapping = new Compartment();
export const setLineWrapping = (view: EditorView, on: boolean) =>
  view.dispatch({ effects: wrapping.reconfigure(on ? EditorView.lineWrapping : []) });

export interface EditorHooks {
  /**
   * The text is about to change to `doc`. Called before the editor computes its new state
   * (syntax tree, decorations, DOM), so the validation worker can start meanwhile. When the
   * diagnostics for `doc` are known at once (a small text validated on the spot), they are
   * returned and drawn in the same update as the edit: one redraw per keystroke, not two.
   * `trs` are the transactions that make it.
   */
  beforeDocChange(doc: Text, trs: readonly Transaction[]): readonly Diagnostic[] | undefined;
  update(update: ViewUpdate): void;
}

export function createEditor(parent: HTMLElement, doc: string, hooks: EditorHooks, wrap = false): EditorView {
  const state = EditorState.create({
    doc,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      foldGutter(),
      lintGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      bracketMatching(),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      languageMode,
      configKindField,
      language.of(languageFor('yaml', highlightable(Text.of(doc.split(/\r\n?|\n/))))),
      languageByShape,
      languageAttribute,
      theme,
      autocompletion({ override: [schemaCompletion] }),
      schemaHover,
      keyDocsAtCursor,
      keymap.of([
        ...keyDocsKeymap,
        ...defaultKeymap,
        ...searchKeymap,
        ...historyKeymap,
        ...foldKeymap,
        ...lintKeymap,
        { key: 'Shift-F8', run: previousDiagnostic },
        // Tab indents (YAML needs it); Escape then Tab leaves the editor, as CodeMirror documents.
        indentWithTab,
      ]),
      EditorView.contentAttributes.of({ 'aria-label': 'Config text' }),
      wrapping.of(wrap ? EditorView.lineWrapping : []),
      EditorView.updateListener.of(hooks.update),
    ],
  });
  requestIdleCallback(() => void Promise.all([loadHover(), loadCompletion()]), { timeout: 10_000 });
  return new EditorView({
    state,
    parent,
    dispatchTransactions(trs: readonly Transaction[], view: EditorView) {
      // A transaction's new state is computed lazily; its new text is not, and is all we need.
      const last = trs[trs.length - 1];
      let diagnostics: readonly Diagnostic[] | undefined;
      try {
        if (trs.some((tr) => tr.docChanged)) diagnostics = hooks.beforeDocChange(last.newDoc, trs);
      } catch (e) {
        // The edit itself must never be lost to a failure in what follows it.
        queueMicrotask(() => {
          throw e;
        });
      }
      view.update(diagnostics ? [...trs, last.state.update(setDiagnostics(last.state, diagnostics))] : trs);
    },
  });
}
