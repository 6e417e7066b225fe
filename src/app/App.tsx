import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Finding } from '../core';
import { Notices } from './components/Notices';
import { ProblemsPanel } from './components/ProblemsPanel';
import { RuleHelpDialog } from './components/RuleHelpDialog';
import { Splitter } from './components/Splitter';
import { Toolbar } from './components/Toolbar';
import { copyText, downloadText, FileTooBigError, formatSize, readTextFile } from './file-io';
import { EXAMPLES, type Example } from './examples';
import { outputFileName } from './output-names';
import { encodeShareFragment } from './share-link';
import { useConversion } from './use-conversion';
import { useEditorSession } from './use-editor-session';
import { PROBLEMS_MIN_PX, useLayout, type Pane } from './use-layout';
import { useNotices } from './use-notices';
import { useOfflineSupport } from './use-offline-support';

// What is generated from the text shows only for Butane or after a conversion: loaded then.
const ConversionPanel = lazy(async () => ({ default: (await import('./components/ConversionPanel')).ConversionPanel }));
const IgnitionPreview = lazy(async () => ({ default: (await import('./components/IgnitionPreview')).IgnitionPreview }));

/** Chromium's limit on URL length; longer links do not open. */
const MAX_LINK_CHARS = 2 * 1024 * 1024;

export function App() {
  const { notices, notify, dismiss } = useNotices();
  const [helpRule, setHelpRule] = useState<string | null>(null);
  /** The name of the file (or example) the text came from, if it came from one. */
  const [sourceName, setSourceName] = useState<string | undefined>();
  const [dragging, setDragging] = useState(false);
  const layout = useLayout();
  const session = useEditorSession({ notify, dismiss }, setHelpRule, layout.wrap);
  const { replaceText, getText, options, reveal, select } = session;
  const { narrow, pane, setPane } = layout;
  const { conversion, convert, close: closeConversion } = useConversion();
  useOfflineSupport(notify);

  // On narrow screens a jump from the list shows the editor tab.
  const revealInEditor = useCallback(
    (finding: Finding) => {
      setPane('editor');
      requestAnimationFrame(() => reveal(finding));
    },
    [reveal, setPane],
  );

  /** Selects the place a finding cites (the first of two entries) in the editor. */
  const revealRelated = useCallback(
    (finding: Finding) => {
      const related = finding.related;
      if (!related) return;
      setPane('editor');
      requestAnimationFrame(() => select(related.from, related.to));
    },
    [select, setPane],
  );

  const openFile = useCallback(
    async (file: File) => {
      try {
        const opened = await readTextFile(file);
        replaceText(opened.text, 'file');
        setSourceName(opened.name);
        if (opened.utf8) notify('file', 'info', `Opened ${opened.name} (${formatSize(file.size)}).`);
        else {
          notify(
            'file',
            'warning',
            `${opened.name} is not valid UTF-8: the bytes that are not were replaced by �. coreos-cloudinit needs UTF-8 text.`,
          );
        }
      } catch (e) {
        notify('file', 'error', e instanceof FileTooBigError ? e.message : `Could not read ${file.name}: ${(e as Error).message}`);
      }
    },
    [notify, replaceText],
  );

  // An example replaces the text as opening a file does: undoable, and said so when it was the person's own.
  const openExample = useCallback(
    async (example: Example) => {
      const text = await example.load();
      const own = getText();
      replaceText(text, 'file');
      setSourceName(example.fileName);
      const undoHint = own.trim() && own !== text ? ' Undo (Ctrl+Z) brings back the text you had.' : '';
      notify('file', 'info', `Opened the example ${example.fileName}.${undoHint}`);
    },
    [getText, notify, replaceText],
  );

  const copyGenerated = useCallback(
    async (text: string, what: string) => {
      if (await copyText(text)) notify('clipboard', 'info', `Copied the ${what} (${formatSize(text.length)}).`);
      else notify('clipboard', 'warning', 'The browser refused the clipboard; select the text and copy it instead.');
    },
    [notify],
  );
  const copy = useCallback(async () => {
    const text = getText();
    if (await copyText(text)) notify('clipboard', 'info', `Copied ${formatSize(text.length)} of text.`);
    else notify('clipboard', 'warning', 'The browser refused the clipboard; select the text (Ctrl+A) and copy it instead.');
  }, [getText, notify]);
  const downloadGenerated = useCallback(
    (text: string, name: string) => downloadText(text, name, name.endsWith('.ign') ? 'application/json' : 'application/yaml'),
    [],
  );

  const startConversion = useCallback(() => {
    setPane('output');
    void convert(getText());
  }, [convert, getText, setPane]);

  // A note's range is in the cloud-config as converted; after edits it may have moved.
  const selectInSource = useCallback(
    (finding: Finding, source: string) => {
      if (finding.line === 0) return;
      setPane(narrow ? 'editor' : 'output');
      if (getText() !== source) notify('conversion', 'info', 'The text has changed since this conversion; convert again for notes that match it.');
      requestAnimationFrame(() => select(finding.from ?? 0, finding.to ?? finding.from ?? 0));
    },
    [getText, narrow, notify, select, setPane],
  );

  const share = useCallback(async () => {
    const fragment = await encodeShareFragment({ text: getText(), ...options });
    if (fragment.length > MAX_LINK_CHARS) {
      notify('link', 'warning', `Too big to share as a link (${formatSize(fragment.length)} compressed); download the file instead.`);
      return;
    }
    history.replaceState(null, '', `#${fragment}`);
    const what = 'The link holds the whole config in its #fragment, which browsers never send to a server.';
    if (await copyText(location.href)) notify('link', 'info', `Link copied. ${what}`);
    else notify('link', 'info', `Link ready in the address bar; copy it from there. ${what}`);
  }, [getText, notify, options]);

  // Files dropped anywhere on the page open in the editor (instead of being inserted as text).
  useEffect(() => {
    const carriesFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    addEventListener('dragover', over, true);
    addEventListener('dragleave', leave, true);
    addEventListener('drop', drop, true);
    return () => {
      removeEventListener('dragover', over, true);
      removeEventListener('dragleave', leave, true);
      removeEventListener('drop', drop, true);
    };
  }, [openFile]);

  const response = session.validation.state === 'done' ? session.validation.response : undefined;
  const worst = response && (['error', 'warning', 'info'] as const).find((k) => response.counts[k] > 0);
  // Beside a Butane config: the Ignition it translates to; otherwise the last conversion, if any.
  const output = response?.kind === 'butane' ? 'ignition' : conversion ? 'conversion' : undefined;
  const tabs: Pane[] = narrow ? ['editor', 'problems', ...(output ? (['output'] as const) : [])] : output ? ['problems', 'output'] : [];
  const shown: Pane = pane === 'output' && !output ? (narrow ? 'editor' : 'problems') : !narrow && pane === 'editor' ? 'problems' : pane;
  const TAB_LABEL: Record<Pane, string> = { editor: 'Editor', problems: 'Problems', output: output === 'ignition' ? 'Ignition' : 'Conversion' };
  const tab = (id: Pane, extra?: string) => (
    <button
      key={id}
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-controls={`pane-${id}`}
      aria-selected={shown === id}
      tabIndex={shown === id ? 0 : -1}
      onClick={() => setPane(id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          const at = tabs.indexOf(id) + (e.key === 'ArrowRight' ? 1 : -1);
          const other = tabs[(at + tabs.length) % tabs.length];
          setPane(other);
          document.getElementById(`tab-${other}`)?.focus();
        }
      }}
    >
      {TAB_LABEL[id]}
      {extra && <span className={`tab-count${worst ? ` severity-${worst}` : ''}`}>{extra}</span>}
    </button>
  );
  const paneProps = (id: Pane) => (tabs.includes(id) ? { role: 'tabpanel', 'aria-labelledby': `tab-${id}`, hidden: shown !== id } : {});
  const tabList = (label: string) => (
    <div className="pane-tabs" role="tablist" aria-label={label}>
      {tabs.map((id) => tab(id, id === 'problems' && response ? String(response.total) : undefined))}
    </div>
  );

  return (
    <div className={`app${dragging ? ' dragging' : ''}${narrow ? ' narrow' : ''}`}>
      <header className="app-header">
        <div className="title">
          <h1>cloud-config validator</h1>
          <p className="tagline">Flatcar / CoreOS user-data, checked in your browser. Nothing is uploaded.</p>
        </div>
        <Toolbar
          options={options}
          onOptionsChange={session.changeOptions}
          wrap={layout.wrap}
          onWrapChange={layout.setWrap}
          onOpen={openFile}
          onDownload={() => downloadText(getText(), sourceName ?? 'cloud-config.yaml')}
          onCopy={copy}
          onShare={share}
          examples={EXAMPLES}
          onExample={openExample}
          canConvert={response?.kind === 'cloud-config'}
          onConvert={startConversion}
        />
      </header>
      {narrow && tabList('View')}
      <main className="workspace" style={narrow ? undefined : { gridTemplateColumns: `minmax(0, 1fr) auto ${layout.problemsWidth}px` }}>
        <section id="pane-editor" className="editor-pane" aria-label="Editor" {...paneProps('editor')}>
          <div ref={session.hostRef} className="editor-host" />
          {dragging && <div className="drop-hint">Drop a file to open it</div>}
        </section>
        {!narrow && (
          <Splitter
            size={layout.problemsWidth}
            min={PROBLEMS_MIN_PX}
            max={layout.maxProblems}
            onResize={layout.resizeProblems}
            label="Resize the problems list"
          />
        )}
        <div className="side" hidden={narrow && shown === 'editor'}>
          {!narrow && tabs.length > 0 && tabList('Beside the editor')}
          <div id="pane-problems" className="problems-host" {...paneProps('problems')}>
            <ProblemsPanel
              validation={session.validation}
              busy={session.busy}
              current={session.cursorFinding}
              onReveal={revealInEditor}
              onShow={session.showInEditor}
              onFix={session.applyFix}
              onInline={session.inlineLocalFile}
              onHelp={setHelpRule}
              onRelated={revealRelated}
            />
          </div>
          {output && (
            <div id="pane-output" className="output-host" {...paneProps('output')}>
              <Suspense fallback={<p className="output-empty">Loading…</p>}>
                {output === 'ignition' ? (
                  <IgnitionPreview
                    validation={session.validation}
                    fileName={outputFileName(sourceName, 'ign')}
                    onCopy={copyGenerated}
                    onDownload={downloadGenerated}
                  />
                ) : (
                  conversion && (
                    <ConversionPanel
                      conversion={conversion}
                      butaneName={outputFileName(sourceName, 'bu')}
                      ignitionName={outputFileName(sourceName, 'ign')}
                      onConvertAgain={startConversion}
                      onClose={() => {
                        closeConversion();
                        setPane(narrow ? 'editor' : 'problems');
                      }}
                      onSelect={selectInSource}
                      onHelp={setHelpRule}
                      onCopy={copyGenerated}
                      onDownload={downloadGenerated}
                    />
                  )
                )}
              </Suspense>
            </div>
          )}
        </div>
      </main>
      <Notices notices={notices} onDismiss={dismiss} />
      {helpRule && <RuleHelpDialog rule={helpRule} onClose={() => setHelpRule(null)} />}
    </div>
  );
}
