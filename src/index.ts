// The package's main export (SPEC 2).
export { extractText, extractFile, extractBytes, decodeDocument, type ExtractResult, type TextOptions } from './pipeline.js';
export { decodeBytes, DecodeError } from './decode.js';
export { normalize } from './normalize.js';
export { parseChineseNumeral, scanNumber } from './numerals.js';
export * from './schemas.js';
export { EXTRACTORS, EXTRACTORS_VERSION } from '../extractors/index.js';
