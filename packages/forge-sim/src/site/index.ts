export { createSimSite, requiredScopes, siteRoutes, type SimSite, type SimSiteOptions } from './site';
export { createSiteUsers, DEFAULT_ADMIN_ACCOUNT_ID, DEFAULT_MEMBER_ACCOUNT_ID, type SiteUsers } from './users';
export { siteShape, type SiteShape } from './shape';
export type { SiteRoute } from './routes';
