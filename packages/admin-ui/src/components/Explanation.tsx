import { useI18n } from '../i18n/index.js';

/**
 * The first thing a new admin reads: what the app would send, why, and what the choices mean,
 * in a few sentences. The preview below it shows the actual report.
 */
export function Explanation({ vendor }: { vendor?: string }) {
  const { t, rich } = useI18n();
  return (
    <section className="explanation" aria-labelledby="explanation-title">
      <h2 id="explanation-title">{t('explanation.heading')}</h2>
      <ul>
        <li>
          <strong>{t('explanation.what.label')}</strong> {t('explanation.what.text')}
        </li>
        <li>
          <strong>{t('explanation.never.label')}</strong> {t('explanation.never.text')}
        </li>
        <li>
          <strong>{t('explanation.why.label')}</strong> {t('explanation.why.text', { vendor: vendor ?? t('explanation.defaultVendor') })}
        </li>
        <li>
          <strong>{t('explanation.choice.label')}</strong> {t('explanation.choice.text')}
        </li>
      </ul>
      <p>{rich('explanation.below', { choicesLink: <a href="#choices-title">{t('explanation.choicesLink')}</a> })}</p>
    </section>
  );
}
