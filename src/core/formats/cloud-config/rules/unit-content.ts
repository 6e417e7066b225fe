import type { RuleFinding } from '../../../findings';
import type { Range, TreeNode } from '../../../yaml/tree';
import type { Rule, RuleContext } from './context';
import { closest } from './edit-distance';
import { valueLines, type ValueLine } from './source';
import { isTemplated } from './template';
import { unitLinesOf, type UnitLine, type UnitLineProblem } from './unit-file';
import { unitsOf, type UnitType } from './units';
import { quoted } from '../../../text/quote';

const NETWORK_SECTIONS = [
  'Match', 'Link', 'SR-IOV', 'Network', 'Address', 'Neighbor', 'IPv6AddressLabel', 'RoutingPolicyRule', 'NextHop', 'Route',
  'DHCP', 'DHCPv4', 'DHCPv6', 'DHCPPrefixDelegation', 'IPv6PrefixDelegation', 'IPv6AcceptRA', 'DHCPServer', 'DHCPServerStaticLease',
  'IPv6SendRA', 'IPv6Prefix', 'IPv6RoutePrefix', 'IPv6PREF64Prefix', 'Bridge', 'BridgeFDB', 'BridgeMDB', 'BridgeVLAN', 'LLDP', 'CAN',
  'IPoIB', 'QDisc', 'NetworkEmulator', 'TokenBucketFilter', 'PIE', 'FlowQueuePIE', 'StochasticFairBlue', 'StochasticFairnessQueueing',
  'BFIFO', 'PFIFO', 'PFIFOHeadDrop', 'PFIFOFast', 'CAKE', 'ControlledDelay', 'DeficitRoundRobinScheduler',
  'DeficitRoundRobinSchedulerClass', 'EnhancedTransmissionSelection', 'GenericRandomEarlyDetection', 'FairQueueingControlledDelay',
  'FairQueueing', 'TrivialLinkEqualizer', 'HierarchyTokenBucket', 'HierarchyTokenBucketClass', 'HeavyHitterFilter',
  'QuickFairQueueing', 'QuickFairQueueingClass', 'ClassfulMultiQueueing', 'BandMultiQueueing', 'TrafficControlQueueingDiscipline',
];
const NETDEV_SECTIONS = [
  'Match', 'NetDev', 'Bridge', 'VLAN', 'MACVLAN', 'MACVTAP', 'IPVLAN', 'IPVTAP', 'VXLAN', 'GENEVE', 'BareUDP', 'L2TP', 'L2TPSession',
  'MACsec', 'MACsecReceiveChannel', 'MACsecTransmitAssociation', 'MACsecReceiveAssociation', 'Tunnel', 'FooOverUDP', 'Peer', 'VXCAN',
  'Tun', 'Tap', 'WireGuard', 'WireGuardPeer', 'Bond', 'Xfrm', 'VRF', 'BatmanAdvanced', 'IPoIB', 'WLAN',
];

/** Sections systemd reads in each unit type (systemd.unit(5) and the type's own page). */
export const SECTIONS: Record<UnitType, readonly string[]> = {
  service: ['Unit', 'Service', 'Install'],
  socket: ['Unit', 'Socket', 'Install'],
  timer: ['Unit', 'Timer', 'Install'],
  mount: ['Unit', 'Mount', 'Install'],
  automount: ['Unit', 'Automount', 'Install'],
  path: ['Unit', 'Path', 'Install'],
  swap: ['Unit', 'Swap', 'Install'],
  slice: ['Unit', 'Slice', 'Install'],
  scope: ['Unit', 'Scope', 'Install'],
  target: ['Unit', 'Install'],
  device: ['Unit', 'Install'],
  network: NETWORK_SECTIONS,
  netdev: NETDEV_SECTIONS,
  link: ['Match', 'Link', 'SR-IOV', 'EnergyEfficientEthernet'],
};

/** A unit file or drop-in's content, with the unit type it belongs to. */
interface UnitText {
  content: TreeNode;
  type?: UnitType;
  /** How messages name the file, e.g. `unit "a.service"`. */
  label: string;
}

const label = (what: string, name: string | undefined) => (name === undefined ? what : `${what} ${quoted(name)}`);

function unitTexts(ctx: RuleContext): UnitText[] {
  return unitsOf(ctx.tree.root).flatMap((u) => [
    ...(u.content ? [{ content: u.content, type: u.type, label: label('unit', u.name) }] : []),
    ...u.dropIns.flatMap((d) => (d.content ? [{ content: d.content, type: u.type, label: label('drop-in', d.name) }] : [])),
  ]);
}

/**
 * The content lines `wanted` picks, each with where it sits in the source (`span` is absent where
 * it cannot be mapped). Only those are placed: most lines of most units are fine, and placing
 * every line of every unit was a fifth of what a large config's validation allocated.
 */
function placedLines(ctx: RuleContext, content: TreeNode, wanted: (line: UnitLine) => boolean): { line: UnitLine; text: string; span?: Range; range: Range }[] {
  const out: { line: UnitLine; text: string; span?: Range; range: Range }[] = [];
  let source: ValueLine[] | undefined;
  for (const line of unitLinesOf(content)) {
    if (!wanted(line)) continue;
    source ??= valueLines(ctx, content);
    const { text, at } = source[line.index];
    const span: Range | undefined = at === undefined ? undefined : [at + line.start, at + line.start + line.length];
    out.push({ line, text, span, range: span ?? content.valueRange });
  }
  return out;
}

export const PROBLEM_MESSAGES: Record<UnitLineProblem, (key?: string) => string> = {
  'outside-section': (key) => `"${key}=" comes before any [Section] header, so systemd ignores it; move it under the section it belongs to (e.g. [Unit] or [Service])`,
  'no-equals': () => 'this line is not a [Section] header, a Key=Value setting or a comment, so systemd ignores it; add the "=" between key and value, or start a comment with #',
  'bad-header': () => 'section header without its closing "]", so systemd ignores the line and files the settings below under the previous section; add the "]"',
  'empty-key': () => 'setting with no key before "=", so systemd ignores it; add the key, or remove the line',
};

export const unitFileSyntax: Rule = {
  id: 'unit-file-syntax',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const { content, label } of unitTexts(ctx)) {
      for (const { line, text, span, range } of placedLines(ctx, content, (l) => l.kind === 'invalid')) {
        if (isTemplated(text)) continue;
        const finding: RuleFinding = { kind: 'warning', message: `${label}: ${PROBLEM_MESSAGES[line.problem!](line.key)}`, rule: 'unit-file-syntax', node: content, range };
        if (line.problem === 'bad-header' && span && !text.includes(']')) {
          finding.fixes = [{ title: 'Add the closing ]', from: span[1], to: span[1], insert: ']' }];
        }
        out.push(finding);
      }
    }
    return out;
  },
};

export const unitSection: Rule = {
  id: 'unit-section',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const { content, type, label } of unitTexts(ctx)) {
      if (!type) continue;
      const known = SECTIONS[type];
      const unknownSection = (l: UnitLine) => l.kind === 'section' && !known.includes(l.section!) && !l.section!.startsWith('X-');
      for (const { line, text, span, range } of placedLines(ctx, content, unknownSection)) {
        const name = line.section!;
        if (isTemplated(text)) continue;
        const meant = closest(name, known);
        const instead = meant ? `did you mean [${meant}]?` : known.length <= 4 ? `use ${known.map((s) => `[${s}]`).join(', ')}` : `see systemd.${type}(5) for its sections`;
        const finding: RuleFinding = {
          kind: 'warning',
          message: `${label}: [${name}] is not a section of .${type} files, so systemd ignores it and its settings; ${instead}`,
          rule: 'unit-section',
          node: content,
          range,
        };
        if (meant && span) finding.fixes = [{ title: `Rename the section to [${meant}]`, from: range[0], to: range[1], insert: `[${meant}]` }];
        out.push(finding);
      }
    }
    return out;
  },
};
