import type { RuleDoc } from '../../rule-docs';

const ref = (title: string, help: string): RuleDoc => ({ title, help, reference: true });

/** Help for the Butane rule ids (Ignition's checks on the translation use Ignition's ids). */
export const butaneRuleDocs: Record<string, RuleDoc> = {
  'butane-version': ref('Variant and version', 'A Butane config names its variant and version; this validator translates variant flatcar 1.0.0 (to Ignition 3.3.0) and 1.1.0 (to 3.4.0), as butane v0.22.0 does.'),
  'butane-type': ref('Wrong type', 'A value has the wrong YAML type for its field (a list where a mapping belongs, a word where a number belongs); butane stops there.'),
  'butane-sources': ref('One source', 'File contents come from exactly one of inline, local and source; a unit from contents or contents_local; a tree needs local.'),
  'butane-local': ref('Local files', 'local, contents_local, ssh_authorized_keys_local and trees read files relative to a files directory (butane -d DIR, this CLI\'s --files-dir DIR); without one butane refuses them, as it refuses paths that lead out of the directory. In the browser a local file cannot be read: inline it.'),
  'butane-mode': ref('Decimal-looking mode', 'In YAML, 644 is the decimal number 644. A mode that only makes sense read as octal needs its leading zero: 0644.'),
  'butane-mount-unit': ref('Mount unit', 'with_mount_unit needs the filesystem\'s format, and its path unless it is swap.'),
  'butane-unsupported': ref('Not in Flatcar\'s spec', 'Flatcar\'s Butane variant leaves some Ignition fields out (clevis for LUKS); butane refuses a config that sets them.'),
};
