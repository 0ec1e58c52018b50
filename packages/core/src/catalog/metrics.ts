import type { CollectContext } from './context.js';
import { booleanMetric, bucketMetric, countMetric, enumMetric, type MetricEntry } from './entry.js';
import type { MeterEvent } from './meter-events.js';
import { cadences, consentModes, environments, licenceStates, type SiteCount } from './vocabulary.js';

/**
 * Every field a report may contain. Adding a metric is one entry here (see "Adding a metric" in README.md).
 * Give a new entry `since: <current format + 1>`: existing consents then withhold it until the admin accepts.
 * Each carries its German and Japanese words inline, so a vendor catalog that spreads these keeps them.
 */
const versionPart = (index: 0 | 1) => (ctx: CollectContext) => {
  const match = /^(\d{1,6})\.(\d{1,6})(?:\.\d{1,6})?(?:[-+].*)?$/.exec(ctx.facts.app.version);
  return match ? Number(match[index + 1]) : undefined;
};
const siteCount = (kind: SiteCount) => (ctx: CollectContext) => ctx.facts.counts[kind];
const usage = (event: MeterEvent) => (ctx: CollectContext) => ctx.facts.usage[event] ?? 0;

export const builtInMetrics: readonly MetricEntry[] = [
  countMetric({
    key: 'app.versionMajor', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'The major version number of the app installed on the site.',
    translations: {
      de: { description: 'Die Hauptversionsnummer der App, die auf der Website installiert ist.' },
      ja: { description: 'サイトにインストールされているアプリのメジャー バージョン番号です。' }
    },
    collect: versionPart(0)
  }),
  countMetric({
    key: 'app.versionMinor', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'The minor version number of the app installed on the site.',
    translations: {
      de: { description: 'Die Nebenversionsnummer der App, die auf der Website installiert ist.' },
      ja: { description: 'サイトにインストールされているアプリのマイナー バージョン番号です。' }
    },
    collect: versionPart(1)
  }),
  enumMetric(environments, {
    key: 'app.environment', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'Whether the app runs as a production, staging or development installation.',
    translations: {
      de: { description: 'Ob die App als Produktiv-, Staging- oder Entwicklungsinstallation läuft.', valueLabels: { production: 'Produktiv', staging: 'Staging', development: 'Entwicklung' } },
      ja: { description: 'アプリが本番、ステージング、開発のどの環境として実行されているかを示します。', valueLabels: { production: '本番', staging: 'ステージング', development: '開発' } }
    },
    collect: (ctx) => ctx.facts.app.environment
  }),
  enumMetric(licenceStates, {
    key: 'app.licence', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Whether the app licence is active, in evaluation, inactive, or absent (free app).',
    translations: {
      de: { description: 'Ob die App-Lizenz aktiv, in der Testphase oder inaktiv ist oder ob es keine gibt (kostenlose App).', valueLabels: { active: 'Aktiv', evaluation: 'Testphase', inactive: 'Inaktiv', none: 'Keine (kostenlose App)' } },
      ja: { description: 'アプリのライセンスが有効、評価中、無効、なし (無料アプリ) のいずれであるかを示します。', valueLabels: { active: '有効', evaluation: '評価中', inactive: '無効', none: 'なし (無料アプリ)' } }
    },
    collect: (ctx) => ctx.facts.app.licence
  }),
  enumMetric(['jira', 'confluence'] as const, {
    key: 'site.product', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Which Atlassian product the app runs in: Jira or Confluence.',
    translations: {
      de: { description: 'In welchem Atlassian-Produkt die App läuft: Jira oder Confluence.' },
      ja: { description: 'アプリが動作している Atlassian 製品 (Jira または Confluence) です。' }
    },
    collect: (ctx) => ctx.facts.product
  }),
  bucketMetric({
    key: 'site.projects', category: 'configuration', purpose: 'product-improvement', since: 1, products: ['jira'],
    description: 'Roughly how many Jira projects the site has, as a range such as 11-50.',
    translations: {
      de: { description: 'Ungefähr wie viele Jira-Projekte die Website hat, als Spanne wie 11-50.' },
      ja: { description: 'サイトにある Jira プロジェクトのおおよその数です (11-50 のような範囲で示します)。' }
    },
    count: siteCount('projects')
  }),
  bucketMetric({
    key: 'site.issueTypes', category: 'configuration', purpose: 'product-improvement', since: 1, products: ['jira'],
    description: 'Roughly how many Jira issue types the site defines, as a range.',
    translations: {
      de: { description: 'Ungefähr wie viele Jira-Vorgangstypen die Website definiert, als Spanne.' },
      ja: { description: 'サイトで定義されている Jira 課題タイプのおおよその数です (範囲で示します)。' }
    },
    count: siteCount('issueTypes')
  }),
  bucketMetric({
    key: 'site.issues', category: 'configuration', purpose: 'product-improvement', since: 1, products: ['jira'],
    description: 'Roughly how many Jira issues the site holds, as a range.',
    translations: {
      de: { description: 'Ungefähr wie viele Jira-Vorgänge die Website enthält, als Spanne.' },
      ja: { description: 'サイトにある Jira 課題のおおよその数です (範囲で示します)。' }
    },
    count: siteCount('issues')
  }),
  // Format 2 added the custom-field and blog-post scale: installations that accepted format 1 withhold them until acceptFormat(2).
  bucketMetric({
    key: 'site.customFields', category: 'configuration', purpose: 'product-improvement', since: 2, products: ['jira'],
    description: 'Roughly how many custom fields the Jira site defines, as a range.',
    translations: {
      de: { description: 'Ungefähr wie viele benutzerdefinierte Felder die Jira-Website definiert, als Spanne.' },
      ja: { description: 'Jira サイトで定義されているカスタム フィールドのおおよその数です (範囲で示します)。' }
    },
    count: siteCount('customFields')
  }),
  bucketMetric({
    key: 'site.spaces', category: 'configuration', purpose: 'product-improvement', since: 1, products: ['confluence'],
    description: 'Roughly how many Confluence spaces the site has, as a range.',
    translations: {
      de: { description: 'Ungefähr wie viele Confluence-Bereiche die Website hat, als Spanne.' },
      ja: { description: 'サイトにある Confluence スペースのおおよその数です (範囲で示します)。' }
    },
    count: siteCount('spaces')
  }),
  bucketMetric({
    key: 'site.pages', category: 'configuration', purpose: 'product-improvement', since: 1, products: ['confluence'],
    description: 'Roughly how many Confluence pages the site holds, as a range.',
    translations: {
      de: { description: 'Ungefähr wie viele Confluence-Seiten die Website enthält, als Spanne.' },
      ja: { description: 'サイトにある Confluence ページのおおよその数です (範囲で示します)。' }
    },
    count: siteCount('pages')
  }),
  bucketMetric({
    key: 'site.blogposts', category: 'configuration', purpose: 'product-improvement', since: 2, products: ['confluence'],
    description: 'Roughly how many Confluence blog posts the site holds, as a range.',
    translations: {
      de: { description: 'Ungefähr wie viele Confluence-Blogbeiträge die Website enthält, als Spanne.' },
      ja: { description: 'サイトにある Confluence ブログ投稿のおおよその数です (範囲で示します)。' }
    },
    count: siteCount('blogposts')
  }),
  enumMetric(consentModes, {
    key: 'config.consentMode', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'How the admin chose to share reports: per case or automatically.',
    translations: {
      de: { description: 'Wie der Administrator die Weitergabe von Berichten gewählt hat: jedes Mal nach Rückfrage oder automatisch.', valueLabels: { 'not-asked': 'Noch nicht entschieden', 'per-case': 'Jedes Mal fragen', automatic: 'Automatisch', off: 'Nicht senden' } },
      ja: { description: '管理者が選んだレポートの共有方法 (毎回確認する、または自動) です。', valueLabels: { 'not-asked': '未決定', 'per-case': '毎回確認する', automatic: '自動', off: '送信しない' } }
    },
    collect: (ctx) => ctx.config.mode
  }),
  enumMetric(cadences, {
    key: 'config.cadence', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'How often automatic reports are sent: weekly or monthly.',
    translations: {
      de: { description: 'Wie oft automatische Berichte gesendet werden: wöchentlich oder monatlich.', valueLabels: { weekly: 'Wöchentlich', monthly: 'Monatlich' } },
      ja: { description: '自動レポートの送信頻度 (毎週または毎月) です。', valueLabels: { weekly: '毎週', monthly: '毎月' } }
    },
    collect: (ctx) => ctx.config.cadence
  }),
  booleanMetric({
    key: 'config.restrictionsActive', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'Whether the admin excluded any category or field from reports.',
    translations: {
      de: { description: 'Ob der Administrator eine Kategorie oder ein Feld von den Berichten ausgeschlossen hat.' },
      ja: { description: '管理者がいずれかのカテゴリまたはフィールドをレポートから除外しているかどうかを示します。' }
    },
    collect: (ctx) => ctx.config.restrictionsActive
  }),
  booleanMetric({
    key: 'config.purposesNarrowed', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'Whether the admin limited the purposes reports may be used for.',
    translations: {
      de: { description: 'Ob der Administrator die Zwecke eingeschränkt hat, für die Berichte verwendet werden dürfen.' },
      ja: { description: '管理者がレポートの利用目的を制限しているかどうかを示します。' }
    },
    collect: (ctx) => ctx.config.purposesNarrowed
  }),
  countMetric({
    key: 'usage.adminPageOpened', category: 'usage', purpose: 'product-improvement', since: 1,
    description: 'How many times admins opened this settings page during the period.',
    translations: {
      de: { description: 'Wie oft Administratoren diese Einstellungsseite im Zeitraum geöffnet haben.' },
      ja: { description: '期間中に管理者がこの設定ページを開いた回数です。' }
    },
    collect: usage('admin.page.opened')
  }),
  countMetric({
    key: 'usage.reportsPreviewed', category: 'usage', purpose: 'product-improvement', since: 1,
    description: 'How many report previews admins looked at during the period.',
    translations: {
      de: { description: 'Wie viele Berichtsvorschauen sich Administratoren im Zeitraum angesehen haben.' },
      ja: { description: '期間中に管理者が確認したレポート プレビューの数です。' }
    },
    collect: usage('report.previewed')
  }),
  countMetric({
    key: 'usage.reportsSent', category: 'usage', purpose: 'troubleshooting', since: 1,
    description: 'How many reports left the site during the period.',
    translations: {
      de: { description: 'Wie viele Berichte die Website im Zeitraum verlassen haben.' },
      ja: { description: '期間中にサイトから送信されたレポートの数です。' }
    },
    collect: usage('report.sent')
  }),
  countMetric({
    key: 'usage.consentChanges', category: 'usage', purpose: 'product-improvement', since: 1,
    description: 'How many times admins changed the sharing settings during the period.',
    translations: {
      de: { description: 'Wie oft Administratoren die Freigabeeinstellungen im Zeitraum geändert haben.' },
      ja: { description: '期間中に管理者が共有設定を変更した回数です。' }
    },
    collect: usage('consent.changed')
  }),
  countMetric({
    key: 'usage.dataExports', category: 'usage', purpose: 'product-improvement', since: 1,
    description: 'How many times admins exported the data the app stores on the site.',
    translations: {
      de: { description: 'Wie oft Administratoren die Daten exportiert haben, die die App auf der Website speichert.' },
      ja: { description: 'アプリがサイトに保存しているデータを管理者がエクスポートした回数です。' }
    },
    collect: usage('data.exported')
  })
];
