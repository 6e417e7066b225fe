/**
 * The name a generated file is downloaded as: the source's name with the output's extension
 * (`node.bu` → `node.ign`), or `config.<ext>` for text that came from no file.
 */
export function outputFileName(sourceName: string | undefined, extension: 'ign' | 'bu'): string {
  const base = sourceName?.replace(/\.[^.]*$/, '').trim();
  return `${base || 'config'}.${extension}`;
}
