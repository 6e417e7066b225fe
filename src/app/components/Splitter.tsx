import type { KeyboardEvent, PointerEvent } from 'react';

interface SplitterProps {
  /** Width of the pane after the splitter, in px. */
  size: number;
  min: number;
  max: number;
  onResize(size: number): void;
  label: string;
}

const STEP = 24;

/** A vertical bar between two panes: drag it, or focus it and use the arrow keys, Home and End. */
export function Splitter({ size, min, max, onResize, label }: SplitterProps) {
  const clamp = (n: number) => Math.round(Math.max(min, Math.min(max, n)));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const bar = e.currentTarget;
    bar.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startSize = size;
    const move = (m: globalThis.PointerEvent) => onResize(clamp(startSize - (m.clientX - startX)));
    const up = () => {
      bar.removeEventListener('pointermove', move);
      bar.removeEventListener('pointerup', up);
      bar.removeEventListener('pointercancel', up);
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', up);
    bar.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The bar sits left of the pane it sizes: moving it left makes the pane wider.
    const next = { ArrowLeft: size + STEP, ArrowRight: size - STEP, Home: max, End: min }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onResize(clamp(next));
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={size}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
