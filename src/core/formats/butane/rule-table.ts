import type { RuleSpec } from '../../rule-table';

/** The Butane rules (Ignition's checks on the translation use Ignition's ids). */
export const butaneRules = {
  'butane-version': { kind: 'error', title: 'Variant and version', help: 'A Butane config names its variant and version; this validator translates variant flatcar 1.0.0 (to Ignition 3.3.0) and 1.1.0 (to 3.4.0), as butane v0.22.0 does.', reference: true },
  'butane-type': { kind: 'error', title: 'Wrong type', help: 'A value has the wrong YAML type for its field (a list where a mapping belongs, a word where a number belongs); butane stops there.', reference: true },
  'butane-sources': { kind: 'error', title: 'One source', help: 'File contents come from exactly one of inline, local and source; a unit from contents or contents_local; a tree needs local.', reference: true },
  'butane-local': { kind: 'error', title: 'Local files', help: 'local, contents_local, ssh_authorized_keys_local and trees read files relative to a files directory (butane -d DIR, this CLI\'s --files-dir DIR); without one butane refuses them, as it refuses paths that lead out of the directory. In the browser a local file cannot be read: inline it.', reference: true },
  'butane-mode': { kind: 'warning', title: 'Decimal-looking mode', help: 'In YAML, 644 is the decimal number 644. A mode that only makes sense read as octal needs its leading zero: 0644.', reference: true },
  'butane-mount-unit': { kind: 'error', title: 'Mount unit', help: 'with_mount_unit needs the filesystem\'s format, and its path unless it is swap.', reference: true },
  'butane-unsupported': { kind: 'error', title: 'Not in Flatcar\'s spec', help: 'Flatcar\'s Butane variant leaves some Ignition fields out (clevis for LUKS); butane refuses a config that sets them.', reference: true },
} as const satisfies Record<string, RuleSpec>;
