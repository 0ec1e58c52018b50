/**
 * The first thing a new admin reads: what the app would send, why, and what the choices mean,
 * in a few sentences. The preview below it shows the actual report.
 */
export function Explanation({ vendor = 'the app’s vendor' }: { vendor?: string }) {
  return (
    <section className="explanation" aria-labelledby="explanation-title">
      <h2 id="explanation-title">What this app would share, and why</h2>
      <ul>
        <li>
          <strong>What:</strong> a short report about how this app is set up and used on this site: yes/no settings, a few
          fixed choices, and rough counts such as “11-50 projects”.
        </li>
        <li>
          <strong>Never:</strong> names, email addresses, page or issue content, URLs or any text typed by people. The site is
          identified only by a random number made for this app.
        </li>
        <li>
          <strong>Why:</strong> it helps {vendor} decide what to improve and find problems with particular versions.
        </li>
        <li>
          <strong>Your choice:</strong> nothing is sent until you choose. You can change your mind, restrict what is sent, or
          withdraw at any time, and ask for data already sent to be deleted.
        </li>
      </ul>
      <p>
        Below is the exact report that would be sent now, followed by <a href="#choices-title">your three choices</a>.
      </p>
    </section>
  );
}
