import { defineMessages } from './define.js';

/**
 * German, formal ("Sie"), in the words Atlassian's German products use: Website (site), Vorgang
 * (issue), Bereich (space). Report: Bericht; vendor: Anbieter; consent: Einwilligung; withheld:
 * zurückgehalten; receipt: Empfangsbestätigung; acknowledgement: Bestätigung; digest: Prüfsumme.
 */
export const de = defineMessages({
  'app.title': 'Usage Reporting',
  'app.loading': 'Usage Reporting wird geladen',
  'app.loadFailed': 'Die Seite konnte nicht geladen werden',
  'app.tryAgain': 'Erneut versuchen',
  'notAdmin.heading': 'Nur Website-Administratoren können diese Seite verwenden',
  'notAdmin.body':
    'Die Einstellungen von Usage Reporting werden nur Administratoren dieser Website angezeigt. Wenden Sie sich an einen Administrator, wenn Sie wissen möchten, was diese App weitergibt.',

  'common.cancel': 'Abbrechen',
  'common.back': 'Zurück',
  'common.detailsForSupport': 'Details für den Support',
  'product.jira': 'Jira',
  'product.confluence': 'Confluence',
  'value.yes': 'Ja',
  'value.no': 'Nein',

  'category.configuration.label': 'Konfiguration',
  'category.usage.label': 'Nutzung',
  'category.configuration.explanation': 'Wie die App und die Website eingerichtet sind, etwa die App-Version und die ungefähre Größe der Website.',
  'category.usage.explanation': 'Wie oft die App genutzt wird, etwa wie oft diese Seite geöffnet wurde.',
  'purpose.product-improvement.label': 'Produktverbesserung',
  'purpose.troubleshooting.label': 'Fehlerbehebung',
  'purpose.product-improvement.inSentence': 'Produktverbesserung',
  'purpose.troubleshooting.inSentence': 'Fehlerbehebung',
  'purpose.product-improvement.explanation': 'Um zu entscheiden, was als Nächstes entwickelt und verbessert wird.',
  'purpose.troubleshooting.explanation': 'Um Probleme mit bestimmten Versionen oder Konfigurationen zu finden und zu beheben.',
  'mode.not-asked.label': 'Noch nicht entschieden',
  'mode.per-case.label': 'Jedes Mal fragen',
  'mode.automatic.label': 'Automatisch senden',
  'mode.off.label': 'Nicht senden',
  'cadence.weekly.label': 'Wöchentlich',
  'cadence.monthly.label': 'Monatlich',
  'cadence.weekly.inSentence': 'wöchentlich',
  'cadence.monthly.inSentence': 'monatlich',
  'withheld.restricted-category.label': 'Sie haben diese Kategorie ausgeschlossen',
  'withheld.restricted-field.label': 'Sie haben dieses Feld ausgeschlossen',
  'withheld.restricted-purpose.label': 'Sie haben diesen Zweck ausgeschlossen',
  'withheld.format-not-accepted.label': 'Neues Feld, das Sie noch nicht akzeptiert haben',
  'withheld.restricted-category.inSentence': 'Sie haben diese Kategorie ausgeschlossen',
  'withheld.restricted-field.inSentence': 'Sie haben dieses Feld ausgeschlossen',
  'withheld.restricted-purpose.inSentence': 'Sie haben diesen Zweck ausgeschlossen',
  'withheld.format-not-accepted.inSentence': 'neues Feld, das Sie noch nicht akzeptiert haben',

  'error.title': 'Das hat nicht funktioniert',
  'error.NOT_ADMIN': 'Nur Website-Administratoren können das tun.',
  'error.INVALID_INPUT': 'Die App konnte diese Anfrage nicht annehmen. Laden Sie die Seite neu und versuchen Sie es erneut.',
  'error.NOT_FOUND': 'Dieses Element existiert nicht mehr. Laden Sie die Seite neu, um den aktuellen Stand zu sehen.',
  'error.CONFLICT': 'Während Sie gearbeitet haben, hat sich etwas geändert. Laden Sie die Seite neu, um den neuesten Stand zu sehen.',
  'error.CONSENT_REQUIRED': 'Es wurde nichts gesendet: Dafür ist zuerst Ihre Einwilligung erforderlich.',
  'error.DIGEST_MISMATCH':
    'Es wurde nichts gesendet: Der Bericht stimmt nicht mehr mit der Vorschau überein, die Sie gesehen haben. Sehen Sie sich die neue Vorschau an und versuchen Sie es erneut.',
  'error.DRAFT_EXPIRED':
    'Es wurde nichts gesendet: Die Vorschau, die Sie gesehen haben, ist veraltet. Sehen Sie sich die neue Vorschau an und versuchen Sie es erneut.',
  'error.RESTRICTIONS_CHANGED':
    'Es wurde nichts gesendet: Ihre Einschränkungen haben sich geändert, nachdem diese Vorschau erstellt wurde. Sehen Sie sich die neue Vorschau an und versuchen Sie es erneut.',
  'error.PRIVACY_BLOCKED': 'Es wurde nichts gesendet: Die Datenschutzprüfung hat einen Wert angehalten, der in einem Bericht nicht erlaubt ist.',
  'error.TOO_LARGE': 'Es wurde nichts gesendet: Der Bericht ist größer, als der Server des Anbieters annimmt.',
  'error.TRANSPORT':
    'Der Server des Anbieters hat nicht geantwortet. Versuchen Sie es später erneut; alles, was die App bereits in die Warteschlange gestellt hat, wird automatisch erneut versucht.',
  'error.ANSWER_NOT_VERIFIED':
    'Die Antwort des Anbieters wurde nicht angenommen: sie lässt sich nicht mit dem Collector-Schlüssel des Anbieters verifizieren, oder sie betrifft nichts, was diese Website übergeben hat. Es wurde nichts erfasst.',
  'error.STORAGE': 'Die App konnte ihre Daten auf dieser Website nicht lesen oder speichern. Versuchen Sie es gleich noch einmal.',
  'error.INTERNAL':
    'In der App ist ein Fehler aufgetreten. Versuchen Sie es erneut; wenn das Problem weiterhin besteht, wenden Sie sich an den Anbieter.',
  'error.UNREACHABLE': 'Die Seite konnte das Backend der App nicht erreichen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.BAD_RESPONSE':
    'Das Backend der App hat auf eine Weise geantwortet, die diese Seite nicht versteht. Laden Sie die Seite neu; wenn das Problem weiterhin besteht, wenden Sie sich an den Anbieter.',

  'page.summary': '{product} · App-Version {version} · Weitergabe: {mode}',
  'page.withdraw': 'Einwilligung widerrufen',
  'page.refreshFailed': 'Die Seite konnte nicht aktualisiert werden',
  'page.sections.label': 'Bereiche von Usage Reporting',
  'page.sections.report': 'Bericht',
  'page.sections.settings': 'Einstellungen',
  'page.sections.history': 'Verlauf',
  'page.sections.data': 'Ihre Daten',
  'page.outcome.withdrawn': 'Einwilligung widerrufen. Es werden keine Berichte mehr gesendet.',
  'page.outcome.withdrawnCancelled': {
    one: 'Einwilligung widerrufen. Es werden keine Berichte mehr gesendet; {count} wartender Bericht wurde storniert.',
    other: 'Einwilligung widerrufen. Es werden keine Berichte mehr gesendet; {count} wartende Berichte wurden storniert.'
  },
  'page.outcome.vendorDeletionRequested': 'Der Anbieter wurde gebeten, die bereits gesendeten Daten zu löschen.',
  'page.outcome.erased': {
    one: 'Alles, was die App auf dieser Website gespeichert hat, wurde gelöscht ({count} Element, {time}).',
    other: 'Alles, was die App auf dieser Website gespeichert hat, wurde gelöscht ({count} Elemente, {time}).'
  },
  'page.outcome.dismiss': 'Schließen',

  'explanation.heading': 'Was diese App weitergeben würde und warum',
  'explanation.what.label': 'Was:',
  'explanation.what.text':
    'ein kurzer Bericht darüber, wie diese App auf dieser Website eingerichtet ist und genutzt wird: Ja/Nein-Einstellungen, einige feste Auswahlmöglichkeiten und ungefähre Anzahlen wie „11-50 Projekte“.',
  'explanation.never.label': 'Niemals:',
  'explanation.never.text':
    'Namen, E-Mail-Adressen, Seiten- oder Vorgangsinhalte, URLs oder von Personen eingegebener Text. Die Website wird nur durch eine Zufallszahl identifiziert, die für diese App erzeugt wurde.',
  'explanation.why.label': 'Warum:',
  'explanation.why.text': 'Es hilft {vendor} bei der Entscheidung, was verbessert werden soll, und beim Finden von Problemen mit bestimmten Versionen.',
  'explanation.defaultVendor': 'dem Anbieter der App',
  'explanation.choice.label': 'Ihre Wahl:',
  'explanation.choice.text':
    'Es wird nichts gesendet, bevor Sie sich entscheiden. Sie können Ihre Meinung jederzeit ändern, einschränken, was gesendet wird, oder Ihre Einwilligung widerrufen und verlangen, dass bereits gesendete Daten gelöscht werden.',
  'explanation.below': 'Unten sehen Sie genau den Bericht, der jetzt gesendet würde, gefolgt von {choicesLink}.',
  'explanation.choicesLink': 'Ihren drei Auswahlmöglichkeiten',

  'report.choiceFailed': 'Ihre Auswahl wurde nicht gespeichert',
  'report.summary.off': 'Von dieser Website werden keine Berichte gesendet. Die Vorschau unten zeigt, was gesendet würde, wenn Sie der Weitergabe zustimmen.',
  'report.summary.automatic': 'Berichte werden automatisch gesendet ({cadence}).',
  'report.summary.nextDue': 'Der nächste ist am {time} fällig.',
  'report.summary.nextDueNow': 'Der nächste ist jetzt fällig und wird mit dem nächsten geplanten Lauf gesendet.',
  'report.summary.perCase': 'Die App fragt Sie jedes Mal. Prüfen Sie den Bericht unten und senden Sie ihn, wenn Sie einverstanden sind.',
  'report.summary.automaticManual': 'Berichte werden automatisch erstellt ({cadence}) und warten darauf, dass Sie sie übergeben.',
  'report.summary.perCaseManual': 'Die App fragt Sie jedes Mal. Prüfen Sie den Bericht unten und übergeben Sie ihn, wenn Sie einverstanden sind.',
  'report.outbox': {
    one: '{count} Bericht wartet darauf, gesendet zu werden; die App versucht es automatisch erneut.',
    other: '{count} Berichte warten darauf, gesendet zu werden; die App versucht es automatisch erneut.'
  },
  'report.send': 'Diesen Bericht senden',
  'report.sendNow': 'Diesen Bericht jetzt senden',

  'choices.heading': 'Ihre Wahl',
  'choices.sendOnce.button': 'Diesen Bericht senden',
  'choices.sendOnce.hint': 'Sendet den Bericht oben einmal. Beim nächsten Mal fragt die App Sie erneut.',
  'choices.automatic.button': 'Automatisch senden – nicht mehr fragen',
  'choices.automatic.howOften': 'Wie oft:',
  'choices.automatic.hint': 'Ein Bericht wie der oben wird nach diesem Zeitplan gesendet. Sie können das jederzeit beenden.',
  'choices.off.button': 'Nicht senden',
  'choices.off.hint': 'Es wird nichts gesendet. Sie können das später unter „Einstellungen“ ändern.',

  'preview.heading': 'Der Bericht, der jetzt gesendet würde',
  'preview.viewsLabel': 'Berichtsansichten',
  'draft.validity': 'Erstellt am {created}. Diese Vorschau gilt bis {expires}.',
  'draft.readableCaption': 'Alle Felder des Berichts, einschließlich zurückgehaltener Felder',
  'draft.unreadable': 'Dieser Bericht kann nicht als Tabelle angezeigt werden ({problem}). Die exakten Bytes sehen Sie weiterhin unter „{tab}“.',
  'views.diff': 'Änderungen seit dem vorherigen Bericht',
  'views.readable': 'Lesbare Ansicht',
  'views.bytes': 'Exakte Bytes',
  'readable.column.field': 'Feld',
  'readable.column.meaning': 'Bedeutung',
  'readable.column.category': 'Kategorie',
  'readable.column.purpose': 'Zweck',
  'readable.column.value': 'Wert',
  'readable.notDescribed': 'Von dieser Version der App nicht beschrieben.',
  'readable.unknown': 'Unbekannt',
  'readable.withheld': 'Zurückgehalten: {reason}',

  'bytes.intro': {
    one: 'Dies sind die exakten Bytes des Berichts ({count} Byte UTF-8-JSON).',
    other: 'Dies sind die exakten Bytes des Berichts ({count} Byte UTF-8-JSON).'
  },
  'bytes.label': 'Exakte Bytes des Berichts',
  'bytes.digestLine': 'SHA-256: {digest}',
  'bytes.digest.checking': '(wird geprüft …)',
  'bytes.digest.match': '(in Ihrem Browser geprüft: stimmt mit diesen Bytes überein)',
  'bytes.digest.mismatch': 'Warnung: Diese Bytes stimmen nicht mit der Prüfsumme überein. Senden Sie diesen Bericht nicht; laden Sie die Seite neu.',
  'bytes.digest.unavailable': '(Ihr Browser kann die Prüfsumme hier nicht prüfen)',
  'bytes.signingKey': 'Signaturschlüssel: {fingerprint}',
  'bytes.signed': 'Mit dem Schlüssel dieser Website signiert; niemand sonst kann im Namen dieser Website Daten senden oder anfordern.',
  'bytes.signedWhenSent': 'Wird beim Senden mit dem Schlüssel dieser Website signiert; niemand sonst kann im Namen dieser Website Daten senden oder anfordern.',
  'bytes.copy': 'Bytes kopieren',
  'bytes.download': 'Bytes herunterladen',
  'bytes.formatted': 'Formatiert',
  'bytes.formattedNote': 'Die formatierte Ansicht fügt zum Lesen nur Leerzeichen und Zeilenumbrüche ein. Die Prüfsumme wird über die unveränderten Bytes berechnet, und beim Kopieren oder Herunterladen erhalten Sie immer die unveränderten Bytes.',
  'bytes.formattedLabel': 'Exakte Bytes des Berichts, zum Lesen formatiert',
  'bytes.notJson': 'Diese Bytes sind kein gültiges JSON und können daher nur unverändert angezeigt werden.',
  'copy.copied': 'Kopiert.',
  'copy.blocked': 'Kopieren ist hier blockiert; markieren Sie den Text oder laden Sie ihn stattdessen herunter.',

  'send.report.running': 'Der Bericht wird an den Anbieter gesendet',
  'send.report.failed': 'Der Bericht wurde nicht gesendet',
  'send.report.sent': 'Bericht gesendet',
  'send.report.sentText': 'Der Anbieter hat den Bericht empfangen und gespeichert. Die Vorschau oben ist eine neue, für das nächste Mal.',
  'send.report.queued': 'Der Bericht wartet darauf, gesendet zu werden',
  'send.report.queuedText':
    'Der Server des Anbieters hat nicht geantwortet. Der Bericht steht in der Warteschlange und wird automatisch erneut gesendet.',
  'send.report.rejected': 'Der Anbieter hat den Bericht abgelehnt',
  'send.report.rejectedText':
    'Der Server des Anbieters hat diesen Bericht nicht angenommen, daher wird er nicht erneut gesendet. Sonst ist nichts betroffen.',
  'send.correction.running': 'Die Korrektur wird an den Anbieter gesendet',
  'send.correction.failed': 'Die Korrektur wurde nicht gesendet',
  'send.correction.sent': 'Korrektur gesendet',
  'send.correction.sentText': 'Der Anbieter hat die Korrektur empfangen und gespeichert und zählt den ersetzten Bericht nicht mehr.',
  'send.correction.queued': 'Die Korrektur wartet darauf, gesendet zu werden',
  'send.correction.queuedText':
    'Der Server des Anbieters hat nicht geantwortet. Die Korrektur steht in der Warteschlange und wird automatisch erneut gesendet; bis sie ankommt, zählt der Anbieter weiterhin den ursprünglichen Bericht.',
  'send.correction.rejected': 'Der Anbieter hat die Korrektur abgelehnt',
  'send.correction.rejectedText':
    'Der Server des Anbieters hat diese Korrektur nicht angenommen, daher wird sie nicht erneut gesendet. Der ursprüngliche Bericht bleibt unverändert.',
  'send.receipt': 'Empfangsbestätigung',
  'send.receivedAt': 'Vom Anbieter empfangen',
  'send.receivedDigest': 'Vom Anbieter empfangene Prüfsumme',
  'send.collectorKey': 'Signiert mit dem Collector-Schlüssel des Anbieters',
  'send.duplicate': 'Der Anbieter hatte genau diesen Bericht bereits empfangen, daher wurde er nur einmal gespeichert.',

  'newFields.heading': {
    one: 'Diese Version der App kann ein neues Feld melden',
    other: 'Diese Version der App kann {count} neue Felder melden'
  },
  'newFields.body': {
    one: 'Bis Sie es akzeptieren, werden Berichte, auch automatische, ohne dieses Feld gesendet.',
    other: 'Bis Sie sie akzeptieren, werden Berichte, auch automatische, ohne diese Felder gesendet.'
  },
  'newFields.fieldMeta': '({category}, für {purpose})',
  'newFields.accept': 'Neue Felder akzeptieren',
  'newFields.acceptFailed': 'Die neuen Felder wurden nicht akzeptiert',

  'diff.first': 'Dies ist der erste Bericht, der von dieser Website gesendet wurde; es gibt also nichts, womit er verglichen werden könnte.',
  'diff.identical': 'Alle Felder haben denselben Wert wie im vorherigen Bericht.',
  'diff.formatChanged': 'Das Berichtsformat wurde von {before} auf {after} geändert.',
  'diff.purposesChanged': 'Erlaubte Zwecke vorher: {before}; jetzt: {after}.',
  'diff.purposesNone': 'keine',
  'diff.changedFields': 'Geänderte Felder',
  'diff.unchanged': { one: '{count} weiteres Feld ist unverändert.', other: '{count} weitere Felder sind unverändert.' },
  'diff.tag.added': 'Hinzugefügt',
  'diff.tag.removed': 'Entfernt',
  'diff.tag.changed': 'Geändert',
  'diff.line.added': '{key}: {after}',
  'diff.line.removed': '{key} (war {before})',
  'diff.line.removedWithheld': '{key} (war {before}): {reason}',
  'diff.line.changed': '{key}: {before} → {after}',
  'diff.withheld': 'zurückgehalten',
  'diff.withheldBecause': 'zurückgehalten, {reason}',

  'withdraw.title': 'Einwilligung widerrufen?',
  'withdraw.confirm': 'Einwilligung widerrufen',
  'withdraw.body': 'Es verlassen keine Berichte mehr diese Website. Berichte, die auf das Senden warten, werden storniert.',
  'withdraw.alsoDelete': 'Den Anbieter außerdem bitten, die bereits von dieser Website gesendeten Daten zu löschen',
  'withdraw.failed': 'Die Einwilligung wurde nicht widerrufen',

  'vendorDeletion.acknowledged.title': 'Der Anbieter hat die von dieser Website gesendeten Daten gelöscht',
  'vendorDeletion.acknowledged.text': {
    one: 'Bestätigt am {time}: {count} Bericht gelöscht (Bestätigung {id}).',
    other: 'Bestätigt am {time}: {count} Berichte gelöscht (Bestätigung {id}).'
  },
  'vendorDeletion.failed.title': 'Der Anbieter hat die Löschung nicht bestätigt, und die App hat die Versuche eingestellt',
  'vendorDeletion.failed.text': {
    one: 'Angefordert am {time}. Die App hat es einmal versucht, und der Dienst des Anbieters hat die Löschung nie bestätigt; die von dieser Website gesendeten Daten liegen daher möglicherweise noch beim Anbieter.',
    other:
      'Angefordert am {time}. Die App hat es über mehrere Tage {count}-mal versucht, und der Dienst des Anbieters hat die Löschung nie bestätigt; die von dieser Website gesendeten Daten liegen daher möglicherweise noch beim Anbieter.'
  },
  'vendorDeletion.failed.whatToDo':
    'Was Sie tun können: Stellen Sie die Anfrage unter {section} mit „{action}“ erneut (eine neue Anfrage wird sofort und danach täglich versucht), oder bitten Sie den Support des Anbieters, die Nutzungsberichte dieser Website zu löschen. Geben Sie dabei die Details unten an.',
  'vendorDeletion.pending.title': 'Löschung angefordert, vom Anbieter noch nicht bestätigt',
  'vendorDeletion.pending.nextAttempt': 'Angefordert am {requested}. Der nächste Versuch erfolgt am {next}.',
  'vendorDeletion.pending.nextRun': 'Angefordert am {requested}. Die App versucht es bei ihrem nächsten täglichen Lauf erneut.',
  'vendorDeletion.pending.triedNextAttempt': {
    one: 'Angefordert am {requested}. Die App hat es einmal versucht; der nächste Versuch erfolgt am {next}.',
    other: 'Angefordert am {requested}. Die App hat es {count}-mal versucht; der nächste Versuch erfolgt am {next}.'
  },
  'vendorDeletion.pending.triedNextRun': {
    one: 'Angefordert am {requested}. Die App hat es einmal versucht; sie versucht es bei ihrem nächsten täglichen Lauf erneut.',
    other: 'Angefordert am {requested}. Die App hat es {count}-mal versucht; sie versucht es bei ihrem nächsten täglichen Lauf erneut.'
  },
  'vendorDeletion.pending.noAnswer': 'Beim letzten Versuch kam keine Antwort vom Anbieter.',
  'vendorDeletion.checkAgain': 'Erneut prüfen',

  'settings.mode.heading': 'Weitergabe',
  'settings.mode.legend': 'Wie Berichte gesendet werden',
  'settings.mode.per-case.hint': 'Es wird nichts gesendet, bevor Sie einen Bericht prüfen und auf „Senden“ klicken.',
  'settings.mode.automatic.hint': 'Ein Bericht wird ohne Rückfrage nach dem Zeitplan unten gesendet.',
  'settings.mode.off.hint': 'Es verlassen keine Berichte diese Website.',
  'settings.mode.cadenceLegend': 'Wie oft',
  'settings.mode.failed': 'Die Weitergabe wurde nicht geändert',
  'settings.mode.save': 'Weitergabe speichern',
  'settings.mode.saved': 'Weitergabe gespeichert.',
  'settings.restrictions.heading': 'Was weitergegeben werden darf',
  'settings.restrictions.categories': 'Kategorien',
  'settings.restrictions.share.configuration': 'Konfigurationsfelder weitergeben',
  'settings.restrictions.share.usage': 'Nutzungsfelder weitergeben',
  'settings.restrictions.purposes': 'Zwecke, für die der Anbieter Berichte verwenden darf',
  'settings.restrictions.keepOnePurpose':
    'Behalten Sie mindestens einen Zweck bei. Wenn Sie gar nichts weitergeben möchten, wählen Sie „{off}“ oder widerrufen Sie Ihre Einwilligung.',
  'settings.restrictions.fieldsSummary': 'Einzelne Felder ({shared} von {total} werden weitergegeben)',
  'settings.restrictions.fields': 'Felder',
  'settings.restrictions.failed': 'Die Einschränkungen wurden nicht gespeichert',
  'settings.restrictions.save': 'Einschränkungen speichern',
  'settings.restrictions.saved': 'Gespeichert. Die Vorschau zeigt jetzt den Bericht mit diesen Einschränkungen.',
  'settings.retention.heading': 'Verlauf auf dieser Website',
  'settings.retention.label': 'Kopien gesendeter Berichte aufbewahren für (Tage)',
  'settings.retention.hint': 'Zwischen {min} und {max} Tagen. Ältere Kopien werden von dieser Website gelöscht; nur ihre Anzahl bleibt erhalten.',
  'settings.retention.failed': 'Die Aufbewahrung wurde nicht geändert',
  'settings.retention.save': 'Aufbewahrung speichern',
  'settings.retention.saved': 'Aufbewahrung gespeichert.',
  'settings.withdraw.heading': 'Einwilligung widerrufen',
  'settings.withdraw.text': 'Beendet alle Berichte von dieser Website. Sie können den Anbieter außerdem bitten, bereits Gesendetes zu löschen.',
  'settings.withdraw.button': 'Einwilligung widerrufen',
  'settings.withdraw.nothing': 'Von dieser Website werden keine Berichte gesendet; es gibt also nichts zu widerrufen.',

  'history.empty': 'Von dieser Website wurden noch keine Berichte gesendet.',
  'history.purged': {
    one: '{count} älterer Bericht wurde aufgrund Ihrer Aufbewahrungseinstellung aus diesem Verlauf entfernt.',
    other: '{count} ältere Berichte wurden aufgrund Ihrer Aufbewahrungseinstellung aus diesem Verlauf entfernt.'
  },
  'history.caption': 'Von dieser Website gesendete Berichte, neueste zuerst',
  'history.column.date': 'Datum',
  'history.column.mode': 'Modus',
  'history.column.status': 'Status',
  'history.column.receipt': 'Empfangsbestätigung',
  'history.column.details': 'Details',
  'history.status.pending': 'Wartet auf das Senden',
  'history.status.sent': 'Gesendet',
  'history.status.rejected': 'Vom Anbieter abgelehnt',
  'history.status.cancelled': 'Storniert',
  'history.status.retracted': 'Zurückgezogen am {time}',
  'history.status.vendorDeleted': 'Vom Anbieter gelöscht am {time}',
  'history.status.corrected': 'Korrigiert am {time}',
  'history.status.handedOver': 'Übergeben am {time}',
  'history.status.readyToHandOver': 'Bereit zur Übergabe',
  'history.status.acknowledged': 'Vom Anbieter bestätigt',
  'history.trigger.per-case': 'Von einem Administrator gesendet',
  'history.trigger.automatic': 'Automatisch',
  'history.trigger.correction': 'Korrektur eines früheren Berichts',
  'history.noReceipt': 'Noch keine',
  'history.receiptKey': 'signiert mit dem Collector-Schlüssel {fingerprint}',
  'history.show': 'Anzeigen',
  'history.hide': 'Ausblenden',
  'history.showLabel': 'Bericht vom {time} anzeigen',
  'history.selected': 'Ausgewählter Bericht',
  'history.loadingEntry': 'Der Bericht wird geladen',
  'history.entryFailed': 'Der Bericht konnte nicht geladen werden',

  'historyEntry.title.report': 'Bericht vom {time}',
  'historyEntry.title.correction': 'Korrektur vom {time}',
  'historyEntry.receipt': 'Empfangsbestätigung {receipt}, vom Anbieter empfangen am {time}.',
  'historyEntry.viewsLabel': 'Ansichten des früheren Berichts',
  'historyEntry.unreadable': 'Dieser Bericht kann nicht als Tabelle gelesen werden ({problem}). Seine exakten Bytes finden Sie unter „{tab}“.',
  'historyEntry.readableCaption': 'Alle Felder dieses Berichts',
  'historyEntry.previousUnreadable': 'Der vorherige Bericht kann nicht gelesen werden ({problem}), daher wird kein Vergleich angezeigt.',

  'chain.corrects': 'Korrigiert den Bericht vom {time}.',
  'chain.correctsMissing': 'Korrigiert einen früheren Bericht, der nicht mehr in diesem Verlauf steht.',
  'chain.openOriginal': 'Korrigierten Bericht öffnen',
  'chain.superseded': 'Ersetzt durch die Korrektur vom {time}. Der Anbieter zählt diesen Bericht nicht mehr.',
  'chain.supersededWithReceipt': 'Ersetzt durch die Korrektur vom {time} (Empfangsbestätigung {receipt}). Der Anbieter zählt diesen Bericht nicht mehr.',
  'chain.openCorrection': 'Korrektur öffnen',
  'chain.pending':
    'Eine Korrektur dieses Berichts, erstellt am {time}, wartet darauf, gesendet zu werden; bis sie ankommt, zählt der Anbieter weiterhin diesen Bericht.',
  'chain.vendorDeleted':
    'Vom Anbieter gelöscht am {time}, als diese Website ihn bat, alle ihre Daten zu löschen (Bestätigung {ack}). Nur der eigene Eintrag dieser Website bleibt erhalten.',
  'chain.retracted.deleted':
    'Zurückgezogen am {time} – der Anbieter hat seine Kopie gelöscht (Bestätigung {ack}). Nur der eigene Eintrag dieser Website bleibt erhalten.',
  'chain.retracted.noCopy':
    'Zurückgezogen am {time} – der Anbieter hat bestätigt, dass er keine Kopie hat (Bestätigung {ack}). Nur der eigene Eintrag dieser Website bleibt erhalten.',

  'rights.heading': 'Diesen Bericht korrigieren oder zurückziehen',
  'rights.intro': 'Wenn dieser Bericht falsch war, senden Sie eine Korrektur für denselben Zeitraum oder bitten Sie den Anbieter, ihn zu löschen.',
  'rights.correct': 'Diesen Bericht korrigieren',
  'rights.retract': 'Diesen Bericht zurückziehen',
  'rights.confirm.title': 'Diesen Bericht zurückziehen?',
  'rights.confirm.button': 'Bericht zurückziehen',
  'rights.confirm.body':
    'Der Anbieter löscht seine Kopie des Berichts vom {time} und zählt ihn nicht mehr. Nichts anderes, was Sie gesendet haben, ist betroffen, und diese Website behält ihren eigenen Eintrag des Berichts.',
  'rights.confirm.bodyWithReceipt':
    'Der Anbieter löscht seine Kopie des Berichts vom {time} (Empfangsbestätigung {receipt}) und zählt ihn nicht mehr. Nichts anderes, was Sie gesendet haben, ist betroffen, und diese Website behält ihren eigenen Eintrag des Berichts.',
  'rights.confirm.irreversible':
    'Dies kann nicht rückgängig gemacht werden. Wenn Sie stattdessen andere Zahlen für diesen Zeitraum senden möchten, brechen Sie ab und wählen Sie „{correct}“.',
  'rights.retracting': 'Der Anbieter wird gebeten, den Bericht zurückzuziehen',
  'rights.retractFailed': 'Der Bericht wurde nicht zurückgezogen',
  'rights.preparing': 'Die Korrektur wird vorbereitet',
  'rights.prepareFailed': 'Die Korrektur konnte nicht vorbereitet werden',
  'correction.heading': 'Die Korrektur, die gesendet würde',
  'correction.explanation':
    'Sie deckt denselben Zeitraum ab wie der Bericht vom {time} ({period}) und ersetzt ihn beim Anbieter. Sie wird mit den heutigen Einstellungen erstellt und gibt daher nur weiter, was Sie jetzt erlauben.',
  'correction.viewsLabel': 'Ansichten der Korrektur',
  'correction.send': 'Diese Korrektur senden',
  'rightsOutcome.unconfirmed': 'Der Anbieter hat das Zurückziehen noch nicht bestätigt',
  'rightsOutcome.retracted': 'Bericht zurückgezogen',
  'rightsOutcome.acknowledgement': 'Bestätigung',
  'rightsOutcome.retractedAt': 'Zurückgezogen',
  'rightsOutcome.deletedCopies': 'Vom Anbieter gelöschte Kopien',

  'data.export.heading': 'Alles, was die App auf dieser Website speichert',
  'data.export.text':
    'Eine JSON-Datei mit den Einstellungen, der Einwilligung, dem Protokoll, dem Verlauf und den Zählern der App auf dieser Website. Geheimnisse sind nie enthalten.',
  'data.export.button': 'Als JSON exportieren',
  'data.export.busy': 'Der Export wird vorbereitet',
  'data.export.done': 'Export heruntergeladen.',
  'data.document.savedAs': 'Gespeichert als {fileName}.',
  'data.vendor.heading': 'Daten beim Anbieter',
  'data.vendor.export.button': 'Kopie des Anbieters herunterladen',
  'data.vendor.export.busy': 'Der Anbieter wird um seine Kopie gebeten',
  'data.vendor.export.done': 'Die Kopie des Anbieters mit den Daten dieser Website wurde heruntergeladen.',
  'data.vendor.delete.button': 'Anbieter bitten, die Daten dieser Website zu löschen',
  'data.vendor.restrict.heading': 'Einschränken, was der Anbieter mit bereits gesendeten Daten tun darf',
  'data.vendor.restrict.legend': 'Der Anbieter darf die Daten dieser Website nicht mehr verwenden für',
  'data.vendor.restrict.confirmed': 'Der Anbieter hat diese Einschränkung am {time} bestätigt.',
  'data.vendor.restrict.waiting': 'Angefordert am {time}; die Bestätigung des Anbieters steht noch aus.',
  'data.vendor.restrict.failed': 'Die Einschränkung wurde nicht angefordert',
  'data.vendor.restrict.save': 'Einschränkungen speichern',
  'data.vendorDeletion.title': 'Den Anbieter bitten, die Daten dieser Website zu löschen?',
  'data.vendorDeletion.confirm': 'Anbieter um Löschung bitten',
  'data.vendorDeletion.what': 'Der Erfassungsdienst des Anbieters löscht jeden Bericht, den diese Website gesendet hat. Dies kann nicht rückgängig gemacht werden.',
  'data.vendorDeletion.kept':
    'Er behält nur, was keine Berichtsinhalte enthält: die öffentlichen Signaturschlüssel dieser Website, damit sie weiterhin nachweisen kann, wer sie ist; die Einschränkungen, die Sie für die Datennutzung durch den Anbieter festgelegt haben; die Bestätigung dieser Löschung; und Tagessummen, die keine Website nennen und jede Anzahl von zu wenigen Websites verbergen – neu berechnet ohne diese Website, soweit sie noch aktuell sind.',
  'data.vendorDeletion.unchanged':
    'Auf dieser Website ändert sich nichts: Ihre Einwilligung, Ihre Einstellungen und Ihr Verlauf bleiben, wie sie sind. Berichte werden weiterhin gesendet, wenn Ihre Einwilligung das erlaubt; um sie zu beenden, widerrufen Sie Ihre Einwilligung.',
  'data.vendorDeletion.retry':
    'Wenn der Anbieter gerade nicht erreichbar ist, wird die Anfrage jeden Tag erneut versucht, und diese Seite zeigt, wie der Stand ist.',
  'data.vendorDeletion.failed': 'Die Löschanfrage wurde nicht gestellt',
  'data.erase.heading': 'Alles hier Gespeicherte löschen',
  'data.erase.text':
    'Löscht die Einstellungen, die Einwilligung, den Verlauf, das Protokoll und die Zähler der App auf dieser Website. Was der Anbieter bereits erhalten hat, wird dadurch nicht gelöscht; fordern Sie das oben an.',
  'data.erase.button': 'Alle App-Daten auf dieser Website löschen',
  'data.erase.confirm.title': 'Alle App-Daten auf dieser Website löschen?',
  'data.erase.confirm.button': 'Alles löschen',
  'data.erase.confirm.body': 'Dies kann nicht rückgängig gemacht werden. Die Seite beginnt von vorn, als wäre die App neu installiert.',
  'data.erase.confirm.typeLabel': 'Geben Sie zur Bestätigung {word} ein',
  'data.erase.failed': 'Das Löschen wurde nicht abgeschlossen',
  'data.erase.partial':
    'Einige Elemente sind möglicherweise bereits gelöscht, und die Weitergabe ist möglicherweise bereits auf „noch nicht entschieden“ zurückgesetzt. Löschen Sie erneut, um den Vorgang abzuschließen.',

  'handOver.heading': 'Den Bericht an den Anbieter übergeben',
  'handOver.intro':
    'Diese App verbindet sich nicht mit dem Anbieter. „{action}“ speichert den Bericht oben, von dieser Website signiert, als Datei: Laden Sie sie auf der Upload-Seite des Anbieters hoch (oder senden Sie sie an den Anbieter) und fügen Sie dann die Empfangsbestätigung ein, die Sie vom Anbieter zurückerhalten.',
  'handOver.button': 'Diesen Bericht übergeben',
  'handOver.handOver': 'Übergeben',
  'handOver.signing': 'Der Bericht wird signiert',
  'handOver.failed': 'Der Bericht wurde nicht übergeben',
  'handOver.done': 'Übergeben: gespeichert als {fileName}.',
  'handOver.downloadFailed': 'Die Datei konnte nicht erstellt werden',
  'handOver.downloadAgain': 'Datei erneut herunterladen',
  'handOver.answerLabel': 'Empfangsbestätigung des Anbieters einfügen',
  'handOver.waiting.handedOver': 'Übergeben am {time}; wartet auf die Empfangsbestätigung des Anbieters.',
  'handOver.waiting.ready': 'Bereit zur Übergabe: Der Bericht vom {time} wurde erstellt und hat diese Website noch nicht verlassen.',
  'handOver.waiting.readyAutomatic': 'Bereit zur Übergabe: Der automatische Bericht vom {time} wurde erstellt und hat diese Website noch nicht verlassen.',
  'answer.defaultLabel': 'Empfangsbestätigung oder Bestätigung des Anbieters einfügen',
  'answer.intro':
    'Der Collector des Anbieters gibt eine signierte Datei zurück ({fileName} oder eine Bestätigung). Fügen Sie ihren Inhalt ein oder wählen Sie die Datei aus; die App prüft die Signatur mit dem Collector-Schlüssel des Anbieters, bevor sie etwas erfasst.',
  'answer.textLabel': 'Die Antwort des Anbieters',
  'answer.record': 'Antwort des Anbieters erfassen',
  'answer.chooseFile': 'Antwortdatei auswählen',
  'answer.checking': 'Die Signatur des Anbieters wird geprüft',
  'answer.failed': 'Die Antwort wurde nicht erfasst',
  'answer.accepted': 'Vom Anbieter bestätigt',
  'answer.signedWith': 'Signiert mit dem Collector-Schlüssel des Anbieters {fingerprint}.',
  'manualRights.intro':
    'Jede der folgenden Anfragen speichert eine signierte Anfragedatei. Übergeben Sie sie dem Anbieter wie einen Bericht und fügen Sie dann hier die signierte Antwort des Anbieters ein.',
  'manualRights.export': 'Anfragedatei für einen Export erstellen',
  'manualRights.delete': 'Anfragedatei für eine Löschung erstellen',
  'manualRights.restrict': 'Anfragedatei für eine Einschränkung erstellen',
  'manualRights.failed': 'Die Anfragedatei wurde nicht erstellt',
  'manualRights.saved': 'Gespeichert als {fileName}. Übergeben Sie sie dem Anbieter und fügen Sie dann unten die Antwort ein.',
  'manualRights.kind.export': 'Kopie der Daten des Anbieters',
  'manualRights.kind.delete': 'Löschung beim Anbieter',
  'manualRights.kind.restrict': 'Einschränkung der Nutzung durch den Anbieter',
  'manualRights.status.handedOverWaiting': '{kind}: übergeben am {requested}; wartet auf die Antwort des Anbieters',
  'manualRights.status.requestedWaiting': '{kind}: angefordert am {requested}; wartet auf die Antwort des Anbieters',
  'manualRights.status.handedOverAnswered': '{kind}: übergeben am {requested}; vom Anbieter bestätigt am {answered} (Collector-Schlüssel {fingerprint})',
  'manualRights.status.requestedAnswered': '{kind}: angefordert am {requested}; vom Anbieter bestätigt am {answered} (Collector-Schlüssel {fingerprint})',
  'manualRights.vendorCopy.button': 'Kopie des Anbieters erneut herunterladen',
  'manualRights.vendorCopy.busy': 'Die aufbewahrte Kopie wird gelesen',
  'manualRights.vendorCopy.done': 'Die Kopie des Anbieters wurde heruntergeladen.',
  'manualRights.answerLabel': 'Antwort des Anbieters auf eine Anfrage einfügen',

  'ledger.heading': 'Einwilligungsprotokoll',
  'ledger.loading': 'Das Protokoll wird geladen',
  'ledger.failed': 'Das Protokoll konnte nicht geladen werden',
  'ledger.empty': 'Noch keine Änderungen erfasst.',
  'ledger.caption': 'Alle Änderungen, neueste zuerst',
  'ledger.column.when': 'Wann',
  'ledger.column.who': 'Wer',
  'ledger.column.what': 'Was',
  'ledger.column.details': 'Details',
  'ledger.who.notRecorded': 'Nicht erfasst',
  'ledger.who.closedAccount': 'Ein geschlossenes Konto',
  'ledger.format': 'Format {version}',
  'ledger.digest': 'Berichtsprüfsumme {digest}',
  'ledger.none': 'keine',
  'ledger.action.set-consent': 'Hat geändert, wie Berichte gesendet werden',
  'ledger.action.accept-format': 'Hat neue Berichtsfelder akzeptiert',
  'ledger.action.set-restrictions': 'Hat geändert, was weitergegeben werden darf',
  'ledger.action.withdraw': 'Hat die Einwilligung widerrufen',
  'ledger.action.send-per-case': 'Hat einen Bericht nach Prüfung gesendet',
  'ledger.action.request-vendor-deletion': 'Hat den Anbieter gebeten, gesendete Daten zu löschen',
  'ledger.action.request-vendor-export': 'Hat den Anbieter um seine Kopie der Daten gebeten',
  'ledger.action.restrict-vendor-processing': 'Hat eingeschränkt, wie der Anbieter die Daten verwenden darf',
  'ledger.action.set-retention': 'Hat geändert, wie lange der Verlauf aufbewahrt wird',
  'ledger.action.erase-site-data': 'Hat die Daten der App auf dieser Website gelöscht',
  'ledger.action.correct-report': 'Hat eine Korrektur eines früheren Berichts gesendet',
  'ledger.action.retract-report': 'Hat den Anbieter gebeten, einen Bericht zurückzuziehen',

  // h7: Namen im Protokoll, Felder des Produkts, der leere erste Zeitraum
  'ledger.names.note': 'Die Namen werden in Ihrem Namen im Produkt nachgeschlagen und nur auf dieser Seite angezeigt. Die App speichert sie nicht und sendet sie nirgendwohin.',
  'ledger.names.failed': 'Die Namen konnten nicht nachgeschlagen werden, daher werden die Konto-IDs angezeigt.',
  'ledger.who.unknownAccount': 'Ein Konto, das diese Website nicht kennt',
  'ledger.who.inactiveAccount': '{name} (inaktives Konto)',
  'settings.restrictions.productFields': 'Es werden nur die Felder aufgeführt, die eine {product}-Website senden kann.',
  'report.period.firstDay':
    'Die Nutzungszählung hat heute ({day}) begonnen. Ein Bericht zählt ganze Tage bis zum Vortag seiner Erstellung. Dieser erste Bericht umfasst daher noch keinen vollen Tag, und seine Nutzungszahlen sind null. Die heutige Nutzung geht in den nächsten Bericht ein.',
  'report.period.sameDay':
    'Der letzte Bericht hat bereits alle Tage bis heute abgedeckt. Dieser Bericht umfasst daher noch keinen vollen Tag, und seine Nutzungszahlen sind null. Die heutige Nutzung geht in den nächsten Bericht ein.',
  // h11: notice codes from the backend (core api/notices.ts); {detail} is the transport's English words, shown as data.
  'notice.send.sent': 'Der Bericht wurde gesendet, und der Anbieter hat den Empfang bestätigt.',
  'notice.send.receiptUnverified':
    'Der Dienst des Anbieters hat geantwortet, aber seine Empfangsbestätigung ließ sich nicht prüfen ({detail}). Der Bericht gilt noch nicht als gesendet; er bleibt in der Warteschlange und wird automatisch erneut geprüft.',
  'notice.send.unreachable':
    'Der Dienst des Anbieters war nicht erreichbar ({detail}). Der Bericht steht in der Warteschlange und wird automatisch erneut gesendet.',
  'notice.send.notAttempted': 'noch nicht versucht',
  'notice.send.refused': 'Der Dienst des Anbieters hat den Bericht abgelehnt: {detail}.',
  'notice.send.noReason': 'ohne Angabe von Gründen',
  'notice.send.cancelled': 'Der Bericht wurde abgebrochen, bevor er die Website verlassen hat: {detail}.',
  'notice.send.sharingChanged': 'die Freigabe wurde geändert',
  'notice.handOver.ready':
    'Der Bericht ist signiert und bereit zur Übergabe: Laden Sie die Datei auf der Upload-Seite des Anbieters hoch (oder senden Sie sie an den Anbieter) und fügen Sie dann hier die Empfangsbestätigung ein, die Sie vom Anbieter zurückerhalten.',
  'notice.retract.deleted': {
    one: 'Der Anbieter hat seine Kopie gelöscht und zählt diesen Bericht nicht mehr.',
    other: 'Der Anbieter hat {count} Kopien gelöscht (den Bericht und die von ihm ersetzten Berichte) und zählt diesen Bericht nicht mehr.'
  },
  'notice.answer.receiptVerified': 'Der Anbieter hat den Bericht bestätigt: Seine signierte Empfangsbestätigung wurde erfolgreich geprüft.',
  'notice.answer.deletionAcknowledged': {
    one: 'Der Anbieter hat die Löschung bestätigt: {count} Bericht gelöscht.',
    other: 'Der Anbieter hat die Löschung bestätigt: {count} Berichte gelöscht.'
  },
  'notice.answer.restrictionAcknowledged': 'Der Anbieter hat die Einschränkung bestätigt.',
  'notice.answer.exportVerified': 'Der Export des Anbieters wurde erfolgreich geprüft.',
  'notice.answer.exportNotKept':
    'Der Export des Anbieters wurde erfolgreich geprüft. Er ist zu groß, um auf der Website aufbewahrt zu werden: Laden Sie ihn jetzt herunter.',
  'notice.answer.refused.retraction': 'Dies bestätigt ein Zurückziehen, aber diese Website übergibt keine Zurückziehungen. Es wurde nichts erfasst.',
  'notice.answer.refused.receiptNotHandedOver': 'Die Empfangsbestätigung gilt für einen Bericht, den diese Website nicht übergeben hat. Es wurde nichts erfasst.',
  'notice.answer.refused.receiptOtherBytes':
    'Die Empfangsbestätigung gilt für andere Bytes als den Bericht, den diese Website übergeben hat. Es wurde nichts erfasst.',
  'notice.answer.refused.receiptOtherCorrection': 'Die Empfangsbestätigung gilt für eine Korrektur, die diese Website nicht übergeben hat. Es wurde nichts erfasst.',
  'notice.answer.refused.noDeletionWaiting':
    'Keine Löschanfrage dieser Website wartet auf eine Antwort: Erstellen Sie zuerst eine Löschanfragedatei. Es wurde nichts erfasst.',
  'notice.answer.refused.earlierDeletion':
    'Diese Bestätigung beantwortet eine frühere Löschanfrage, nicht die aktuell wartende: Übergeben Sie die neueste Anfragedatei. Es wurde nichts erfasst.',
  'notice.answer.refused.noRestrictionAsked': 'Diese Website hat den Anbieter nicht um eine Einschränkung gebeten. Es wurde nichts erfasst.',
  'notice.answer.refused.otherPurposes':
    'Die Bestätigung gilt für andere Zwecke als die, um deren Einschränkung diese Website zuletzt gebeten hat: Übergeben Sie die neueste Anfragedatei. Es wurde nichts erfasst.',
  'notice.answer.refused.earlierRestriction':
    'Diese Bestätigung beantwortet eine frühere Einschränkungsanfrage, nicht die aktuell wartende: Übergeben Sie die neueste Anfragedatei. Es wurde nichts erfasst.',
  'notice.answer.refused.noExportRequest': 'Diese Website hat keine Exportanfrage übergeben. Es wurde nichts erfasst.',
  'notice.answer.refused.earlierExport':
    'Dieser Export beantwortet eine frühere Anfrage, nicht die, die diese Website zuletzt übergeben hat. Es wurde nichts erfasst.'
});
