/**
 * YAML through the `yaml` library, one style for every file we write: block mappings, no line folding, multi-line
 * strings (scripts, bodies, descriptions) as literal blocks (`|-`), and whatever quoting the library needs for a
 * string to read back as that string (`'{{var}}'`, `"123"`, `"true"`). Same value, same bytes.
 */
import { Document, isScalar, parseDocument, visit } from 'yaml';
import { V3YamlError } from './errors';

export function yamlText(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}

/** The parsed value of a YAML file's text; a syntax error is one line naming the file and line. */
export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''));
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
    throw new V3YamlError(`${file}${line ? `:${line}` : ''}: not valid YAML (${what}); fix the file (values holding {{…}} must be quoted)`);
  }
  return doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null) ? undefined : doc.toJS();
}
