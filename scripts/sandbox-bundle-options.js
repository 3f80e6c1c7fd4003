/**
 * esbuild options for code that runs inside Postman's sandboxes: one IIFE per script, minified, plain ASCII.
 * Shared by the build (scripts/build.js) and the tests that bundle fixtures, so what is tested is what ships.
 */
module.exports = Object.freeze({
  bundle: true,
  format: 'iife',
  platform: 'neutral',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  charset: 'ascii',
});
