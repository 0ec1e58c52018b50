import { adminPageOutput } from '@usage-reporting/core/api';
import { describeEntry } from '@usage-reporting/core';
import { createWorld, type World } from './engine-support';

/**
 * The catalog's own translations reach the admin page with each field, so the page can describe the
 * report in the admin's language without the backend knowing that language.
 */
let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

test("loadAdminPage carries each field's translations, which the page's schema accepts", async () => {
  const page = await w.must('loadAdminPage');
  const field = page.fields.find((f) => f.key === 'app.versionMajor');
  expect(field?.translations?.de?.description).toBe('Die Hauptversionsnummer der App, die auf der Website installiert ist.');
  expect(field && describeEntry(field, 'ja-JP')).toBe('サイトにインストールされているアプリのメジャー バージョン番号です。');
  expect(field && describeEntry(field, 'fr-FR')).toBe('The major version number of the app installed on the site.');
  expect(adminPageOutput.safeParse(page).success).toBe(true);
});
