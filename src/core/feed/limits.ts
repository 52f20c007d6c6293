/**
 * The most items one feed may bring: real feeds top out at a few thousand, while a few MB of
 * empty `<item>`s would otherwise become hundreds of thousands of stored episodes.
 */
export const MAX_ITEMS = 20_000;
