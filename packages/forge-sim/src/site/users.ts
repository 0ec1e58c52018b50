/**
 * The people on the simulated site. Account ids have the shape Atlassian issues today
 * (`712020:<uuid>`), so code that treats them as opaque strings is exercised as it will be in production.
 */
export interface SiteUsers {
  /** A site admin: Jira ADMINISTER global permission, Confluence `administer` on the application. */
  readonly admin: string;
  /** A licensed user who is not an admin. */
  readonly member: string;
  isAdmin(accountId: string): boolean;
  isKnown(accountId: string): boolean;
  /** Adds a user, or changes whether an existing one is an admin (a test demoting an admin mid-flow). */
  set(accountId: string, role: { admin: boolean }): void;
  displayName(accountId: string): string;
}

export const DEFAULT_ADMIN_ACCOUNT_ID = '712020:3f1c9a52-6d0e-4b7a-9c11-0a2b3c4d5e6f';
export const DEFAULT_MEMBER_ACCOUNT_ID = '712020:8e2d4b61-1f3a-4c5d-8e9f-7a6b5c4d3e2f';

export function createSiteUsers(): SiteUsers {
  const admins = new Map<string, boolean>([
    [DEFAULT_ADMIN_ACCOUNT_ID, true],
    [DEFAULT_MEMBER_ACCOUNT_ID, false]
  ]);
  return {
    admin: DEFAULT_ADMIN_ACCOUNT_ID,
    member: DEFAULT_MEMBER_ACCOUNT_ID,
    isAdmin: (accountId) => admins.get(accountId) === true,
    isKnown: (accountId) => admins.has(accountId),
    set(accountId, role) {
      admins.set(accountId, role.admin);
    },
    displayName: (accountId) =>
      accountId === DEFAULT_ADMIN_ACCOUNT_ID ? 'Site Admin' : accountId === DEFAULT_MEMBER_ACCOUNT_ID ? 'Site Member' : `User ${accountId.slice(-6)}`
  };
}
