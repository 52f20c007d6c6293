export { parseOpml, OpmlError, MAX_OPML_FEEDS, type OpmlFailure } from './parse';
export { serializeOpml } from './serialize';
