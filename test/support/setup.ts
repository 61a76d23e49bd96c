import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each test file gets its own database file and a fixed key, never the developer's ./data.
process.env.DATABASE_URL = join(mkdtempSync(join(tmpdir(), 'microblog-test-')), 'test.db');
process.env.SECRET_KEY = 'test-secret-key-that-is-long-enough-0123456789';
process.env.APP_URL = 'http://app.test';
process.env.ADMINS = 'admin@app.test';
