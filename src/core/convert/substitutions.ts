import type { TreeNode } from '../yaml/tree';
import type { ConvertContext } from './context';

/**
 * coreos-cloudinit replaced `$private_ipv4` and its siblings in the whole user-data before
 * reading it (`\$private_ipv4` stays literal). On Flatcar with Ignition the addresses come from
 * coreos-metadata (afterburn), which writes them to /run/metadata/flatcar under names that
 * depend on the platform: afterburn's AFTERBURN_* attributes with the COREOS_ prefix, AWS
 * as EC2 and GCP as GCE.
 */
export const METADATA_FILE = '/run/metadata/flatcar';
export const METADATA_SERVICE = 'coreos-metadata.service';

export type Substitution = 'private_ipv4' | 'public_ipv4' | 'private_ipv6' | 'public_ipv6';

export const PLATFORM_VARIABLES = {
  ec2: { private_ipv4: 'COREOS_EC2_IPV4_LOCAL', public_ipv4: 'COREOS_EC2_IPV4_PUBLIC' },
  gce: { private_ipv4: 'COREOS_GCE_IP_LOCAL_0', public_ipv4: 'COREOS_GCE_IP_EXTERNAL_0' },
  azure: { private_ipv4: 'COREOS_AZURE_IPV4_DYNAMIC', public_ipv4: 'COREOS_AZURE_IPV4_VIRTUAL' },
  digitalocean: {
    private_ipv4: 'COREOS_DIGITALOCEAN_IPV4_PRIVATE_0',
    public_ipv4: 'COREOS_DIGITALOCEAN_IPV4_PUBLIC_0',
    private_ipv6: 'COREOS_DIGITALOCEAN_IPV6_PRIVATE_0',
    public_ipv6: 'COREOS_DIGITALOCEAN_IPV6_PUBLIC_0',
  },
  packet: { private_ipv4: 'COREOS_PACKET_IPV4_PRIVATE_0', public_ipv4: 'COREOS_PACKET_IPV4_PUBLIC_0', public_ipv6: 'COREOS_PACKET_IPV6_PUBLIC_0' },
  openstack: { private_ipv4: 'COREOS_OPENSTACK_IPV4_LOCAL', public_ipv4: 'COREOS_OPENSTACK_IPV4_PUBLIC' },
  /** A custom metadata fetcher (Flatcar's "custom" platform) defines COREOS_CUSTOM_* names of its choosing. */
  custom: {
    private_ipv4: 'COREOS_CUSTOM_PRIVATE_IPV4',
    public_ipv4: 'COREOS_CUSTOM_PUBLIC_IPV4',
    private_ipv6: 'COREOS_CUSTOM_PRIVATE_IPV6',
    public_ipv6: 'COREOS_CUSTOM_PUBLIC_IPV6',
  },
} as const satisfies Record<string, Partial<Record<Substitution, string>>>;

export type Platform = keyof typeof PLATFORM_VARIABLES;
export const PLATFORMS = Object.keys(PLATFORM_VARIABLES) as Platform[];
export const DEFAULT_PLATFORM: Platform = 'ec2';

const VARIABLE = /(\\?)\$(private_ipv4|public_ipv4|private_ipv6|public_ipv6)\b/g;

export const variableFor = (platform: Platform, s: Substitution): string | undefined =>
  (PLATFORM_VARIABLES[platform] as Partial<Record<Substitution, string>>)[s];

/** Whether the source line holding `at` belongs to an Exec*= setting (following `\` continuations back). */
function inExecLine(text: string, at: number): boolean {
  let start = text.lastIndexOf('\n', at - 1) + 1;
  for (;;) {
    const prevEnd = start - 1;
    if (prevEnd <= 0) break;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    if (!/\\\s*$/.test(text.slice(prevStart, prevEnd))) break;
    start = prevStart;
  }
  return /^\s*-?\s*Exec[A-Za-z]*\s*=/.test(text.slice(start, at));
}

/**
 * Unit text with the substitutions replaced by `${VARIABLE}` of the platform, and a note at each
 * place in the source. Returns whether any variable was used (the unit then needs the metadata).
 */
export function substituteInUnit(ctx: ConvertContext, node: TreeNode, decoded: string): { text: string; used: boolean } {
  let used = false;
  const [from, to] = node.valueRange;
  const source = ctx.text.slice(from, to);
  for (const m of source.matchAll(VARIABLE)) {
    if (m[1]) continue;
    const at = from + m.index;
    ctx.substituted.add(at);
    const name = variableFor(ctx.platform, m[2] as Substitution);
    const range = [at, at + m[0].length] as const;
    if (!name) {
      ctx.note('convert-substitution', 'warning', `$${m[2]} is left as written: coreos-metadata gives no such address on platform ${ctx.platform}`, range);
      continue;
    }
    used = true;
    const where = `\${${name}} from ${METADATA_FILE} (coreos-metadata, platform ${ctx.platform})`;
    if (inExecLine(ctx.text, at)) ctx.note('convert-substitution', 'info', `$${m[2]} becomes ${where}`, range);
    else ctx.note('convert-substitution', 'warning', `$${m[2]} becomes ${where}, but systemd expands variables only in Exec lines; use it in ExecStart= (e.g. through a shell)`, range);
  }
  const text = decoded.replace(VARIABLE, (all, escaped: string, s: Substitution) => {
    if (escaped) return all.slice(1);
    const name = variableFor(ctx.platform, s);
    return name ? `\${${name}}` : all;
  });
  return { text, used };
}

/** The drop-in that makes a unit wait for the metadata and read its variables. */
export const METADATA_DROPIN = {
  name: '20-metadata.conf',
  contents: `[Unit]\nRequires=${METADATA_SERVICE}\nAfter=${METADATA_SERVICE}\n\n[Service]\nEnvironmentFile=${METADATA_FILE}\n`,
};

/** Notes for the substitution variables no mapping carried over (in files, keys, other settings). */
export function noteLeftSubstitutions(ctx: ConvertContext): void {
  for (const m of ctx.text.matchAll(VARIABLE)) {
    if (m[1]) continue;
    const at = m.index;
    if (ctx.substituted.has(at)) continue;
    ctx.note(
      'convert-substitution',
      'warning',
      `$${m[2]} is left as written: Ignition does not replace it; read the address from ${METADATA_FILE} at boot (After=${METADATA_SERVICE}) where it is needed`,
      [at, at + m[0].length],
    );
  }
}

/** Marks the variables inside a node that another note already covers (a section left out whole). */
export function coverSubstitutions(ctx: ConvertContext, node: TreeNode): void {
  const from = (node.keyRange ?? node.valueRange)[0];
  const to = node.valueRange[1];
  for (const m of ctx.text.slice(from, to).matchAll(VARIABLE)) ctx.substituted.add(from + m.index);
}
