/**
 * The two YAML libraries whose reading the reference rules reproduce, both ports of libyaml:
 * go-yaml v1 (CoreOS's coreos-cloudinit) and gopkg.in/yaml.v3 v3.0.1 (Flatcar's). One parser
 * serves both; everything that differs between them is in this table.
 */
import { resolveV1, resolveV3, type Refused, type ResolvedV3 } from './go-scalar';
import { referenceLine, yamlV3Line, type LibyamlError } from './libyaml-errors';
import type { Dialect } from './libyaml/scanner';

export type YamlFlavour = 'go-yaml-v1' | 'yaml-v3';

export interface FlavourRules {
  /** Scanner and parser behaviour (see ./libyaml/scanner.ts). */
  dialect: Dialect;
  /**
   * The library's resolve(tag, text): `tag` in short form, '' for a plain scalar without one.
   * Refused where the value does not resolve to an explicit tag.
   */
  resolve(tag: string, text: string): ResolvedV3 | Refused;
  /**
   * v3 reads the non-specific tag `!` as no tag (a plain `! 12` is an int); v1 resolves it as a
   * tag of its own, which keeps the text as a string.
   */
  bangIsUntagged: boolean;
  /** The decoder's message for an alias to an unknown anchor (v1 capitalises its decoder errors). */
  unknownAnchor(name: string): string;
  /** ...and for an alias inside the node its anchor names. */
  recursiveAlias(name: string): string;
  /** The line the library prints for a syntax error; 0 when it prints none (then read as line 1). */
  errorLine(error: LibyamlError): number;
  /**
   * v1 resolves aliases once the document is parsed (an alias may precede its anchor); v3 while
   * parsing, so an alias names the last anchor before it.
   */
  aliasesWhileParsing: boolean;
  /** v3 refuses any mapping with two equal keys (same node kind, same text); v1 keeps the last. */
  duplicateKeysFail: boolean;
  /**
   * v1 merges `<<` where it stands and later maps of a merge list win; v3 merges after the
   * mapping's own keys, never over one of them, and earlier maps of a list win.
   */
  mergeAfterOwnKeys: boolean;
  /**
   * Decoding into structures (Butane): yaml.v3 meets a node's decoding errors (a refused tag, bad
   * base64, a list or mapping as a key, a bad merge, an alias inside its anchor) only where it
   * decodes that node, and skips the values of keys no field takes. Such errors are recorded on
   * the tree's nodes (TreeNode.fault, keyFault) instead of thrown; keys are named by their text,
   * which is what a field is matched against; merges apply after a mapping's own keys.
   */
  decodeLazily?: boolean;
}

/**
 * `base` reading explicitly tagged scalars as `tags` does: the `all` rule set reads one go-yaml
 * v1 tree for either target, but a tag the target's library refuses must be the one reported.
 */
export function withExplicitTagsOf(base: FlavourRules, tags: FlavourRules): FlavourRules {
  if (base === tags) return base;
  return {
    ...base,
    resolve: (tag, text) => (tag === '' ? base.resolve(tag, text) : tags.resolve(tag, text)),
    bangIsUntagged: tags.bangIsUntagged,
  };
}

export const FLAVOURS: Record<YamlFlavour, FlavourRules> = {
  'go-yaml-v1': {
    dialect: 'go-yaml-v1',
    resolve: resolveV1,
    bangIsUntagged: false,
    unknownAnchor: (name) => `Unknown anchor '${name}' referenced`,
    recursiveAlias: (name) => `Anchor '${name}' value contains itself`,
    errorLine: referenceLine,
    aliasesWhileParsing: false,
    duplicateKeysFail: false,
    mergeAfterOwnKeys: false,
  },
  'yaml-v3': {
    dialect: 'yaml-v3',
    resolve: resolveV3,
    bangIsUntagged: true,
    unknownAnchor: (name) => `unknown anchor '${name}' referenced`,
    recursiveAlias: (name) => `anchor '${name}' value contains itself`,
    errorLine: yamlV3Line,
    aliasesWhileParsing: true,
    duplicateKeysFail: true,
    mergeAfterOwnKeys: true,
  },
};

/**
 * yaml.v3's reading (its scanner and parser, scalar resolution, tags, alias timing and decoder
 * messages) over go-yaml v1's tree (keys given twice kept, the last winning): Butane decodes into
 * structures, which report a repeated key only where they decode it (see formats/butane).
 */
export const YAML_V3_READING: FlavourRules = {
  ...FLAVOURS['go-yaml-v1'],
  dialect: 'yaml-v3',
  resolve: resolveV3,
  bangIsUntagged: true,
  unknownAnchor: FLAVOURS['yaml-v3'].unknownAnchor,
  recursiveAlias: FLAVOURS['yaml-v3'].recursiveAlias,
  errorLine: yamlV3Line,
  aliasesWhileParsing: true,
  decodeLazily: true,
};
