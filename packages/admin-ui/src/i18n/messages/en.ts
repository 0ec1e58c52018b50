/**
 * Every word the admin page shows, in English: the source of truth every other language is checked
 * against (define.ts at compile time, test/i18n-messages.test.ts at run time).
 *
 * - `{name}` is a placeholder the caller fills; `{` and `}` mean nothing else. A translation uses
 *   exactly the placeholders English uses, in whatever order its grammar needs.
 * - A message that depends on a number is an object of plural forms (`one`, `other`, … as
 *   Intl.PluralRules names them for the language), chosen by the `count` parameter.
 * - Keys group by the screen or component that shows them. Keys ending in a vocabulary value
 *   (`purpose.troubleshooting.label`) let a component write t(`purpose.${purpose}.label`).
 * - Words that are protocol or product identifiers stay in code: HTTP header names, `SHA-256`,
 *   `ERASE` (the backend requires that word), file names.
 */
export const en = {
  // App.tsx, NotAdminRefusal.tsx
  'app.title': 'Usage Reporting',
  'app.loading': 'Loading Usage Reporting',
  'app.loadFailed': 'The page could not load',
  'app.tryAgain': 'Try again',
  'notAdmin.heading': 'Only site administrators can use this page',
  'notAdmin.body':
    'Usage Reporting settings are shown only to administrators of this site. Ask an administrator if you need to know what this app shares.',

  // Shared by several components
  'common.cancel': 'Cancel',
  'common.back': 'Back',
  'common.detailsForSupport': 'Details for support',
  'product.jira': 'Jira',
  'product.confluence': 'Confluence',
  'value.yes': 'Yes',
  'value.no': 'No',

  // The closed vocabularies of the catalog and the consent state, for template keys
  'category.configuration.label': 'Configuration',
  'category.usage.label': 'Usage',
  'category.configuration.explanation': 'How the app and the site are set up, such as the app version and the rough size of the site.',
  'category.usage.explanation': 'How often the app is used, such as how many times this page was opened.',
  'purpose.product-improvement.label': 'Product improvement',
  'purpose.troubleshooting.label': 'Troubleshooting',
  'purpose.product-improvement.inSentence': 'product improvement',
  'purpose.troubleshooting.inSentence': 'troubleshooting',
  'purpose.product-improvement.explanation': 'To decide what to build and improve next.',
  'purpose.troubleshooting.explanation': 'To find and fix problems with particular versions or set-ups.',
  'mode.not-asked.label': 'Not decided yet',
  'mode.per-case.label': 'Ask me each time',
  'mode.automatic.label': 'Send automatically',
  'mode.off.label': 'Don’t send',
  'cadence.weekly.label': 'Weekly',
  'cadence.monthly.label': 'Monthly',
  'cadence.weekly.inSentence': 'weekly',
  'cadence.monthly.inSentence': 'monthly',
  'withheld.restricted-category.label': 'You excluded this category',
  'withheld.restricted-field.label': 'You excluded this field',
  'withheld.restricted-purpose.label': 'You excluded this purpose',
  'withheld.format-not-accepted.label': 'New field you have not accepted yet',
  'withheld.restricted-category.inSentence': 'you excluded this category',
  'withheld.restricted-field.inSentence': 'you excluded this field',
  'withheld.restricted-purpose.inSentence': 'you excluded this purpose',
  'withheld.format-not-accepted.inSentence': 'new field you have not accepted yet',

  // copy/error-copy.ts, components/ErrorMessage.tsx
  'error.title': 'That did not work',
  'error.NOT_ADMIN': 'Only site administrators can do this.',
  'error.INVALID_INPUT': 'The app could not accept that request. Reload the page and try again.',
  'error.NOT_FOUND': 'That item no longer exists. Reload the page to see the current state.',
  'error.CONFLICT': 'Something changed while you were working. Reload the page to see the latest state.',
  'error.CONSENT_REQUIRED': 'Nothing was sent: this needs your consent first.',
  'error.DIGEST_MISMATCH': 'Nothing was sent: the report no longer matches the preview you saw. Look at the new preview and try again.',
  'error.DRAFT_EXPIRED': 'Nothing was sent: the preview you saw is out of date. Look at the new preview and try again.',
  'error.RESTRICTIONS_CHANGED':
    'Nothing was sent: your restrictions changed after this preview was made. Look at the new preview and try again.',
  'error.PRIVACY_BLOCKED': 'Nothing was sent: the privacy check stopped a value that is not allowed in a report.',
  'error.TOO_LARGE': "Nothing was sent: the report is larger than the vendor's server accepts.",
  // Sends never fail with TRANSPORT (an unanswered send comes back as outcome "queued"), so this is said of vendor requests.
  'error.TRANSPORT': "The vendor's server did not answer. Try again later; anything the app already queued is retried automatically.",
  'error.ANSWER_NOT_VERIFIED':
    "The vendor's answer was not accepted: it does not verify against the vendor's collector key, or it is not about anything this site handed over. Nothing was recorded.",
  'error.STORAGE': 'The app could not read or save its data on this site. Try again in a moment.',
  'error.INTERNAL': 'Something went wrong inside the app. Try again; if it keeps happening, contact the vendor.',
  'error.UNREACHABLE': "The page could not reach the app's backend. Check your connection and try again.",
  'error.BAD_RESPONSE': "The app's backend answered in a way this page does not understand. Reload the page; if it keeps happening, contact the vendor.",

  // screens/AdminPage.tsx
  'page.summary': '{product} · app version {version} · Sharing: {mode}',
  'page.withdraw': 'Withdraw consent',
  'page.refreshFailed': 'The page could not be brought up to date',
  'page.sections.label': 'Usage Reporting sections',
  'page.sections.report': 'Report',
  'page.sections.settings': 'Settings',
  'page.sections.history': 'History',
  'page.sections.data': 'Your data',
  'page.outcome.withdrawn': 'Consent withdrawn. No more reports will be sent.',
  'page.outcome.withdrawnCancelled': {
    one: 'Consent withdrawn. No more reports will be sent; {count} waiting report was cancelled.',
    other: 'Consent withdrawn. No more reports will be sent; {count} waiting reports were cancelled.'
  },
  'page.outcome.vendorDeletionRequested': 'The vendor has been asked to delete the data already sent.',
  'page.outcome.erased': {
    one: 'Everything the app stored on this site was erased ({count} item, {time}).',
    other: 'Everything the app stored on this site was erased ({count} items, {time}).'
  },
  'page.outcome.dismiss': 'Dismiss',

  // components/Explanation.tsx
  'explanation.heading': 'What this app would share, and why',
  'explanation.what.label': 'What:',
  'explanation.what.text':
    'a short report about how this app is set up and used on this site: yes/no settings, a few fixed choices, and rough counts such as “11-50 projects”.',
  'explanation.never.label': 'Never:',
  'explanation.never.text':
    'names, email addresses, page or issue content, URLs or any text typed by people. The site is identified only by a random number made for this app.',
  'explanation.why.label': 'Why:',
  'explanation.why.text': 'it helps {vendor} decide what to improve and find problems with particular versions.',
  'explanation.defaultVendor': 'the app’s vendor',
  'explanation.choice.label': 'Your choice:',
  'explanation.choice.text':
    'nothing is sent until you choose. You can change your mind, restrict what is sent, or withdraw at any time, and ask for data already sent to be deleted.',
  'explanation.below': 'Below is the exact report that would be sent now, followed by {choicesLink}.',
  'explanation.choicesLink': 'your three choices',

  // screens/ReportTab.tsx
  'report.choiceFailed': 'Your choice was not saved',
  'report.summary.off': 'Reports are not sent from this site. The preview below shows what would be sent if you chose to share.',
  'report.summary.automatic': 'Reports are sent automatically ({cadence}).',
  'report.summary.nextDue': 'The next one is due {time}.',
  'report.summary.nextDueNow': 'The next one is due now and goes with the next scheduled run.',
  'report.summary.perCase': 'The app asks you each time. Review the report below and send it if you agree.',
  'report.summary.automaticManual': 'Reports are prepared automatically ({cadence}) and wait for you to hand them over.',
  'report.summary.perCaseManual': 'The app asks you each time. Review the report below and hand it over if you agree.',
  'report.outbox': {
    one: '{count} report is waiting to be sent; the app retries automatically.',
    other: '{count} reports are waiting to be sent; the app retries automatically.'
  },
  'report.send': 'Send this report',
  'report.sendNow': 'Send this report now',

  // components/ChoicePanel.tsx
  'choices.heading': 'Your choice',
  'choices.sendOnce.button': 'Send this report',
  'choices.sendOnce.hint': 'Sends the report above once. Next time, the app asks you again.',
  'choices.automatic.button': 'Send automatically — don’t ask me again',
  'choices.automatic.howOften': 'How often:',
  'choices.automatic.hint': 'A report like the one above is sent on that schedule. You can stop it at any time.',
  'choices.off.button': 'Don’t send',
  'choices.off.hint': 'Nothing is sent. You can change this later under Settings.',

  // components/PreviewPanel.tsx, DraftViews.tsx, ReadableReportTable.tsx
  'preview.heading': 'The report that would be sent now',
  'preview.viewsLabel': 'Report views',
  'draft.validity': 'Prepared {created}. This preview stays valid until {expires}.',
  'draft.readableCaption': 'Every field of the report, including fields that are withheld',
  'draft.unreadable': 'This report cannot be shown as a table ({problem}). The exact bytes are still shown under “{tab}”.',
  'views.diff': 'Changes since the previous report',
  'views.readable': 'Readable view',
  'views.bytes': 'Exact bytes',
  'readable.column.field': 'Field',
  'readable.column.meaning': 'What it says',
  'readable.column.category': 'Category',
  'readable.column.purpose': 'Purpose',
  'readable.column.value': 'Value',
  'readable.notDescribed': 'Not described by this version of the app.',
  'readable.unknown': 'Unknown',
  'readable.withheld': 'Withheld: {reason}',

  // components/ExactBytesView.tsx, CopyButton.tsx
  'bytes.intro': {
    one: 'These are the exact bytes of the report ({count} byte of UTF-8 JSON).',
    other: 'These are the exact bytes of the report ({count} bytes of UTF-8 JSON).'
  },
  'bytes.label': 'Exact report bytes',
  'bytes.digestLine': 'SHA-256: {digest}',
  'bytes.digest.checking': '(checking…)',
  'bytes.digest.match': '(checked in your browser: matches these bytes)',
  'bytes.digest.mismatch': 'Warning: these bytes do not match the digest. Do not send this report; reload the page.',
  'bytes.digest.unavailable': '(your browser cannot check the digest here)',
  'bytes.signingKey': 'Signing key: {fingerprint}',
  'bytes.signed': "Signed by this site's key; nobody else can send or ask for data in this site's name.",
  'bytes.signedWhenSent': "Signed when sent by this site's key; nobody else can send or ask for data in this site's name.",
  'bytes.copy': 'Copy bytes',
  'bytes.download': 'Download bytes',
  'bytes.formatted': 'Formatted',
  'bytes.formattedNote': 'Formatted only adds spaces and line breaks for reading. The digest is computed over the raw bytes, and copying or downloading always gives the raw bytes.',
  'bytes.formattedLabel': 'Exact report bytes, formatted for reading',
  'bytes.notJson': 'These bytes are not valid JSON, so they can only be shown as they are.',
  'copy.copied': 'Copied.',
  'copy.blocked': 'Copying is blocked here; select the text or download it instead.',

  // components/SendResult.tsx
  'send.report.running': 'Sending the report to the vendor',
  'send.report.failed': 'The report was not sent',
  'send.report.sent': 'Report sent',
  'send.report.sentText': 'The vendor received and stored the report. The preview above is a fresh one, for next time.',
  'send.report.queued': 'The report is waiting to be sent',
  'send.report.queuedText': "The vendor's server did not answer. The report is queued and will be retried automatically.",
  'send.report.rejected': 'The vendor refused the report',
  'send.report.rejectedText': 'The vendor’s server did not accept this report, so it will not be sent again. Nothing else is affected.',
  'send.correction.running': 'Sending the correction to the vendor',
  'send.correction.failed': 'The correction was not sent',
  'send.correction.sent': 'Correction sent',
  'send.correction.sentText': 'The vendor received and stored the correction, and no longer counts the report it replaces.',
  'send.correction.queued': 'The correction is waiting to be sent',
  'send.correction.queuedText':
    "The vendor's server did not answer. The correction is queued and will be retried automatically; until it arrives, the vendor still counts the original report.",
  'send.correction.rejected': 'The vendor refused the correction',
  'send.correction.rejectedText':
    'The vendor’s server did not accept this correction, so it will not be sent again. The original report stays as it was.',
  'send.receipt': 'Receipt',
  'send.receivedAt': 'Received by the vendor',
  'send.receivedDigest': 'Digest the vendor received',
  'send.collectorKey': 'Signed by the vendor’s collector key',
  'send.duplicate': 'The vendor had already received this exact report, so it was stored only once.',

  // components/NewFieldsBanner.tsx
  'newFields.heading': { one: 'This version of the app can report a new field', other: 'This version of the app can report {count} new fields' },
  'newFields.body': {
    one: 'Until you accept it, reports, including automatic ones, are sent without it.',
    other: 'Until you accept them, reports, including automatic ones, are sent without them.'
  },
  'newFields.fieldMeta': '({category}, for {purpose})',
  'newFields.accept': 'Accept the new fields',
  'newFields.acceptFailed': 'The new fields were not accepted',

  // components/ReportDiffView.tsx
  'diff.first': 'This is the first report sent from this site, so there is nothing to compare it with.',
  'diff.identical': 'Every field has the same value as in the previous report.',
  'diff.formatChanged': 'Report format changed from {before} to {after}.',
  'diff.purposesChanged': 'Allowed purposes changed from {before} to {after}.',
  'diff.purposesNone': 'none',
  'diff.changedFields': 'Changed fields',
  'diff.unchanged': { one: '{count} other field is unchanged.', other: '{count} other fields are unchanged.' },
  'diff.tag.added': 'Added',
  'diff.tag.removed': 'Removed',
  'diff.tag.changed': 'Changed',
  'diff.line.added': '{key}: {after}',
  'diff.line.removed': '{key} (was {before})',
  'diff.line.removedWithheld': '{key} (was {before}): {reason}',
  'diff.line.changed': '{key}: {before} → {after}',
  'diff.withheld': 'withheld',
  'diff.withheldBecause': 'withheld, {reason}',

  // components/WithdrawDialog.tsx
  'withdraw.title': 'Withdraw consent?',
  'withdraw.confirm': 'Withdraw consent',
  'withdraw.body': 'No more reports will leave this site. Reports waiting to be sent are cancelled.',
  'withdraw.alsoDelete': 'Also ask the vendor to delete data already sent from this site',
  'withdraw.failed': 'Consent was not withdrawn',

  // components/VendorDeletionStatus.tsx
  'vendorDeletion.acknowledged.title': 'The vendor deleted the data sent from this site',
  'vendorDeletion.acknowledged.text': {
    one: 'Acknowledged {time}: {count} report deleted (acknowledgement {id}).',
    other: 'Acknowledged {time}: {count} reports deleted (acknowledgement {id}).'
  },
  'vendorDeletion.failed.title': 'The vendor has not confirmed the deletion, and the app has stopped trying',
  'vendorDeletion.failed.text': {
    one: 'Requested {time}. The app tried once and the vendor’s service never confirmed it, so the data sent from this site may still be held by the vendor.',
    other:
      'Requested {time}. The app tried {count} times over several days and the vendor’s service never confirmed it, so the data sent from this site may still be held by the vendor.'
  },
  'vendorDeletion.failed.whatToDo':
    'What you can do: ask again with “{action}” under {section} (a new request is tried at once and then daily), or contact the vendor’s support and ask them to delete this site’s usage reports. Quote the details below.',
  'vendorDeletion.pending.title': 'Deletion requested, not yet confirmed by the vendor',
  'vendorDeletion.pending.nextAttempt': 'Requested {requested}. The next attempt is {next}.',
  'vendorDeletion.pending.nextRun': 'Requested {requested}. The app will try again on its next daily run.',
  'vendorDeletion.pending.triedNextAttempt': {
    one: 'Requested {requested}. The app has tried once; the next attempt is {next}.',
    other: 'Requested {requested}. The app has tried {count} times; the next attempt is {next}.'
  },
  'vendorDeletion.pending.triedNextRun': {
    one: 'Requested {requested}. The app has tried once; it will try again on its next daily run.',
    other: 'Requested {requested}. The app has tried {count} times; it will try again on its next daily run.'
  },
  'vendorDeletion.pending.noAnswer': 'The last attempt did not get an answer from the vendor.',
  'vendorDeletion.checkAgain': 'Check again',

  // screens/SettingsTab.tsx and screens/settings/*
  'settings.mode.heading': 'Sharing',
  'settings.mode.legend': 'How reports are sent',
  'settings.mode.per-case.hint': 'Nothing leaves until you review a report and click send.',
  'settings.mode.automatic.hint': 'A report is sent on the schedule below, without asking.',
  'settings.mode.off.hint': 'No reports leave this site.',
  'settings.mode.cadenceLegend': 'How often',
  'settings.mode.failed': 'Sharing was not changed',
  'settings.mode.save': 'Save sharing choice',
  'settings.mode.saved': 'Sharing choice saved.',
  'settings.restrictions.heading': 'What may be shared',
  'settings.restrictions.categories': 'Categories',
  'settings.restrictions.share.configuration': 'Share configuration fields',
  'settings.restrictions.share.usage': 'Share usage fields',
  'settings.restrictions.purposes': 'Purposes the vendor may use reports for',
  'settings.restrictions.keepOnePurpose': 'Keep at least one purpose. To share nothing at all, choose “{off}” or withdraw consent.',
  'settings.restrictions.fieldsSummary': 'Individual fields ({shared} of {total} shared)',
  'settings.restrictions.fields': 'Fields',
  'settings.restrictions.failed': 'Restrictions were not saved',
  'settings.restrictions.save': 'Save restrictions',
  'settings.restrictions.saved': 'Saved. The preview now shows the report with these restrictions.',
  'settings.retention.heading': 'History on this site',
  'settings.retention.label': 'Keep copies of sent reports for (days)',
  'settings.retention.hint': 'Between {min} and {max} days. Older copies are deleted from this site; only their count remains.',
  'settings.retention.failed': 'Retention was not changed',
  'settings.retention.save': 'Save retention',
  'settings.retention.saved': 'Retention saved.',
  'settings.withdraw.heading': 'Withdraw consent',
  'settings.withdraw.text': 'Stops all reports from this site. You can also ask the vendor to delete what was already sent.',
  'settings.withdraw.button': 'Withdraw consent',
  'settings.withdraw.nothing': 'No reports are being sent from this site, so there is nothing to withdraw.',

  // screens/HistoryTab.tsx
  'history.empty': 'No reports have been sent from this site yet.',
  'history.purged': {
    one: '{count} older report was removed from this history by your retention setting.',
    other: '{count} older reports were removed from this history by your retention setting.'
  },
  'history.caption': 'Reports sent from this site, most recent first',
  'history.column.date': 'Date',
  'history.column.mode': 'Mode',
  'history.column.status': 'Status',
  'history.column.receipt': 'Receipt',
  'history.column.details': 'Details',
  'history.status.pending': 'Waiting to be sent',
  'history.status.sent': 'Sent',
  'history.status.rejected': 'Refused by the vendor',
  'history.status.cancelled': 'Cancelled',
  'history.status.retracted': 'Retracted {time}',
  'history.status.vendorDeleted': 'Deleted by the vendor {time}',
  'history.status.corrected': 'Corrected {time}',
  'history.status.handedOver': 'Handed over {time}',
  'history.status.readyToHandOver': 'Ready to hand over',
  'history.status.acknowledged': 'Acknowledged by the vendor',
  'history.trigger.per-case': 'Sent by an admin',
  'history.trigger.automatic': 'Automatic',
  'history.trigger.correction': 'Correction of an earlier report',
  'history.noReceipt': 'None yet',
  'history.receiptKey': 'signed with collector key {fingerprint}',
  'history.show': 'Show',
  'history.hide': 'Hide',
  'history.showLabel': 'Show the report of {time}',
  'history.selected': 'Selected report',
  'history.loadingEntry': 'Loading the report',
  'history.entryFailed': 'The report could not be loaded',

  // screens/HistoryEntryView.tsx
  'historyEntry.title.report': 'Report of {time}',
  'historyEntry.title.correction': 'Correction of {time}',
  'historyEntry.receipt': 'Receipt {receipt}, received by the vendor {time}.',
  'historyEntry.viewsLabel': 'Past report views',
  'historyEntry.unreadable': 'This report cannot be read as a table ({problem}). Its exact bytes are under “{tab}”.',
  'historyEntry.readableCaption': 'Every field of this report',
  'historyEntry.previousUnreadable': 'The previous report cannot be read ({problem}), so no comparison is shown.',

  // screens/history/ChainNotes.tsx
  'chain.corrects': 'Corrects the report of {time}.',
  'chain.correctsMissing': 'Corrects an earlier report that is no longer in this history.',
  'chain.openOriginal': 'Open the report it corrects',
  'chain.superseded': 'Replaced by the correction of {time}. The vendor no longer counts this report.',
  'chain.supersededWithReceipt': 'Replaced by the correction of {time} (receipt {receipt}). The vendor no longer counts this report.',
  'chain.openCorrection': 'Open the correction',
  'chain.pending': 'A correction of this report, prepared {time}, is waiting to be sent; until it arrives the vendor still counts this report.',
  'chain.vendorDeleted':
    'Deleted by the vendor {time}, when this site asked it to delete all its data (acknowledgement {ack}). Only this site’s own record of it remains.',
  'chain.retracted.deleted': 'Retracted {time} — the vendor deleted its copy (acknowledgement {ack}). Only this site’s own record of it remains.',
  'chain.retracted.noCopy':
    'Retracted {time} — the vendor confirmed it holds no copy (acknowledgement {ack}). Only this site’s own record of it remains.',

  // screens/history/ReportRights.tsx, CorrectionDraft.tsx, RightsOutcome.tsx
  'rights.heading': 'Correct or retract this report',
  'rights.intro': 'If this report was wrong, send a correction for the same period, or ask the vendor to delete it.',
  'rights.correct': 'Correct this report',
  'rights.retract': 'Retract this report',
  'rights.confirm.title': 'Retract this report?',
  'rights.confirm.button': 'Retract the report',
  'rights.confirm.body':
    'The vendor will delete its copy of the report of {time} and no longer count it. Nothing else you sent is affected, and this site keeps its own record of the report.',
  'rights.confirm.bodyWithReceipt':
    'The vendor will delete its copy of the report of {time} (receipt {receipt}) and no longer count it. Nothing else you sent is affected, and this site keeps its own record of the report.',
  'rights.confirm.irreversible': 'This cannot be undone. To send different figures for that period instead, cancel and choose “{correct}”.',
  'rights.retracting': 'Asking the vendor to retract the report',
  'rights.retractFailed': 'The report was not retracted',
  'rights.preparing': 'Preparing the correction',
  'rights.prepareFailed': 'The correction could not be prepared',
  'correction.heading': 'The correction that would be sent',
  'correction.explanation':
    'It covers the same period as the report of {time} ({period}) and replaces it at the vendor. It is built with today’s settings, so it shares only what you allow now.',
  'correction.viewsLabel': 'Correction views',
  'correction.send': 'Send this correction',
  'rightsOutcome.unconfirmed': 'The vendor has not confirmed the retraction yet',
  'rightsOutcome.retracted': 'Report retracted',
  'rightsOutcome.acknowledgement': 'Acknowledgement',
  'rightsOutcome.retractedAt': 'Retracted',
  'rightsOutcome.deletedCopies': 'Copies the vendor deleted',

  // screens/YourDataTab.tsx and screens/data/*
  'data.export.heading': 'Everything the app stores on this site',
  'data.export.text': 'A JSON file with the app’s settings, consent, ledger, history and counters here. Secrets are never included.',
  'data.export.button': 'Export as JSON',
  'data.export.busy': 'Preparing the export',
  'data.export.done': 'Export downloaded.',
  'data.document.savedAs': 'Saved as {fileName}.',
  'data.vendor.heading': 'Data the vendor holds',
  'data.vendor.export.button': 'Download the vendor’s copy',
  'data.vendor.export.busy': 'Asking the vendor for its copy',
  'data.vendor.export.done': 'The vendor’s copy of this site’s data was downloaded.',
  'data.vendor.delete.button': 'Ask the vendor to delete this site’s data',
  'data.vendor.restrict.heading': 'Limit what the vendor may do with data already sent',
  'data.vendor.restrict.legend': 'The vendor may no longer use this site’s data for',
  'data.vendor.restrict.confirmed': 'The vendor confirmed this limit {time}.',
  'data.vendor.restrict.waiting': 'Requested {time}; waiting for the vendor to confirm.',
  'data.vendor.restrict.failed': 'The limit was not requested',
  'data.vendor.restrict.save': 'Save limits',
  'data.vendorDeletion.title': 'Ask the vendor to delete this site’s data?',
  'data.vendorDeletion.confirm': 'Ask the vendor to delete',
  'data.vendorDeletion.what': 'The vendor’s collector deletes every report this site has sent. This cannot be undone.',
  'data.vendorDeletion.kept':
    'It keeps only what holds no report content: this site’s public signing keys, so it can still prove who it is; the limits you set on the vendor’s use of data; the acknowledgement of this deletion; and daily totals that name no site and hide any count of too few sites, recomputed without this site where they are still recent.',
  'data.vendorDeletion.unchanged':
    'Nothing changes on this site: your consent, settings and history stay as they are. Reports keep being sent if consent allows it; to stop them, withdraw consent.',
  'data.vendorDeletion.retry': 'If the vendor cannot be reached now, the request is tried again every day, and this page shows where it stands.',
  'data.vendorDeletion.failed': 'The deletion request was not made',
  'data.erase.heading': 'Erase everything stored here',
  'data.erase.text':
    'Deletes the app’s settings, consent, history, ledger and counters on this site. It does not delete what the vendor already received; ask for that above.',
  'data.erase.button': 'Erase all app data on this site',
  'data.erase.confirm.title': 'Erase all app data on this site?',
  'data.erase.confirm.button': 'Erase everything',
  'data.erase.confirm.body': 'This cannot be undone. The page starts again as if the app were newly installed.',
  'data.erase.confirm.typeLabel': 'Type {word} to confirm',
  'data.erase.failed': 'Erasing did not finish',
  'data.erase.partial': 'Some items may already be erased, and sharing may already be reset to “not decided”. Erase again to finish.',

  // screens/manual/*: manual delivery (the app hands files over; the vendor's signed answers are pasted back)
  'handOver.heading': 'Hand the report over to the vendor',
  'handOver.intro':
    'This app does not connect to the vendor. “{action}” saves the report above, signed by this site, as a file: upload it on the vendor’s upload page (or send it to the vendor), then paste the receipt the vendor gives back.',
  'handOver.button': 'Hand over this report',
  'handOver.handOver': 'Hand over',
  'handOver.signing': 'Signing the report',
  'handOver.failed': 'The report was not handed over',
  'handOver.done': 'Handed over: saved as {fileName}.',
  'handOver.downloadFailed': 'The file could not be made',
  'handOver.downloadAgain': 'Download the file again',
  'handOver.answerLabel': 'Paste the vendor’s receipt',
  'handOver.waiting.handedOver': 'Handed over {time}; waiting for the vendor’s receipt.',
  'handOver.waiting.ready': 'Ready to hand over: the report of {time} was prepared and has not left this site.',
  'handOver.waiting.readyAutomatic': 'Ready to hand over: the automatic report of {time} was prepared and has not left this site.',
  'answer.defaultLabel': 'Paste the vendor’s receipt or acknowledgement',
  'answer.intro':
    'The vendor’s collector gives back a signed file ({fileName}, or an acknowledgement). Paste its content or choose the file; the app checks the signature against the vendor’s collector key before recording anything.',
  'answer.textLabel': 'The vendor’s answer',
  'answer.record': 'Record the vendor’s answer',
  'answer.chooseFile': 'Choose the answer file',
  'answer.checking': 'Checking the vendor’s signature',
  'answer.failed': 'The answer was not recorded',
  'answer.accepted': 'Acknowledged by the vendor',
  'answer.signedWith': 'Signed with the vendor’s collector key {fingerprint}.',
  'manualRights.intro': 'Each request below saves a signed request file. Hand it to the vendor like a report, then paste the vendor’s signed answer here.',
  'manualRights.export': 'Make an export request file',
  'manualRights.delete': 'Make a deletion request file',
  'manualRights.restrict': 'Make a restriction request file',
  'manualRights.failed': 'The request file was not made',
  'manualRights.saved': 'Saved as {fileName}. Hand it to the vendor, then paste the answer below.',
  'manualRights.kind.export': 'Copy of the vendor’s data',
  'manualRights.kind.delete': 'Deletion at the vendor',
  'manualRights.kind.restrict': 'Limits on the vendor’s use',
  'manualRights.status.handedOverWaiting': '{kind}: handed over {requested}; waiting for the vendor’s answer',
  'manualRights.status.requestedWaiting': '{kind}: requested {requested}; waiting for the vendor’s answer',
  'manualRights.status.handedOverAnswered': '{kind}: handed over {requested}; acknowledged by the vendor {answered} (collector key {fingerprint})',
  'manualRights.status.requestedAnswered': '{kind}: requested {requested}; acknowledged by the vendor {answered} (collector key {fingerprint})',
  'manualRights.vendorCopy.button': 'Download the vendor’s copy again',
  'manualRights.vendorCopy.busy': 'Reading the kept copy',
  'manualRights.vendorCopy.done': 'The vendor’s copy was downloaded.',
  'manualRights.answerLabel': 'Paste the vendor’s answer to a request',

  // screens/data/LedgerTable.tsx
  'ledger.heading': 'Consent ledger',
  'ledger.loading': 'Loading the ledger',
  'ledger.failed': 'The ledger could not be loaded',
  'ledger.empty': 'No changes recorded yet.',
  'ledger.caption': 'Every change, most recent first',
  'ledger.column.when': 'When',
  'ledger.column.who': 'Who',
  'ledger.column.what': 'What',
  'ledger.column.details': 'Details',
  'ledger.who.notRecorded': 'Not recorded',
  'ledger.who.closedAccount': 'A closed account',
  'ledger.format': 'Format {version}',
  'ledger.digest': 'Report digest {digest}',
  'ledger.none': 'none',
  'ledger.action.set-consent': 'Changed how reports are sent',
  'ledger.action.accept-format': 'Accepted new report fields',
  'ledger.action.set-restrictions': 'Changed what may be shared',
  'ledger.action.withdraw': 'Withdrew consent',
  'ledger.action.send-per-case': 'Sent a report after reviewing it',
  'ledger.action.request-vendor-deletion': 'Asked the vendor to delete sent data',
  'ledger.action.request-vendor-export': 'Asked the vendor for its copy of the data',
  'ledger.action.restrict-vendor-processing': 'Restricted how the vendor may use the data',
  'ledger.action.set-retention': 'Changed how long history is kept',
  'ledger.action.erase-site-data': 'Erased the app’s data on this site',
  'ledger.action.correct-report': 'Sent a correction of an earlier report',
  'ledger.action.retract-report': 'Asked the vendor to retract a report',

  // h7: the ledger's names (screens/data/LedgerTable.tsx), the product's fields (screens/settings/RestrictionsForm.tsx),
  // the empty first period (screens/report/PeriodNote.tsx)
  'ledger.names.note': 'Names are looked up in the product as you and shown only on this page. The app does not store them or send them anywhere.',
  'ledger.names.failed': 'The names could not be looked up, so the account ids are shown.',
  'ledger.who.unknownAccount': 'An account this site does not know',
  'ledger.who.inactiveAccount': '{name} (inactive account)',
  'settings.restrictions.productFields': 'Only the fields a {product} site can send are listed.',
  'report.period.firstDay':
    'Usage counting started today ({day}). A report counts whole days up to the day before it is made, so this first report covers no full day yet and its usage counts are zero. Today’s usage goes into the next report.',
  'report.period.sameDay':
    'The last report already covered every day up to today, so this one covers no full day yet and its usage counts are zero. Today’s usage goes into the next report.',
  // h11: what the backend tells the admin, as notice codes (core api/notices.ts), worded by copy/notice-copy.ts.
  // A `{detail}` is the transport's own words (English, quoting the collector's status): data, not translated.
  'notice.send.sent': 'The report was sent and the vendor confirmed receipt.',
  'notice.send.receiptUnverified':
    "The vendor's service answered, but {detail}. The report is not recorded as sent; it stays queued and is checked again automatically.",
  'notice.send.unreachable': "The vendor's service could not be reached ({detail}). The report is queued and will be retried automatically.",
  'notice.send.notAttempted': 'not attempted yet',
  'notice.send.refused': "The vendor's service refused the report: {detail}.",
  'notice.send.noReason': 'no reason given',
  'notice.send.cancelled': 'The report was cancelled before it left: {detail}.',
  'notice.send.sharingChanged': 'sharing changed',
  'notice.handOver.ready':
    "The report is signed and ready to hand over: upload the file on the vendor's upload page (or send it to the vendor), then paste the receipt the vendor gives back here.",
  'notice.retract.deleted': {
    one: 'The vendor deleted its copy and no longer counts this report.',
    other: 'The vendor deleted {count} copies (the report and the ones it had replaced) and no longer counts this report.'
  },
  'notice.answer.receiptVerified': 'The vendor acknowledged the report: its signed receipt verified.',
  'notice.answer.deletionAcknowledged': {
    one: 'The vendor acknowledged the deletion: {count} report deleted.',
    other: 'The vendor acknowledged the deletion: {count} reports deleted.'
  },
  'notice.answer.restrictionAcknowledged': 'The vendor acknowledged the restriction.',
  'notice.answer.exportVerified': "The vendor's export verified.",
  'notice.answer.exportNotKept': "The vendor's export verified. It is too large to keep on the site: download it now.",
  'notice.answer.refused.retraction': 'This acknowledges a retraction, and this site hands over no retractions. Nothing was recorded.',
  'notice.answer.refused.receiptNotHandedOver': 'The receipt is for a report this site did not hand over. Nothing was recorded.',
  'notice.answer.refused.receiptOtherBytes': 'The receipt is for other bytes than the report this site handed over. Nothing was recorded.',
  'notice.answer.refused.receiptOtherCorrection': 'The receipt is for a correction this site did not hand over. Nothing was recorded.',
  'notice.answer.refused.noDeletionWaiting':
    'No deletion request from this site is waiting for an answer: make a deletion request file first. Nothing was recorded.',
  'notice.answer.refused.earlierDeletion':
    'This acknowledgement answers an earlier deletion request, not the one waiting now: hand over the latest request file. Nothing was recorded.',
  'notice.answer.refused.noRestrictionAsked': 'This site has not asked the vendor to restrict anything. Nothing was recorded.',
  'notice.answer.refused.otherPurposes':
    'The acknowledgement confirms another set of purposes than this site last asked for: hand over the latest request file. Nothing was recorded.',
  'notice.answer.refused.earlierRestriction':
    'This acknowledgement answers an earlier restriction request, not the one waiting now: hand over the latest request file. Nothing was recorded.',
  'notice.answer.refused.noExportRequest': 'This site has not handed over an export request. Nothing was recorded.',
  'notice.answer.refused.earlierExport': 'This export answers an earlier request, not the one this site handed over last. Nothing was recorded.'
} as const;
