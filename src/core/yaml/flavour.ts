/**
 * The two YAML libraries whose reading the reference rules reproduce, both ports of libyaml:
 * go-yaml v1 (CoreOS's coreos-cloudinit) and gopkg.in/yaml.v3 v3.0.1 (Flatcar's). One parser
 * serves both; everything that differs between them is in this table.
 */
import { resolvePlain, resolvePlainV3, type ResolvedV3 } from './go-scalar';
import { referenceLine, yamlV3Line, type LibyamlError } from './libyaml-errors';
import type { Dialect } from './libyaml/scanner';

export type YamlFlavour = 'go-yaml-v1' | 'yaml-v3';

export interface FlavourRules {
  /** Scanner and parser behaviour (see ./libyaml/scanner.ts). */
  dialect: Dialect;
  /** A plain scalar's type and value (keys included; v1 keeps `y`/`n` keys as strings). */
  resolve(text: string, isKey: boolean): ResolvedV3;
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
  /** v3 decodes `!!binary` strictly (Go's base64.StdEncoding); v1 was lenient. */
  strictBinary: boolean;
  /** v3 resolves a scalar under an explicit `!!int`, `!!bool`... tag and fails where they disagree. */
  resolvesExplicitTags: boolean;
}

const V1_TAGS: Record<string, string> = { str: '!!str', int: '!!int', float: '!!float', bool: '!!bool', null: '!!null', merge: '!!merge' };

export const FLAVOURS: Record<YamlFlavour, FlavourRules> = {
  'go-yaml-v1': {
    dialect: 'go-yaml-v1',
    resolve(text, isKey) {
      const r = resolvePlain(text, isKey);
      return { kind: r.kind, value: r.value, tag: V1_TAGS[r.kind] };
    },
    errorLine: referenceLine,
    aliasesWhileParsing: false,
    duplicateKeysFail: false,
    mergeAfterOwnKeys: false,
    strictBinary: false,
    resolvesExplicitTags: false,
  },
  'yaml-v3': {
    dialect: 'yaml-v3',
    resolve: (text) => resolvePlainV3(text),
    errorLine: yamlV3Line,
    aliasesWhileParsing: true,
    duplicateKeysFail: true,
    mergeAfterOwnKeys: true,
    strictBinary: true,
    resolvesExplicitTags: true,
  },
};
