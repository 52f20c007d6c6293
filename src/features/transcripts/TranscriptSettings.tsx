import { useEffect } from 'preact/hooks';
import { podcasts, loadLibrary } from '../../state/library';
import { keepTranscripts, loadTranscriptSettings, setKeepTranscripts, setTranscriptShow, transcriptShows } from '../../state/transcript-settings';
import { transcriptIndexSize } from '../../state/transcript-index';
import './follow-along.css';

/** Settings → Transcripts: keep them after a download goes, and shows whose transcripts come early. */
export function TranscriptSettings() {
  useEffect(() => {
    void loadTranscriptSettings();
    void loadLibrary();
  }, []);
  const shows = podcasts.value;
  const count = transcriptIndexSize.value;
  return (
    <section class="settings-section" aria-labelledby="settings-transcripts">
      <h2 id="settings-transcripts">Transcripts</h2>
      <p class="muted">
        Transcripts and chapters are stored with each downloaded episode, so you can read along and search what was said offline.
        {count > 0 ? ` ${count} ${count === 1 ? 'episode is' : 'episodes are'} searchable now.` : ''}
      </p>
      <label class="transcript-setting">
        <input type="checkbox" checked={keepTranscripts.value} onChange={(e) => void setKeepTranscripts(e.currentTarget.checked)} />
        <span>Keep transcripts when a download is removed</span>
      </label>
      {shows.length > 0 && (
        <fieldset class="transcript-shows">
          <legend>Fetch transcripts as soon as episodes appear</legend>
          {shows.map((p) => (
            <label key={p.id} class="transcript-setting">
              <input type="checkbox" checked={transcriptShows.value.has(p.id)} onChange={(e) => void setTranscriptShow(p.id, e.currentTarget.checked)} />
              <span>{p.title || p.feedUrl}</span>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
