// fake-indexeddb gives Node a real IndexedDB implementation for the db module's tests.
import 'fake-indexeddb/auto';
