/**
 * Lists the fields of coreos-cloudinit's config structs, from a checkout of its `config/`
 * directory, as the JSON kept in test/fixtures/cloud-config-structs.*.json (which
 * src/core/formats/cloud-config/schema/structs.test.ts checks the schema against):
 *
 *   tsx scripts/go-structs.ts DIR/config coreos/coreos-cloudinit f1f0405 > test/fixtures/cloud-config-structs.coreos.json
 *
 * It reads only what the validator's reflection reads: each struct's fields with their Go type
 * and their `yaml`, `valid` and `deprecated` tags, and the named non-struct types (EtcHosts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoField {
  /** Go field name. */
  field: string;
  /** The `yaml` tag: the key. */
  yaml: string;
  /** The Go type as written (`string`, `[]File`, `EtcHosts`). */
  goType: string;
  /** The `valid` tag (a Go regexp), as reflect's Tag.Get returns it. */
  valid?: string;
  deprecated?: string;
}

export interface GoStructs {
  repository: string;
  commit: string;
  /** Struct name → its exported fields with a `yaml` tag, in declaration order. */
  structs: Record<string, GoField[]>;
  /** Named types that are not structs → their underlying type. */
  namedTypes: Record<string, string>;
}

/** reflect.StructTag.Get: the value of `key:"..."` in a struct tag, unquoted as Go does. */
export function tagValue(tag: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${key}:"((?:[^"\\\\]|\\\\.)*)"`).exec(tag);
  return m ? (JSON.parse(`"${m[1]}"`) as string) : undefined;
}

export function readStructs(configDir: string, repository: string, commit: string): GoStructs {
  const structs: Record<string, GoField[]> = {};
  const namedTypes: Record<string, string> = {};
  const files = readdirSync(configDir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go')).sort();
  for (const file of files) {
    const src = readFileSync(join(configDir, file), 'utf8');
    for (const m of src.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
      const fields: GoField[] = [];
      for (const line of m[2].split('\n')) {
        const f = /^\s*([A-Z]\w*)\s+(\S+)\s+`([^`]*)`/.exec(line);
        if (!f) continue;
        const yaml = tagValue(f[3], 'yaml');
        if (!yaml || yaml === '-') continue;
        const field: GoField = { field: f[1], yaml: yaml.split(',')[0], goType: f[2] };
        const valid = tagValue(f[3], 'valid');
        if (valid) field.valid = valid;
        const deprecated = tagValue(f[3], 'deprecated');
        if (deprecated) field.deprecated = deprecated;
        fields.push(field);
      }
      structs[m[1]] = fields;
    }
    for (const m of src.matchAll(/^type (\w+) (string|int|bool|float64)$/gm)) namedTypes[m[1]] = m[2];
  }
  // Only what the validator walks: the structs reachable from CloudConfig (not ErrorValid).
  const reached: Record<string, GoField[]> = {};
  const visit = (name: string) => {
    if (reached[name] || !structs[name]) return;
    reached[name] = structs[name];
    for (const f of structs[name]) visit(f.goType.replace(/^\[\]/, ''));
  };
  visit('CloudConfig');
  return { repository, commit, structs: reached, namedTypes };
}

if (process.argv[1]?.endsWith('go-structs.ts')) {
  const [dir, repository, commit] = process.argv.slice(2);
  if (!dir || !repository || !commit) {
    console.error('usage: tsx scripts/go-structs.ts CONFIG_DIR OWNER/REPO COMMIT');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(readStructs(dir, repository, commit), null, 2) + '\n');
}
