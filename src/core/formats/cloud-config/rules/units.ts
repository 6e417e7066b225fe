import type { TreeNode } from '../../../yaml/tree';
import { childNamed, mapItems, scalarText } from './context';

/** The unit types coreos-cloudinit writes: systemd units and systemd-networkd files. */
export const UNIT_TYPES = ['service', 'socket', 'timer', 'mount', 'automount', 'path', 'target', 'device', 'swap', 'slice', 'scope', 'network', 'netdev', 'link'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** A unit's type from its name's suffix, if it has a known one. */
function unitType(name: string | undefined): UnitType | undefined {
  const dot = name?.lastIndexOf('.') ?? -1;
  const suffix = dot >= 0 ? name!.slice(dot + 1) : '';
  return (UNIT_TYPES as readonly string[]).includes(suffix) ? (suffix as UnitType) : undefined;
}

/** One entry of coreos.units, with the parts the checks read. */
export interface Unit {
  item: TreeNode;
  nameNode?: TreeNode;
  name?: string;
  type?: UnitType;
  content?: TreeNode;
  dropIns: { item: TreeNode; nameNode?: TreeNode; name?: string; content?: TreeNode }[];
}

const unitsByRoot = new WeakMap<TreeNode, readonly Unit[]>();

/** The entries of coreos.units, read once per document: most unit rules walk them. */
export function unitsOf(root: TreeNode): readonly Unit[] {
  let units = unitsByRoot.get(root);
  if (!units) unitsByRoot.set(root, (units = readUnits(root)));
  return units;
}

function readUnits(root: TreeNode): Unit[] {
  return mapItems(root, ['coreos', 'units']).map((item) => {
    const nameNode = childNamed(item, 'name');
    const name = scalarText(nameNode);
    const content = childNamed(item, 'content');
    const dropIns = (childNamed(item, 'drop_ins')?.children ?? [])
      .filter((d) => d.kind === 'map')
      .map((d) => {
        const dn = childNamed(d, 'name');
        const dc = childNamed(d, 'content');
        return { item: d, nameNode: dn, name: scalarText(dn), content: scalarText(dc) !== undefined ? dc : undefined };
      });
    return { item, nameNode, name, type: unitType(name), content: scalarText(content) !== undefined ? content : undefined, dropIns };
  });
}
