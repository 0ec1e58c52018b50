/**
 * The locale a simulated user has (view.getContext().locale and the resolver context's), as Forge
 * writes it, unless the host page is opened with another (`?locale=de-DE`).
 */
export const DEFAULT_LOCALE = 'en-US';
