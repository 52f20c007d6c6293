/**
 * The commonest function words of the languages in the corpus, left out of the notes field only.
 * They occur in nearly every episode's notes, so their postings are the largest in the index and
 * the slowest to score, while matching them says nothing. Titles, people and show names keep
 * every word, so a show called "The Who" or "It" is still found.
 */
const WORDS = [
  // English
  'a an and are as at be but by for from has have i in is it its of on or that the this to was we were will with you your',
  // German
  'auf aus das dass dem den der des die ein eine einen einer es ich im ist mit nicht sich sie und von zu',
  // French
  'au aux ce des du est et il la le les l un une qui que pour dans sur pas',
  // Spanish, Italian
  'con de del el en es las los por se y il di che per della una gli',
  // Swedish, Dutch
  'att och som det är på för av med het een van ik je niet',
].join(' ');

export const NOTES_STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(' '));
