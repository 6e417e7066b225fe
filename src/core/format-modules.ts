import type { InputKind } from './types';

/**
 * The module that validates each kind of input. Scripts, MIME multipart, empty and unrecognised
 * texts are user-data, judged by the cloud-config pipeline as coreos-cloudinit judges them.
 */
export type FormatModule = 'cloud-config' | 'ignition' | 'butane';

export const moduleOf = (kind: InputKind): FormatModule => (kind === 'ignition' || kind === 'butane' ? kind : 'cloud-config');
