interface GeneratedFileProps {
  /** What the text is, for the buttons' and the text's accessible names ("Ignition config"). */
  what: string;
  text: string;
  fileName: string;
  testId: string;
  onCopy(text: string, what: string): void;
  onDownload(text: string, fileName: string): void;
}

/** A generated config, read-only, with Copy and Download. */
export function GeneratedFile({ what, text, fileName, testId, onCopy, onDownload }: GeneratedFileProps) {
  return (
    <div className="generated">
      <div className="generated-actions">
        <button type="button" onClick={() => onCopy(text, what)} aria-label={`Copy the ${what}`}>
          Copy
        </button>
        <button type="button" onClick={() => onDownload(text, fileName)} aria-label={`Download the ${what} as ${fileName}`}>
          Download {fileName}
        </button>
      </div>
      <pre className="generated-text" data-testid={testId} tabIndex={0} aria-label={`${what} (read-only)`}>
        {text}
      </pre>
    </div>
  );
}
