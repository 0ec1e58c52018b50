export { createSimSite, requiredScopes, siteRoutes, type SimSite, type SimSiteOptions } from './site.js';
export { createSiteUsers, DEFAULT_ADMIN_ACCOUNT_ID, DEFAULT_MEMBER_ACCOUNT_ID, type SiteUsers } from './users.js';
export { siteShape, type SiteShape } from './shape.js';
export type { SiteRoute } from './routes.js';
