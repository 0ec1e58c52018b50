import { useSyncExternalStore } from 'react';

/*
 * Whether the exact bytes are shown formatted. A viewing choice for as long as the page is open: it
 * outlives switching tabs or opening another report (each unmounts the view), so it cannot live in a
 * component, and it is never stored, so a reload shows the bytes raw again. Every exact-bytes view
 * on the page follows the one choice.
 */
let formatted = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setFormatted(on: boolean): void {
  if (on === formatted) return;
  formatted = on;
  for (const listener of listeners) listener();
}

export function useFormattedBytes(): readonly [boolean, (on: boolean) => void] {
  return [useSyncExternalStore(subscribe, () => formatted, () => false), setFormatted];
}
