import type { RuleFinding } from '../../../findings';
import type { Fix } from '../../../types';
import type { TreeNode } from '../../../yaml/tree';
import { bootDecode, isPlain } from './boot-decode';
import type { Rule } from './context';

/**
 * The words YAML 1.1 reads as booleans and YAML 1.2 does not: go-yaml v1 (CoreOS's
 * coreos-cloudinit) resolves them to true/false wherever they stand, yaml.v3 (Flatcar's) keeps
 * them as strings and turns them into booleans only when decoding into a Go bool field.
 * The one table of them, for every check that needs to know.
 */
const WORDS = new Map<string, boolean>();
for (const w of 'y Y yes Yes YES on On ON'.split(' ')) WORDS.set(w, true);
for (const w of 'n N no No NO off Off OFF'.split(' ')) WORDS.set(w, false);

/** The boolean a YAML 1.1 word stands for, or undefined when the text is not one of them. */
export const yaml11Bool = (text: string): boolean | undefined => (text.length <= 5 ? WORDS.get(text) : undefined);

/** Quotes the way a string-valued YAML 1.1 word is kept a string by every YAML parser. */
function quoteFix(n: TreeNode): Fix {
  const [from, to] = n.valueRange;
  return { title: `Quote ${n.text}`, from, to, insert: `'${n.text}'` };
}

export const yaml11Word: Rule = {
  id: 'yaml11-word',
  check(ctx) {
    if (ctx.target !== 'flatcar') return [];
    const out: RuleFinding[] = [];
    for (const n of bootDecode(ctx).strings) {
      const meaning = yaml11Bool(n.text);
      // Only a word written in place (not an alias of one, not quoted or tagged).
      if (meaning === undefined || n.binary || !isPlain(ctx.text, n) || ctx.text.slice(n.valueRange[0], n.valueRange[1]) !== n.text) continue;
      out.push({
        kind: 'info',
        message: `${n.text} is the string "${n.text}" to Flatcar (yaml.v3) and was the boolean ${meaning} to CoreOS (YAML 1.1), whose decoder then kept the word as written in this string field, so both apply "${n.text}"; a YAML 1.1 tool that rewrites the file would write ${meaning}: quote it`,
        rule: 'yaml11-word',
        node: n,
        target: 'value',
        fixes: [quoteFix(n)],
      });
    }
    return out;
  },
};
