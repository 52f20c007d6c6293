export interface OpmlOutline {
  title: string;
  feedUrl: string;
  htmlUrl?: string | null;
}

/** XML 1.0 cannot carry most control characters even escaped, so they are dropped. */
function escapeAttr(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
  );
}

/** An OPML 2.0 subscription list that other podcast apps import. */
export function serializeOpml(outlines: readonly OpmlOutline[], options: { title?: string; date?: Date } = {}): string {
  const title = options.title ?? 'Hopcast subscriptions';
  const date = (options.date ?? new Date()).toUTCString();
  const lines = outlines.map((o) => {
    const html = o.htmlUrl ? ` htmlUrl="${escapeAttr(o.htmlUrl)}"` : '';
    const name = escapeAttr(o.title);
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeAttr(o.feedUrl)}"${html}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeAttr(title)}</title>`,
    `    <dateCreated>${date}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
