export interface OpenedFile {
  name: string;
  text: string;
  /** False when some bytes were not UTF-8 and were replaced by U+FFFD. */
  utf8: boolean;
}

export class FileTooBigError extends Error {}

/** Largest file opened: the validator's own input limit, and far past any real user-data. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Reads a file as coreos-cloudinit would: UTF-8, with a byte-order mark kept (it breaks the
 * "#cloud-config" header at boot, so the validator must see it).
 */
export async function readTextFile(file: File): Promise<OpenedFile> {
  if (file.size > MAX_FILE_BYTES) {
    throw new FileTooBigError(`${file.name} is ${formatSize(file.size)}, past the ${formatSize(MAX_FILE_BYTES)} this validator reads.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { name: file.name, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), utf8: true };
  } catch {
    return { name: file.name, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), utf8: false };
  }
}

export function downloadText(text: string, fileName: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function formatSize(chars: number): string {
  if (chars < 1024) return `${chars} B`;
  if (chars < 1024 * 1024) return `${(chars / 1024).toFixed(chars < 10 * 1024 ? 1 : 0)} KB`;
  return `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

/** Asks for a file with the browser's file picker; resolves when one is chosen. */
export function pickFile(): Promise<File> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) resolve(file);
    });
    input.click();
  });
}
