import * as path from 'node:path';

/** Les douze fiches réelles (copie versionnée, voir test/fixtures/interop/rncp/README.md). */
export const RNCP_EXPORT = path.resolve(__dirname, '..', '..', 'fixtures', 'interop', 'rncp', 'export_fiches_RNCP_V4_1_12fiches.xml');
