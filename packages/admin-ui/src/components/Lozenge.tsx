import type { ReactNode } from 'react';

/** Atlassian's lozenge appearances: grey, green, red, blue, purple and yellow. */
export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

/** A short status in a coloured pill, styled by .lozenge in styles/lozenge.css. */
export function Lozenge({ appearance = 'default', children }: { appearance?: LozengeAppearance; children: ReactNode }) {
  return <span className={`lozenge lozenge-${appearance}`}>{children}</span>;
}
