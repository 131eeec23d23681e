import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readConfig } from '../../server/config.js';

describe('start-up options', () => {
  it('defaults to 0.0.0.0:8080, ./data and ./content', () => {
    const c = readConfig([], {});
    expect(c).toMatchObject({ host: '0.0.0.0', port: 8080, dataDir: resolve('./data'), contentDir: resolve('./content'), demo: false });
  });

  it('reads the environment, and flags win over it', () => {
    const env = { LECTERN_HOST: '127.0.0.1', LECTERN_PORT: '9000', LECTERN_DATA_DIR: '/srv/lectern', LECTERN_CONTENT_DIR: '/srv/packs', LECTERN_ADMIN_PASSWORD: 'secret-secret' };
    expect(readConfig([], env)).toMatchObject({ host: '127.0.0.1', port: 9000, dataDir: '/srv/lectern', contentDir: '/srv/packs', adminPassword: 'secret-secret' });
    expect(readConfig(['--port', '9100', '--data', '/tmp/x', '--demo'], env)).toMatchObject({ port: 9100, dataDir: '/tmp/x', demo: true });
  });

  it('explains a bad port or an unknown flag with the usage', () => {
    expect(() => readConfig(['--port', 'eighty'], {})).toThrow(/whole number from 0 to 65535, found "eighty"[\s\S]*--content DIR/);
    expect(() => readConfig(['--prot', '1'], {})).toThrow(/Unknown option '--prot'[\s\S]*Usage/);
  });
});
