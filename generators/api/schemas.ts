import changesPage from './schemas/changes-page.schema.json' with { type: 'json' };
import changes from './schemas/changes.schema.json' with { type: 'json' };
import common from './schemas/common.schema.json' with { type: 'json' };
import indexPage from './schemas/index-page.schema.json' with { type: 'json' };
import index from './schemas/index.schema.json' with { type: 'json' };
import manifestShard from './schemas/manifest-shard.schema.json' with { type: 'json' };
import manifest from './schemas/manifest.schema.json' with { type: 'json' };
import procedure from './schemas/procedure.schema.json' with { type: 'json' };
import simplificationReport from './schemas/simplification-report.schema.json' with { type: 'json' };
import version from './schemas/version.schema.json' with { type: 'json' };
import calendar from '../../rules/schema/calendar.schema.json' with { type: 'json' };
import procedureVersion from '../../rules/schema/procedure-version.schema.json' with { type: 'json' };

/**
 * The JSON Schemas published in api/v1/schemas/, by file name (without .schema.json). Every `$schema`
 * in the output names one of them (the working calendar in site/assets and reports/simplification.json too).
 */
export const API_SCHEMAS: Readonly<Record<string, { $id: string }>> = {
  calendar,
  'changes-page': changesPage,
  changes,
  common,
  'index-page': indexPage,
  index,
  'manifest-shard': manifestShard,
  manifest,
  procedure,
  'procedure-version': procedureVersion,
  'simplification-report': simplificationReport,
  version,
};
