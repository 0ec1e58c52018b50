import { useI18n } from '../i18n/index.js';

/** What a non-admin sees instead of the page: a clear refusal and no data. */
export function NotAdminRefusal() {
  const { t, locale } = useI18n();
  return (
    <main className="page" lang={locale}>
      <section className="notice notice-warning" role="alert" aria-labelledby="not-admin-title">
        <h1 id="not-admin-title">{t('notAdmin.heading')}</h1>
        <p>{t('notAdmin.body')}</p>
      </section>
    </main>
  );
}
