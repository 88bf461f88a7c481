import { describe, expect, it } from 'vitest';
import { ConfigError, hasCredentials, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('gives working local defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, HOST: '127.0.0.1', STORE_DIR: 'data/store', MicrosoftAppId: '', TIMEZONE: 'Europe/Paris', DIVERGENCE_THRESHOLD: 20 });
    expect(hasCredentials(config)).toBe(false);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '' }).PORT).toBe(3978);
  });

  it.each([
    [{ PORT: '99999' }, 'PORT'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ TIMEZONE: 'Mars/Olympus' }, 'TIMEZONE'],
    [{ DIVERGENCE_THRESHOLD: '0' }, 'DIVERGENCE_THRESHOLD'],
    [{ PUBLIC_BASE_URL: 'pas une url' }, 'PUBLIC_BASE_URL'],
    [{ MicrosoftAppType: 'Other' }, 'MicrosoftAppType'],
    [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'secret' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppId: 'abc', MicrosoftAppTenantId: 't' }, 'MicrosoftAppPassword'],
    [{ STORAGE: 'sql' }, 'STORAGE'],
    [{ STORAGE: 'blob', AZURE_STORAGE_CONTAINER: 'jury' }, 'AZURE_STORAGE_CONNECTION_STRING: requis quand STORAGE=blob'],
    [{ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, 'AZURE_STORAGE_CONTAINER: requis quand STORAGE=blob'],
    [{ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_CONTAINER: 'Jury_CQP' }, 'AZURE_STORAGE_CONTAINER'],
    // Several instances: a link one signs, another checks; a turn moving to another instance is no restart.
    [{ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_CONTAINER: 'jury', RUN_ID: 'r1' }, 'LINK_SECRET: requis quand STORAGE=blob'],
    [{ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_CONTAINER: 'jury', LINK_SECRET: 'k'.repeat(32) }, 'RUN_ID: requis quand STORAGE=blob'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('stores in files by default, in Azure Blob Storage when asked with a connection string and a container', () => {
    expect(loadConfig({}).STORAGE).toBe('file');
    const config = loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_STORAGE_CONTAINER: 'jury-cqp', LINK_SECRET: 'k'.repeat(32), RUN_ID: 'release-42' });
    expect(config).toMatchObject({ STORAGE: 'blob', AZURE_STORAGE_CONTAINER: 'jury-cqp' });
  });

  it('accepts a complete single-tenant registration', () => {
    const config = loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 's', MicrosoftAppTenantId: 't' });
    expect(hasCredentials(config)).toBe(true);
  });
});
