import path from 'node:path';
import { REPO_ROOT } from '../fixtures/paths';

/** SSO Config, the second vendor app: its manifest.yml, static/admin/dist and .forge-build/. */
export const SSO_APP_DIR = path.join(REPO_ROOT, 'apps/sso-config');
