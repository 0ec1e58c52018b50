/** What a non-admin sees instead of the page: a clear refusal and no data. */
export function NotAdminRefusal() {
  return (
    <main className="page">
      <section className="notice notice-warning" role="alert" aria-labelledby="not-admin-title">
        <h1 id="not-admin-title">Only site administrators can use this page</h1>
        <p>
          Usage Reporting settings are shown only to administrators of this site. Ask an administrator if you
          need to know what this app shares.
        </p>
      </section>
    </main>
  );
}
