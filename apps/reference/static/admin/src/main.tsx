// The reference app's Custom UI: the toolkit's whole admin page, mounted as a vendor's own Custom UI
// would mount it. First, the first screen's bridge calls, so they travel while the page evaluates.
import { firstScreen } from '@usage-reporting/admin-ui/first-screen';
import '@usage-reporting/admin-ui/tokens.css';
import '@usage-reporting/admin-ui/styles.css';

// The page evaluates in a later task, so the calls above have left before it starts: Chromium sends
// a message to the host's window only when the task that posted it ends. index.html preloads the
// page's chunk (vite/preload-page.ts), so this import waits for no fetch.
void import('./page').then(({ mountPage }) => mountPage(firstScreen));
