// Gives each database test file its own in-memory IndexedDB (fake-indexeddb), so the Dexie
// layer runs in Node. The app's end-to-end tests use Chromium's real IndexedDB instead.
import 'fake-indexeddb/auto';
