/** Go field name to Butane's key: camelCase to snake_case, MiB as one word. */
export const snake = (key: string) => key.replace(/(MiB|[A-Z])/g, (m) => '_' + m.toLowerCase());
