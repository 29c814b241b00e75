import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { clientTypes, openApiDocument, SCHEMA_FILE } from '../../scripts/web-client.ts';

describe('the dashboard’s API client', () => {
  it('is generated from the current OpenAPI document (run `npm run web:client` when this fails)', async () => {
    const expected = await clientTypes(await openApiDocument());
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    assert.ok(
      committed === expected,
      'web/src/api/schema.d.ts is stale: the API changed. Run `npm run web:client`, then `npm run check` to see what in the dashboard must follow.',
    );
  });
});
