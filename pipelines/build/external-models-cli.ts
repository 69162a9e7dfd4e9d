/** `npm run sql:external-models`: rewrites sql/external_models.yaml from the raw table definitions. */
import { writeExternalModels } from './run.ts';

await writeExternalModels();
