import type { RuleDoc } from '../../rule-docs';

const ref = (title: string, help: string): RuleDoc => ({ title, help, reference: true });
const all = (title: string, help: string): RuleDoc => ({ title, help, reference: false });

/** Help for the Ignition rule ids: ignition-validate's checks, then the `all` set's own. */
export const ignitionRuleDocs: Record<string, RuleDoc> = {
  'json-syntax': ref('JSON syntax', 'An Ignition config is JSON. Ignition reads nothing of a file with a syntax error and the machine does not provision; fix the first error (a missing comma or brace, a trailing comma, single quotes).'),
  'ignition-type': ref('Wrong type', 'A value has the wrong JSON type for its field (a string where a number is expected, an object where a list is). Ignition\'s decoder stops at the first one and refuses the whole config.'),
  'ignition-version': ref('Spec version', 'ignition.version must be a spec version Ignition reads: 3.0.0 to 3.5.0 (3.6.0-experimental is for testing). Flatcar\'s Ignition translates 2.x configs at boot, but ignition-validate checks only spec 3.'),
  'ignition-unknown-key': ref('Unknown key', 'Ignition ignores keys it does not know at this place, so the setting has no effect. Keys are case-sensitive (camelCase, e.g. sshAuthorizedKeys).'),
  'ignition-duplicate': ref('Duplicate entry', 'Two entries with the same key: files, directories and links with one path, units or users with one name, disks with one device. Ignition refuses the config.'),
  'ignition-path': ref('Path', 'Paths must be absolute and clean (no "..", "." or double slashes), and a file, directory or link may not take the path of a systemd unit or drop-in the config also writes.'),
  'ignition-mode': ref('Mode', 'mode is a decimal number holding the permission bits (420 is 0644). It must be within 0 to 07777; setuid, setgid and sticky bits need spec 3.4.0 or later.'),
  'ignition-url': ref('URL', 'Sources are URLs of a scheme Ignition fetches (http, https, tftp, s3, data; gs from 3.2, arn from 3.4). data URLs must decode; HTTP headers need an http(s) source.'),
  'ignition-hash': ref('Hash', 'verification.hash is "sha512-" (or, from 3.1, "sha256-") followed by the hex digest of the full length, and it needs a source.'),
  'ignition-compression': ref('Compression', 'compression is "gzip" or empty.'),
  'ignition-unit-name': ref('Unit name', 'Unit names end in a systemd unit type (.service, .socket, .timer, .mount...); drop-in names end in .conf.'),
  'ignition-unit-contents': ref('Unit contents', 'Unit and drop-in contents must parse as a unit file: section headers closed with "]", every setting a Key=Value line, lines at most 2048 bytes.'),
  'ignition-install': ref('Install section', 'An enabled unit needs an [Install] section (WantedBy=...), or enabling it does nothing; an enabled template instance needs one in its template.'),
  'ignition-owner': ref('Owner', 'A node\'s user or group is given by id or by name, not both.'),
  'ignition-proxy': ref('Proxy', 'Proxies are http or https URLs; an http proxy for https resources sends them in plain text.'),
  'ignition-passwd-create': ref('Create object (spec 2.x)', 'In spec 2.1.0 and later, a user\'s create object is deprecated in favour of the same fields on the user itself, and may not be combined with them (CoreOS target).'),
  'ignition-storage': ref('Storage', 'Disks, partitions, filesystems, RAID arrays, LUKS volumes and links must be consistent: devices given, labels within their filesystem\'s limit, partitions not overlapping, formats known, link targets set.'),
  'ignition-unit-syntax': all('Unit file syntax', 'Lines of a unit or drop-in that systemd skips: settings outside a section, lines without "=", unclosed headers, and sections the unit type does not read.'),
  'ignition-read-only': all('Read-only /usr', 'On Flatcar /usr is a read-only, verified partition: Ignition cannot write there and provisioning fails. Put programs in /opt/bin and configuration in /etc.'),
  'ignition-mode-octal': all('Octal-looking mode', 'JSON has no octal numbers: "mode": 644 is decimal 644, i.e. 0o1204 (sticky bit, odd permissions). Write the decimal value: 420 for 0644, 493 for 0755, 384 for 0600.'),
  'ignition-script-exec': all('Script without exec bit', 'A file starting with "#!" is a script, but without an execute bit in its mode it cannot be run. Set "mode": 493 (0755).'),
  'ignition-ssh-key': all('SSH key', 'Each sshAuthorizedKeys entry must be one OpenSSH public key line: TYPE BASE64 [comment], as in the .pub file.'),
  'ignition-password-hash': all('Password hash', 'passwordHash is stored as it is: it must be a crypt(3) hash such as $6$... ("mkpasswd --method=SHA-512"), never a plain password.'),
  'ignition-passwd-name': all('User or group without a name', 'Every passwd user and group needs a name; ignition-validate accepts an entry without one, but Ignition fails on it at boot.'),
  'ignition-core-user': all('The core user', 'Flatcar ships the user "core" (uid 500, home /home/core). Configs may add SSH keys or a password hash to it, but changing its uid, home, groups or shell makes Ignition modify it, which can break logins.'),
};
