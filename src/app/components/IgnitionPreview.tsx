import type { Validation } from '../use-editor-session';
import { GeneratedFile } from './GeneratedFile';

interface IgnitionPreviewProps {
  validation: Validation;
  fileName: string;
  onCopy(text: string, what: string): void;
  onDownload(text: string, fileName: string): void;
}

/** The Ignition config a Butane config in the editor translates to, as it is typed. */
export function IgnitionPreview({ validation, fileName, onCopy, onDownload }: IgnitionPreviewProps) {
  const response = validation.state === 'done' ? validation.response : undefined;
  return (
    <section className="output-pane" aria-labelledby="ignition-preview-heading">
      <h2 id="ignition-preview-heading" className="output-heading">
        Generated Ignition
      </h2>
      {response?.ignition !== undefined ? (
        <GeneratedFile what="Ignition config" text={response.ignition} fileName={fileName} testId="ignition-output" onCopy={onCopy} onDownload={onDownload} />
      ) : (
        <p className="output-empty" data-testid="ignition-output-missing">
          {response?.counts.error
            ? 'Butane would refuse this config as it is: fix its errors (see Problems) to see the Ignition config.'
            : 'No Ignition config for this text yet.'}
        </p>
      )}
    </section>
  );
}
