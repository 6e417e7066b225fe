/** Configs the end-to-end tests paste. */

/** One finding of each common kind, on known lines. */
export const configWithProblems = `#cloud-config
hostname: web-1
coreos:
  update:
    reboot_strategy: sometimes
  units:
    - name: docker.service
      command: begin
      enabel: true
write_files:
  - path: /usr/lib/motd
    permissions: '0644'
    content: hello
  - path: /etc/x
    encoding: base64
    content: "not base64!"
ssh_authorized_keys: ssh-rsa AAAA
`;

/** Broken YAML: the reference rule set adds a whole-file finding the other set does not. */
export const brokenYaml = `#cloud-config
hostname: a
coreos:
  update: [
    reboot_strategy: off
`;

/** 1000 nested flow sequences: deep enough to overflow a recursive parser. */
export const deepNesting = `#cloud-config\nhostname: ${'['.repeat(1000)}\n`;

/** Nine levels of nine aliases each: a few hundred bytes that expand to 387 million values. */
export const aliasBomb = [
  '#cloud-config',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const prev = 'abcdefghi'[i];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  '',
].join('\n');

/**
 * About `bytes` of config: many small files (tens of thousands of YAML nodes, the slow kind to
 * check) and one mistake at the very end.
 */
export function hugeConfig(bytes = 5 * 1024 * 1024): string {
  const parts = ['#cloud-config\nwrite_files:\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes - 100; i++) {
    const file = `  - path: /etc/app/conf.d/${i}.conf\n    permissions: '0644'\n    owner: root:root\n    content: |\n      key_${i}=value\n      other=${i * 7}\n`;
    parts.push(file);
    size += file.length;
  }
  parts.push('coreos:\n  update:\n    reboot_strategy: sometimes\n');
  return parts.join('');
}
