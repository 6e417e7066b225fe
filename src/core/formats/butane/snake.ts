/** Each name's snake_case, kept: the names are the Go structures' fields, a fixed set, asked for per value. */
const snaked = new Map<string, string>();

/** Go field name to Butane's key: camelCase to snake_case, MiB as one word. */
export function snake(key: string): string {
  let out = snaked.get(key);
  if (out === undefined) snaked.set(key, (out = key.replace(/(MiB|[A-Z])/g, (m) => '_' + m.toLowerCase())));
  return out;
}
