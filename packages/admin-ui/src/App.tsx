import { ErrorMessage } from './components/ErrorMessage.js';
import { Loading } from './components/Loading.js';
import { NotAdminRefusal } from './components/NotAdminRefusal.js';
import { useI18n } from './i18n/index.js';
import { useAdminPage } from './page/useAdminPage.js';
import { AdminPage } from './screens/AdminPage.js';

/**
 * Loads everything the first screen needs in one call, then hands it to the page. `wordless` while
 * the admin's language is not known yet: the page loads meanwhile but shows only a spinner, so an
 * admin in German does not see English flash first.
 */
export function App({ wordless = false }: { wordless?: boolean }) {
  const { load, refresh } = useAdminPage();
  const { t, locale } = useI18n();

  if (wordless) return <Waiting />;
  if (load.status === 'loading') return <Loading label={t('app.loading')} />;
  if (load.status === 'failed') {
    // The backend refuses non-admins before reading anything, so there is no data to show them.
    if (load.error.code === 'NOT_ADMIN') return <NotAdminRefusal />;
    return (
      <main className="page" lang={locale}>
        <h1>{t('app.title')}</h1>
        <ErrorMessage error={load.error} title={t('app.loadFailed')} />
        <button type="button" className="button" onClick={() => void refresh()}>
          {t('app.tryAgain')}
        </button>
      </main>
    );
  }
  if (!load.page.context.isAdmin) return <NotAdminRefusal />;
  return <AdminPage page={load.page} refreshing={load.refreshing} refreshError={load.refreshError} refresh={refresh} />;
}

function Waiting() {
  return (
    <p className="loading" role="status" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
    </p>
  );
}
