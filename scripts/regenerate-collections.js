#!/usr/bin/env node
/**
 * `npm run collections`: rewrites collections/ (collection + uat, production and local environment files with
 * placeholder credentials; the same in Collection format v3 under collections/postman/) and docs/negative-cases.md
 * from the built library in dist/. A test fails when the committed files are stale.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { placeholderFiles } = require(path.join(root, 'dist', 'collection', 'placeholders'));
const { writeGeneratedFiles } = require(path.join(root, 'dist', 'collection'));
const { negativeCasesMarkdown } = require(path.join(root, 'dist', 'collection', 'negative-cases-doc'));

const files = placeholderFiles();
const written = writeGeneratedFiles(path.join(root, 'collections'), files);
const v3 = writeGeneratedFiles(path.join(root, 'collections'), files, 'v3');
fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
const docsFile = path.join(root, 'docs', 'negative-cases.md');
fs.writeFileSync(docsFile, negativeCasesMarkdown());
for (const file of [written.collectionFile, ...written.environmentFiles, v3.collectionFile, ...v3.environmentFiles, docsFile]) {
  process.stdout.write(`wrote ${path.relative(root, file)} (${fs.statSync(file).isDirectory() ? `${fs.readdirSync(file, { recursive: true }).length} entries` : `${fs.statSync(file).size} bytes`})\n`);
}
