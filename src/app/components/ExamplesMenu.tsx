import type { Example } from '../examples';

interface ExamplesMenuProps {
  examples: readonly Example[];
  onChoose(example: Example): void;
}

/** Puts an example config in the editor: a menu that always shows its title, not the last choice. */
export function ExamplesMenu({ examples, onChoose }: ExamplesMenuProps) {
  return (
    <select
      className="examples-menu"
      aria-label="Open an example"
      value=""
      onChange={(e) => {
        const example = examples.find((x) => x.id === e.target.value);
        if (example) onChoose(example);
      }}
    >
      <option value="" disabled>
        Examples…
      </option>
      {examples.map((x) => (
        <option key={x.id} value={x.id}>
          {x.label}
        </option>
      ))}
    </select>
  );
}
