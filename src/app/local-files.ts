import type { Finding } from '../core';

/** What the page adds to Butane's refusal of a local file (the edit itself is in local-file-inline.ts). */
export const LOCAL_FILE_NOTE = 'A browser cannot read local files: choose the file to inline its contents here.';

/** Whether a finding is Butane's refusal of a local file, which inlining answers. */
export const isLocalFileFinding = (f: Finding) => f.rule === 'butane-local';
