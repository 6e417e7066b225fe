import type { RuleFinding } from '../../../findings';
import { firstKey, type Rule } from './context';
import { closest } from './edit-distance';
import { verbatimSpan } from './source';
import { isTemplated } from './template';
import { UNIT_TYPES, unitsOf } from './units';
import { quoted } from '../../../text/quote';

export const unitName: Rule = {
  id: 'unit-name',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const u of unitsOf(ctx.tree.root)) {
      if (u.name === undefined) {
        out.push({ kind: 'error', message: 'this unit has no name; add name: with the unit file name, e.g. name: example.service', rule: 'unit-name', node: firstKey(u.item), target: 'key' });
        continue;
      }
      if (u.type || isTemplated(u.name)) continue;
      const dot = u.name.lastIndexOf('.');
      const suffix = dot >= 0 ? u.name.slice(dot + 1) : '';
      const meant = suffix ? closest(suffix, UNIT_TYPES) : undefined;
      const finding: RuleFinding = {
        kind: 'error',
        message: meant
          ? `unit name ${quoted(u.name)} ends in ".${suffix}", which is not a unit type; did you mean ".${meant}"?`
          : `unit name ${quoted(u.name)} has no unit type suffix; systemd needs one, e.g. ${quoted(`${u.name}.service`)} (or .socket, .timer, .mount, ...)`,
        rule: 'unit-name',
        node: u.nameNode,
        target: 'value',
      };
      const span = meant ? verbatimSpan(ctx, u.nameNode!, dot + 1, u.name.length) : undefined;
      if (span) finding.fixes = [{ title: `Change the suffix to .${meant}`, from: span[0], to: span[1], insert: meant! }];
      out.push(finding);
    }
    return out;
  },
};

export const dropInName: Rule = {
  id: 'drop-in-name',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const d of unitsOf(ctx.tree.root).flatMap((u) => u.dropIns)) {
      if (d.name === undefined) {
        out.push({ kind: 'error', message: 'this drop-in has no name; add name: ending in .conf, e.g. name: 10-override.conf', rule: 'drop-in-name', node: firstKey(d.item), target: 'key' });
        continue;
      }
      if (d.name.endsWith('.conf') || isTemplated(d.name)) continue;
      const finding: RuleFinding = {
        kind: 'error',
        message: `drop-in name ${quoted(d.name)} does not end in .conf, so systemd never reads it; name it ${quoted(`${d.name.includes('.') ? d.name.replace(/\.[^.]*$/, '') : d.name}.conf`)}`,
        rule: 'drop-in-name',
        node: d.nameNode,
        target: 'value',
      };
      const end = verbatimSpan(ctx, d.nameNode!, d.name.length, d.name.length);
      if (end && !d.name.includes('.')) finding.fixes = [{ title: 'Append .conf', from: end[0], to: end[1], insert: '.conf' }];
      out.push(finding);
    }
    return out;
  },
};
