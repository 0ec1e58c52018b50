import { ErrorMessage } from './components/ErrorMessage.js';
import { Loading } from './components/Loading.js';
import { NotAdminRefusal } from './components/NotAdminRefusal.js';
import { useAdminPage } from './page/useAdminPage.js';
import { AdminPage } from './screens/AdminPage.js';

/** Loads everything the first screen needs in one call, then hands it to the page. */
export function App() {
  const { load, refresh } = useAdminPage();

  if (load.status === 'loading') return <Loading label="Loading Usage Reporting" />;
  if (load.status === 'failed') {
    // The backend refuses non-admins before reading anything, so there is no data to show them.
    if (load.error.code === 'NOT_ADMIN') return <NotAdminRefusal />;
    return (
      <main className="page">
        <h1>Usage Reporting</h1>
        <ErrorMessage error={load.error} title="The page could not load" />
        <button type="button" className="button" onClick={() => void refresh()}>
          Try again
        </button>
      </main>
    );
  }
  if (!load.page.context.isAdmin) return <NotAdminRefusal />;
  return <AdminPage page={load.page} refreshing={load.refreshing} refreshError={load.refreshError} refresh={refresh} />;
}
