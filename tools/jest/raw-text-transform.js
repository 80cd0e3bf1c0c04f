// Jest transformer that loads any file as its raw text, mirroring the bundlers' raw-text loaders
// for `.csv` reference data. `module.exports` is the string itself: swc's CommonJS interop wraps
// an export without __esModule as { default: exports }, so `import text from './a.csv'` yields
// the string. JSON.stringify makes the text a valid JavaScript string literal.
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};
