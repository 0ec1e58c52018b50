export * from './consent-transitions.js';
export * from './dates.js';
export * from './field-decision.js';
export * from './report-guard.js';
