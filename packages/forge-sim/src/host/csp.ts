import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import type { Permissions } from '@forge/manifest';
import { load } from 'cheerio/slim';

/**
 * The Content-Security-Policy Forge's CDN sends with a Custom UI document, computed by Forge's own
 * @forge/csp from the resource's index.html and the manifest's permissions (production rules:
 * no tunnel allowances). Only `report-uri` is changed, to a local endpoint, so violations are
 * reported to the runner instead of to Atlassian.
 */
export function forgeCustomUiCsp(options: {
  indexHtml: string;
  permissions: Permissions;
  /** The product page's origin that frames the app (Forge passes the site's host name). */
  hostOrigin: string;
  reportUri: string;
}): string {
  const processing = new CSPProcessingService({ info: () => undefined }, load);
  const details = processing.getCspDetails(options.indexHtml, options.permissions);
  const directives = new CSPInjectionService().getInjectableCSP({
    existingCSPDetails: details,
    microsEnv: 'prod',
    hostname: options.hostOrigin
  });
  return directives
    .map((directive) => (directive.startsWith('report-uri ') ? `report-uri ${options.reportUri}` : directive))
    .join('; ');
}
