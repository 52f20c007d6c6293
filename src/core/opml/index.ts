export { parseOpml, OpmlError, MAX_OPML_BYTES, MAX_OPML_FEEDS, type OpmlFeed, type OpmlFailure, type OpmlResult } from './parse';
export { serializeOpml, type OpmlOutline } from './serialize';
