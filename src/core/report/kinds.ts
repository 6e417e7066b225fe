import type { InputKind } from '../types';

/** How each input kind is named in reports. */
export const KIND_LABEL: Record<InputKind, string> = {
  'cloud-config': 'cloud-config',
  script: 'script',
  ignition: 'Ignition config',
  butane: 'Butane config',
  multipart: 'multipart MIME user-data',
  empty: 'empty file',
  unknown: 'unknown format',
};

/**
 * Why a file got no checks at all, for kinds the validator does not read; undefined when it
 * was checked. Outputs say so, because "0 findings" must never be mistaken for "valid".
 */
const NOT_CHECKED: Partial<Record<InputKind, string>> = {
  script: 'a script is run as it is at boot; its content is not checked',
  empty: 'an empty file: the machine boots with no user-data',
};

export function notCheckedReason(kind: InputKind): string | undefined {
  return NOT_CHECKED[kind];
}
