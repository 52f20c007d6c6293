/** The mini player above the navigation, expanding to the full player (issue 6). */
export function PlayerDock() {
  return null;
}
