import { extraRules, passRules } from './rules';
import { ignitionRuleDocs } from './formats/ignition/rule-docs';
import { butaneRuleDocs } from './formats/butane/rule-docs';
import { CONVERT_RULES } from './convert/notes';

/**
 * One help entry per rule id: what the app shows in its rule help panel and what SARIF exports
 * as rule metadata. Rules of the `all` set add theirs next to their code (see rules/index.ts).
 */
export interface RuleDoc {
  title: string;
  help: string;
  /** Whether coreos-cloudinit's own validator reports it too. */
  reference: boolean;
}

export const referenceRuleDocs: Record<string, RuleDoc> = {
  header: {
    title: 'First line',
    help: 'coreos-cloudinit reads user-data as cloud-config only when the first line is exactly "#cloud-config" (trailing spaces allowed); a script starts with "#!". Flatcar also accepts multipart MIME user-data (Content-Type: multipart/mixed); CoreOS did not. Anything else is ignored at boot.',
    reference: true,
  },
  'yaml-syntax': {
    title: 'YAML syntax',
    help: 'The file is not valid YAML, so coreos-cloudinit cannot read any of it and the machine boots unconfigured. Fix the first error; later ones often follow from it. Flatcar reads YAML with yaml.v3, CoreOS with go-yaml v1: their messages and line numbers differ, and yaml.v3 also refuses a key written twice in one mapping.',
    reference: true,
  },
  'unknown-key': {
    title: 'Unknown key',
    help: 'coreos-cloudinit does not know this key at this place and ignores it. Check the spelling and the indentation (a key indented under the wrong parent is unknown there). CoreOS read "-" in a key as "_"; Flatcar reads keys as written, so reboot-strategy is silently ignored there although its validator calls it known.',
    reference: true,
  },
  'wrong-type': {
    title: 'Wrong type',
    help: 'The value has the wrong YAML type for this key (e.g. a list where a string is expected, or a quoted "true" for a boolean). CoreOS\'s coreos-cloudinit drops such values; Flatcar\'s (yaml.v3) refuses the whole file at boot, and its validator reports yaml.v3\'s "cannot unmarshal" error instead. The all set reports those as errors for the flatcar target, and says what Flatcar reads where it accepts a value anyway (yes/no/on/off in a bool field, an empty value).',
    reference: true,
  },
  'deprecated-key': {
    title: 'Deprecated key',
    help: 'The key still parses but no longer does anything useful on current systems; the message gives the reason. For the flatcar target the all set says what Flatcar does instead: it ships neither etcd (v0.4), etcd2 nor fleet, so their sections configure units that do not exist; it runs etcd v3 as etcd-member.service.',
    reference: true,
  },
  'invalid-value': {
    title: 'Invalid value',
    help: 'The value does not match what the key accepts (for example reboot_strategy must be etcd-lock, reboot or off, and permissions an octal mode such as \'0644\').',
    reference: true,
  },
  'discovery-url': {
    title: 'Discovery URL',
    help: 'coreos.etcd.discovery must be an absolute URL such as https://discovery.etcd.io/<token>.',
    reference: true,
  },
  'content-encoding': {
    title: 'Content encoding',
    help: 'write_files content must decode with its encoding (base64, gzip, gzip+base64). Content that does not decode makes the file fail to write.',
    reference: true,
  },
  'read-only-path': {
    title: 'Read-only path',
    help: '/usr is a read-only file system on CoreOS and Flatcar; files written there fail. Use /etc, /opt or /var instead.',
    reference: true,
  },
  'write-files-under-coreos': {
    title: 'write_files under coreos',
    help: 'write_files is a top-level key; under coreos it is ignored. Move it to the top level.',
    reference: true,
  },
};

/** Findings about the input itself, raised by the pipeline before any rule runs (`all` set). */
export const inputRuleDocs: Record<string, RuleDoc> = {
  'yaml-tab': {
    title: 'Tab in indentation',
    help: 'coreos-cloudinit parses YAML with libyaml, which refuses a tab where indentation or a new token is expected. Other YAML tools often accept it, so the file looks fine everywhere but at boot. Indent with spaces.',
    reference: false,
  },
  'collection-key': {
    title: 'Mapping or list as a key',
    help: 'A mapping or list cannot be a key in cloud-config. This usually is an unrendered template placeholder such as {{NAME}}, which YAML reads as a nested mapping; render the template first or quote the value.',
    reference: false,
  },
  'yaml-alias': {
    title: 'Alias without its anchor',
    help: 'An alias (*name) must refer to a node marked with the anchor &name; coreos-cloudinit refuses an alias to an unknown anchor, or one inside the node it refers to, and the whole file with it.',
    reference: false,
  },
  'alias-bomb': {
    title: 'Alias expansion',
    help: 'YAML aliases (*name) expand to copies of what they refer to; nested aliases can expand to billions of values or refer to themselves. The document was not expanded past a safe limit.',
    reference: false,
  },
  'too-deep': {
    title: 'Nesting too deep',
    help: 'The document nests collections more deeply than any cloud-config needs, deep enough to exhaust a parser; it was not parsed.',
    reference: false,
  },
  'input-too-large': {
    title: 'Input too large',
    help: 'The input is larger than the validator reads. Cloud providers cap user-data far lower (16 KB on EC2).',
    reference: false,
  },
  'not-utf8': {
    title: 'Not UTF-8',
    help: 'cloud-config must be UTF-8 text. Binary data belongs in write_files content with encoding: base64 (or gzip+base64).',
    reference: false,
  },
  'internal-error': {
    title: 'Validator failure',
    help: 'The validator itself failed on this input; the text is kept as it is. Please report the input that caused it.',
    reference: false,
  },
};

/** Help for every rule id: the reference's, the pipeline's and the `all` set's checks. */
export function allRuleDocs(): Record<string, RuleDoc> {
  const docs: Record<string, RuleDoc> = { ...referenceRuleDocs, ...inputRuleDocs, ...ignitionRuleDocs, ...butaneRuleDocs };
  for (const r of [...extraRules, ...passRules]) docs[r.id] = { title: r.title, help: r.help, reference: false };
  // The notes of the cloud-config to Butane converter.
  for (const [id, d] of Object.entries(CONVERT_RULES)) docs[id] = { ...d, reference: false };
  return docs;
}
