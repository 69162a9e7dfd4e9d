/** The report templates: Handlebars, every partial of templates/partials, the one stylesheet. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

const templatesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

/**
 * templates/<name>.hbs with the section partials, compiled strict (a missing field throws);
 * every value escaped unless a template asks for raw HTML (the SVG charts and the styles).
 */
export async function reportTemplate<Model extends object>(
  name: string,
): Promise<(model: Model) => string> {
  const handlebars = Handlebars.create();
  const partialsDir = path.join(templatesDir, 'partials');
  for (const file of (await readdir(partialsDir)).filter((f) => f.endsWith('.hbs')).sort()) {
    handlebars.registerPartial(
      path.basename(file, '.hbs'),
      await readFile(path.join(partialsDir, file), 'utf8'),
    );
  }
  const template = handlebars.compile(
    await readFile(path.join(templatesDir, `${name}.hbs`), 'utf8'),
    {
      strict: true,
    },
  );
  const styles = await readFile(path.join(templatesDir, 'styles.css'), 'utf8');
  return (model) => template({ ...model, styles });
}
