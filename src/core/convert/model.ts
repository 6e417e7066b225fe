/**
 * What a cloud-config becomes, before it is written out: the parts of a Butane `flatcar`
 * config the converter fills. Both the Butane emitter and the Ignition writer read this.
 */

/** Butane's newest stable flatcar spec and the Ignition spec it translates to. */
export const BUTANE_VARIANT = 'flatcar';
export const BUTANE_VERSION = '1.1.0';
export const IGNITION_VERSION = '3.4.0';

export interface Owner {
  id?: number;
  name?: string;
}

export interface FileContents {
  /** The bytes of the file, or (with `gzip`) a gzip stream of them. */
  bytes: Uint8Array;
  /** The bytes are already gzip-compressed (the source's `gzip` encodings). */
  gzip: boolean;
}

export interface FileEntry {
  path: string;
  contents: FileContents;
  mode: number;
  user?: Owner;
  group?: Owner;
  /** Comment lines for the Butane output. */
  comments: string[];
}

export interface DropIn {
  name: string;
  contents: string;
}

export interface UnitEntry {
  name: string;
  enabled?: boolean;
  mask?: boolean;
  contents?: string;
  dropins: DropIn[];
  comments: string[];
}

export interface UserEntry {
  name: string;
  password_hash?: string;
  ssh_authorized_keys: string[];
  uid?: number;
  gecos?: string;
  home_dir?: string;
  no_create_home?: boolean;
  primary_group?: string;
  groups: string[];
  no_user_group?: boolean;
  no_log_init?: boolean;
  shell?: string;
  system?: boolean;
  comments: string[];
}

export interface ButaneModel {
  users: UserEntry[];
  files: FileEntry[];
  units: UnitEntry[];
  /** Comment lines for the top of the Butane output (notes with no place in it). */
  comments: string[];
}

export const emptyModel = (): ButaneModel => ({ users: [], files: [], units: [], comments: [] });
