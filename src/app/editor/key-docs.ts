import type { YamlPath } from '../yaml-path';
import { cloudConfigKeys, type DocShape, type KeySchema } from './key-schemas';

/** `coreos.units[0].name`: a path as people write it. */
export function pathLabel(path: YamlPath): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

/** Values offered for a key: its listed values, or true/false for a boolean. */
export function allowedValues(shape: DocShape | undefined): readonly string[] {
  if (shape?.meta?.values) return shape.meta.values;
  return shape?.goType === 'bool' ? ['true', 'false'] : [];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The documentation card for a key: what hover shows and completion's info pane. */
export function renderKeyDocs(path: YamlPath, shape: DocShape | undefined, schema: KeySchema = cloudConfigKeys): HTMLElement {
  const card = el('div', 'key-docs');
  card.dataset.format = schema.format;
  const head = el('div', 'key-docs-head');
  head.append(el('code', 'key-docs-path', pathLabel(path)));
  if (shape) head.append(el('span', 'key-docs-type', shape.typeLabel ?? shape.goType));
  card.append(head);
  if (!shape) {
    card.append(el('p', 'key-docs-text', schema.unknownKey));
    return card;
  }
  if (shape.meta?.deprecatedReason) {
    card.append(el('p', 'key-docs-deprecated', `Deprecated: ${shape.meta.deprecatedReason}.`));
  }
  if (shape.meta?.description) card.append(el('p', 'key-docs-text', shape.meta.description));
  const values = allowedValues(shape);
  if (values.length) card.append(el('p', 'key-docs-values', `Allowed values: ${values.join(', ')}`));
  else if (shape.meta?.valid) card.append(el('p', 'key-docs-values', `Must match ${shape.meta.valid.source}`));
  const key = path[path.length - 1];
  for (const note of schema.notes(shape, typeof key === 'string' ? key : undefined)) card.append(el('p', 'key-docs-target', note));
  return card;
}
